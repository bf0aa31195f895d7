package org.gazette.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gazette.TestSites;
import org.gazette.i18n.Language;
import org.gazette.i18n.Strings;
import org.gazette.i18n.StringsLoader;
import org.gazette.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@org.junit.jupiter.api.parallel.Isolated("changes the default locale, which every other test would see")
class QuantityTest {

    static final Language ZH = new Language("zh", "中文", Locale.forLanguageTag("zh-CN"));
    static final Language EN = new Language("en", "English", Locale.forLanguageTag("en-GB"));
    static final Map<String, Strings> STRINGS = StringsLoader.load(TestSites.TEMPLATES, List.of(ZH, EN), new Problems());
    static final QuantityFormat ZH_FORMAT = new QuantityFormat(STRINGS.get("zh"), Units.shipped());
    static final QuantityFormat EN_FORMAT = new QuantityFormat(STRINGS.get("en"), Units.shipped());

    static Quantity parse(String s) {
        QuantityParser.Result r = Units.shipped().parse(s, 1);
        return assertInstanceOf(QuantityParser.Ok.class, r, () -> s + " → " + r).quantity();
    }

    /** Every figure of the 2017 sample, as written, in Chinese and in English. */
    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "超320亿元   | 超320亿元   | over 32 billion yuan",
            "320亿元     | 320亿元     | 32 billion yuan",
            "26.56亿元   | 26.56亿元   | 2.656 billion yuan",
            "1.28亿元    | 1.28亿元    | 128 million yuan",
            "近2500亿元  | 近2500亿元  | nearly 250 billion yuan",
            "2500亿元    | 2500亿元    | 250 billion yuan",
            "257亿元     | 257亿元     | 25.7 billion yuan",
            "超580亿元   | 超580亿元   | over 58 billion yuan",
            "7%          | 7%          | 7%",
            "96.48%      | 96.48%      | 96.48%",
            "1.25倍      | 1.25倍      | 1.25 times",
            "近5000亩    | 近5000亩    | nearly 5,000 mu",
            "5000亩      | 5000亩      | 5,000 mu",
            "146个       | 146个       | 146",
            "220个       | 220个       | 220",
            "23面        | 23面        | 23",
            "近300人     | 近300人     | nearly 300 people",
            "37个        | 37个        | 37",
            "146         | 146         | 146",
    })
    void sampleFiguresInBothLanguages(String written, String zh, String en) {
        Quantity q = parse(written);
        assertEquals(zh, ZH_FORMAT.format(q));
        assertEquals(en, EN_FORMAT.format(q));
    }

    @Test
    void heldExactlyAsDecimals() {
        assertEquals(new BigDecimal("2656000000"), parse("26.56亿元").amount().stripTrailingZeros().setScale(0));
        assertEquals(0, new BigDecimal("2656000000").compareTo(parse("26.56亿元").amount()));
        assertEquals(0, new BigDecimal("128000000").compareTo(parse("1.28亿元").amount()));
        assertEquals(0, new BigDecimal("250000000000").compareTo(parse("近2500亿元").amount()));
        assertEquals(Quantity.Qualifier.NEARLY, parse("近2500亿元").qualifier());
        assertEquals("面", parse("23面").unit().id());
        assertEquals("面", parse("23面").word());
    }

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            // every written decimal survives: no 2.6559999, no 27亿
            "0.1亿元        | 1000万元        | 10 million yuan",
            "1.2345678亿元  | 1.234568亿元    | 123.45678 million yuan",
            "12000万元      | 1.2亿元         | 120 million yuan",
            "1.5万元        | 1.5万元         | 15,000 yuan",
            "999999元       | 99.9999万元     | 999,999 yuan",
            "1,000,000元    | 100万元         | 1 million yuan",
            "2万亿元        | 2万亿元         | 2 trillion yuan",
            "0.125%         | 0.125%          | 0.125%",
            "10.50%         | 10.5%           | 10.5%",
            "约3.5万人      | 约3.5万人       | about 35,000 people",
            "120 亩         | 120亩           | 120 mu",
    })
    void roundingAndScale(String written, String zh, String en) {
        Quantity q = parse(written);
        assertEquals(zh, ZH_FORMAT.format(q));
        assertEquals(en, EN_FORMAT.format(q));
    }

    @Test
    void signedGrowth() {
        assertEquals("+7%", ZH_FORMAT.signed(parse("7%")));
        assertEquals("\u22122.5%", EN_FORMAT.signed(parse("-2.5%")));
    }

    @Test
    void datesPerLanguage() {
        assertEquals("2018年2月27日", ZH_FORMAT.date(java.time.LocalDate.of(2018, 2, 27)));
        assertEquals("27 February 2018", EN_FORMAT.date(java.time.LocalDate.of(2018, 2, 27)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "3２0亿元    | '3２0亿元' is not a quantity: full-width digit '２' at column 11",
            "320亿美金   | '320亿美金' is not a quantity: unknown unit '美金' at column 14",
            "320亿元亩   | '320亿元亩' is not a quantity: two units ('元' and '亩')",
            "亿元        | '亿元' is not a quantity: no number before '亿元'",
            "7万%        | '7万%' is not a quantity: '万' cannot stand before '%'",
    })
    void errorsSayWhatIsWrongAndWhere(String written, String message) {
        QuantityParser.Result r = Units.shipped().parse(written, 10);
        assertEquals(message, assertInstanceOf(QuantityParser.Error.class, r).message().toString());
    }

    @Test
    void sameOutputUnderOtherDefaultLocales() throws Exception {
        for (Locale l : List.of(Locale.forLanguageTag("tr-TR"), Locale.SIMPLIFIED_CHINESE, Locale.GERMANY)) {
            TestSites.withDefaultLocale(l, () -> {
                assertEquals("2.656 billion yuan", EN_FORMAT.format(parse("26.56亿元")));
                assertEquals("nearly 5,000 mu", EN_FORMAT.format(parse("近5000亩")));
                assertEquals("26.56亿元", ZH_FORMAT.format(parse("26.56亿元")));
                return null;
            });
        }
    }
}
