package org.gazette.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.gazette.Generated;
import org.gazette.TestSites;
import org.junit.jupiter.api.Test;

/**
 * A picture's kind and size are read from its header alone, as the JDK's decoders would report
 * them; and no bytes at all — cut short, flipped, random — make the reader fail other than by saying
 * "not a picture".
 */
class ImageCheckTest {

    static byte[] encode(String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xC00000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), format);
        return out.toByteArray();
    }

    @Test
    void sizesAreThoseTheDecodersReport() throws Exception {
        for (String format : List.of("png", "jpeg", "gif")) {
            for (int[] size : new int[][] {{1, 1}, {640, 480}, {3, 2000}, {2049, 17}}) {
                ImageCheck.Picture p = ImageCheck.picture(encode(format, size[0], size[1]));
                assertNotNull(p, format);
                assertEquals(format, p.kind());
                assertEquals(size[0], p.width(), format);
                assertEquals(size[1], p.height(), format);
            }
        }
        ImageCheck.Picture bomb = ImageCheck.picture(TestSites.pngHeader(20_000, 20_000));
        assertEquals(20_000L * 20_000L, bomb.width() * bomb.height());
    }

    @Test
    void noBytesMakeTheReaderFail() throws Exception {
        List<byte[]> real = List.of(encode("png", 40, 30), encode("jpeg", 40, 30), encode("gif", 40, 30), TestSites.pngHeader(9, 9),
                webp());
        Generated.check(20_000, r -> {
            byte[] base = real.get(r.nextInt(real.size()));
            byte[] b = switch (r.nextInt(4)) {
                case 0 -> Arrays.copyOf(base, r.nextInt(base.length + 1)); // cut short
                case 1 -> { // bytes flipped
                    byte[] c = base.clone();
                    for (int k = 1 + r.nextInt(4); k > 0; k--) c[r.nextInt(c.length)] ^= (byte) (1 + r.nextInt(255));
                    yield c;
                }
                case 2 -> { // random, with a real signature in front
                    byte[] c = new byte[r.nextInt(64)];
                    r.nextBytes(c);
                    System.arraycopy(base, 0, c, 0, Math.min(c.length, 4 + r.nextInt(8)));
                    yield c;
                }
                default -> {
                    byte[] c = new byte[r.nextInt(64)];
                    r.nextBytes(c);
                    yield c;
                }
            };
            return b;
        }, b -> {
            try {
                ImageCheck.Picture p = ImageCheck.picture(b);
                if (p != null) assertTrue(p.width() >= 0 && p.height() >= 0);
            } catch (java.io.IOException e) {
                // said as "not a picture"
            }
        });
    }

    @Test
    void bytesThatAreNoPictureAreNamedSo() throws Exception {
        assertNull(ImageCheck.picture("this was an e-mail attachment".getBytes()));
        assertNull(ImageCheck.picture(new byte[0]));
        assertNull(ImageCheck.picture("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()));
    }

    /** A lossless WebP of 7 × 5 pixels (VP8L), as cwebp writes one. */
    static byte[] webp() {
        byte[] b = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, b, 0, 4);
        System.arraycopy("WEBPVP8L".getBytes(), 0, b, 8, 8);
        b[20] = 0x2F;
        long bits = (7 - 1) | ((long) (5 - 1) << 14);
        for (int k = 0; k < 4; k++) b[21 + k] = (byte) (bits >>> (8 * k));
        return b;
    }

    @Test
    void webpSizesAreRead() throws Exception {
        ImageCheck.Picture p = ImageCheck.picture(webp());
        assertEquals("webp", p.kind());
        assertEquals(7, p.width());
        assertEquals(5, p.height());
    }
}
