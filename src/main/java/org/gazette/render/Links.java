package org.gazette.render;

import org.gazette.i18n.Language;

/** Relative links from one page to the others, for templates: {@code links.report(2017)}. */
public final class Links {

    private final String from;
    private final Language language;

    public Links(String from, Language language) {
        this.from = from;
        this.language = language;
    }

    public String to(String path) {
        return Urls.relative(from, path);
    }

    public String root() {
        return to(Urls.ROOT);
    }

    public String home() {
        return to(Urls.home(language));
    }

    public String archive() {
        return to(Urls.archive(language));
    }

    public String report(int year) {
        return to(Urls.report(language, year));
    }

    public String article(int year, String slug) {
        return to(Urls.article(language, year, slug));
    }

    public String style() {
        return to(Urls.STYLE);
    }
}
