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
