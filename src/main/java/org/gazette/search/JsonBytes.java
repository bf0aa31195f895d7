package org.gazette.search;

import java.util.Arrays;

/**
 * JSON written straight as UTF-8 bytes: the index's term and text files are mostly numbers and
 * Chinese, and going through a {@code StringBuilder} (UTF-16, then encoded) was a third of the
 * search step on a realistic archive.
 */
final class JsonBytes {

    private byte[] buf;
    private int size;

    JsonBytes(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** The bytes as they stand (valid up to {@link #size()}). */
    byte[] array() {
        return buf;
    }

    private void room(int n) {
        if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }

    /** An ASCII character (JSON punctuation). */
    JsonBytes ascii(char c) {
        room(1);
        buf[size++] = (byte) c;
        return this;
    }

    /** A non-negative or negative whole number in decimal. */
    JsonBytes number(int v) {
        room(11);
        if (v < 0) {
            if (v == Integer.MIN_VALUE) {
                for (char c : "-2147483648".toCharArray()) buf[size++] = (byte) c;
                return this;
            }
            buf[size++] = '-';
            v = -v;
        }
        if (v < 10) {
            buf[size++] = (byte) ('0' + v);
            return this;
        }
        int digits = v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : v < 100_000 ? 5 : v < 1_000_000 ? 6
                : v < 10_000_000 ? 7 : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
        for (int i = size + digits - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += digits;
        return this;
    }

    /** {@code s} as a JSON string, escaped as {@link SearchIndex#string} escapes it. */
    JsonBytes string(String s) {
        room(s.length() * 3 + 2);
        buf[size++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    buf[size++] = (byte) c;
                    continue;
                }
                String esc = switch (c) {
                    case '"' -> "\\\"";
                    case '\\' -> "\\\\";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) c);
                };
                room(esc.length() + (s.length() - i) * 3);
                for (int k = 0; k < esc.length(); k++) buf[size++] = (byte) esc.charAt(k);
            } else if (c < 0x800) {
                buf[size++] = (byte) (0xC0 | c >> 6);
                buf[size++] = (byte) (0x80 | c & 0x3F);
            } else if (c == 0x2028 || c == 0x2029) {
                room(6 + (s.length() - i) * 3);
                for (char k : String.format("\\u%04x", (int) c).toCharArray()) buf[size++] = (byte) k;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[size++] = (byte) (0xF0 | cp >> 18);
                buf[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[size++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate: what String.getBytes(UTF_8) writes for it.
                buf[size++] = '?';
            } else {
                buf[size++] = (byte) (0xE0 | c >> 12);
                buf[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        buf[size++] = '"';
        return this;
    }
}
