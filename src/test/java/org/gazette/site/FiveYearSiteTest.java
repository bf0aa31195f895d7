package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.gazette.PdfText;
import org.gazette.TestSites;
import org.gazette.VeraPdf;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Five years of reports (2013–2017): the latest report shows each figure across the five years,
 * attainment against target, places among peers and next year's targets, on the page and in both
 * bulletins, with the same content in each.
 */
class FiveYearSiteTest {

    static final Path FIVE_YEARS = Path.of("src/test/resources/sites/five-years");
    static Build.Result site;

    @BeforeAll
    static void build(@TempDir Path tmp) {
        site = TestSites.build(FIVE_YEARS, tmp.resolve("out"));
        assertTrue(site.ok(), () -> site.problems().toString());
        assertEquals(List.of(), site.problems(), "no warnings either (the translations' numbers agree)");
    }

    static Document page(String path) {
        return Jsoup.parse(new String(site.files().get(path), StandardCharsets.UTF_8));
    }

    @Test
    void theLatestReportChartsEveryFigureAcrossFiveYears() {
        Document zh = page("zh/2017/index.html");
        Document en = page("en/2017/index.html");
        assertEquals(6, zh.select("figure.chart").size());
        assertEquals(List.of("2013年", "2014年", "2015年", "2016年", "2017年"), zh.select("#chart-1 text.chart-label").eachText());
        assertEquals(List.of("72亿元", "78.6亿元", "85.2亿元", "93.5亿元", "100.4亿元"), zh.select("#chart-1 text.chart-value").eachText());
        assertEquals(List.of("7.2 billion yuan", "7.86 billion yuan", "8.52 billion yuan", "9.35 billion yuan", "10.04 billion yuan"),
                en.select("#chart-1 text.chart-value").eachText());
        assertEquals(List.of("4,800 people", "5,100 people", "5,300 people", "5,150 people", "5,260 people"), en.select("#chart-3 text.chart-value").eachText());
        assertEquals("图4 2017年目标完成情况", zh.selectFirst("#chart-4 figcaption").text());
        assertEquals(2, zh.select("#chart-4 line.chart-reference").size(), "the target marked on each bar");
        assertEquals(List.of("第1名/6", "第2名/8"), zh.select("#chart-5 text.chart-value").eachText());
        assertEquals(List.of("Economic output", "New urban jobs"), en.select("#chart-6 text.chart-group").eachText());
        assertEquals(List.of("10.04 billion yuan", "11 billion yuan", "5,260 people", "5,500 people"), en.select("#chart-6 text.chart-value").eachText());
        // The longest bar of a year series is the largest value: 2017's output.
        List<Integer> widths = zh.select("#chart-1 rect.chart-bar").eachAttr("width").stream().map(Integer::parseInt).toList();
        assertEquals(widths.stream().max(Integer::compare).get(), widths.get(4));
    }

    @Test
    void earlierYearsChartOnlyTheYearsTheyHaveSeen() {
        // 2013 is the first year: nothing to compare across years, so attainment and rank only.
        Document first = page("en/2013/index.html");
        assertEquals(List.of("Figure 1. Attainment of targets, 2013", "Figure 2. Rank among peers, 2013 (the longer the bar, the higher the place)"),
                first.select("figure.chart figcaption").eachText());
        assertEquals(List.of("2013", "2014"), page("en/2014/index.html").select("#chart-1 text.chart-label").eachText());
    }

    /** The bulletin draws the same charts as the page: each a tagged Figure whose Alt is the page's description, its labels real text. */
    @Test
    void bothBulletinsCarryTheSameChartsAsTaggedFigures() {
        for (String lang : List.of("zh", "en")) {
            Document html = page(lang + "/2017/index.html");
            byte[] pdf = site.files().get(lang + "/2017/bulletin-2017-" + lang + ".pdf");
            assertEquals(html.select("figure.chart svg desc").eachText(), PdfText.figureAlts(pdf), lang);
            String text = PdfText.withoutWhitespace(PdfText.poppler(pdf));
            for (Element chart : html.select("figure.chart")) {
                StringBuilder bars = new StringBuilder();
                for (Element t : chart.select("svg text")) {
                    if (!t.hasClass("chart-reference") && !t.text().equals(lang.equals("zh") ? "目标" : "target")) bars.append(t.text());
                }
                String caption = chart.selectFirst("figcaption").text();
                assertTrue(text.contains(PdfText.withoutWhitespace(bars + caption)), lang + " " + caption + " in " + text);
            }
            assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_3_A), lang);
            assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1), lang);
        }
    }
}
