package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.gazette.PdfText;
import org.gazette.TestSites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive of two years: both years' pages, stable permalinks, archive links, per-year bulletins and data. */
class TwoYearSiteTest {

    static final Path TWO_YEARS = Path.of("src/test/resources/sites/two-years");
    static Build.Result site;

    @BeforeAll
    static void build(@TempDir Path tmp) {
        site = TestSites.build(TWO_YEARS, tmp.resolve("out"));
        assertTrue(site.ok(), () -> site.problems().toString());
    }

    String page(String path) {
        return new String(site.files().get(path), StandardCharsets.UTF_8);
    }

    @Test
    void everyYearHasItsPagesBulletinsAndData() {
        for (String lang : List.of("zh", "en")) {
            for (int year : List.of(2016, 2017)) {
                for (String f : List.of(lang + "/" + year + "/index.html", lang + "/" + year + "/bulletin-" + year + "-" + lang + ".pdf",
                        "data/" + year + "/key-figures-" + year + ".json", "data/" + year + "/key-figures-" + year + ".csv")) {
                    assertTrue(site.files().containsKey(f), f);
                }
            }
            assertTrue(site.files().containsKey(lang + "/2016/news/plan.html"));
        }
    }

    @Test
    void archiveListsBothYearsNewestFirstWithWorkingLinks() {
        String zh = page("zh/archive.html");
        int y2017 = zh.indexOf("<a href=\"2017/index.html\">");
        int y2016 = zh.indexOf("<a href=\"2016/index.html\">");
        assertTrue(y2017 > 0 && y2016 > y2017, "both years, 2017 first");
        assertTrue(zh.contains("<a href=\"2016/news/index.html\">2016年新闻</a>"), "each year links to its news");
        assertTrue(page("zh/2016/news/index.html").contains("<a href=\"plan.html\">测试区部署2017年工作</a>"));
        String en = page("en/archive.html");
        assertTrue(en.contains("<a href=\"2016/index.html\">Annual report 2016</a>"));
    }

    @Test
    void homeShowsTheLatestYearAndOldPermalinksStay() {
        assertTrue(page("zh/index.html").contains("测试区2017年度工作报告"));
        assertTrue(page("en/2016/index.html").contains("9.35 billion yuan"));
        assertTrue(page("en/2016/index.html").contains("9 billion yuan"), "2016 target");
        assertTrue(page("en/2016/index.html").contains("103.89%"), "2016 attainment: 93.5 / 90");
    }

    @Test
    void eachBulletinIsItsOwnYear() {
        String b2016 = PdfText.withoutWhitespace(PdfText.pdfbox(site.files().get("zh/2016/bulletin-2016-zh.pdf")));
        assertTrue(b2016.contains("第1期") && b2016.contains("93.5亿元") && b2016.contains("（共印60份）"), b2016);
        String b2017 = PdfText.withoutWhitespace(PdfText.pdfbox(site.files().get("zh/2017/bulletin-2017-zh.pdf")));
        assertTrue(b2017.contains("第2期") && b2017.contains("100亿元") && b2017.contains("（共印80份）"), b2017);
    }

    @Test
    void onlyTheUntranslatedNewsIsWarnedAbout() {
        assertEquals(List.of("2016/news/plan.zh.md: warning: not yet translated into English (2016/news/plan.en.md is missing)"
                + " — until it exists, the en page shows the zh text with a notice"),
                site.problems().stream().map(org.gazette.problem.Problem::format).toList());
    }
}
