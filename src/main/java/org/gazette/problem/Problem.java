package org.gazette.problem;

import java.util.Comparator;

/**
 * One thing wrong (or worth a warning) in the user's sources, printed as
 * {@code path:line:column: message — hint}. Line and column are 1-based; 0 means unknown.
 */
public record Problem(Severity severity, String file, int line, int column, String message, String hint) {

    public enum Severity { ERROR, WARNING }

    public static final Comparator<Problem> ORDER = Comparator
            .comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    /** Longest message or hint printed; the user's input quoted in them is shortened first. */
    static final int MAX_TEXT = 400;
    private static final java.util.regex.Pattern LONG_QUOTE = java.util.regex.Pattern.compile("'([^'\\n]{80,})'");

    public Problem {
        message = clip(message);
        hint = hint == null ? null : clip(hint);
    }

    /** A message quotes what the user wrote; a pasted megabyte must not become a megabyte of terminal output. */
    static String clip(String s) {
        if (s.length() <= MAX_TEXT) return s;
        java.util.regex.Matcher m = LONG_QUOTE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement("'" + m.group(1).substring(0, 60) + "…'"));
        }
        m.appendTail(sb);
        return sb.length() <= MAX_TEXT ? sb.toString() : sb.substring(0, MAX_TEXT - 1) + "…";
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form a press officer reads: where, what, and what to do. */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        sb.append(": ");
        if (severity == Severity.WARNING) sb.append("warning: ");
        sb.append(message);
        if (hint != null && !hint.isEmpty()) sb.append(" — ").append(hint);
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
