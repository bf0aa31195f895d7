package org.gazette.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.gazette.TestSites;
import org.gazette.i18n.Language;
import org.gazette.i18n.Strings;
import org.gazette.i18n.StringsLoader;
import org.gazette.problem.Problems;
import org.gazette.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Every unit of the shipped table: how the office writes it, what Gazette reads, how each language prints it. */
public class UnitsTest {

    static final Language ZH = new Language("zh", "中文", Locale.forLanguageTag("zh-CN"));
    static final Language EN = new Language("en", "English", Locale.forLanguageTag("en-GB"));
    static final Map<String, Strings> STRINGS = StringsLoader.load(TestSites.TEMPLATES, List.of(ZH, EN), new Problems());
    static final Units UNITS = Units.shipped();
    static final QuantityFormat ZH_FORMAT = new QuantityFormat(STRINGS.get("zh"), UNITS);
    static final QuantityFormat EN_FORMAT = new QuantityFormat(STRINGS.get("en"), UNITS);

    /** One row per way of writing; together they name every unit of the table (checked below). */
    public static final String[] EVERY_UNIT = {
            "320亿元        | yuan                      | money         | 320亿元          | 32 billion yuan",
            "1.5亿美元      | usd                       | money         | 1.5亿美元        | US$150 million",
            "3000万港元     | hkd                       | money         | 3000万港元       | HK$30 million",
            "500万港币      | hkd                       | money         | 500万港元        | HK$5 million",
            "800万欧元      | eur                       | money         | 800万欧元        | €8 million",
            "近5000亩       | mu                        | area          | 近5000亩         | nearly 5,000 mu",
            "30公顷         | hectare                   | area          | 30公顷           | 30 hectares",
            "1公顷          | hectare                   | area          | 1公顷            | 1 hectare",
            "12万平方米     | square_metre              | area          | 12万平方米       | 120,000 m²",
            "800平米        | square_metre              | area          | 800平方米        | 800 m²",
            "2.5平方公里    | square_kilometre          | area          | 2.5平方公里      | 2.5 km²",
            "15公里         | kilometre                 | length        | 15公里           | 15 km",
            "3.2千米        | kilometre                 | length        | 3.2公里          | 3.2 km",
            "800米          | metre                     | length        | 800米            | 800 m",
            "12吨           | tonne                     | mass          | 12吨             | 12 tonnes",
            "1吨            | tonne                     | mass          | 1吨              | 1 tonne",
            "3.5万吨        | tonne                     | mass          | 3.5万吨          | 35,000 tonnes",
            "200公斤        | kilogram                  | mass          | 200公斤          | 200 kg",
            "1200立方米     | cubic_metre               | volume        | 1200立方米       | 1,200 m³",
            "5万标准箱      | teu                       | volume        | 5万标准箱        | 50,000 TEU",
            "3000千瓦       | kilowatt                  | power         | 3000千瓦         | 3,000 kW",
            "2万千瓦        | kilowatt                  | power         | 2万千瓦          | 20,000 kW",
            "50兆瓦         | megawatt                  | power         | 50兆瓦           | 50 MW",
            "1.2亿千瓦时    | kilowatt_hour             | energy        | 1.2亿千瓦时      | 120 million kWh",
            "8000吨标准煤   | tonne_coal_equivalent     | energy        | 8000吨标准煤     | 8,000 tonnes of standard coal",
            "42微克/立方米  | microgram_per_cubic_metre | concentration | 42微克/立方米    | 42 µg/m³",
            "近300人        | people                    | people        | 近300人          | nearly 300 people",
            "1人            | people                    | people        | 1人              | 1 person",
            "5万人次        | person_time               | people        | 5万人次          | 50,000 person-times",
            "1200户         | households                | people        | 1200户           | 1,200 households",
            "3千人          | people                    | people        | 3000人           | 3,000 people",
            "280天          | days                      | time          | 280天            | 280 days",
            "72小时         | hours                     | time          | 72小时           | 72 hours",
            "78.5岁         | years_of_age              | age           | 78.5岁           | 78.5 years",
            "95.6分         | score                     | score         | 95.6分           | 95.6 points",
            "7%             | percent                   | percent       | 7%               | 7%",
            "6.8％          | percent                   | percent       | 6.8%             | 6.8%",
            "1.2个百分点    | percentage_point          | points        | 1.2个百分点      | 1.2 percentage points",
            "1个百分点      | percentage_point          | points        | 1个百分点        | 1 percentage point",
            "0.5百分点      | percentage_point          | points        | 0.5个百分点      | 0.5 percentage points",
            "1.25倍         | times                     | multiple      | 1.25倍           | 1.25 times",
            "146个          | 个                        | count         | 146个            | 146",
            "37项           | 项                        | count         | 37项             | 37",
            "120家          | 家                        | count         | 120家            | 120",
            "6所            | 所                        | count         | 6所              | 6",
            "3座            | 座                        | count         | 3座              | 3",
            "18条           | 条                        | count         | 18条             | 18",
            "2.3万次        | 次                        | count         | 2.3万次          | 23,000",
            "56名           | 名                        | count         | 56名             | 56",
            "4批            | 批                        | count         | 4批              | 4",
            "11处           | 处                        | count         | 11处             | 11",
            "30场           | 场                        | count         | 30场             | 30",
            "1500件         | 件                        | count         | 1500件           | 1,500",
            "12期           | 期                        | count         | 12期             | 12",
            "23面           | 面                        | count         | 23面             | 23",
            "0起            | 起                        | count         | 0起              | 0",
            "9宗            | 宗                        | count         | 9宗              | 9",
            "40辆           | 辆                        | count         | 40辆             | 40",
            "3台            | 台                        | count         | 3台              | 3",
            "200套          | 套                        | count         | 200套            | 200",
            "1800张         | 张                        | count         | 1800张           | 1,800",
            "26栋           | 栋                        | count         | 26栋             | 26",
            "8幢            | 栋                        | count         | 8栋              | 8",
            "300间          | 间                        | count         | 300间            | 300",
            "5块            | 块                        | count         | 5块              | 5",
            "2艘            | 艘                        | count         | 2艘              | 2",
            "14部           | 部                        | count         | 14部             | 14",
            "146            | ''                        | number        | 146              | 146",
            "2万            | ''                        | number        | 2万              | 20,000",
    };

