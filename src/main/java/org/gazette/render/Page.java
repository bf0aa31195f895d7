package org.gazette.render;

import java.util.List;
import java.util.Map;

import org.gazette.i18n.Language;

/**
 * One page to render: its template, its place in the site, its language versions, and its data.
 * {@code key} is the same for all language versions of a page ("report/2017").
 */
public record Page(String key, Language language, String path, String template, List<Alternate> alternates,
                   boolean translated, Map<String, Object> data) {

    public Page {
        alternates = List.copyOf(alternates);
        // Ordered as built: Map.copyOf's iteration order changes from run to run, and templates may iterate.
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** A language version of this page: relative link, absolute URL (for hreflang), whether it is this page. */
    public record Alternate(Language language, String href, String url, boolean current) {}
}
