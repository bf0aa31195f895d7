package org.gazette.html;

import java.util.Map;

/**
 * Character references as a browser decodes them: numeric ones ({@code &#20013;}, {@code &#x4E2D;},
 * the semicolon optional; 0, surrogates and values past U+10FFFF as U+FFFD; 0x80–0x9F as
 * Windows-1252), and the named ones a page of Gazette's or a press text can hold. A name outside
 * that list stays as written (jsoup knows all 2,231: the one intended difference, tested on its own).
 */
public final class Refs {

    private Refs() {}

    static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("amp", (int) '&'), Map.entry("lt", (int) '<'), Map.entry("gt", (int) '>'), Map.entry("quot", (int) '"'),
            Map.entry("apos", (int) '\''), Map.entry("nbsp", 0xA0), Map.entry("copy", 0xA9), Map.entry("reg", 0xAE),
            Map.entry("trade", 0x2122), Map.entry("hellip", 0x2026), Map.entry("mdash", 0x2014), Map.entry("ndash", 0x2013),
            Map.entry("lsquo", 0x2018), Map.entry("rsquo", 0x2019), Map.entry("ldquo", 0x201C), Map.entry("rdquo", 0x201D),
            Map.entry("middot", 0xB7), Map.entry("times", 0xD7), Map.entry("divide", 0xF7), Map.entry("yen", 0xA5),
            Map.entry("deg", 0xB0), Map.entry("plusmn", 0xB1), Map.entry("sect", 0xA7), Map.entry("para", 0xB6),
            Map.entry("laquo", 0xAB), Map.entry("raquo", 0xBB), Map.entry("bull", 0x2022), Map.entry("minus", 0x2212),
            Map.entry("permil", 0x2030), Map.entry("shy", 0xAD), Map.entry("zwsp", 0x200B), Map.entry("zwj", 0x200D),
            Map.entry("zwnj", 0x200C), Map.entry("ensp", 0x2002), Map.entry("emsp", 0x2003), Map.entry("thinsp", 0x2009),
            Map.entry("colon", (int) ':'), Map.entry("sol", (int) '/'), Map.entry("num", (int) '#'), Map.entry("quest", (int) '?'),
            Map.entry("period", (int) '.'), Map.entry("comma", (int) ','), Map.entry("lpar", (int) '('), Map.entry("rpar", (int) ')'),
            Map.entry("tab", (int) '\t'), Map.entry("newline", (int) '\n'), Map.entry("percnt", (int) '%'), Map.entry("equals", (int) '='),
            Map.entry("excl", (int) '!'), Map.entry("dollar", (int) '$'), Map.entry("ast", (int) '*'), Map.entry("plus", (int) '+'),
            Map.entry("semi", (int) ';'), Map.entry("lowbar", (int) '_'), Map.entry("verbar", (int) '|'), Map.entry("grave", (int) '`'));

    /** Windows-1252 for numeric references 0x80–0x9F (HTML's rule); 0 where the byte is unassigned (kept as is). */
    private static final int[] C1 = {0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152,
            0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D,
            0x17E, 0x178};

    /** {@code s} with its character references decoded. */
    public static String decode(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        decode(s, 0, s.length(), b);
        return b.toString();
    }

    /** Decodes {@code s[from, to)} into {@code out}. */
    public static void decode(String s, int from, int to, StringBuilder out) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = reference(s, i, to, out);
            if (end < 0) {
                out.append('&');
                i++;
            } else {
                i = end;
            }
        }
    }

    /** Decodes the reference at {@code s[at]} ('&') into {@code out}; returns where it ends, or -1 if there is none. */
    private static int reference(String s, int at, int to, StringBuilder out) {
        int i = at + 1;
        if (i < to && s.charAt(i) == '#') {
            i++;
            boolean hex = i < to && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
            if (hex) i++;
            int start = i;
            long value = 0;
            while (i < to && Character.digit(s.charAt(i), hex ? 16 : 10) >= 0 && value <= 0x10FFFF) {
                value = value * (hex ? 16 : 10) + Character.digit(s.charAt(i), hex ? 16 : 10);
                i++;
            }
            while (i < to && Character.digit(s.charAt(i), hex ? 16 : 10) >= 0) i++; // digits past the largest code point
            if (i == start) return -1;
            if (i < to && s.charAt(i) == ';') i++;
            int cp;
            if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) cp = 0xFFFD;
            else if (value >= 0x80 && value <= 0x9F) cp = C1[(int) value - 0x80];
            else cp = (int) value;
            out.appendCodePoint(cp);
            return i;
        }
        int start = i;
        while (i < to && i - start < 12 && Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) < 0x80) i++;
        if (i >= to || s.charAt(i) != ';' || i == start) return -1;
        Integer cp = NAMED.get(s.substring(start, i));
        if (cp == null) return -1;
        out.appendCodePoint(cp);
        return i + 1;
    }
}
