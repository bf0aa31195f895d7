package org.gazette.html;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads built pages as a browser's tokenizer reads them, fast, over their UTF-8 bytes: start tags
 * with their attributes (double-quoted, single-quoted or unquoted, names in any case, the first of
 * duplicates), end tags, text between them; comments, doctypes and processing instructions left
 * out; the raw text of {@code <script>} and {@code <style>} skipped whole, that of {@code <title>} and
 * {@code <textarea>} read as text only. Not a tree builder: the callers keep their own depth. It
 * is compared with jsoup on every page of the test sites and on hand-written tricky markup.
 */
public final class HtmlTokens {

    private HtmlTokens() {}

    /** What a scan reports. */
    public interface Handler {
        /** Text between tags: {@code html[from, to)}, character references not yet decoded ({@link Refs}). */
        void text(byte[] html, int from, int to);

        /** A start tag. {@code tag} is valid only during the call. */
        void start(Tag tag);

        /** An end tag, its name in lower case. */
        void end(String name);
    }

    /** A start tag: its name in lower case, whether it ends with {@code />}, and its attributes. */
    public static final class Tag {
        private byte[] html;
        private String name;
        private boolean selfClosing;
        /** Per attribute: name start, name end, value start, value end (-1: no value). */
        private int[] spans = new int[32];
        private int count;

        public String name() {
            return name;
        }

        public boolean selfClosing() {
            return selfClosing;
        }

        public int size() {
            return count;
        }

        /** The name of attribute {@code i}, in lower case. */
        public String name(int i) {
            return new String(html, spans[4 * i], spans[4 * i + 1] - spans[4 * i], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        }

        /** The value of attribute {@code i}, character references decoded ("" when it has none). */
        public String value(int i) {
            int from = spans[4 * i + 2];
            return from < 0 ? "" : Refs.decode(new String(html, from, spans[4 * i + 3] - from, StandardCharsets.UTF_8));
        }

        /** Whether attribute {@code i} is named {@code lower} (ASCII, lower case), without making a string. */
        public boolean is(int i, String lower) {
            int from = spans[4 * i];
            int to = spans[4 * i + 1];
            if (to - from != lower.length()) return false;
            for (int k = 0; k < lower.length(); k++) {
                int c = html[from + k];
                if (c >= 'A' && c <= 'Z') c += 32;
                if (c != lower.charAt(k)) return false;
            }
            return true;
        }

        /** The value of the first attribute named {@code lower}, or null. */
        public String attribute(String lower) {
            for (int i = 0; i < count; i++) if (is(i, lower)) return value(i);
            return null;
        }

        public boolean has(String lower) {
            for (int i = 0; i < count; i++) if (is(i, lower)) return true;
            return false;
        }

        private void add(int nameFrom, int nameTo, int valueFrom, int valueTo) {
            // The first of duplicate attributes counts, as in a browser.
            for (int i = 0; i < count; i++) {
                if (spans[4 * i + 1] - spans[4 * i] == nameTo - nameFrom && sameName(spans[4 * i], nameFrom, nameTo - nameFrom)) return;
            }
            if (4 * count + 4 > spans.length) spans = java.util.Arrays.copyOf(spans, spans.length * 2);
            spans[4 * count] = nameFrom;
            spans[4 * count + 1] = nameTo;
            spans[4 * count + 2] = valueFrom;
            spans[4 * count + 3] = valueTo;
            count++;
        }

        private boolean sameName(int a, int b, int n) {
            for (int k = 0; k < n; k++) {
                int x = html[a + k];
                int y = html[b + k];
                if (x >= 'A' && x <= 'Z') x += 32;
                if (y >= 'A' && y <= 'Z') y += 32;
                if (x != y) return false;
            }
            return true;
        }
    }

