package org.gazette.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Texts a build needs again later but need not hold meanwhile, kept in a temporary file: appended
 * once, read back by position (from any thread), the file deleted when closed. A build of 200,000
 * pages has ~1 GB of article bodies and ~1 GB of search texts; in memory each is then a position.
 */
public final class Spill implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final String what;
    private long end;

    /** A new spill file; {@code what} names it in the temporary folder and in errors ("search", "bodies"). */
    public Spill(String what) {
        this.what = what;
        try {
            file = Files.createTempFile("gazette-" + what + "-", ".spill");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends {@code bytes}; returns where they start. */
    public synchronized long add(byte[] bytes) {
        long at = end;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) channel.write(buffer, at + buffer.position());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        end += bytes.length;
        return at;
    }

    /** The text at {@code at}, {@code length} bytes of UTF-8 (safe from any thread). */
    public String read(long at, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) throw new IOException("the " + what + " spill file ended early");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    /** A text's body kept here: its HTML is read back when a page shows it. */
    public Article.Body keep(String html) {
        byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
        return new Kept(this, add(utf8), utf8.length);
    }

    private record Kept(Spill spill, long at, int length) implements Article.Body {
        @Override
        public String html() {
            return spill.read(at, length);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file: the system's cleaning removes it
        }
    }
}
