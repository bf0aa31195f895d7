package org.gazette.problem;

/** Where something was written: a file relative to the content folder, 1-based line and column. */
public record Position(String file, int line, int column) {

    public static Position of(String file) {
        return new Position(file, 0, 0);
    }

    public Problem error(Message what, Message fix) {
        return new Problem(Problem.Severity.ERROR, file, line, column, what, fix);
    }

    public Problem warning(Message what, Message fix) {
        return new Problem(Problem.Severity.WARNING, file, line, column, what, fix);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
