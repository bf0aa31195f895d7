package org.gazette.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem of a run, so the user sees all of them at once, not only the first. */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    public synchronized void add(Problem problem) {
        list.add(problem);
    }

    public void error(Position at, Message what, Message fix) {
        add(at.error(what, fix));
    }

    public void warning(Position at, Message what, Message fix) {
        add(at.warning(what, fix));
    }

    public synchronized boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    public synchronized long errorCount() {
        return list.stream().filter(Problem::isError).count();
    }

    public synchronized long warningCount() {
        return list.size() - errorCount();
    }

    /** All problems in a stable order: by file, line, column. */
    public synchronized List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(Problem.ORDER);
        return Collections.unmodifiableList(copy);
    }
}
