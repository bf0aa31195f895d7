package org.gazette.content;

import java.time.LocalDate;
import java.util.List;

import org.gazette.i18n.Language;

/** A Markdown text in one language: front matter, and the body already rendered to (X)HTML. */
public record Article(String slug, Language language, String file, String title, LocalDate date, String summary,
                      Byline byline, List<String> tags, String html) {

    public Article {
        tags = List.copyOf(tags);
    }

    /** Who wrote it and took the pictures; lists may be empty. */
    public record Byline(List<String> reporter, List<String> correspondent, List<String> photographer) {
        public static final Byline NONE = new Byline(List.of(), List.of(), List.of());

        public Byline {
            reporter = List.copyOf(reporter);
            correspondent = List.copyOf(correspondent);
            photographer = List.copyOf(photographer);
        }

        public boolean isEmpty() {
            return reporter.isEmpty() && correspondent.isEmpty() && photographer.isEmpty();
        }
    }
}
