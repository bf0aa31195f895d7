package org.gazette.content;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.gazette.config.SiteConfig;
import org.gazette.format.Units;

/**
 * Everything in the content folder: the site settings, the years (latest first), and the images
 * the texts use, by their path inside the content folder ({@code 2017/news/photo.jpg}); and the
 * version of every source file read, by the same kind of path ({@code 2017/news/meeting.zh.md}).
 */
public record Content(Path folder, SiteConfig site, List<Year> years, SortedMap<String, Path> images, Tags tags, Units units,
                      SortedMap<String, Long> versions) {

    public Content {
        years = List.copyOf(years);
        images = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(images));
        versions = java.util.Collections.unmodifiableSortedMap(versions instanceof TreeMap<String, Long> t ? t : new TreeMap<>(versions));
    }

    /** The version of a source file (a fingerprint of its text; see {@link TextCache#version}), 0 if unknown. */
    public long version(String file) {
        return versions.getOrDefault(file, 0L);
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
