package org.gazette.config;

import java.time.ZoneId;
import java.util.List;

import org.gazette.i18n.Language;
import org.gazette.i18n.Localized;

/** The site settings of {@code content/site.yaml}. The first language is the default. */
public record SiteConfig(Localized title, Localized office, Localized district, List<Language> languages,
                         String baseUrl, ZoneId timeZone) {

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
