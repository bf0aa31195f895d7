package org.gazette.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problems;
import org.gazette.safety.SafeSvg;

/**
 * Every image a text uses is looked at before anything is published: a picture's header gives its
 * kind and size without decoding it (a 1.5 MB PNG can declare 20,000 × 20,000 pixels and take
 * gigabytes to decode), and a file whose bytes are no picture is named at the line that uses it,
 * never published as a broken picture or left out of the bulletin without a word. An SVG is
 * checked by {@link SafeSvg}, which is also what writes it into the site.
 */
public final class ImageCheck {

    /** Pixels a picture may have: a 50-megapixel camera's photo, decoded, is 200 MB. */
    public static final long MAX_PIXELS = 50_000_000L;

    /** What a picture is, by its bytes, and its size in pixels. */
    public record Picture(String kind, long width, long height) {}

    private ImageCheck() {}

    /**
     * Checks {@code file} ({@code rel} in the content folder), used at {@code at}; problems go to
     * {@code problems}. Returns whether it may be published.
     */
    public static boolean check(String rel, Path file, Position at, Problems problems) {
        String ext = rel.substring(rel.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.error(at, Msg.IMAGE_TOO_LARGE.with(rel, Files.size(file) / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024)), Msg.IMAGE_TOO_LARGE_FIX.with());
                return false;
            }
            bytes = ext.equals("svg") ? Files.readAllBytes(file) : head(file);
        } catch (IOException e) {
            problems.error(at, Msg.CANNOT_READ_IMAGE.with(rel, Msg.reason(e)), Msg.CHECK_READABLE.with());
            return false;
        }
        if (ext.equals("svg")) {
            SafeSvg.Result r = SafeSvg.clean(bytes);
            if (r.ok()) return true;
            SafeSvg.Refusal why = r.refusal();
            problems.error(new Position(rel, why.line(), why.column()), Msg.SVG_REFUSED.with(why.what()), Msg.SVG_REFUSED_FIX.with());
            return false;
        }
        Picture p;
        try {
            p = picture(bytes);
        } catch (IOException e) {
            p = null;
        }
        if (p == null) {
            problems.error(at, Msg.IMAGE_NOT_PICTURE.with(rel), Msg.IMAGE_NOT_PICTURE_FIX.with());
            return false;
        }
        if (p.width() <= 0 || p.height() <= 0) {
            problems.error(at, Msg.IMAGE_DAMAGED.with(rel, p.width(), p.height()), Msg.IMAGE_DAMAGED_FIX.with());
            return false;
        }
        long pixels = p.width() * p.height();
        if (pixels > MAX_PIXELS) {
            problems.error(at, Msg.IMAGE_TOO_MANY_PIXELS.with(rel, p.width(), p.height(), new Message.Pixels(pixels), new Message.Pixels(MAX_PIXELS)), Msg.IMAGE_TOO_MANY_PIXELS_FIX.with());
            return false;
        }
        return true;
    }

    /** Larger than any picture a page should carry. */
    static final long MAX_FILE_BYTES = 30L * 1024 * 1024;

    /** The start of the file, where every format's size is (a JPEG's may follow its embedded thumbnails). */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(1 << 20);
        }
    }

    /** The kind and size a picture's header declares; null when the bytes are not a picture Gazette knows. */
    public static Picture picture(byte[] b) throws IOException {
        if (b.length >= 8 && u32(b, 0) == 0x89504E47L && u32(b, 4) == 0x0D0A1A0AL) {
            if (b.length < 33 || u32(b, 8) != 13 || !ascii(b, 12, 4).equals("IHDR")) return null;
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(b, 12, 17);
            if (crc.getValue() != u32(b, 29)) return null;
            return new Picture("png", u32(b, 16), u32(b, 20));
        }
        if (b.length >= 10 && (ascii(b, 0, 6).equals("GIF87a") || ascii(b, 0, 6).equals("GIF89a"))) {
            return new Picture("gif", u16le(b, 6), u16le(b, 8));
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return jpeg(b);
        if (b.length >= 30 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            String chunk = ascii(b, 12, 4);
            if (chunk.equals("VP8X")) return new Picture("webp", 1 + u24le(b, 24), 1 + u24le(b, 27));
            if (chunk.equals("VP8L") && (b[20] & 0xFF) == 0x2F) {
                long bits = u32le(b, 21);
                return new Picture("webp", 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
            }
            if (chunk.equals("VP8 ") && (b[23] & 0xFF) == 0x9D && (b[24] & 0xFF) == 0x01 && (b[25] & 0xFF) == 0x2A) {
                return new Picture("webp", u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF);
            }
            return null;
        }
        return null;
    }

    /** Walks a JPEG's segments to its frame header (SOF), which holds the size. */
    private static Picture jpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) return null;
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            int length = u16(b, i + 2);
            if (length < 2) return null;
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                if (i + 9 > b.length) return null;
                return new Picture("jpeg", u16(b, i + 7), u16(b, i + 5));
            }
            if (marker == 0xDA || marker == 0xD9) return null; // image data before any frame header
            i += 2 + length;
        }
        return null;
    }

    private static String ascii(byte[] b, int at, int n) {
        return new String(b, at, n, StandardCharsets.ISO_8859_1);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static long u32le(byte[] b, int at) {
        return ((long) (b[at + 3] & 0xFF) << 24) | ((b[at + 2] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int at) {
        return ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }

    private static long u24le(byte[] b, int at) {
        return ((b[at + 2] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }
}
