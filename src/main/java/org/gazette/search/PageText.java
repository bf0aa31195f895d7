package org.gazette.search;

import java.util.Set;

/**
 * What a built page gives the index: its title (the first {@code <h1>}), its date (the first
 * {@code <time datetime>}) and its readable text besides the title — only inside the element marked
 * {@code data-search-body}, leaving out elements marked {@code data-search-ignore} (the table of
 * contents, the list of the year's news, notices) and what is not read as text (scripts, styles,
 * drawings: a chart's values are in its data table). Block elements separate words; inline ones
 * do not, so {@code 近<span>300人</span>参加} reads as one run.
 * <p>
 * The pages are Gazette's own output (well-formed, attributes quoted), so a scanner over tags is
 * enough; it is not a general HTML parser.
 */
public record PageText(String title, String date, String text) {

    static final String BODY = "data-search-body";
    static final String IGNORE = "data-search-ignore";

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");
    private static final Set<String> RAW = Set.of("script", "style");
    private static final Set<String> UNREAD = Set.of("script", "style", "svg", "template", "noscript", "math");
    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
            "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
            "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");

    private static final byte[] MARK = (" " + BODY + "=\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The text of a page given as its UTF-8 bytes, or null when it has no element marked
     * {@code data-search-body} (it is not a search result). Only the part from that element on is decoded.
     */
    public static PageText of(byte[] utf8) {
        int mark = indexOf(utf8, MARK);
        if (mark < 0) return null;
        int start = mark;
        while (start >= 0 && utf8[start] != '<') start--;
        if (start < 0) return null;
        return new Scanner(new String(utf8, start, utf8.length - start, java.nio.charset.StandardCharsets.UTF_8)).read(0);
    }

    /** The same, from the page's text (tests). */
    static PageText of(String html) {
        return of(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether the page marks an element {@code data-search-body}. */
    static boolean marked(byte[] utf8) {
        return indexOf(utf8, MARK) >= 0;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (hay[i] != needle[0]) continue;
            for (int k = 1; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }

    /** Text with whitespace runs written as one space, none at either end. */
    private static final class Words implements Sink {
        final StringBuilder b = new StringBuilder();
        boolean space;

        void space() {
            space = b.length() > 0;
        }

        static boolean space(char c) {
            return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0';
        }

        @Override
        public void append(String s, int from, int to) {
            int i = from;
            while (i < to) {
                // Copy runs without white space at once.
                int run = i;
                while (run < to && !space(s.charAt(run))) run++;
                if (run > i) {
                    if (space) b.append(' ');
                    space = false;
                    b.append(s, i, run);
                    i = run;
                } else {
                    space();
                    i++;
                }
            }
        }

        @Override
        public void append(int cp) {
            if (cp < 0x10000 && space((char) cp)) {
                space();
                return;
            }
            if (space) b.append(' ');
            space = false;
            b.appendCodePoint(cp);
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    private static final class Scanner {
        final String html;
        final Words text = new Words();
        final Words title = new Words();
        String date;
        boolean titleDone;
        int depth;
        /** Depth at which an unread element opened, or -1. */
        int skipping = -1;
        /** Depth at which the first h1 opened, or -1. */
        int inTitle = -1;

        Scanner(String html) {
            this.html = html;
        }

        PageText read(int from) {
            int i = from;
            int n = html.length();
            while (i < n) {
                int lt = html.indexOf('<', i);
                if (lt < 0) lt = n;
                if (lt > i && skipping < 0) text(html, i, lt);
                if (lt >= n) break;
                if (html.startsWith("<!--", lt)) {
                    int end = html.indexOf("-->", lt + 4);
                    i = end < 0 ? n : end + 3;
                    continue;
                }
                int gt = html.indexOf('>', lt);
                if (gt < 0) break;
                i = gt + 1;
                boolean closing = html.charAt(lt + 1) == '/';
                int nameStart = lt + (closing ? 2 : 1);
                int nameEnd = nameStart;
                while (nameEnd < gt && !Character.isWhitespace(html.charAt(nameEnd)) && html.charAt(nameEnd) != '/') nameEnd++;
                String name = html.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT);
                if (name.isEmpty() || name.charAt(0) == '!') continue;
                if (closing) {
                    depth--;
                    if (depth == skipping) skipping = -1;
                    if (depth == inTitle) {
                        inTitle = -1;
                        titleDone = true;
                    }
                    if (BLOCK.contains(name)) space();
                    if (depth <= 0) break;
                    continue;
                }
                boolean selfClosing = html.charAt(gt - 1) == '/' || VOID.contains(name);
                if (!selfClosing && RAW.contains(name)) {
                    // Script and style hold raw text, which may contain "<p>": skip to their end tag.
                    int end = html.indexOf("</" + name, gt);
                    i = end < 0 ? n : html.indexOf('>', end) + 1;
                    if (i == 0) i = n;
                    continue;
                }
                String attributes = html.substring(nameEnd, gt);
                if (BLOCK.contains(name)) space();
                if (date == null && skipping < 0 && name.equals("time")) date = attribute(attributes, "datetime");
                if (selfClosing) continue;
                if (skipping < 0 && (UNREAD.contains(name) || attributes.contains(IGNORE))) skipping = depth;
                if (skipping < 0 && !titleDone && inTitle < 0 && name.equals("h1")) inTitle = depth;
                depth++;
            }
            return new PageText(title.toString(), date, text.toString());
        }

        private void text(String s, int from, int to) {
            // The title is shown above the excerpt, so it is kept apart from the text.
            decode(s, from, to, inTitle >= 0 ? title : text);
        }

        private void space() {
            if (skipping < 0) (inTitle >= 0 ? title : text).space();
        }
    }

    static String attribute(String attributes, String name) {
        int at = attributes.indexOf(name + "=\"");
        if (at < 0) return null;
        int from = at + name.length() + 2;
        int to = attributes.indexOf('"', from);
        return to < 0 ? null : decode(attributes, from, to);
    }

    /** Where decoded text goes. */
    interface Sink {
        /** {@code s[from, to)}, which holds no {@code &}. */
        void append(String s, int from, int to);

        void append(int codePoint);
    }

    /** The characters of {@code s[from, to)} with character references decoded. */
    static String decode(String s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        decode(s, from, to, new Sink() {
            @Override
            public void append(String text, int f, int t) {
                b.append(text, f, t);
            }

            @Override
            public void append(int codePoint) {
                b.appendCodePoint(codePoint);
            }
        });
        return b.toString();
    }

    /**
     * Decodes the character references of {@code s[from, to)} (what Gazette writes: named XML ones,
     * &nbsp; and numeric) into {@code out}; runs without one are passed on at once (most of the text).
     */
    static void decode(String s, int from, int to, Sink out) {
        int i = from;
        while (i < to) {
            int run = i;
            while (run < to && s.charAt(run) != '&') run++;
            if (run > i) {
                out.append(s, i, run);
                i = run;
                continue;
            }
            int semi = s.indexOf(';', i);
            int cp = semi > 0 && semi < to && semi - i <= 10 ? reference(s.substring(i + 1, semi)) : -1;
            if (cp >= 0) {
                out.append(cp);
                i = semi + 1;
            } else {
                out.append('&');
                i++;
            }
        }
    }

    /** The character a reference (without & and ;) stands for, or -1. */
    private static int reference(String ref) {
        return switch (ref) {
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            case "apos" -> '\'';
            case "nbsp" -> '\u00a0';
            default -> numeric(ref);
        };
    }

    private static int numeric(String ref) {
        try {
            if (ref.startsWith("#x") || ref.startsWith("#X")) return Integer.parseInt(ref.substring(2), 16);
            if (ref.startsWith("#")) return Integer.parseInt(ref.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
