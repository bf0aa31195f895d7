package org.gazette;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gazette.i18n.Language;
import org.gazette.i18n.Localized;
import org.gazette.i18n.Strings;
import org.gazette.problem.Position;
import org.gazette.render.Page;
import org.junit.jupiter.api.Test;

/**
 * Maps that templates and writers iterate keep a fixed order. Map.copyOf iterates in an order
 * that changes from one JVM run to the next; with twelve keys, it almost never matches the
 * written order, so these tests fail in practically every run if such a copy comes back.
 */
class OrderedMapsTest {

    static final List<String> KEYS = List.of("zh", "en", "fr", "de", "ja", "ko", "ru", "es", "ar", "pt", "it", "ug");

    static Map<String, String> written() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : KEYS) m.put(k, "text " + k);
        return m;
    }

    @Test
    void localizedTextsKeepTheOrderWritten() {
        Localized text = new Localized(written(), Position.of("site.yaml"));
        assertEquals(KEYS, new ArrayList<>(text.byLanguage().keySet()));
    }

    @Test
    void pageDataKeepsTheOrderBuilt() {
        Map<String, Object> data = new LinkedHashMap<>(written());
        Page page = new Page("home", new Language("zh", "中文", java.util.Locale.SIMPLIFIED_CHINESE), "zh/index.html", "home.ftlh",
                List.of(), true, data);
        assertEquals(KEYS, new ArrayList<>(page.data().keySet()));
    }

    @Test
    void interfaceStringsIterateSorted() {
        Strings strings = new Strings(new Language("zh", "中文", java.util.Locale.SIMPLIFIED_CHINESE), written());
        assertEquals(new ArrayList<>(new TreeMap<>(written()).keySet()), new ArrayList<>(strings.map().keySet()));
    }
}
