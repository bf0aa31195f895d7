package org.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.gazette.TestSites;
import org.gazette.format.Units;
import org.gazette.format.QuantityFormat;
import org.gazette.format.QuantityParser;
import org.gazette.i18n.Language;
import org.gazette.i18n.Strings;
import org.gazette.i18n.StringsLoader;
import org.gazette.problem.Problems;
import org.junit.jupiter.api.Test;

/** Counted strings take the form their number needs: "1 category", "4 categories"; Chinese has one form. Every one at 0, 1, 2 and 1,000. */
class PluralStringsTest {

    static final Language ZH = new Language("zh", "中文", Locale.forLanguageTag("zh-CN"));
    static final Language EN = new Language("en", "English", Locale.forLanguageTag("en-GB"));
    static final Problems PROBLEMS = new Problems();
    static final Map<String, Strings> STRINGS = StringsLoader.load(TestSites.TEMPLATES, List.of(ZH, EN), PROBLEMS);

    /** The counted strings: those English writes with a singular form. */
    static TreeSet<String> counted() {
        TreeSet<String> keys = new TreeSet<>();
        for (String k : STRINGS.get("en").map().keySet()) if (k.endsWith(".one")) keys.add(k.substring(0, k.length() - 4));
        return keys;
    }

    @Test
    void everyCountedStringAtZeroOneTwoAndAThousand() {
        assertFalse(PROBLEMS.hasErrors(), PROBLEMS.sorted()::toString);
        TreeSet<String> keys = counted();
        assertTrue(keys.containsAll(List.of("news_count", "archive_count", "year_news", "search_results", "bulletin_commendations_intro",
                "bulletin_copies")), keys.toString());
        Localizer en = new Localizer(EN, List.of(ZH, EN), STRINGS.get("en"), Units.shipped());
        Localizer zh = new Localizer(ZH, List.of(ZH, EN), STRINGS.get("zh"), Units.shipped());
        for (String key : keys) {
            String one = STRINGS.get("en").map().get(key + ".one");
            String other = STRINGS.get("en").map().get(key);
            for (int n : new int[] {0, 1, 2, 1000}) {
                String printed = n == 1000 ? "1,000" : String.valueOf(n);
                String got = en.count(key, n, "year", "2018");
                assertEquals((n == 1 ? one : other).replace("{n}", printed).replace("{year}", "2018"), got, key + " at " + n);
                String chinese = zh.count(key, n, "year", "2018");
                assertEquals(STRINGS.get("zh").map().get(key).replace("{n}", String.valueOf(n)).replace("{year}", "2018"), chinese,
                        key + " in Chinese at " + n + ": one form, digits without separators");
            }
        }
        assertEquals("The meeting commended winners in 1 category.", en.count("bulletin_commendations_intro", 1));
        assertEquals("The meeting commended winners in 4 categories.", en.count("bulletin_commendations_intro", 4));
        assertEquals("(1,000 copies printed)", en.count("bulletin_copies", 1000));
        assertEquals("大会对以下1类先进进行了表彰。", zh.count("bulletin_commendations_intro", 1));
    }

    @Test
    void quantitiesTakeTheFormOfTheirAmount() {
        QuantityFormat en = new QuantityFormat(STRINGS.get("en"), Units.shipped());
        QuantityFormat zh = new QuantityFormat(STRINGS.get("zh"), Units.shipped());
        assertEquals("1 person", en.format(((QuantityParser.Ok) Units.shipped().parse("1人", 1)).quantity()));
        assertEquals("nearly 300 people", en.format(((QuantityParser.Ok) Units.shipped().parse("近300人", 1)).quantity()));
        assertEquals("1 household", en.format(((QuantityParser.Ok) Units.shipped().parse("1户", 1)).quantity()));
        assertEquals("1.5 households", en.format(((QuantityParser.Ok) Units.shipped().parse("1.5户", 1)).quantity()), "only exactly one is singular");
        assertEquals("1人", zh.format(((QuantityParser.Ok) Units.shipped().parse("1人", 1)).quantity()));
    }
}
