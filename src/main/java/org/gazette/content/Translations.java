package org.gazette.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gazette.i18n.Language;

/** The language versions of one text, paired by file name ({@code meeting.zh.md} / {@code meeting.en.md}). */
public record Translations(String slug, Map<String, Article> byLanguage, LocalDate date) {

    public Translations {
        // Sorted by language code, the same in every run (Map.copyOf's order changes from run to run).
        byLanguage = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byLanguage));
    }

    /**
     * {@code date}: the first language version's (by code). Kept, not looked up: listings sort by it,
     * and a sort of 20,000 texts asks 600,000 times.
     */
    public Translations(String slug, Map<String, Article> byLanguage) {
        this(slug, byLanguage, byLanguage.get(java.util.Collections.min(byLanguage.keySet())).date());
    }

    /** The version in {@code lang}, or the first existing one in {@code order} (shown with a "not yet translated" notice). */
    public Article in(Language lang, List<Language> order) {
        Article a = byLanguage.get(lang.code());
        if (a != null) return a;
        for (Language l : order) {
            a = byLanguage.get(l.code());
            if (a != null) return a;
        }
        throw new IllegalStateException("no language version of " + slug);
    }
}
