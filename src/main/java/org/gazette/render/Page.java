package org.gazette.render;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.gazette.content.Article;
import org.gazette.i18n.Language;

/**
 * One page to render: its template, its place in the site, its language versions, its data, and
 * the text it shows ({@code shows}: an article or a report's prose; null for listings and the like).
 * {@code key} is the same for all language versions of a page ("report/2017").
 */
public record Page(String key, Language language, String path, String template, List<Alternate> alternates,
                   boolean translated, Map<String, Object> data, Article shows) {

    public Page {
        alternates = List.copyOf(alternates);
        // Ordered as built: Map.copyOf's iteration order changes from run to run, and templates may iterate.
        if (!(data instanceof Later)) data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public Page(String key, Language language, String path, String template, List<Alternate> alternates,
                boolean translated, Map<String, Object> data) {
        this(key, language, path, template, alternates, translated, data, null);
    }

    /**
     * The page's data. A page planned with {@link #later} makes it when asked, each time anew (equal
     * maps), and holds none of it in between: a build of the site renders each page once, and the
     * data of 240,000 pages (their listings' items, links, JSON-LD) would otherwise be held from
     * planning to the end.
     */
    @Override
    public Map<String, Object> data() {
        return data instanceof Later later ? later.make() : data;
    }

    /** Data made by {@code make} when a page asks for it (see {@link #data()}). */
    static Map<String, Object> later(Supplier<Map<String, Object>> make) {
        return new Later(make);
    }

    /** A language version of this page: relative link, absolute URL (for hreflang), whether it is this page. */
    public record Alternate(Language language, String href, String url, boolean current) {}

    private static final class Later extends AbstractMap<String, Object> {
        private final Supplier<Map<String, Object>> make;

        Later(Supplier<Map<String, Object>> make) {
            this.make = make;
        }

        Map<String, Object> make() {
            return Collections.unmodifiableMap(make.get());
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return make().entrySet();
        }
    }
}
