package org.gazette.content;

import java.util.List;

/**
 * One year's folder: its report and the report's prose (both null until {@code report.yaml} exists:
 * a year may hold only news), and its news articles (newest first).
 */
public record Year(int year, Report report, Translations prose, List<Translations> news) {

    public Year {
        news = List.copyOf(news);
    }

    public boolean hasReport() {
        return report != null;
    }
}
