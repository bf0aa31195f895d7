package org.gazette.content;

import java.util.List;

import org.gazette.config.SiteConfig;

/** Everything in the content folder: the site settings and the years, latest first. */
public record Content(SiteConfig site, List<Year> years) {

    public Content {
        years = List.copyOf(years);
    }

    public Year latest() {
        return years.get(0);
    }
}
