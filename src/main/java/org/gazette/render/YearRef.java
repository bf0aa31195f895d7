package org.gazette.render;

import org.gazette.content.Year;

/**
 * A year as a page that is not about the year sees it: its number and whether it has a report.
 * Pages get only the data they show, so that a page's fingerprint (see {@link Fingerprint}) depends
 * on no more than it uses: an article does not change when its year's report does.
 */
public record YearRef(int year, boolean hasReport) {

    public static YearRef of(Year y) {
        return y == null ? null : new YearRef(y.year(), y.hasReport());
    }
}
