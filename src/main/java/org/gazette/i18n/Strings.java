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

    /**
     * The form of a counted string for {@code n}: a string written as {@code {one: …, other: …}} is
     * stored as {@code key} (other) and {@code key.one}; the language's {@code plural_rule} says when
     * "one" applies ({@code one-other}: exactly 1, as in English; {@code other}: never, as in Chinese).
     */
    public String plural(String key, java.math.BigDecimal n) {
        String one = map.get(key + ".one");
        return one != null && isOne(n) ? one : get(key);
    }

    /** Whether this language writes {@code n} in the singular: exactly 1 (not 1.0) where the rule is one-other. */
    public boolean isOne(java.math.BigDecimal n) {
        return "one-other".equals(map.get("plural_rule")) && n.compareTo(java.math.BigDecimal.ONE) == 0 && n.scale() <= 0;
    }

    /** {@code plural(key, n)} with {@code {n}} replaced by {@code printed} and each other {@code {name}} by its value. */
    public String count(String key, java.math.BigDecimal n, String printed, String... namesAndValues) {
        String s = plural(key, n).replace("{n}", printed);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            s = s.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
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
