package org.gazette.safety;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides whether a URL may be published as a link or an image source.
 * A URL is published when it is relative (a path, a {@code #fragment}, {@code ?query}) or its scheme
 * is one of {@link #SCHEMES}; anything else ({@code javascript:}, {@code vbscript:}, {@code data:},
 * {@code file:}, unknown schemes) is refused.
 *
 * <p>The decision is made on the URL as a browser would read it, and more suspiciously: HTML
 * character references ({@code &#106;}, {@code &#x6A}, {@code &colon;}) and percent-escapes are
 * decoded, repeatedly (double encoding); ASCII tab, newline and every other control character,
 * whitespace and invisible format character (zero-width space, soft hyphen, BOM) are removed
 * wherever they are; case is ignored. If any of those readings shows a scheme that is not
 * allowed, the URL is refused.
 */
public final class SafeUrl {

    /** Schemes a press release links to: the web, mail and telephone. */
    public static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");

    private static final int MAX_ROUNDS = 8;

    // Named character references a browser decodes in an attribute; only those that can spell or
    // hide a scheme matter here (and &amp;, for double encoding).
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("colon", ":"), Map.entry("tab", "\t"), Map.entry("newline", "\n"), Map.entry("nbsp", " "),
            Map.entry("sol", "/"), Map.entry("num", "#"), Map.entry("quest", "?"), Map.entry("period", "."),
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("shy", "\u00AD"), Map.entry("zwsp", "\u200B"), Map.entry("zwj", "\u200D"),
            Map.entry("zwnj", "\u200C"), Map.entry("lpar", "("), Map.entry("rpar", ")"), Map.entry("plus", "+"),
            Map.entry("hyphen", "-"), Map.entry("dash", "-"), Map.entry("percnt", "%"));

    private SafeUrl() {}

    /** Whether {@code url} may be published as an {@code href} or {@code src}. */
    public static boolean allowed(String url) {
        if (url == null) return false;
        String s = url;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String scheme = scheme(s);
            if (scheme != null && !SCHEMES.contains(scheme)) return false;
            String next = percentDecode(decodeReferences(s));
            if (next.equals(s)) return true;
            s = next;
        }
        // Still changing after this many rounds of decoding: nobody writes a link like that.
        return false;
    }

    /**
     * The scheme of {@code url} in lower case, after removing the characters a browser (or a
     * confused one) skips; null when the URL is relative. A colon after '/', '?' or '#' is not a
     * scheme separator.
     */
    public static String scheme(String url) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                if (prefix.isEmpty()) return null;
                String p = prefix.toString().toLowerCase(Locale.ROOT);
                // A browser reads "ALPHA *( ALPHA / DIGIT / + / - / . )" as a scheme; anything else
                // before the colon makes the URL a relative path. Refuse the doubtful too: any
                // prefix that starts with a letter counts as a scheme.
                return Character.isLetter(p.charAt(0)) ? p : null;
            }
            if (c == '/' || c == '?' || c == '#' || c == '\\') return null;
            if (ignorable(c)) continue;
            prefix.append(c);
        }
        return null;
    }

    private static boolean ignorable(char c) {
        if (c <= 0x20 || c == 0x7F || Character.isWhitespace(c) || Character.isSpaceChar(c)) return true;
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.CONTROL;
    }

    /** Decodes {@code &#NN;}, {@code &#xHH;} (the semicolon optional, as browsers allow) and the named references above. */
    static String decodeReferences(String s) {
        if (s.indexOf('&') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            if (j < s.length() && s.charAt(j) == '#') {
                j++;
                boolean hex = j < s.length() && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
                if (hex) j++;
                int start = j;
                long value = 0;
                while (j < s.length() && Character.digit(s.charAt(j), hex ? 16 : 10) >= 0 && j - start < 10) {
                    value = value * (hex ? 16 : 10) + Character.digit(s.charAt(j), hex ? 16 : 10);
                    j++;
                }
                if (j > start) {
                    if (j < s.length() && s.charAt(j) == ';') j++;
                    out.appendCodePoint(value > 0 && value <= Character.MAX_CODE_POINT ? (int) value : 0xFFFD);
                    i = j;
                    continue;
                }
            } else {
                int start = j;
                while (j < s.length() && Character.isLetterOrDigit(s.charAt(j)) && j - start < 32) j++;
                String name = s.substring(start, j).toLowerCase(Locale.ROOT);
                String decoded = NAMED.get(name);
                if (decoded != null) {
                    if (j < s.length() && s.charAt(j) == ';') j++;
                    out.append(decoded);
                    i = j;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Decodes %HH escapes as UTF-8 where they form it, else as single bytes (Latin-1); malformed escapes stay. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
                continue;
            }
            flush(bytes, out);
            out.append(c);
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() == 0) return;
        byte[] b = bytes.toByteArray();
        bytes.reset();
        var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        try {
            out.append(decoder.decode(java.nio.ByteBuffer.wrap(b)));
        } catch (java.nio.charset.CharacterCodingException e) {
            out.append(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}
