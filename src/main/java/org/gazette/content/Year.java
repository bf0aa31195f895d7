package org.gazette.content;

import java.util.List;

/** One year's folder: its report, the report's prose, and its news articles (newest first). */
public record Year(int year, Report report, Translations prose, List<Translations> news) {

    public Year {
        news = List.copyOf(news);
    }
}
