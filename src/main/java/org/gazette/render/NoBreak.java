package org.gazette.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gazette.format.Unit;
import org.gazette.format.Units;

/**
 * Keeps a quantity on one line in running text: a number and its magnitude or unit (320亿元,
 * 1.2个百分点, 32 billion yuan, 5,000 mu) are wrapped in {@code <span class="nobr">}, which the
 * stylesheets set to {@code white-space: nowrap}. Line breaking allows a break between 320 and 亿元
 * (Unicode puts no rule between a digit and an ideograph) and at every space in English. The unit
 * words come from the unit table, in Chinese as written and in English as printed.
 *
 * <p>Works on a whole page: only text inside {@code <body>} is touched, never tags or attributes, and
 * never the content of {@code script}, {@code style}, {@code title}, {@code textarea}, {@code pre},
 * {@code code} or an existing {@code nobr} span. One pass, no regular expressions: a page without a
 * digit followed by a unit costs a scan of its characters.
 */
public final class NoBreak {

    private static final List<String> MAGNITUDES = List.of("万亿", "亿", "万", "千");
    private static final List<String> SCALES = List.of("trillion", "billion", "million", "thousand");
    private static final Set<String> SKIPPED = Set.of("script", "style", "title", "textarea", "pre", "code", "svg");

    private final List<String> words;
    private final List<String> english;

    public NoBreak(Units units) {
        this.words = units.words();
        Set<String> en = new LinkedHashSet<>();
        for (Unit u : units.all()) {
            Units.Forms f = units.forms(u, "en");
            for (String form : new String[] {f.one(), f.other()}) {
                if (form == null || !form.startsWith("{n} ")) continue;
                String word = form.substring(4).strip();
                if (!word.isEmpty() && !word.contains("{")) en.add(word);
            }
        }
        en.addAll(List.of("per cent", "percent", "percentage points", "percentage point"));
        List<String> sorted = new ArrayList<>(en);
        sorted.sort((a, b) -> b.length() - a.length());
        this.english = List.copyOf(sorted);
    }

    /** The page with every quantity of its running text kept whole. */
    public String apply(String html) {
        int body = html.indexOf("<body");
        if (body < 0) return html;
        StringBuilder out = null;
        int copied = 0;
        int i = html.indexOf('>', body);
        if (i < 0) return html;
        i++;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = skipTag(html, i);
                i = end;
                continue;
            }
            if (c >= '0' && c <= '9' && (i == 0 || boundary(html.charAt(i - 1)))) {
                int end = quantity(html, i);
                if (end > 0) {
                    if (out == null) out = new StringBuilder(n + 256);
                    out.append(html, copied, i).append("<span class=\"nobr\">").append(html, i, end).append("</span>");
                    copied = end;
                    i = end;
                    continue;
                }
                while (i < n && isNumberChar(html.charAt(i))) i++;
                continue;
            }
            i++;
        }
        if (out == null) return html;
        return out.append(html, copied, n).toString();
    }

    /**
     * Where the quantities of a plain text are, as [start, end) pairs: for a line breaker that must not
     * break inside them (the bulletin's: openhtmltopdf paints a nested span after the rest of its line,
     * so spans there would scramble the order of the PDF's text).
     */
    public List<int[]> ranges(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && (i == 0 || boundary(text.charAt(i - 1)))) {
                int end = quantity(text, i);
                if (end > 0) {
                    out.add(new int[] {i, end});
                    i = end - 1;
                } else {
                    while (i + 1 < n && isNumberChar(text.charAt(i + 1))) i++;
                }
            }
        }
        return out;
    }

    /** Past a tag; past the whole element for those whose text is not running text. */
    private int skipTag(String html, int lt) {
        int gt = html.indexOf('>', lt);
        if (gt < 0) return html.length();
        String name = tagName(html, lt + 1);
        // Elements already kept whole (a table's number cells, a nobr span) are left alone: a span nested
        // in another unbreakable one lets openhtmltopdf break at its edge ("over" / "32 billion yuan").
        boolean whole = (name.equals("span") || name.equals("td")) && (html.startsWith("class=\"nobr\"", lt + name.length() + 2)
                || html.startsWith("class=\"num\"", lt + name.length() + 2));
        if (SKIPPED.contains(name) || whole) {
            int close = html.indexOf("</" + name + ">", gt);
            return close < 0 ? html.length() : close + name.length() + 3;
        }
        return gt + 1;
    }

    private static String tagName(String html, int from) {
        int i = from;
        while (i < html.length() && Character.isLetterOrDigit(html.charAt(i))) i++;
        return html.substring(from, i).toLowerCase(Locale.ROOT);
    }

    private static boolean boundary(char before) {
        return !(Character.isLetterOrDigit(before) && before < 0x2E80) && before != '.' && before != ',' && before != '-' && before != '_';
    }

    private static boolean isNumberChar(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == ',';
    }

    /** Where the quantity starting at {@code start} ends, or -1 when the number has no magnitude or unit after it. */
    private int quantity(String s, int start) {
        int i = start;
        int n = s.length();
        while (i < n && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128
                || ((s.charAt(i) == '.' || s.charAt(i) == ',') && i + 1 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9'))) i++;
        int number = i;
        // Chinese: 320亿元, 1.2个百分点, 5万人次 — no space.
        int j = number;
        for (String m : MAGNITUDES) {
            if (s.startsWith(m, j)) {
                j += m.length();
                break;
            }
        }
        for (String w : words) {
            if (s.startsWith(w, j)) {
                j += w.length();
                break;
            }
        }
        if (j > number && (s.codePointAt(number) >= 0x2E80 || s.charAt(number) == '%')) return j;
        // English: 32 billion yuan, 5,000 mu, 1.2 percentage points — one space each.
        j = number;
        int scaled = word(s, j, SCALES);
        if (scaled > 0) j = scaled;
        int unit = word(s, j, english);
        if (unit > 0) j = unit;
        return j > number ? j : -1;
    }

    /** After " word" at {@code at} (a regular or no-break space, then one of {@code words} ending at a word boundary), or -1. */
    private static int word(String s, int at, List<String> words) {
        if (at >= s.length() || (s.charAt(at) != ' ' && s.charAt(at) != '\u00a0')) return -1;
        for (String w : words) {
            if (s.startsWith(w, at + 1)) {
                int end = at + 1 + w.length();
                if (end == s.length() || !Character.isLetter(s.charAt(end))) return end;
            }
        }
        return -1;
    }
}
