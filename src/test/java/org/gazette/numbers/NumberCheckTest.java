package org.gazette.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.gazette.site.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translation's numbers against the original's, and the report's prose against its figures: one
 * slip of each kind a translator makes, each with its exact message; honest roundings and qualifiers
 * stay silent; the sample is silent.
 */
class NumberCheckTest {

    static final String MEETING_EN = "2017/news/meeting.en.md";
    static final String MEETING_ZH = "2017/news/meeting.zh.md";

    /** The numbers warnings of a check of the sample with {@code edits} (file, from, to …) applied. */
    static List<String> check(Path tmp, String... edits) {
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        for (int i = 0; i < edits.length; i += 3) {
            Path f = content.resolve(edits[i]);
            String before = TestSites.read(f);
            assertTrue(before.contains(edits[i + 1]), edits[i] + " holds " + edits[i + 1]);
            TestSites.write(f, before.replace(edits[i + 1], edits[i + 2]));
        }
        Build.Result r = TestSites.check(content);
        assertTrue(r.ok(), () -> "the edited content still checks: " + r.problems());
        return r.problems().stream().filter(p -> !p.isError()).map(Problem::format)
                .filter(m -> m.contains("counterpart") || m.contains("close to the figure")).toList();
    }

    @Test
    void aFileOfPastedNumbersGivesTwentyWarningsAndASum(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path prose = content.resolve("2017/report.zh.md");
        // 180 KB of "1万": 30,000 amounts the English text does not state.
        TestSites.write(prose, TestSites.read(prose) + "\n" + "1万，".repeat(10).concat("\n").repeat(3_000));
        Build.Result r = TestSites.check(content);
        assertTrue(r.ok(), r.problems()::toString);
        List<Problem> inFile = r.problems().stream().filter(p -> p.file().equals("2017/report.zh.md")).toList();
        assertEquals(21, inFile.size(), () -> inFile.size() + " warnings");
        assertTrue(inFile.get(20).message().matches("and 29,?9\\d\\d more numbers like these in this file, not listed"), inFile.get(20).message());
    }

    @Test
    void theSampleIsSilent(@TempDir Path tmp) {
        assertEquals(List.of(), check(tmp));
    }

    @Test
    void billionReadForYi(@TempDir Path tmp) {
        assertEquals(List.of(MEETING_EN + ":27:92: warning: '26.56 billion yuan' has no counterpart in " + MEETING_ZH
                        + " — the Chinese text has 26.56亿元 (= 2.656 billion yuan); did you mean 2.656 billion yuan?"),
                check(tmp, MEETING_EN, "reached 2.656 billion yuan", "reached 26.56 billion yuan"));
    }

    /** The same slip told to a Chinese office: the languages named in Chinese, the amounts as written. */
    @Test
    void billionReadForYiInChinese(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path f = content.resolve(MEETING_EN);
        TestSites.write(f, TestSites.read(f).replace("reached 2.656 billion yuan", "reached 26.56 billion yuan"));
        List<String> zh = TestSites.check(content).problems().stream().filter(p -> p.file().equals(MEETING_EN) && !p.isError())
                .map(p -> p.format(org.gazette.problem.Lang.ZH)).toList();
        assertEquals(List.of(MEETING_EN + ":27:92: 警告：“26.56 billion yuan”在 " + MEETING_ZH
                + " 中没有对应的数字。中文文本中写的是 26.56亿元（即 2.656 billion yuan），是否应为 2.656 billion yuan？"), zh);
    }

    @Test
    void wanDropped(@TempDir Path tmp) {
        assertEquals(List.of(MEETING_EN + ":12:1: warning: '5,000 yuan' has no counterpart in " + MEETING_ZH
                        + " — the Chinese text has 5000万元 (= 50 million yuan); did you mean 50 million yuan?"),
                check(tmp, MEETING_ZH, "\n## 四类表彰", "\n区财政安排5000万元奖励先进。\n\n## 四类表彰",
                        MEETING_EN, "On the morning", "5,000 yuan went to the winners.\n\nOn the morning"));
    }