    private static boolean space(int c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    private static boolean letter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Scans {@code html[from, …)} and reports to {@code h}. */
    public static void scan(byte[] html, int from, Handler h) {
        int n = html.length;
        int i = from;
        int textFrom = from;
        Tag tag = new Tag();
        tag.html = html;
        while (i < n) {
            if (html[i] != '<' || i + 1 >= n) {
                i++;
                continue;
            }
            int c = html[i + 1];
            boolean endTag = c == '/' && i + 2 < n && letter(html[i + 2]);
            if (!letter(c) && !endTag && c != '!' && c != '?' && c != '/') {
                i++; // a '<' that starts nothing is text
                continue;
            }
            if (i > textFrom) h.text(html, textFrom, i);
            if (c == '!' && i + 3 < n && html[i + 2] == '-' && html[i + 3] == '-') {
                i = commentEnd(html, i + 4);
            } else if (c == '!' || c == '?' || (c == '/' && !endTag)) {
                i = indexOf(html, (byte) '>', i + 2); // doctype, processing instruction, "</ >": a bogus comment
                i = i < 0 ? n : i + 1;
            } else if (endTag) {
                int nameFrom = i + 2;
                int nameTo = nameFrom;
                while (nameTo < n && !space(html[nameTo]) && html[nameTo] != '/' && html[nameTo] != '>') nameTo++;
                int gt = indexOf(html, (byte) '>', nameTo);
                h.end(new String(html, nameFrom, nameTo - nameFrom, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
                i = gt < 0 ? n : gt + 1;
            } else {
                i = startTag(html, i + 1, tag);
                if (i < 0) { // no '>': the rest is not a tag
                    textFrom = n;
                    break;
                }
                h.start(tag);
                String name = tag.name;
                if (!tag.selfClosing && (name.equals("script") || name.equals("style") || name.equals("title") || name.equals("textarea"))) {
                    int close = rawEnd(html, i, name);
                    if (name.equals("title") || name.equals("textarea")) {
                        if (close > i) h.text(html, i, close);
                    }
                    if (close >= n) {
                        i = n;
                    } else {
                        int gt = indexOf(html, (byte) '>', close);
                        h.end(name);
                        i = gt < 0 ? n : gt + 1;
                    }
                }
            }
            textFrom = i;
        }
        if (textFrom < n) h.text(html, textFrom, n);
    }

    /** Reads the tag whose name starts at {@code at} into {@code tag}; returns where the text after it starts, or -1. */
    private static int startTag(byte[] b, int at, Tag tag) {
        int n = b.length;
        int i = at;
        while (i < n && !space(b[i]) && b[i] != '/' && b[i] != '>') i++;
        tag.name = new String(b, at, i - at, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        tag.count = 0;
        tag.selfClosing = false;
        while (i < n) {
            int c = b[i];
            if (space(c)) {
                i++;
                continue;
            }
            if (c == '>') return i + 1;
            if (c == '/') {
                if (i + 1 < n && b[i + 1] == '>') {
                    tag.selfClosing = true;
                    return i + 2;
                }
                i++;
                continue;
            }
            int nameFrom = i;
            i++; // the first character may be '='
            while (i < n && !space(b[i]) && b[i] != '/' && b[i] != '>' && b[i] != '=') i++;
            int nameTo = i;
            while (i < n && space(b[i])) i++;
            if (i < n && b[i] == '=') {
                i++;
                while (i < n && space(b[i])) i++;
                if (i >= n) return -1;
                int q = b[i];
                if (q == '"' || q == '\'') {
                    int end = indexOf(b, (byte) q, i + 1);
                    if (end < 0) return -1;
                    tag.add(nameFrom, nameTo, i + 1, end);
                    i = end + 1;
                } else {
                    int from = i;
                    while (i < n && !space(b[i]) && b[i] != '>') i++;
                    tag.add(nameFrom, nameTo, from, i);
                }
            } else {
                tag.add(nameFrom, nameTo, -1, -1);
            }
        }
        return -1;
    }

    /** Where the raw text of {@code name} ends: at its end tag (any case), or the end of the input. */
    private static int rawEnd(byte[] b, int from, String name) {
        int n = b.length;
        for (int i = from; i + 2 + name.length() <= n; i++) {
            if (b[i] != '<' || b[i + 1] != '/') continue;
            boolean match = true;
            for (int k = 0; k < name.length() && match; k++) {
                int c = b[i + 2 + k];
                if (c >= 'A' && c <= 'Z') c += 32;
                match = c == name.charAt(k);
            }
            if (!match) continue;
            int after = i + 2 + name.length();
            if (after >= n || space(b[after]) || b[after] == '>' || b[after] == '/') return i;
        }
        return n;
    }

    /** After a comment that began with "<!--" (its text starts at {@code from}). */
    private static int commentEnd(byte[] b, int from) {
        int n = b.length;
        // "<!-->" and "<!--->" end at once.
        if (from < n && b[from] == '>') return from + 1;
        if (from + 1 < n && b[from] == '-' && b[from + 1] == '>') return from + 2;
        for (int i = from; i + 2 < n; i++) {
            if (b[i] == '-' && b[i + 1] == '-' && b[i + 2] == '>') return i + 3;
            if (b[i] == '-' && b[i + 1] == '-' && b[i + 2] == '!' && i + 3 < n && b[i + 3] == '>') return i + 4;
        }
        return n;
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }
}