    @Test
    void everyUnitParsesAndPrintsInBothLanguages() {
        TreeSet<String> seen = new TreeSet<>();
        for (String row : EVERY_UNIT) {
            String[] c = row.split("\\|");
            String written = c[0].strip();
            String id = c[1].strip().replace("''", "");
            QuantityParser.Result r = UNITS.parse(written, 1);
            Quantity q = assertInstanceOf(QuantityParser.Ok.class, r, () -> written + " → " + r).quantity();
            assertEquals(id, q.unit().id(), written);
            assertEquals(c[2].strip(), q.unit().kind().id(), written + " kind");
            assertEquals(c[3].strip(), ZH_FORMAT.format(q), written + " in Chinese");
            assertEquals(c[4].strip(), EN_FORMAT.format(q), written + " in English");
            seen.add(id);
        }
        TreeSet<String> table = new TreeSet<>();
        for (Unit u : UNITS.all()) table.add(u.id());
        table.removeAll(seen);
        assertEquals(new TreeSet<>(), table, "units of the shipped table without a test row");
    }

    @Test
    void everyWordOfTheTableIsReadAsItsUnit() {
        for (Unit u : UNITS.all()) {
            for (String w : u.written()) {
                Quantity q = ((QuantityParser.Ok) UNITS.parse("3" + w, 1)).quantity();
                assertEquals(u, q.unit(), w);
                if (u.scalable()) {
                    assertEquals(0, new java.math.BigDecimal("30000").compareTo(((QuantityParser.Ok) UNITS.parse("3万" + w, 1)).quantity().amount()), "3万" + w);
                } else {
                    assertInstanceOf(QuantityParser.Error.class, UNITS.parse("3万" + w, 1), "3万" + w + " is refused");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "5万个百分点 | '5万个百分点' is not a quantity: '万' cannot stand before '个百分点'",
            "3万岁       | '3万岁' is not a quantity: '万' cannot stand before '岁'",
            "12吨吨      | '12吨吨' is not a quantity: two units ('吨' and '吨')",
            "5个百分点多 | '5个百分点多' is not a quantity: unexpected '多' after the unit '个百分点'",
            "12磅        | '12磅' is not a quantity: unknown unit '磅' at column 3",
    })
    void refusedWithTheReason(String written, String message) {
        assertEquals(message, assertInstanceOf(QuantityParser.Error.class, UNITS.parse(written, 1)).message().toString());
    }

    @Test
    void unknownUnitNamesTheFileWhereUnitsAreAdded() {
        QuantityParser.Error e = (QuantityParser.Error) UNITS.parse("12磅", 1);
        assertTrue(e.hint().toString().contains("units.yaml in the content folder"), e.hint()::toString);
    }

    @ParameterizedTest(name = "{0}: {1} / {2}; {3} / {4}")
    @CsvSource(delimiter = '|', value = {
            "7%          | +7%              | +7%                     | 增长7%             | up 7%",
            "-2.3%       | \u22122.3%       | \u22122.3%              | 下降2.3%           | down 2.3%",
            "0%          | 0%               | 0%                      | 持平               | unchanged",
            "1.2个百分点 | +1.2个百分点     | +1.2 percentage points  | 提高1.2个百分点    | up 1.2 percentage points",
            "-0.5个百分点| \u22120.5个百分点 | \u22120.5 percentage points | 下降0.5个百分点 | down 0.5 percentage points",
            "1个百分点   | +1个百分点       | +1 percentage point     | 提高1个百分点      | up 1 percentage point",
            "近7%        | +近7%            | +nearly 7%              | 增长近7%           | up nearly 7%",
    })
    void changesInTablesAndInRunningText(String written, String zhTable, String enTable, String zhText, String enText) {
        Quantity q = ((QuantityParser.Ok) UNITS.parse(written, 1)).quantity();
        assertEquals(zhTable, ZH_FORMAT.signed(q));
        assertEquals(enTable, EN_FORMAT.signed(q));
        assertEquals(zhText, ZH_FORMAT.change(q));
        assertEquals(enText, EN_FORMAT.change(q));
    }

    @Test
    void percentAndPercentagePointsAreDifferentThings() {
        Quantity pct = ((QuantityParser.Ok) UNITS.parse("1.2%", 1)).quantity();
        Quantity pts = ((QuantityParser.Ok) UNITS.parse("1.2个百分点", 1)).quantity();
        assertEquals(Unit.Kind.PERCENT, pct.unit().kind());
        assertEquals(Unit.Kind.POINTS, pts.unit().kind());
        assertTrue(!pct.unit().equals(pts.unit()));
    }

    @Test
    void theShippedSchemaAcceptsExactlyTheTablesWords() throws IOException {
        var schema = new ObjectMapper().readTree(Files.readString(TestSites.CONTENT.resolve("schema/report.schema.json")));
        String pattern = schema.at("/$defs/quantity/oneOf/1/pattern").asText();
        assertEquals(UNITS.schemaPattern(), pattern, "content/schema/report.schema.json is out of date: run ./gazette schema");
        Pattern p = Pattern.compile(pattern);
        for (String row : EVERY_UNIT) {
            String written = row.split("\\|")[0].strip();
            assertTrue(p.matcher(written).matches(), written);
        }
        assertTrue(!p.matcher("12磅").matches());
    }

    @Test
    void anOfficeAddsUnitsAndItsOwnPrintedForms(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("units.yaml"), """
                # our own
                美金:
                  written: [美金]
                  kind: money
                  zh: "{n}美金"
                  en: "US${n}"
                bed:
                  written: [床位]
                  kind: count
                  zh: "{n}张床位"
                  en: {one: "{n} bed", other: "{n} beds"}
                yuan:
                  en: "RMB {n}"
                """);
        Problems problems = new Problems();
        Units units = Units.load(dir, new YamlReader(), List.of(ZH, EN), problems);
        assertTrue(!problems.hasErrors(), problems.sorted()::toString);
        QuantityFormat en = new QuantityFormat(STRINGS.get("en"), units);
        QuantityFormat zh = new QuantityFormat(STRINGS.get("zh"), units);
        assertEquals("US$10 billion", en.format(((QuantityParser.Ok) units.parse("100亿美金", 1)).quantity()));
        assertEquals("1 bed", en.format(((QuantityParser.Ok) units.parse("1床位", 1)).quantity()));
        assertEquals("800张床位", zh.format(((QuantityParser.Ok) units.parse("800床位", 1)).quantity()));
        assertEquals("RMB 32 billion", en.format(((QuantityParser.Ok) units.parse("320亿元", 1)).quantity()));
        assertEquals("320亿元", zh.format(((QuantityParser.Ok) units.parse("320亿元", 1)).quantity()));
        assertTrue(units.schemaPattern().contains("床位"));

        // The editor's schema for units.yaml accepts it, and knows the same kinds as Gazette.
        var schemaJson = new ObjectMapper().readTree(Files.readString(TestSites.CONTENT.resolve("schema/units.schema.json")));
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(schemaJson);
        var yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        assertEquals(java.util.Set.of(), schema.validate(yaml.readTree(Files.readString(dir.resolve("units.yaml")))));
        assertTrue(!schema.validate(yaml.readTree("catty: {written: [斤], kind: mas, zh: '{n}斤'}")).isEmpty());
        List<String> kinds = new java.util.ArrayList<>();
        schemaJson.at("/additionalProperties/properties/kind/enum").forEach(k -> kinds.add(k.asText()));
        assertEquals(Unit.Kind.ids(), kinds);
    }

    @Test
    void mistakesInTheOfficesTableArePositioned(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("units.yaml"), """
                yuan:
                  written: [块钱]
                catty:
                  written: [斤]
                  kind: mas
                  zh: "{n}斤"
                  en: "{n} jin"
                km2:
                  written: [公里]
                  kind: length
                  zh: "{n}公里"
                  en: "{n} km"
                bale:
                  written: [包]
                  kind: count
                  zh: "包"
                """);
        Problems problems = new Problems();
        Units.load(dir, new YamlReader(), List.of(ZH, EN), problems);
        List<String> got = problems.sorted().stream().map(Object::toString).toList();
        String all = String.join("\n", got);
        assertTrue(all.contains("units.yaml:2:12: 'yuan' is one of Gazette's units: its 'written' cannot be changed here"), all);
        assertTrue(all.contains("units.yaml:5:9: 'mas' is not a valid kind — did you mean 'mass'?"), all);
        assertTrue(all.contains("units.yaml:9:3: the unit word '公里' is declared twice (first in Gazette's unit table)"), all);
        assertTrue(all.contains("units.yaml:16:7: the printed form '包' has no {n}"), all);
        assertTrue(all.contains("the unit 'bale' has no printed form for the language 'en'") || all.contains("has no printed form"), all);
    }
}
