package org.gazette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.site.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, the summary line, messages without stack traces. */
class CliTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void buildPrintsOneSummaryLine(@TempDir Path tmp) {
        Run r = run("build", "--out", tmp.resolve("site").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("gazette: built .*site: 28 pages \\(zh 14, en 14\\), 2 bulletins \\(zh \\d+ pages, en \\d+ pages\\), 52 files, 0 warnings, \\d+\\.\\d\\d s\\R"), r.out());
        assertEquals("", r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("site/zh/2017/index.html")));
    }

    @Test
    void checkWritesNothing(@TempDir Path tmp) {
        // A previous site in place (check must not replace or clean it), and the sources beside it.
        Path content = TestSites.copyOfSample(tmp);
        Path out = tmp.resolve("site-out");
        assertEquals(0, run("build", "--content", content.toString(), "--out", out.toString()).code());
        var before = TestSites.snapshot(tmp, Path.of("site-out"));
        Run r = run("check", "--content", content.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("gazette: check ok: 28 pages (zh 14, en 14), 2 bulletins checked, not painted (--bulletins paints them), "), r.out());
        assertEquals(before, TestSites.snapshot(tmp, Path.of("site-out")), "check created, changed or removed a file");
        var painted = run("check", "--bulletins", "--content", content.toString());
        assertEquals(0, painted.code(), painted.err());
        assertTrue(painted.out().startsWith("gazette: check ok: 28 pages (zh 14, en 14), 2 bulletins (zh 9 pages, en 9 pages), "), painted.out());
        assertEquals(before, TestSites.snapshot(tmp, Path.of("site-out")), "check --bulletins created, changed or removed a file");
    }

    @Test
    void contentErrorsExitOneWithPositionsAndNoTrace(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report).replace("    growth: 7%", "    grwoth: 7%").replace("value: 26.56亿元", "value: 26.5６亿元"));
        Run r = run("build", "--content", content.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("2017/report.yaml:71:5: unknown field 'grwoth' in a figure — did you mean 'growth'?"), r.err());
        assertTrue(r.err().contains("2017/report.yaml:77:12: '26.5６亿元' is not a quantity: full-width digit '６' at column 16"), r.err());
        assertTrue(r.err().contains("gazette: build failed: 2 errors, 0 warnings; nothing was written"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void strictTurnsWarningsIntoErrors(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Files.delete(content.resolve("2017/news/meeting.en.md"));
        Run lenient = run("check", "--content", content.toString());
        assertEquals(0, lenient.code(), lenient.err());
        assertTrue(lenient.out().contains("1 warning"), lenient.out());
        Run strict = run("build", "--strict", "--content", content.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(1, strict.code());
        assertTrue(strict.err().contains("2017/news/meeting.zh.md: warning: not yet translated into English"), strict.err());
        assertTrue(strict.err().endsWith("gazette: build failed: 0 errors, 1 warning (--strict); nothing was written" + System.lineSeparator()), strict.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void missingContentFolder(@TempDir Path tmp) {
        Run r = run("check", "--content", tmp.resolve("nope").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("nope: the content folder does not exist — run Gazette in the folder that holds content/, or name it with --content DIR"), r.err());
    }

    @Test
    void usageErrorsExitTwo() {
        Run r = run("build", "--contnet", "x");
        assertEquals(2, r.code());
        assertEquals("gazette build: unknown option '--contnet' — did you mean --content? (see gazette build --help)" + System.lineSeparator(), r.err());
    }

    @Test
    void aNowThatIsNotATimeIsAUsageError() {
        Run r = run("check", "--now", "tomorrow 10am");
        assertEquals(2, r.code());
        assertEquals("gazette: --now 'tomorrow 10am' is not a date and time with its offset — write it like 2019-02-26T10:00+08:00"
                + System.lineSeparator(), r.err());
    }

    @Test
    void noSearchBuildsWithoutTheSearchPageOrIndexOrWarning(@TempDir Path tmp) {
        Run r = run("build", "--no-search", "--out", tmp.resolve("site").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertFalse(Files.exists(tmp.resolve("site/zh/search.html")));
        assertFalse(Files.exists(tmp.resolve("site/search")));
        assertFalse(TestSites.read(tmp.resolve("site/zh/index.html")).contains("role=\"search\""), "no search box");
    }

    @Test
    void aDraftsBuildSaysItIsAPreview(@TempDir Path tmp) {
        Run r = run("build", "--drafts", "--out", tmp.resolve("preview").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("this is a preview with drafts and embargoed articles (--drafts): do not publish it"), r.err());
    }

    @Test
    void noCommandShowsUsageAndExitsTwo() {
        Run r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Usage: gazette"), r.err());
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("build") && help.out().contains("check"), help.out());
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("gazette "), version.out());
    }

    @Test
    void newArticleWritesADraftInEveryLanguageThatChecksAndIsHeldBack(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        Run r = run("new", "article", "spring-planting", "--content", content.toString());
        assertEquals(0, r.code(), r.err());
        // Today in the site's time zone (Asia/Shanghai in the sample), not the machine's.
        int year = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        Path zh = content.resolve(year + "/news/spring-planting.zh.md");
        Path en = content.resolve(year + "/news/spring-planting.en.md");
        assertTrue(Files.isRegularFile(zh) && Files.isRegularFile(en), r.out());
        assertTrue(TestSites.read(en).contains("\ndraft: true\n"));
        assertTrue(TestSites.read(zh).contains("date: " + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));

        // It checks as it is (a draft), shows in a preview, and is held back from a published build.
        Run preview = run("check", "--content", content.toString(), "--drafts", "--no-search");
        assertEquals(0, preview.code(), preview.err());
        assertTrue(preview.out().contains("(zh 15, en 15)"), preview.out());
        Run published = run("check", "--content", content.toString(), "--no-search");
        assertEquals(0, published.code(), published.err());
        assertTrue(published.out().contains("(zh 13, en 13)"), published.out());

        // Never overwrites; a name that cannot be an address is refused with what to write instead.
        String before = TestSites.read(en);
        Run again = run("new", "article", "spring-planting", "--content", content.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("spring-planting.zh.md: already exists; nothing was written"), again.err());
        assertEquals(before, TestSites.read(en));
        Run bad = run("new", "article", "Spring Planting", "--content", content.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("use lower-case letters, digits and hyphens, e.g. spring-planting"), bad.err());
    }

    /** Without painting, check still finds what would spoil the printed bulletin: a character no font has. */
    @Test
    void checkWithoutPaintingStillFindsAMissingGlyph(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report).replace("      en: heads of enterprises based in the district\n",
                "      en: heads of enterprises based in the district\n    - zh: 特邀代表王\uD869\uDEA5\n      en: invited representative Wang Long\n"));
        var r = run("check", "--content", content.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("2017/report.yaml:35:16: '\uD869\uDEA5' (U+2A6A5) has no glyph in the bulletin's fonts: it would print as '#' in zh/2017/bulletin-2017-zh.pdf"), r.err());
    }

    /** An office adds a unit: check says the editor's schema is behind, gazette schema brings it up to date, and check is quiet again. */
    @Test
    void schemaFollowsTheOfficesUnits(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        TestSites.write(content.resolve("units.yaml"), "bed:\n  written: [床位]\n  kind: count\n  zh: \"{n}张床位\"\n  en: {one: \"{n} bed\", other: \"{n} beds\"}\n");
        var before = run("check", "--content", content.toString());
        assertEquals(0, before.code(), before.err());
        assertTrue(before.err().contains("schema/report.schema.json: warning: the editor's schema does not accept every unit of the unit table — run 'gazette schema'"), before.err());
        var schema = run("schema", "--content", content.toString());
        assertEquals(0, schema.code(), schema.err());
        assertTrue(schema.out().contains("now accepts the 55 units of the table"), schema.out());
        assertTrue(TestSites.read(content.resolve("schema/report.schema.json")).contains("床位"));
        var after = run("check", "--content", content.toString());
        assertFalse(after.err().contains("editor's schema"), after.err());
        assertTrue(run("schema", "--content", content.toString()).out().contains("already accepts the 55 units"));
    }

    /** A new year from the last one: same figures with values to fill, prose as drafts; nothing of it is published until the office says so. */
    @Test
    void newYearStartsFromTheLastOneAndPublishesNothingYet(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        var r = run("new", "year", "2018", "--content", content.toString());
        assertEquals(0, r.code(), r.err());
        String yaml = TestSites.read(content.resolve("2018/report.yaml"));
        assertTrue(yaml.startsWith("# yaml-language-server: $schema=../schema/report.schema.json\n# Started by 'gazette new year 2018' from 2017/report.yaml."), yaml);
        assertTrue(yaml.contains("\nyear: 2018\n") && yaml.contains("  year: 2019\n"), "the years move on");
        assertTrue(yaml.contains("  - id: economic-output\n    field: economy\n") && yaml.contains("    value:            # 2017: 超320亿元\n"), yaml);
        assertTrue(yaml.contains("    # 2017: growth: 7%\n"), yaml);
        // Last year's sentences are never this year's text: kept beside the empty text, or as comments.
        assertTrue(yaml.contains("summary:\n  zh:    # 2017: 2017年经济总量突破320亿元"), yaml);
        assertTrue(yaml.contains("  date:             # 2017: 2018-02-27 (write this year's when it is set)\n"), yaml);
        assertFalse(yaml.contains("\nhonours:") || yaml.contains("\nhighlights:") || yaml.contains("\nfollowUp:"), "kept only as comments");
        assertTrue(yaml.contains("\n# honours:\n") && yaml.contains("\n# highlights:\n") && yaml.contains("\n  # 2017: items:\n"), yaml);
        assertFalse(yaml.contains("2018年经济总量突破320亿元"), "no sentence of 2017 with its years moved on");
        String prose = TestSites.read(content.resolve("2018/report.zh.md"));
        assertTrue(prose.contains("draft: true"));
        assertFalse(prose.contains("\ndate:"), "the prose takes the meeting's date, not today's");

        Build.Result held = TestSites.build(content, tmp.resolve("out"));
        assertTrue(held.ok(), held.problems()::toString);
        assertFalse(held.files().keySet().stream().anyMatch(f -> f.contains("2018/index.html") || f.contains("key-figures-2018")), "a held report publishes nothing");
        assertTrue(held.problems().stream().anyMatch(p -> p.format().contains("2018/report.yaml:75:11: warning: figure 'economic-output' has no value yet")),
                held.problems()::toString);

        var again = run("new", "year", "2018", "--content", content.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("2018/report.yaml: already exists; nothing was written"), again.err());
        var none = run("new", "year", "2016", "--content", content.toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("no earlier year has a report.yaml to start from"), none.err());
    }

    static Run run(java.util.Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new Run(code, out.toString(), err.toString());
    }

    /** Every command's help in Chinese: no English sentence, lines of at most 80 terminal columns (a Chinese character takes two). */
    @Test
    void everyHelpIsChineseForAChineseOffice() {
        List<List<String>> commands = List.of(List.of(), List.of("build"), List.of("check"), List.of("serve"), List.of("new"),
                List.of("new", "article"), List.of("new", "year"), List.of("import"), List.of("schema"), List.of("bulletin"));
        for (List<String> c : commands) {
            List<String> args = new java.util.ArrayList<>(c);
            args.addAll(List.of("--help", "--lang", "zh"));
            Run r = run(java.util.Map.of(), args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("用法：gazette"), r.out());
            for (String line : r.out().lines().toList()) {
                assertTrue(CommandLine.columns(line) <= 80, "too wide: " + line);
                // The option column (--content DIR) is what the user types; the rest is Chinese.
                String said = line.replaceFirst("^\\s+(-\\S+(,? \\S+)*|[a-z]+|[A-Z]+)\\s{2,}", "")
                        .replaceFirst("^用法：gazette( [a-z]+)*", "用法：").replaceAll("\\b[A-Z]{3,}\\b", "");
                assertEquals(List.of(), org.gazette.ChineseText.englishIn(said), line);
            }
        }
        // The same help in English when asked.
        assertTrue(run(java.util.Map.of("LANG", "zh_CN.UTF-8"), "build", "--help", "--lang", "en").out().startsWith("Usage: gazette build"));
    }

    @Test
    void theLanguageComesFromTheOptionTheEnvironmentOrTheSite(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        String[] check = {"check", "--content", content.toString()};
        assertTrue(run(java.util.Map.of("LANG", "zh_CN.UTF-8"), check).out().startsWith("gazette: 检查通过：28 个页面（zh 14、en 14），"));
        assertTrue(run(java.util.Map.of("LANG", "en_GB.UTF-8"), check).out().startsWith("gazette: check ok: 28 pages (zh 14, en 14), "));
        assertTrue(run(java.util.Map.of("GAZETTE_LANG", "en", "LANG", "zh_CN.UTF-8"), check).out().startsWith("gazette: check ok:"));
        // A machine that says nothing (LANG=C): the site's first language, Chinese for the sample.
        assertTrue(run(java.util.Map.of("LANG", "C.UTF-8"), check).out().startsWith("gazette: 检查通过："));
        String[] checkEn = {"check", "--content", content.toString(), "--lang", "en"};
        assertTrue(run(java.util.Map.of("LANG", "zh_CN.UTF-8"), checkEn).out().startsWith("gazette: check ok:"));
        // Usage errors too, with their did-you-mean.
        Run typo = run(java.util.Map.of("LANG", "zh_CN.UTF-8"), "check", "--contnet", "x");
        assertEquals(2, typo.code());
        assertEquals("gazette check: 没有“--contnet”这个选项。是否应为 --content？（详见 gazette check --help）\n", typo.err().replace("\r", ""));
        Run command = run(java.util.Map.of("LANG", "zh_CN.UTF-8"), "chek");
        assertTrue(command.err().contains("没有“chek”这个命令。是否应为“gazette check”？"), command.err());
    }

    /** A new year started by a Chinese office: the report.yaml's guiding comments are Chinese too. */
    @Test
    void newYearCommentsInTheOfficesLanguage(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        var r = run(java.util.Map.of("LANG", "zh_CN.UTF-8"), "new", "year", "2018", "--content", content.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("gazette: 已写入 ") && r.out().contains("请填写各项指标的数值和文字"), r.out());
        String yaml = TestSites.read(content.resolve("2018/report.yaml"));
        assertTrue(yaml.contains("# 本文件由“gazette new year 2018”根据 2017/report.yaml 生成。\n"), yaml);
        assertTrue(yaml.contains("  date:             # 2017: 2018-02-27 （今年的会议日期确定后填写）\n"), yaml);
        assertTrue(yaml.contains("# 2017 年的 honours，仅供参考"), yaml);
        // Gazette's own lines (the header it writes first), not the office's comments it carries over.
        List<String> header = yaml.lines().skip(1).limit(4).toList();
        assertTrue(header.get(3).startsWith("# 报告正文"), header::toString);
        for (String line : header) assertEquals(List.of(), org.gazette.ChineseText.englishIn(line), line);
    }

    /** A machine too small for the archive: a message saying what to do, not a stack trace, and the previous site kept. */
    @Test
    void runningOutOfMemorySaysWhatToDo(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        assertEquals(0, run("build", "--out", out.toString()).code());
        String before = TestSites.read(out.resolve("zh/index.html"));
        Process p = new ProcessBuilder(TestSites.gazetteCommand(List.of("-Xms16m", "-Xmx24m"), "build", "--out", out.toString()))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.startsWith("gazette: out of memory: this content needs more than the "), output);
        assertTrue(output.contains("GAZETTE_JAVA_OPTS=-Xmx12g"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        assertEquals(before, TestSites.read(out.resolve("zh/index.html")));
    }
}
