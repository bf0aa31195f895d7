package org.gazette.problem;

import java.util.Comparator;

/**
 * One thing wrong (or worth a warning) in the user's sources, printed as
 * {@code path:line:column: message — hint}. Line and column are 1-based; 0 means unknown.
 */
public record Problem(Severity severity, String file, int line, int column, Message what, Message fix) {

    public enum Severity { ERROR, WARNING }

    public static final Comparator<Problem> ORDER = Comparator
            .comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(p -> p.message());

    /** Longest message or hint printed; the user's input quoted in them is shortened first. */
    static final int MAX_TEXT = 400;
    private static final java.util.regex.Pattern LONG_QUOTE = java.util.regex.Pattern.compile("'([^'\\n]{80,})'|“([^”\\n]{80,})”");

    public Problem {
        file = visible(file);
        java.util.Objects.requireNonNull(what);
    }

    /** What is wrong, in English. */
    public String message() {
        return message(Lang.EN);
    }

    public String message(Lang lang) {
        return clip(visible(what.in(lang)));
    }

    /** What to do, in English; null when there is nothing to add. */
    public String hint() {
        return hint(Lang.EN);
    }

    public String hint(Lang lang) {
        return fix == null ? null : clip(visible(fix.in(lang)));
    }
    /**
     * A message quotes what was written — a tag name, a link, bytes of a font file — and a terminal
     * obeys control characters ({@code ESC ]0;…} sets its title, {@code ESC [2J} clears it) and
     * bidirectional overrides reorder what it shows. Each is written as its code instead: {@code \x1B}, {@code \u202E}.
     */
    public static String visible(String s) {
        if (s == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200E || c == 0x200F || c == 0x061C;
            if (!control) {
                if (sb != null) sb.append(c);
                continue;
            }
            if (sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            sb.append(c <= 0xFF ? String.format(java.util.Locale.ROOT, "\\x%02X", (int) c) : String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
        }
        return sb == null ? s : sb.toString();
    }

    /** A message quotes what the user wrote; a pasted megabyte must not become a megabyte of terminal output. */
    static String clip(String s) {
        if (s.length() <= MAX_TEXT) return s;
        java.util.regex.Matcher m = LONG_QUOTE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String quoted = m.group(1) != null ? "'" + m.group(1).substring(0, 60) + "…'" : "“" + m.group(2).substring(0, 60) + "…”";
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(quoted));
        }
        m.appendTail(sb);
        return sb.length() <= MAX_TEXT ? sb.toString() : sb.substring(0, MAX_TEXT - 1) + "…";
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form a press officer reads, in English: where, what, and what to do. */
    public String format() {
        return format(Lang.EN);
    }

    /** The one-line form in {@code lang}: the position as tools read it ({@code file:line:column: }), then what and what to do. */
    public String format(Lang lang) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        sb.append(": ");
        String hint = hint(lang);
        boolean warning = severity == Severity.WARNING;
        Message line = hint == null || hint.isEmpty() ? (warning ? Msg.WARNING : Msg.ERROR).with(message(lang))
                : (warning ? Msg.WARNING_HINT : Msg.ERROR_HINT).with(message(lang), hint);
        sb.append(line.in(lang));
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
