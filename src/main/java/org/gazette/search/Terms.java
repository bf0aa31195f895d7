package org.gazette.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How text is cut into search terms, the same in the index and in the browser ({@code search.js}
 * mirrors this class; a test keeps them in step). Text is NFKC-normalised and lower-cased, then
 * read as runs: a run of Han characters gives its overlapping pairs and its last character
 * (乡村振兴 → 乡村, 村振, 振兴, 兴), so a word is found inside unspaced Chinese without a
 * dictionary, and every character of the run begins a term (a one-character query looks for
 * terms beginning with it); a run of letters, digits and marks of other scripts is one word;
 * anything else separates.
 */
public final class Terms {

    private Terms() {
    }

    /** What a run is made of. */
    enum Kind { HAN, WORD, NONE }

    static Kind kind(int cp) {
        // The common cases first: looking a character's script up is slow, and most are ASCII or common Han.
        if (cp < 0x80) return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' ? Kind.WORD : Kind.NONE;
        if (cp >= 0x4E00 && cp <= 0x9FFF) return Kind.HAN;
        // General punctuation (— “ ” …) and CJK punctuation (、。《》「」【】): no letters there.
        if (cp >= 0x2000 && cp <= 0x206F || cp >= 0x3000 && cp <= 0x3004 || cp >= 0x3008 && cp <= 0x3011) return Kind.NONE;
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) return Kind.HAN;
        if (Character.isLetter(cp)) return Kind.WORD;
        return switch (Character.getType(cp)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> Kind.WORD;
            default -> Kind.NONE;
        };
    }

    /**
     * The text as the index reads it: NFKC, lower case, Traditional characters as their Simplified
     * form (鄉村振興 as 乡村振兴), so a reader in Hong Kong or Taiwan finds the office's pages.
     */
    public static String normalize(String text) {
        // ASCII is its own NFKC form: only its capitals change.
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) ascii = text.charAt(i) < 0x80;
        if (ascii) return text.toLowerCase(Locale.ROOT);
        return simplified(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }

    /** Traditional characters as their Simplified form, one for one (OpenCC's table, see t2s.README). */
    static String simplified(String s) {
        char[] table = T2S;
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char to = table[c];
            if (to != 0 && to != c) {
                if (out == null) out = s.toCharArray();
                out[i] = to;
            }
        }
        return out == null ? s : new String(out);
    }

    private static final char[] T2S = load();

    private static char[] load() {
        char[] table = new char[65536];
        try (var in = Terms.class.getResourceAsStream("t2s.txt")) {
            String pairs = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            for (int i = 0; i + 1 < pairs.length(); i += 2) table[pairs.charAt(i)] = pairs.charAt(i + 1);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("t2s.txt is missing from Gazette's jar", e);
        }
        return table;
    }

    /** Receives terms as ranges of a string, so that a term already known needs no new string. */
    public interface Sink {
        void term(String s, int from, int to);
    }

    /** Every term of {@code text}, in order (repeats included). */
    public static void each(String text, Consumer<String> term) {
        each(text, (s, from, to) -> term.accept(s.substring(from, to)));
    }

    /** Every term of {@code text}, in order, as ranges of its normalised form. */
    public static void each(String text, Sink term) {
        String s = normalize(text);
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            Kind k = kind(cp);
            if (k == Kind.NONE) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int end = i;
            while (end < n) {
                int c = s.codePointAt(end);
                if (kind(c) != k) break;
                end += Character.charCount(c);
            }
            if (k == Kind.WORD) {
                term.term(s, start, end);
            } else {
                int first = start;
                int second = first + Character.charCount(s.codePointAt(first));
                while (second < end) {
                    int third = second + Character.charCount(s.codePointAt(second));
                    term.term(s, first, third);
                    first = second;
                    second = third;
                }
                term.term(s, first, end);
            }
            i = end;
        }
    }

    /** Receives terms as ranges of a character array (the index's counting: no string, no bounds check per character). */
    public interface CharSink {
        void term(char[] s, int from, int to);
    }

    /** Every term of {@code text}, in order, as ranges of its normalised form's characters: the same terms as {@link #each(String, Terms.Sink)}. */
    public static void eachChars(String text, CharSink term) {
        char[] s = normalize(text).toCharArray();
        int i = 0;
        int n = s.length;
        while (i < n) {
            int cp = Character.codePointAt(s, i);
            Kind k = kind(cp);
            if (k == Kind.NONE) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int end = i;
            while (end < n) {
                int c = Character.codePointAt(s, end);
                if (kind(c) != k) break;
                end += Character.charCount(c);
            }
            if (k == Kind.WORD) {
                term.term(s, start, end);
            } else {
                int first = start;
                int second = first + Character.charCount(Character.codePointAt(s, first));
                while (second < end) {
                    int third = second + Character.charCount(Character.codePointAt(s, second));
                    term.term(s, first, third);
                    first = second;
                    second = third;
                }
                term.term(s, first, end);
            }
            i = end;
        }
    }

    /** The terms of {@code text} as a list (tests, and short texts). */
    public static java.util.List<String> of(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        each(text, out::add);
        return out;
    }
}
