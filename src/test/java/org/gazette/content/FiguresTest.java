package org.gazette.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.gazette.PdfText;
import org.gazette.TestSites;
import org.gazette.VeraPdf;
import org.gazette.problem.Problems;
import org.gazette.site.Build;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** Images and tables of a text are numbered and captioned, on the page and on paper, where alt text is lost. */
class FiguresTest {

    static String html(String markdown) {
        Markdown.Html h = new Markdown().read(markdown, "2017/news/x.zh.md", 5, new Problems());
        return h.html();
    }

    @Test
    void anImageAloneInItsParagraphBecomesANumberedFigure() {
        Document d = Jsoup.parseBodyFragment(html("""
                Before.

                ![Seven project sites along the river](sites.png "Major project sites")

                ![Alt text serves as the caption](map.png)

                ![](decoration.png)

                Text with ![an inline icon](icon.png) inside stays a paragraph.
                """));
        List<Element> figures = d.select("figure");
        assertEquals(2, figures.size(), "a decorative image (empty alt) and an inline image are no figures");
        assertEquals("fig-1", figures.get(0).id());
        assertEquals("Seven project sites along the river", figures.get(0).selectFirst("img").attr("alt"), "the alt text stays for screen readers");
        assertEquals("Major project sites", figures.get(0).selectFirst("figcaption").ownText(), "the title is the caption");
        assertEquals("1", figures.get(0).selectFirst("figcaption span.caption-label").attr("data-figure"));
        assertEquals("Alt text serves as the caption", figures.get(1).selectFirst("figcaption").ownText());
        assertEquals("2", figures.get(1).selectFirst("figcaption span.caption-label").attr("data-figure"));
        assertEquals(1, d.select("p > img[src=icon.png]").size());
    }

    @Test
    void tablesAreNumberedWithTheirCaptionFirst() {
        String h = html("""
                | a | b |
                |---|---|
                | 1 | 2 |
                [Projects begun in 2017]

                | c |
                |---|
                | 3 |
                """);
        Document d = Jsoup.parseBodyFragment(h);
        List<Element> tables = d.select("table.data");
        assertEquals(2, tables.size());
        assertEquals("caption", tables.get(0).child(0).tagName(), "the caption is the table's first child, as HTML requires");
        assertEquals("Projects begun in 2017", tables.get(0).selectFirst("caption").ownText());
        assertEquals("1", tables.get(0).selectFirst("caption span").attr("data-table"));
        assertEquals("2", tables.get(1).selectFirst("caption span").attr("data-table"), "a table without a caption is numbered all the same");
        assertEquals(1, tables.get(0).select("caption").size());
    }

    @Test
    void rawHtmlCannotFakeALabel() {
        String h = html("<span class=\"caption-label\" data-figure=\"9\"></span>\n\nText.");
        assertTrue(!h.contains("<span class=\"caption-label\""), h);
    }

    @Test
    void onThePageAndInTheBulletinInBothLanguages(@TempDir Path tmp) {
        Build.Result site = TestSites.build(Path.of("src/test/resources/sites/two-years"), tmp.resolve("out"));
        assertTrue(site.ok(), () -> site.problems().toString());
        for (String lang : List.of("zh", "en")) {
            Document page = Jsoup.parse(new String(site.files().get(lang + "/2017/index.html"), StandardCharsets.UTF_8));
            Element figure = page.selectFirst("#overview figure#fig-1");
            Element caption = page.selectFirst("#overview table.data caption");
            String tables = String.join(" | ", page.select("caption .caption-label").eachText());
            if (lang.equals("zh")) {
                assertEquals("图1 测试区重点项目分布示意图", figure.selectFirst("figcaption").text());
                assertEquals("表1 2017年开工的重点项目", caption.text());
                assertEquals("表1 | 表2", tables, "the key-figures table comes after the text's table");
            } else {
                assertEquals("Figure 1. Major project sites in the test district", figure.selectFirst("figcaption").text());
                assertEquals("Table 1. Major projects begun in 2017", caption.text());
                assertEquals("Table 1. | Table 2.", tables);
            }
            byte[] pdf = site.files().get(lang + "/2017/bulletin-2017-" + lang + ".pdf");
            String text = PdfText.withoutWhitespace(PdfText.poppler(pdf));
            if (lang.equals("zh")) {
                assertTrue(text.contains("图1测试区重点项目分布示意图"), text);
                assertTrue(text.contains("表12017年开工的重点项目"), text);
                assertTrue(text.contains("表22017年主要指标"), "the bulletin numbers its own tables after the text's: " + text);
            } else {
                assertTrue(text.contains("Figure1.Majorprojectsitesinthetestdistrict") && text.contains("Table1.Majorprojectsbegunin2017"), text);
                assertTrue(text.contains("Table2.Keyfigures2017"), text);
            }
            assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_3_A), lang);
            assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1), lang);
        }
    }
}
