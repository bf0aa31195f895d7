package org.gazette.config;

import java.time.ZoneId;
import java.util.List;

import org.gazette.i18n.Language;
import org.gazette.i18n.Localized;

/** The site settings of {@code content/site.yaml}. The first language is the default. */
public record SiteConfig(Localized title, Localized office, Localized district, List<Language> languages,
                         String baseUrl, ZoneId timeZone, News news) {

    /** How news is listed: articles a listing page, on the home page, in each feed; full text or summary in feeds. */
    public record News(int perPage, int onHome, int inFeed, boolean feedFullText) {
        public static final News DEFAULT = new News(20, 10, 20, true);
    }

    public SiteConfig {
        languages = List.copyOf(languages);
    }

    public Language defaultLanguage() {
        return languages.get(0);
    }

    /** Languages to fall back to, in order: the default first. */
    public List<Language> fallbackOrder() {
        return languages;
    }
}
