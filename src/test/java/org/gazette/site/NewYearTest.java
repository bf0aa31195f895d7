package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new year never publishes last year's sentences unnoticed, and its prose takes the meeting's date. */
class NewYearTest {

    static Path newYear(Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        org.gazette.content.NewText.year(content, 2018, java.time.Instant.parse("2018-12-20T02:00:00Z"));
        return content;
    }

    @Test
    void lastYearsHighlightsCopiedBackAreWarnedAboutUntilRewritten(@TempDir Path tmp) throws Exception {
        Path content = newYear(tmp);
        Path report = content.resolve("2018/report.yaml");
        // A writer takes last year's highlights back from the comments, as they are.
        StringBuilder yaml = new StringBuilder();
        boolean inHighlights = false;
        for (String line : Files.readAllLines(report)) {
            if (line.startsWith("# highlights:")) inHighlights = true;
            else if (inHighlights && !line.startsWith("# ")) inHighlights = false;
            yaml.append(inHighlights ? line.substring(2) : line).append('\n');
        }
        Files.writeString(report, yaml.toString());
        var r = OptionalFieldsTest.check(content, true);
        assertTrue(r.ok(), r.problems()::toString);
        List<Problem> repeated = r.problems().stream().filter(p -> p.message().startsWith("this text is 2017's")).toList();
        assertEquals(7, repeated.size(), repeated::toString);
        assertTrue(repeated.stream().allMatch(p -> p.file().equals("2018/report.yaml") && p.line() > 0));
        // Rewritten, one is no longer said to be last year's.
        String first = Files.readAllLines(report).stream().filter(l -> l.startsWith("      zh: 全区围绕现代商贸")).findFirst().orElseThrow();
        Files.writeString(report, Files.readString(report).replace(first, "      zh: 2018年全区经济总量突破350亿元。")
                .replaceFirst("      en: Building on its leading industries[^\n]*", "      en: In 2018 the economy passed 35 billion yuan."));
        var again = OptionalFieldsTest.check(content, true);
        assertEquals(6, again.problems().stream().filter(p -> p.message().startsWith("this text is 2017's")).count(), again.problems()::toString);
    }

    @Test
    void theProseIsDatedByTheMeetingOnceItIsSet(@TempDir Path tmp) throws Exception {
        Path content = newYear(tmp);
        Path report = content.resolve("2018/report.yaml");
        Files.writeString(report, Files.readString(report).replaceFirst("  date: +# 2017: [^\n]*", "  date: 2019-02-26"));
        for (String lang : List.of("zh", "en")) {
            Path prose = content.resolve("2018/report." + lang + ".md");
            Files.writeString(prose, Files.readString(prose).replace("draft: true\n", ""));
        }
        var r = TestSites.pages(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        String page = new String(r.files().get("zh/2018/index.html"), java.nio.charset.StandardCharsets.UTF_8);
        var doc = org.jsoup.Jsoup.parse(page);
        assertTrue(doc.select("time[datetime=2019-02-26]").size() > 0, "the meeting's date on the report page");
        assertTrue(doc.text().contains("—"), "what is not filled in yet prints as —");
    }

    /** What `gazette new article` writes builds at once, with and without drafts, and once 'draft: true' is taken out. */
    @Test
    void aNewArticleBuildsAtEveryStep(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        List<Path> files = org.gazette.content.NewText.article(content, "flood-drill", java.time.Instant.parse("2018-06-20T02:00:00Z"));
        OptionalFieldsTest.assertGazettesFaultNever(content, "a new article as written");
        assertTrue(OptionalFieldsTest.check(content, true).ok());
        for (Path f : files) Files.writeString(f, Files.readString(f).replace("draft: true\n", ""));
        OptionalFieldsTest.assertGazettesFaultNever(content, "a new article, no longer a draft");
        var r = OptionalFieldsTest.check(content, false);
        assertTrue(r.ok(), r.problems()::toString);
    }
}
