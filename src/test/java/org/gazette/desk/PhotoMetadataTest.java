package org.gazette.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** A phone's photo keeps how it looks and loses who took it, where, when and with what. */
class PhotoMetadataTest {

    static byte[] image(String format) throws Exception {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) img.setRGB(x, x % 48, 0xC00000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** An EXIF block as a phone writes one: orientation 6 (turned), the make, the time, and a pointer to GPS data. */
    static byte[] exif() {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
        t.writeBytes(new byte[] {4, 0});
        t.writeBytes(new byte[] {0x0F, 0x01, 2, 0, 13, 0, 0, 0, 62, 0, 0, 0});            // Make, ASCII, 13 bytes at 62
        t.writeBytes(new byte[] {0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0});              // Orientation = 6
        t.writeBytes(new byte[] {0x32, 0x01, 2, 0, 20, 0, 0, 0, 75, 0, 0, 0});            // DateTime at 75
        t.writeBytes(new byte[] {0x25, (byte) 0x88, 4, 0, 1, 0, 0, 0, 95, 0, 0, 0});      // GPS IFD at 95
        t.writeBytes(new byte[] {0, 0, 0, 0});
        t.writeBytes("SECRET-PHONE\0".getBytes(StandardCharsets.ISO_8859_1));
        t.writeBytes("2018:06:20 09:41:07\0".getBytes(StandardCharsets.ISO_8859_1));
        t.writeBytes(new byte[] {1, 0, 1, 0, 2, 0, 2, 0, 0, 0, 'N', 0, 0, 0, 0, 0, 0, 0}); // GPSLatitudeRef N
        byte[] tiff = t.toByteArray();
        ByteArrayOutputStream seg = new ByteArrayOutputStream();
        int length = 2 + 6 + tiff.length;
        seg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        seg.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        seg.writeBytes(tiff);
        return seg.toByteArray();
    }

    static byte[] withExif(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(exif());
        byte[] comment = "COM by SECRET-EDITOR".getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) (comment.length + 2)});
        out.writeBytes(comment);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void aJpegLosesItsExifButKeepsItsOrientationAndPixels() throws Exception {
        byte[] plain = image("jpeg");
        byte[] phone = withExif(plain);
        assertTrue(new String(phone, StandardCharsets.ISO_8859_1).contains("SECRET-PHONE"));
        byte[] clean = PhotoMetadata.strip(phone);
        String text = new String(clean, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("SECRET-PHONE") || text.contains("2018:06:20") || text.contains("SECRET-EDITOR"), "make, time and comment gone");
        int app1 = text.indexOf("Exif\0\0");
        assertTrue(app1 > 0, "a minimal EXIF block");
        assertEquals(6, PhotoMetadata.orientation(clean, app1 + 6, clean.length), "the orientation kept");
        assertFalse(text.substring(app1, app1 + 40).contains("\u0025\u0088"), "no GPS pointer");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(clean));
        assertNotNull(read);
        assertEquals(64, read.getWidth());
        assertEquals(48, read.getHeight());
        // The pixels are the same bytes: nothing re-encoded.
        int scan = indexOf(plain, new byte[] {(byte) 0xFF, (byte) 0xDA});
        int cleanScan = indexOf(clean, new byte[] {(byte) 0xFF, (byte) 0xDA});
        assertEquals(plain.length - scan, clean.length - cleanScan);
    }

    @Test
    void aJpegWithoutMetadataIsUnchanged() throws Exception {
        byte[] plain = image("jpeg");
        assertEquals(plain.length, PhotoMetadata.strip(plain).length);
    }

    @Test
    void aPngLosesItsTextAndTimeChunks() throws Exception {
        byte[] png = image("png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33); // signature and IHDR
        byte[] text = "Author\0SECRET-AUTHOR".getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(chunk("tEXt", text));
        out.writeBytes(chunk("tIME", new byte[] {0x07, (byte) 0xE2, 6, 20, 9, 41, 7}));
        out.write(png, 33, png.length - 33);
        byte[] clean = PhotoMetadata.strip(out.toByteArray());
        assertFalse(new String(clean, StandardCharsets.ISO_8859_1).contains("SECRET-AUTHOR"));
        assertFalse(new String(clean, StandardCharsets.ISO_8859_1).contains("tIME"));
        assertEquals(png.length, clean.length);
        assertNotNull(ImageIO.read(new ByteArrayInputStream(clean)));
    }

    static byte[] chunk(String type, byte[] data) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }
}
