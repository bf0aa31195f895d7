package org.gazette.search;

import java.util.Set;

import org.gazette.html.HtmlTokens;
import org.gazette.html.Refs;
import org.gazette.html.Wide;

/**
 * What a built page gives the index: its title (the first {@code <h1>}), its date (the first
 * {@code <time datetime>}), its readable text besides the title, and the language the marked element
 * says it is in ({@code lang}, on an untranslated page: the original's) — only inside the element marked
 * {@code data-search-body}, leaving out elements marked {@code data-search-ignore} (the table of
 * contents, the list of the year's news, notices) and what is not read as text (scripts, styles,
 * drawings: a chart's values are in its data table). Block elements separate words; inline ones
 * do not, so {@code 近<span>300人</span>参加} reads as one run.
 * <p>
 * Tags and attributes are read as a browser's tokenizer reads them ({@link HtmlTokens}: any quoting,
 * comments and scripts skipped), so what the index holds is what a reader sees; compared with jsoup
 * on every page of the test sites.
 */
public record PageText(String title, String date, String text, String lang) {

    static final String BODY = "data-search-body";
    static final String IGNORE = "data-search-ignore";

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");
    private static final Set<String> RAW = Set.of("script", "style");
    private static final Set<String> UNREAD = Set.of("script", "style", "svg", "template", "noscript", "math");
    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
            "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
            "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");

    private static final byte[] MARK = BODY.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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
        Scanner scanner = new Scanner();
        HtmlTokens.scan(utf8, start, scanner);
        return scanner.result();
    }

    /** The same, from the page's text (tests). */
    static PageText of(String html) {
        return of(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether the page marks an element {@code data-search-body}. */
    static boolean marked(byte[] utf8) {
        return indexOf(utf8, MARK) >= 0;
    }

    /**
     * Where the attribute {@code data-search-body} stands in a tag, however it is written
     * ({@code data-search-body}, {@code =""}, {@code =''}): after white space inside a tag (a '<' comes
     * before any '>'), followed by '=', white space, '/' or '>'. The same words in text do not count.
     */
    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 1; i + needle.length < hay.length; i++) {
            if (hay[i] != needle[0]) continue;
            for (int k = 1; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            byte before = hay[i - 1];
            byte after = hay[i + needle.length];
            if (!(before == ' ' || before == '\n' || before == '\t' || before == '\r')) continue;
            if (!(after == '=' || after == ' ' || after == '>' || after == '/' || after == '\n' || after == '\t' || after == '\r')) continue;
            for (int j = i - 1; j >= 0; j--) {
                if (hay[j] == '>') continue outer;
                if (hay[j] == '<') return i;
            }
        }
        return -1;
    }

    /** Text with whitespace runs written as one space, none at either end. */
    private static final class Words implements Sink {
        final StringBuilder b = new StringBuilder();
        boolean space;
        /** The pending space is only a line break after a wide character: no space if a wide one follows (进一\n步 reads 进一步). */
        boolean soft;

        void space() {
            space = b.length() > 0;
            soft = false;
            runPlain = false; // a block's edge is a real separation
        }

        /** Whether the white space met since the last word holds a line break, and nothing but plain blanks and breaks. */
        private boolean runHasBreak;
        private boolean runPlain = true;
        private boolean afterWide;

        /** White space met in the text: a line break between two wide characters is no space at all. */
        private void whitespace(char c) {
            if (!space) {
                space = b.length() > 0;
                runHasBreak = false;
                runPlain = true;
                afterWide = space && Wide.is(b.codePointBefore(b.length()));
            }
            if (c == '\n' || c == '\r') runHasBreak = true;
            else if (c != ' ' && c != '\t') runPlain = false;
            soft = afterWide && runHasBreak && runPlain;
        }

        private void text(int firstCodePoint) {
            if (space && !(soft && Wide.is(firstCodePoint))) b.append(' ');
            space = false;
            soft = false;
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
                    text(s.codePointAt(i));
                    b.append(s, i, run);
                    i = run;
                } else {
                    whitespace(s.charAt(i));
                    i++;
                }
            }
        }

        @Override
        public void append(int cp) {
            if (cp < 0x10000 && space((char) cp)) {
                whitespace((char) cp);
                return;
            }
            text(cp);
            b.appendCodePoint(cp);
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    private static final class Scanner implements HtmlTokens.Handler {
        final Words text = new Words();
        final Words title = new Words();
        String date;
        boolean titleDone;
        int depth;
        /** Depth at which an unread element opened, or -1. */
        int skipping = -1;
        /** Depth at which the first h1 opened, or -1. */
        int inTitle = -1;
        /** The marked element has ended: nothing after it is read. */
        boolean done;
        /** The marked element's {@code lang}, when it says one. */
        String lang;

        PageText result() {
            return new PageText(title.toString(), date, text.toString(), lang);
        }

        @Override
        public void text(byte[] html, int from, int to) {
            if (done || skipping >= 0 || depth <= 0) return;
            String s = new String(html, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
            // The title is shown above the excerpt, so it is kept apart from the text.
            decode(s, 0, s.length(), inTitle >= 0 ? title : text);
        }

        @Override
        public void start(HtmlTokens.Tag tag) {
            if (done) return;
            String name = tag.name();
            if (name.isEmpty()) return;
            if (depth == 0 && lang == null) lang = tag.attribute("lang");
            boolean empty = tag.selfClosing() || VOID.contains(name);
            if (BLOCK.contains(name)) space();
            if (date == null && skipping < 0 && name.equals("time")) date = tag.attribute("datetime");
            if (empty) return;
            if (skipping < 0 && (UNREAD.contains(name) || tag.has(IGNORE))) skipping = depth;
            if (skipping < 0 && !titleDone && inTitle < 0 && name.equals("h1")) inTitle = depth;
            depth++;
        }

        @Override
        public void end(String name) {
            if (done || VOID.contains(name)) return;
            depth--;
            if (depth == skipping) skipping = -1;
            if (depth == inTitle) {
                inTitle = -1;
                titleDone = true;
            }
            if (BLOCK.contains(name)) space();
            if (depth <= 0) done = true;
        }

        private void space() {
            if (skipping < 0) (inTitle >= 0 ? title : text).space();
        }
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
     * Decodes the character references of {@code s[from, to)} ({@link Refs}) into {@code out}; runs
     * without one are passed on at once (most of the text).
     */
    static void decode(String s, int from, int to, Sink out) {
        int i = from;
        StringBuilder one = new StringBuilder(4);
        while (i < to) {
            int run = i;
            while (run < to && s.charAt(run) != '&') run++;
            if (run > i) {
                out.append(s, i, run);
                i = run;
                continue;
            }
            // One reference: up to its end (at most a few characters).
            int end = i + 1;
            while (end < to && end - i < 34 && s.charAt(end) != '&' && s.charAt(end) != ';' && !Words.space(s.charAt(end))) end++;
            if (end < to && s.charAt(end) == ';') end++;
            one.setLength(0);
            Refs.decode(s, i, end, one);
            String decoded = one.toString();
            if (decoded.contentEquals(s.subSequence(i, end))) { // no reference: a plain '&'
                out.append('&');
                i++;
            } else {
                decoded.codePoints().forEach(out::append);
                i = end;
            }
        }
    }
}