    @Test
    void digitsTransposed(@TempDir Path tmp) {
        assertEquals(List.of(MEETING_EN + ":28:112: warning: '27.5 billion yuan' has no counterpart in " + MEETING_ZH
                        + " — the Chinese text has 257亿元 (= 25.7 billion yuan); did you mean 25.7 billion yuan?"),
                check(tmp, MEETING_EN, "worth 25.7 billion yuan", "worth 27.5 billion yuan"));
    }

    @Test
    void percentForPercentagePoints(@TempDir Path tmp) {
        List<String> got = check(tmp, MEETING_ZH, "\n## 四类表彰", "\n研发投入占比提高1.2个百分点。\n\n## 四类表彰",
                MEETING_EN, "On the morning", "The share of R&D spending rose 1.2%.\n\nOn the morning");
        assertEquals(List.of(MEETING_EN + ":12:32: warning: '1.2%' has no counterpart in " + MEETING_ZH
                + " — the Chinese text has 1.2个百分点 (= 1.2 percentage points); did you mean 1.2 percentage points?"), got);
    }

    @Test
    void aFigureLeftOut(@TempDir Path tmp) {
        List<String> got = check(tmp, MEETING_EN, "- **Projects**: 146 major projects", "- **Projects**: major projects");
        assertEquals(1, got.size(), got::toString);
        assertTrue(got.get(0).startsWith(MEETING_ZH + ":"), got::toString);
        assertTrue(got.get(0).contains(": warning: '146个' has no counterpart in " + MEETING_EN
                + " — the English text states no such amount: translate it, or check the number"), got::toString);
    }

    @Test
    void aRoundingThatChangesADigit(@TempDir Path tmp) {
        assertEquals(List.of(MEETING_EN + ":27:162: warning: '97%' has no counterpart in " + MEETING_ZH
                        + " — the Chinese text has 96.48% (= 96.48%); did you mean 96.48%?"),
                check(tmp, MEETING_EN, "revenue quality of 96.48%", "revenue quality of 97%"));
    }

    @Test
    void honestRoundingsAndQualifiersAreSilent(@TempDir Path tmp) {
        assertEquals(List.of(), check(tmp,
                MEETING_EN, "reached 2.656 billion yuan", "reached 2.66 billion yuan",
                MEETING_EN, "128 million yuan above target", "RMB 128m above target",
                MEETING_EN, "revenue quality of 96.48%", "revenue quality of 96.5 per cent",
                MEETING_EN, "worth 25.7 billion yuan", "worth RMB 25.7bn",
                MEETING_EN, "up 7%", "up 7 per cent",
                MEETING_EN, "nearly 250 billion yuan", "almost 250 billion yuan",
                MEETING_EN, "over 58 billion yuan", "more than 58 billion yuan",
                MEETING_EN, "nearly 5,000 mu", "close to 5,000 mu",
                MEETING_EN, "Nearly 300 people took part", "Close to 300 people took part"));
    }

    @Test
    void anOptOutLineIsNotChecked(@TempDir Path tmp) {
        assertEquals(List.of(), check(tmp, MEETING_EN, "- **Projects**: 146 major projects",
                "[//]: # (gazette: numbers ok)\n- **Projects**: 164 major projects"));
    }

    @Test
    void aYamlLineIsOptedOutByItsComment(@TempDir Path tmp) {
        assertEquals(List.of(), check(tmp, "2017/report.yaml", "build model blocks, 13 in all, so that a few good examples lift living conditions across the district.",
                "build model blocks, 130 in all. # gazette: numbers ok"));
    }

    @Test
    void theReportsProseAgainstItsFigures(@TempDir Path tmp) {
        assertEquals(List.of(
                        "2017/report.en.md:9:213: warning: '30.2 billion yuan' is close to the figure 'economic-output' of 2017/report.yaml (超320亿元), "
                                + "but not equal (transposed digits) — write 32 billion yuan as the figure has it, or correct the figure",
                        "2017/report.zh.md:9:51: warning: '302亿元' is close to the figure 'economic-output' of 2017/report.yaml (超320亿元), "
                                + "but not equal (transposed digits) — write 320亿元 as the figure has it, or correct the figure"),
                check(tmp, "2017/report.zh.md", "突破320亿元", "突破302亿元", "2017/report.en.md", "passed 32 billion yuan", "passed 30.2 billion yuan"));
    }

