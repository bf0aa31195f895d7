package org.gazette.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.gazette.PdfText;
import org.gazette.TestSites;
import org.gazette.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulletin as a Word document ({@code gazette bulletin --format docx}), read back as Word reads it
 * (Apache POI) and as LibreOffice prints it: the sections as Word headings, tables as tables, the
 * charts as pictures with their text alternative, page numbers in the footer, the 版记 with its
 * rules — and, converted to PDF by LibreOffice, every sentence of the PDF bulletin.
 */
class WordBulletinTest {

    static Path write(Path dir, String lang, String format) {
        Path out = dir.resolve("bulletin." + format);
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bulletin", "--year", "2017", "--lang", lang, "--format", format, "--out", out.toString(),
                "--content", TestSites.CONTENT.toString(), "--templates", TestSites.TEMPLATES.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), java.util.Map.of("GAZETTE_LANG", "en"));
        assertEquals(0, code, err.toString());
        return out;
    }

    @Test
    void headingsTablesPicturesAndPageNumbersAsWordHasThem(@TempDir Path tmp) throws Exception {
        Path docx = write(tmp, "zh", "docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(docx)))) {
            List<String> h1 = new ArrayList<>();
            List<String> h2 = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                if ("Heading1".equals(p.getStyle())) h1.add(p.getText());
                if ("Heading2".equals(p.getStyle())) h2.add(p.getText());
            }
            assertEquals(List.of("一、会议概况", "二、综述", "三、2017年主要指标", "四、2017年各领域工作", "五、2017年所获荣誉", "六、大会表彰",
                    "七、2018年工作部署", "八、抓落实机制"), h1, "the sections as the PDF's bookmarks list them");
            assertTrue(h2.contains("（一）经济发展"), h2::toString);
            assertTrue(doc.getStyles().getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal().intValue() == 0, "an outline level: the navigation pane lists them");
            // The key figures as a table: its header and eleven rows, each value as written.
            var figures = doc.getTables().get(0);
            assertEquals(12, figures.getRows().size());
            assertEquals("指标", figures.getRow(0).getCell(0).getText());
            assertTrue(figures.getRow(0).isRepeatHeader(), "the header repeats on the next page");
            assertEquals("26.56亿元", figures.getRow(2).getCell(1).getText());
            // The charts as pictures, each with its text alternative.
            List<String> alts = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (var r : p.getRuns()) {
                    for (XWPFPicture pic : r.getEmbeddedPictures()) alts.add(pic.getCTPicture().getNvPicPr().getCNvPr().getDescr()
                            + "|" + r.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().getDescr());
                }
            }
            assertEquals(2, alts.size(), alts::toString);
            assertTrue(alts.get(0).endsWith("|地方财政一般公共预算收入：105.06%、项目完成投资（与目标任务相比）：1.25倍"), alts.get(0));
            // Page numbers in the footer, and the 版记 between its rules.
            String footer = doc.getFooterArray(0).getParagraphs().get(0).getCTP().xmlText();
            assertTrue(footer.contains("PAGE"), footer);
            XWPFParagraph last = doc.getParagraphs().get(doc.getParagraphs().size() - 1);
            assertTrue(last.getText().contains("共印150份"), last.getText());
        }
    }

    /**
     * The build writes the Word bulletin beside each PDF, linked from the report page, the same bytes
     * as `gazette bulletin --format docx` and the same bytes build after build, with the PDF's properties.
     */
    @Test
    void theBuildWritesTheWordBulletinBesideEachPdf(@TempDir Path tmp) throws Exception {
        var first = TestSites.build(TestSites.CONTENT, tmp.resolve("one"));
        assertTrue(first.ok(), first.problems()::toString);
        for (String lang : List.of("zh", "en")) {
            String pdf = lang + "/2017/bulletin-2017-" + lang + ".pdf";
            String word = lang + "/2017/bulletin-2017-" + lang + ".docx";
            assertTrue(first.files().containsKey(pdf), first.files().keySet()::toString);
            byte[] docx = first.files().get(word);
            assertTrue(docx != null, word + " beside " + pdf);
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
                var core = doc.getProperties().getCoreProperties();
                assertEquals(lang.equals("zh") ? "郑州市管城回族区新闻办公室" : "Press Office of Guancheng Hui District, Zhengzhou", core.getCreator());
                assertEquals(lang.equals("zh") ? "zh-CN" : "en-GB", core.getUnderlyingProperties().getLanguageProperty().orElse(""));
                assertTrue(core.getTitle().startsWith(lang.equals("zh") ? "管城回族区工作简报 第1期" : "Guancheng Hui District Work Bulletin No. 1"), core.getTitle());
                assertEquals("2018-02-26T16:00:00Z", core.getCreated().toInstant().toString(), "the bulletin's date, not the time of the build");
            }
            assertTrue(java.util.Arrays.equals(docx, Files.readAllBytes(write(Files.createDirectories(tmp.resolve(lang)), lang, "docx"))), "the command's Word file and the build's are one");
            // The report page offers it next to the PDF, and the link resolves.
            var page = org.jsoup.Jsoup.parse(new String(first.files().get(lang + "/2017/index.html"), java.nio.charset.StandardCharsets.UTF_8));
            var link = page.selectFirst("a[href$=.docx]");
            assertTrue(link != null, "a link to the Word bulletin on the report page");
            assertEquals("bulletin-2017-" + lang + ".docx", link.attr("href"));
            assertEquals(lang.equals("zh") ? "下载 Word 版（DOCX）" : "Word version (DOCX)", link.text());
        }
        var again = TestSites.build(TestSites.CONTENT, tmp.resolve("two"));
        assertTrue(java.util.Arrays.equals(first.files().get("zh/2017/bulletin-2017-zh.docx"), again.files().get("zh/2017/bulletin-2017-zh.docx")),
                "same content, same bytes");
    }

    /** Where site.yaml names the office's own fonts, the Word bulletin names them too (by their Chinese names, as Word lists them). */
    @Test
    void theOfficeFontsAreNamedInTheWordBulletin(@TempDir Path tmp) throws Exception {
        Path song = Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf");
        Path kai = Path.of("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf");
        Assumptions.assumeTrue(Files.isRegularFile(song) && Files.isRegularFile(kai), "needs fonts-arphic-gbsn00lp and fonts-arphic-gkai00mp (.ci/run installs them)");
        Path content = tmp.resolve("content");
        TestSites.copyTree(TestSites.CONTENT, content);
        Path site = content.resolve("site.yaml");
        TestSites.write(site, TestSites.read(site) + "fonts:\n  body: %s\n  heading2: %s\n".formatted(song, kai));
        var r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.files().get("zh/2017/bulletin-2017-zh.docx")))) {
            java.util.Set<String> faces = new java.util.TreeSet<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (var run : p.getRuns()) {
                    var fonts = run.getCTR().getRPr() == null ? null : run.getCTR().getRPr().getRFontsArray().length == 0 ? null : run.getCTR().getRPr().getRFontsArray(0);
                    if (fonts != null && fonts.getEastAsia() != null) faces.add(fonts.getEastAsia());
                }
            }
            assertTrue(faces.contains("文鼎ＰＬ简报宋"), "the office's body face, by the name Word lists: " + faces);
            assertTrue(faces.contains("文鼎ＰＬ简中楷"), "the office's 楷体 for （一） headings: " + faces);
            assertTrue(faces.contains("黑体"), "roles site.yaml leaves out keep the usual Windows names: " + faces);
            assertTrue(!faces.contains("仿宋_GB2312"), faces::toString);
        }
    }

    /** LibreOffice prints the Word bulletin with every sentence of the PDF bulletin (pdftotext of both). */
    @Test
    void libreOfficePrintsTheSameText(@TempDir Path tmp) throws Exception {
        if (!PdfText.onPath("soffice")) {
            if (PdfText.inCi()) throw new AssertionError("CI must install LibreOffice (libreoffice-writer-nogui, .ci/run)");
            Assumptions.abort("needs LibreOffice (soffice)");
        }
        for (String lang : List.of("zh", "en")) {
            Path dir = Files.createDirectories(tmp.resolve(lang));
            Path pdf = write(dir, lang, "pdf");
            Path docx = write(dir, lang, "docx");
            Process p = new ProcessBuilder("soffice", "--headless", "-env:UserInstallation=file://" + tmp.resolve("lo-profile"),
                    "--convert-to", "pdf", "--outdir", dir.resolve("lo").toString(), docx.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), log);
            Path converted = dir.resolve("lo/bulletin.pdf");
            assertTrue(Files.isRegularFile(converted), log);
            // Page furniture (running head, page numbers) is each document's own: left out of both.
            String furniture = "管城回族区工作简报第1期|GuanchengHuiDistrictWorkBulletinNo\\.1|—\\d+—";
            // And hyphens: pdftotext joins a word hyphenated at a line's end, wherever each layout breaks its lines.
            String word = PdfText.withoutWhitespace(PdfText.poppler(Files.readAllBytes(converted))).replaceAll(furniture, "").replace("-", "");
            String ours = PdfText.withoutWhitespace(PdfText.poppler(Files.readAllBytes(pdf))).replaceAll(furniture, "").replace("-", "");
            List<String> missing = new ArrayList<>();
            int checked = 0;
            // Every clause of the running text (tables are compared cell by cell above; a chart is a picture in Word).
            for (String clause : ours.split(lang.equals("zh") ? "[。；，、：]" : "[.;,:]")) {
                if (clause.length() < 10 || clause.contains("....") || clause.matches(".*\\d.*")) continue;
                checked++;
                if (!word.contains(clause)) missing.add(clause);
            }
            assertTrue(checked > 40, lang + ": sentences checked: " + checked);
            assertEquals(List.of(), missing, lang + ": sentences of the PDF that the Word bulletin lacks");
        }
    }
}
