package org.gazette.content;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small binary grammar of the records a build keeps beside its output for the next one (the
 * manifest of the site, the store of parsed texts): lengths as variable-length integers, strings
 * as UTF-8 with their length, a string met often said once and then by its number; and when such a
 * file may be trusted at all.
 */
public final class Binary {

    private Binary() {}

    /** The end of a record file: the checksum of its entries, where they start, and a mark of its kind. */
    private static final int TRAILER = 8 + 8 + 4;

    /**
     * A record file opened to be read back: its channel (the caller closes it), where its entries
     * start (before them: what the entries point into, e.g. texts), and the entries, checked whole.
     */
    public record Section(java.nio.channels.FileChannel channel, long start, DataInputStream in) {}

    /**
     * Opens the record file {@code file} beside the output {@code out} if it can be trusted (see
     * {@link #ownAndPrivate}) and ends as one of kind {@code mark} does, its entries' checksum holding;
     * null otherwise (the channel then closed).
     */
    public static Section open(Path file, Path out, int mark) {
        java.nio.channels.FileChannel channel = null;
        try {
            if (!ownAndPrivate(file, out)) return null;
            channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            long size = channel.size();
            if (size < TRAILER) return null;
            java.nio.ByteBuffer trailer = read(channel, size - TRAILER, TRAILER);
            long crc = trailer.getLong(0);
            long start = trailer.getLong(8);
            long length = size - TRAILER - start;
            if (trailer.getInt(16) != mark || start < 0 || length < 0 || length > Integer.MAX_VALUE - 64) return null;
            java.nio.ByteBuffer section = read(channel, start, (int) length);
            java.util.zip.CRC32 check = new java.util.zip.CRC32();
            check.update(section.array(), 0, (int) length);
            if (check.getValue() != crc) return null;
            Section opened = new Section(channel, start, new DataInputStream(new java.io.ByteArrayInputStream(section.array(), 0, (int) length)));
            channel = null;
            return opened;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // read only
                }
            }
        }
    }

    /** {@code length} bytes of {@code channel} from {@code at}. */
    private static java.nio.ByteBuffer read(java.nio.channels.FileChannel channel, long at, int length) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) if (channel.read(buffer, at + buffer.position()) < 0) throw new EOFException("the file ended early");
        return buffer;
    }

    /**
     * Writes, after a record file's entries (which started at {@code start} and whose checksum is
     * {@code crc}), the end that {@link #open} reads: the checksum, where they start, the mark.
     */
    public static void end(java.io.OutputStream raw, long crc, long start, int mark) throws IOException {
        DataOutputStream end = new DataOutputStream(raw);
        end.writeLong(crc);
        end.writeLong(start);
        end.writeInt(mark);
        end.flush();
    }

    public static void string(DataOutputStream o, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(o, b.length);
        o.write(b);
    }

    public static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[varint(in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A string or null. */
    public static void nullable(DataOutputStream o, String s) throws IOException {
        o.writeBoolean(s != null);
        if (s != null) string(o, s);
    }

    public static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? string(in) : null;
    }

    public static void strings(DataOutputStream o, List<String> list) throws IOException {
        varint(o, list.size());
        for (String s : list) string(o, s);
    }

    public static List<String> strings(DataInputStream in) throws IOException {
        int n = varint(in);
        List<String> list = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) list.add(string(in));
        return list;
    }

    /** A string said once in full, then by its number in {@code table} (a page's navigation links are every page's). */
    public static void shared(DataOutputStream o, String s, Map<String, Integer> table) throws IOException {
        Integer n = table.get(s);
        if (n != null) {
            varint(o, n + 1);
            return;
        }
        table.put(s, table.size());
        varint(o, 0);
        string(o, s);
    }

    public static String shared(DataInputStream in, List<String> table) throws IOException {
        int n = varint(in);
        if (n > 0) {
            if (n > table.size()) throw new IOException("a string numbered before it was said");
            return table.get(n - 1);
        }
        String s = string(in);
        table.add(s);
        return s;
    }

    public static void varint(DataOutputStream o, int v) throws IOException {
        if (v < 0) throw new IllegalArgumentException("a negative length: " + v);
        while ((v & ~0x7f) != 0) {
            o.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        o.writeByte(v);
    }

    public static int varint(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (v < 0) throw new IOException("a negative length");
                return v;
            }
        }
        throw new EOFException("a length too long");
    }

    /**
     * A regular file that no one else may write, owned by this user (or, where the name cannot be
     * looked up, by the owner of the output folder); without owners (not POSIX), a regular file.
     */
    public static boolean ownAndPrivate(Path file, Path out) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) return false;
            java.nio.file.attribute.UserPrincipal me;
            try {
                me = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
            } catch (IOException e) {
                me = Files.getOwner(out, LinkOption.NOFOLLOW_LINKS);
            }
            return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).equals(me);
        } catch (UnsupportedOperationException e) {
            return true;
        }
    }

    /** Readable and writable by the user only (POSIX). */
    public static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