    @Test
    void reportYamlTextsArePairedToo(@TempDir Path tmp) {
        assertEquals(List.of("2017/report.yaml:293:239: warning: '130' has no counterpart in 2017/report.yaml — "
                        + "the Chinese text has 13个 (= 13); did you mean 13?"),
                check(tmp, "2017/report.yaml", "build model blocks, 13 in all", "build 130 model blocks"));
    }

    /**
     * Two more articles in the style of a district's year-end releases, written in Chinese and translated
     * by hand with the freedoms translators take (RMB 2.83bn, 9.6 per cent, "Some 12,000", "Twelve
     * kindergartens", "close to 800 mu", 450,000 square metres): over forty quantities, zero warnings.
     */
    @Test
    void aHandTranslatedCorpusIsSilent(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        for (String f : List.of("economy.zh.md", "economy.en.md", "services.zh.md", "services.en.md")) {
            TestSites.write(content.resolve("2018/news/" + f), TestSites.read(Path.of("src/test/resources/numbers-corpus/" + f)));
        }
        Build.Result r = TestSites.check(content);
        assertTrue(r.ok(), () -> r.problems().toString());
        List<String> numbers = r.problems().stream().map(Problem::format)
                .filter(m -> m.contains("counterpart") || m.contains("close to the figure")).toList();
        assertEquals(List.of(), numbers);

        // And the reader does read them: a slip in the corpus is caught.
        TestSites.write(content.resolve("2018/news/economy.en.md"),
                TestSites.read(content.resolve("2018/news/economy.en.md")).replace("21.54 billion yuan", "215.4 billion yuan"));
        List<String> caught = TestSites.check(content).problems().stream().map(Problem::format).filter(m -> m.contains("counterpart")).toList();
        assertEquals(1, caught.size(), caught::toString);
        assertTrue(caught.get(0).contains("'215.4 billion yuan' has no counterpart in 2018/news/economy.zh.md — the Chinese text has 215.4亿元 (= 21.54 billion yuan)"), caught::toString);
    }

    @Test
    void everyQuantityOfTheCorpusIsRead() {
        var units = org.gazette.format.Units.shipped();
        ProseReader zh = new ProseReader(units, "zh");
        ProseReader en = new ProseReader(units, "en");
        int zhCount = 0;
        int enCount = 0;
        for (String f : List.of("economy", "services")) {
            for (String line : TestSites.read(Path.of("src/test/resources/numbers-corpus/" + f + ".zh.md")).split("\n")) zhCount += zh.read(line, 1, 1).size();
            for (String line : TestSites.read(Path.of("src/test/resources/numbers-corpus/" + f + ".en.md")).split("\n")) {
                enCount += (int) en.read(line, 1, 1).stream().filter(s -> !s.soft()).count();
            }
        }
        assertTrue(zhCount >= 40, "Chinese quantities read: " + zhCount);
        assertTrue(enCount >= 20, "English quantities with a unit read: " + enCount);
    }

    @Test
    void englishNumberWordsAreRead() {
        ProseReader en = new ProseReader(org.gazette.format.Units.shipped(), "en");
        java.util.function.Function<String, List<String>> read = line -> en.read(line, 1, 1).stream()
                .filter(st -> st.unit() == null).map(st -> st.written() + "=" + st.amount().toPlainString()).toList();
        assertEquals(List.of("One hundred=100"), read.apply("One hundred old communities were renovated."));
        assertEquals(List.of("twenty-three=23"), read.apply("It built twenty-three schools."));
        assertEquals(List.of("two hundred and twenty=220"), read.apply("two hundred and twenty projects"));
        assertEquals(List.of("seventeen=17", "three thousand=3000"), read.apply("seventeen towns and three thousand households"));
        assertEquals(List.of("two hundred=200"), read.apply("two hundred and the rest"), "'and' goes on only before a number word");
        assertEquals(List.of(), read.apply("one office, often, someone, seventies, nineteenth, tone"), "one is no count; other words are no numbers");
    }
}
