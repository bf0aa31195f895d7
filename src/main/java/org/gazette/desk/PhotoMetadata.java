package org.gazette.desk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A photo as the desk stores it: without what a camera or phone writes about the photographer —
 * the place (GPS), the time, the device and its serial number, the editing software, comments —
 * which a press office does not mean to publish. Only what changes how the picture looks stays: a
 * JPEG's colour profile and its orientation (rewritten as the only entry of a new, minimal EXIF
 * block, so a phone photo is not shown lying on its side); a PNG's colour chunks. Every other
 * metadata segment or chunk is left out; the pixels are not touched (no re-encoding, no loss).
 */
final class PhotoMetadata {

    private PhotoMetadata() {}

    /** {@code bytes} without personal metadata; unchanged when it is not a JPEG or PNG Gazette can walk. */
    static byte[] strip(byte[] bytes) {
        if (bytes.length > 4 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) return jpeg(bytes);
        if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') return png(bytes);
        return bytes;
    }

    private static byte[] jpeg(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xFF);
        out.write(0xD8);
        int orientation = 1;
        int i = 2;
        boolean wroteOrientation = false;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) return b; // not a marker where one must be: leave the file as it is
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xDA) { // start of scan: the image data follows, to the end
                if (!wroteOrientation && orientation != 1) out.writeBytes(orientationSegment(orientation));
                out.write(b, i, b.length - i);
                return out.toByteArray();
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > b.length) return b;
            boolean keep;
            if (marker == 0xE1 && startsWith(b, i + 4, "Exif\0\0")) {
                orientation = orientation(b, i + 10, i + 2 + length);
                keep = false;
            } else if (marker == 0xE0) {
                keep = startsWith(b, i + 4, "JFIF\0");          // the JFIF header (density), nothing else in APP0
            } else if (marker == 0xE2) {
                keep = startsWith(b, i + 4, "ICC_PROFILE\0");   // colour profile: how the picture looks
            } else if (marker == 0xEE) {
                keep = startsWith(b, i + 4, "Adobe");           // colour transform of CMYK/YCCK files
            } else {
                keep = !(marker >= 0xE0 && marker <= 0xEF) && marker != 0xFE; // other APPn and comments go
            }
            if (keep) {
                // The orientation goes right after the JFIF header (or first), where readers look for EXIF.
                if (!wroteOrientation && orientation != 1 && marker != 0xE0) {
                    out.writeBytes(orientationSegment(orientation));
                    wroteOrientation = true;
                }
                out.write(b, i, 2 + length);
            }
            i += 2 + length;
        }
        return b;
    }

    /** The orientation (1–8) in an EXIF block's first IFD, or 1. */
    static int orientation(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) return 1;
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        int ifd = (int) u32(b, tiff + 4, little);
        int at = tiff + ifd;
        if (ifd < 8 || at + 2 > end) return 1;
        int n = u16(b, at, little);
        for (int k = 0; k < n; k++) {
            int e = at + 2 + 12 * k;
            if (e + 12 > end) return 1;
            if (u16(b, e, little) == 0x0112) {
                int v = u16(b, e + 8, little);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    /** An APP1 EXIF segment holding only the orientation. */
    static byte[] orientationSegment(int orientation) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // big-endian TIFF header, first IFD at 8
        tiff.writeBytes(new byte[] {0, 1});                          // one entry
        tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0}); // Orientation, SHORT, 1
        tiff.writeBytes(new byte[] {0, 0, 0, 0});                    // no next IFD
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream seg = new ByteArrayOutputStream();
        int length = 2 + 6 + body.length;
        seg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        seg.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        seg.writeBytes(body);
        return seg.toByteArray();
    }

    private static byte[] png(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int i = 8;
        while (i + 12 <= b.length) {
            long length = u32(b, i, false);
            if (length < 0 || i + 12 + length > b.length) return b;
            String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            // Text, time and EXIF chunks carry who, when, where and with what; the rest is the picture.
            boolean drop = type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt") || type.equals("eXIf") || type.equals("tIME");
            if (!drop) out.write(b, i, (int) (12 + length));
            i += 12 + (int) length;
            if (type.equals("IEND")) break;
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) return false;
        for (int k = 0; k < s.length(); k++) if (b[at + k] != (byte) s.charAt(k)) return false;
        return true;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) : ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at, boolean little) {
        long v = little ? (b[at] & 0xFFL) | ((b[at + 1] & 0xFFL) << 8) | ((b[at + 2] & 0xFFL) << 16) | ((b[at + 3] & 0xFFL) << 24)
                : ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
        return v;
    }
}
