package org.gazette.problem;

import java.util.List;

/** Stops a stage that cannot go on; carries the problems the user must fix. */
public final class GazetteException extends RuntimeException {

    private final List<Problem> problems;

    public GazetteException(List<Problem> problems) {
        super(problems.isEmpty() ? "build failed" : problems.get(0).format());
        this.problems = List.copyOf(problems);
    }

    public GazetteException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
