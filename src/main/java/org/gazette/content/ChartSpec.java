package org.gazette.content;

import java.util.List;

/**
 * A chart a report asks for ({@code charts:} in report.yaml), drawn from its data: {@code years} —
 * one figure across the years that report it (320亿元 in 2017 beside 2016's); {@code attainment} —
 * value against target for the figures that have one (all of them, or those listed); {@code rank} —
 * the district's place among its peers (the longer the bar, the better the place); {@code plans} —
 * next year's targets beside this year's results, for the plan targets that name their figure.
 */
public record ChartSpec(String type, String figure, List<String> figures) {

    public static final List<String> TYPES = List.of("years", "attainment", "rank", "plans");

    public ChartSpec {
        figures = List.copyOf(figures);
    }
}
