package org.gazette.content;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.gazette.config.SiteConfig;

/**
 * Everything in the content folder: the site settings, the years (latest first), and the images
 * the texts use, by their path inside the content folder ({@code 2017/news/photo.jpg}).
 */
public record Content(Path folder, SiteConfig site, List<Year> years, SortedMap<String, Path> images, Tags tags) {

    public Content {
        years = List.copyOf(years);
        images = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(images));
    }

    /** The latest year with a report, or null when no year has one yet. */
    public Year latestReport() {
        return years.stream().filter(Year::hasReport).findFirst().orElse(null);
    }

    /** The years with a report, latest first. */
    public List<Year> reportYears() {
        return years.stream().filter(Year::hasReport).toList();
    }
}
