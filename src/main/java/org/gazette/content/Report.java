package org.gazette.content;

import java.util.List;

import org.gazette.i18n.Localized;

/**
 * A year's report ({@code <year>/report.yaml}): the results of the year and the plans for the next.
 * {@code followUp} and {@code bulletin} may be null (no bulletin: the year gets no PDF).
 */
public record Report(int year, Localized title, Localized summary, Meeting meeting, List<Commendation> commendations,
                     List<Figure> figures, List<Honour> honours, List<Highlight> highlights, Plans plans, FollowUp followUp,
                     Bulletin bulletin, List<ChartSpec> charts) {

    public Report {
        // null: the report did not say, and gets the default charts (see render.Charts)
        charts = charts == null ? null : List.copyOf(charts);
        commendations = List.copyOf(commendations);
        figures = List.copyOf(figures);
        honours = List.copyOf(honours);
        highlights = List.copyOf(highlights);
    }

    /** The fields (economy, projects …) in the fixed order reports use. */
    public static final List<String> FIELDS = List.of(
            "economy", "projects", "urban", "housing", "rural", "environment", "education", "health", "safety", "governance");
}
