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

    /**
     * A new spill file in {@code folder} (the output's parent, which holds the site anyway: the
     * system's temporary folder is memory on many systems), or in the temporary folder when null
     * or not a folder. {@code what} names it ("search", "bodies"). Hidden, readable by this user
     * only, and unlinked as soon as it is open where the system allows (Linux): a build that is
     * killed leaves nothing behind.
     */
    public Spill(String what, Path folder) {
        this.what = what;
        Path dir = folder != null && Files.isDirectory(folder) ? folder : Path.of(System.getProperty("java.io.tmpdir"));
        Path made = null;
        FileChannel opened = null;
        for (int attempt = 0; opened == null; attempt++) {
            made = dir.resolve(".gazette-" + what + "-" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".spill");
            try {
                opened = open(made, true);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) throw new UncheckedIOException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        file = made;
        channel = opened;
    }

    private Spill(String what, Path file, FileChannel channel) {
        this.what = what;
        this.file = file;
        this.channel = channel;
    }

    /**
     * A spill file at {@code file}, kept when the build ends well ({@link #leave}: the search texts a
     * next build takes its unchanged pages' documents from), removed otherwise. Made anew (whatever was
     * there, a link included, is removed first), readable by this user only.
     */
    public static Spill at(String what, Path file) {
        try {
            Files.deleteIfExists(file);
            return new Spill(what, file, open(file, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean left;

    /** Leaves the file in place when closed (the build ended well: a record for the next one is finished in it); it stays open meanwhile. */
    public synchronized void leave() {
        left = true;
    }

    /** Where {@code body} is in this spill ({at, length}), or null when it is kept elsewhere. */
    long[] place(Article.Body body) {
        return body instanceof Kept k && k.spill() == this ? new long[] {k.at(), k.length()} : null;
    }

    /** How many bytes it holds. */
    public synchronized long size() {
        return end;
    }

    /** The CRC-32 of its first {@code length} bytes. */
    long checksum(long length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        try {
            for (long at = 0; at < length; ) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), length - at));
                int n = channel.read(buffer, at);
                if (n < 0) throw new IOException("the " + what + " spill file ended early");
                crc.update(buffer.array(), 0, n);
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crc.getValue();
    }

    /** A spill file in the system's temporary folder (tests, and places with no output folder). */
    public Spill(String what) {
        this(what, null);
    }

    /** A new file only its user can read, removed when closed if {@code temporary}. */
    private static FileChannel open(Path file, boolean temporary) throws IOException {
        var options = temporary
                ? java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)
                : java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(file, options, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, options); // not a POSIX file system
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
    public synchronized void close() {
        if (left) {
            try {
                channel.close();
            } catch (IOException e) {
                // its file stays, as asked
            }
            return;
        }
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file: the system's cleaning removes it
        }
    }
}
