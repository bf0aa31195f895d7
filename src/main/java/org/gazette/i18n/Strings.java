package org.gazette.i18n;

import java.util.Map;
import java.util.TreeMap;


/** The interface strings of one language ({@code templates/i18n/<code>.yaml}): labels, headings, unit words. */
public record Strings(Language language, Map<String, String> map) {

    public Strings {
        // Sorted, the same in every run: templates may iterate it (Map.copyOf's order changes from run to run).
        map = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    public String get(String key) {
        String s = map.get(key);
        if (s == null) {
            // The loader checks every language has every key the code uses; reaching here is a Gazette bug.
            throw new IllegalStateException("no interface string '" + key + "' for " + language.code());
        }
        return s;
    }

    /** {@code get(key)} with each {@code {name}} replaced; plain replacement, so no locale-dependent number formatting sneaks in. */
    public String fill(String key, String... namesAndValues) {
        String s = get(key);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            s = s.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        }
        return s;
    }
}
