package org.gazette.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The index's byte writer writes what the JDK's UTF-8 encoder writes for the same JSON. */
class JsonBytesTest {

    @Test
    void stringsAndNumbersAreTheBytesOfTheJdksEncoding() {
        org.gazette.Generated.check(300, r -> {
            StringBuilder s = new StringBuilder();
            for (int i = r.nextInt(40); i > 0; i--) {
                switch (r.nextInt(7)) {
                    case 0 -> s.append((char) r.nextInt(0x80));                 // ASCII, controls and quotes included
                    case 1 -> s.append((char) (0x80 + r.nextInt(0x780)));        // two bytes
                    case 2 -> s.append((char) (0x4E00 + r.nextInt(0x5200)));     // Han
                    case 3 -> s.appendCodePoint(0x20000 + r.nextInt(0xA000));     // a pair of surrogates
                    case 4 -> s.append(r.nextBoolean() ? '\u2028' : '\u2029');
                    case 5 -> s.append((char) (0xD800 + r.nextInt(0x800)));      // a lone surrogate
                    default -> s.append("\\\"\n\t\r");
                }
            }
            return new Object[] {s.toString(), r.nextInt(), r.nextInt(1000)};
        }, c -> {
            String s = (String) c[0];
            StringBuilder expected = SearchIndex.string(new StringBuilder("["), s).append(',').append((int) c[1]).append(',').append((int) c[2]).append(']');
            byte[] got = new JsonBytes(4).ascii('[').string(s).ascii(',').number((int) c[1]).ascii(',').number((int) c[2]).ascii(']').toByteArray();
            assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), got, s);
        });
        assertArrayEquals("[-2147483648,0]".getBytes(StandardCharsets.UTF_8),
                new JsonBytes(1).ascii('[').number(Integer.MIN_VALUE).ascii(',').number(0).ascii(']').toByteArray());
    }
}
