package org.gazette.bulletin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.gazette.PdfText;
import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.gazette.site.Build;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** The sample's bulletins as a reader, a printer and an archivist would check them. */
class BulletinTest {

    static final String ZH = "zh/2017/bulletin-2017-zh.pdf";
    static final String EN = "en/2017/bulletin-2017-en.pdf";
    static Build.Result site;

    @BeforeAll
    static void build(@TempDir Path tmp) {
        site = TestSites.build(TestSites.CONTENT, tmp.resolve("out"));
        assertTrue(site.ok(), () -> site.problems().toString());
    }

    /** A long table breaks between rows, its header repeated on the next page, instead of leaving a page half empty. */
    @Test
    void aLongTableBreaksBetweenRowsWithItsHeaderRepeated(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path report = content.resolve("2017/report.yaml");
        StringBuilder more = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            more.append("  - holder:\n      zh: 测试单位").append(i).append("\n      en: Test unit ").append(i)
                    .append("\n    title:\n      zh: 先进集体\n      en: Model unit\n    level: district\n    field: economy\n");
        }
        TestSites.write(report, TestSites.read(report).replace("honours:\n", "honours:\n" + more));
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        List<Integer> withHeader = new ArrayList<>();
        List<Integer> withRows = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(r.files().get(ZH))) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = PdfText.withoutWhitespace(stripper.getText(doc));
                if (text.contains("获得者荣誉级别")) withHeader.add(p);
                if (text.contains("测试单位")) withRows.add(p);
            }
        }
        assertTrue(withRows.size() >= 2, "the table runs over pages: " + withRows);
        assertEquals(withRows, withHeader, "its header on every page it runs over");
    }

    /** Second-level headings (（一）经济发展) in 楷体, as GB/T 9704 sets them: the bundled AR PL KaitiM GB, extracting as written. */
    @Test
    void secondLevelHeadingsInKai() throws Exception {
        try (PDDocument doc = Loader.loadPDF(site.files().get(ZH))) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper() {
                final List<String> kai = new ArrayList<>();

                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    StringBuilder sb = new StringBuilder();
                    for (var p : positions) if (p.getFont().getName().endsWith("GBZenKai-Medium")) sb.append(p.getUnicode());
                    if (sb.length() > 0) kai.add(sb.toString());
                }
            };
            stripper.getText(doc);
            assertTrue(stripper.kai.stream().anyMatch(s -> s.contains("经济发展")), stripper.kai::toString);
            assertTrue(stripper.kai.stream().anyMatch(s -> s.contains("商都历史文化区由拆转建")), stripper.kai::toString);
        }
    }

    @Test
    void measuresAreNumberedNotBulleted() {
        String t = PdfText.withoutWhitespace(PdfText.poppler(site.files().get(ZH)));
        assertTrue(t.contains("1.按月、按季开展自查") && t.contains("5.运用日常督查和重点督查结果"), t);
    }

    @Test
    void everyKeyFigureInChinese() {
        for (String text : List.of(PdfText.pdfbox(site.files().get(ZH)), PdfText.poppler(site.files().get(ZH)))) {
            String t = PdfText.withoutWhitespace(text);
            assertTrue(!t.contains("●"), "no bullets in an official document's lists");
            for (String s : List.of("管城回族区工作简报", "第1期", "郑州市管城回族区新闻办公室", "2018年2月27日",
                    "超320亿元", "+7%", "26.56亿元", "超目标1.28", "1.28亿元", "96.48%", "市内六区第1名", "146个", "近2500亿元", "28个",
                    "257亿元", "1.25倍", "市内五区第1名", "23面", "全市8个考核站点第1名", "近300人", "220个", "超580亿元",
                    "100个", "12个", "13个", "14个", "近5000亩", "37个", "报：市委办公厅", "（共印150份）",
                    "一、会议概况", "二、综述", "表1", "—1—")) {
                assertTrue(t.contains(PdfText.withoutWhitespace(s)), "zh bulletin lacks " + s);
            }
        }
    }

    @Test
    void everyKeyFigureInEnglish() {
        for (String text : List.of(PdfText.pdfbox(site.files().get(EN)), PdfText.poppler(site.files().get(EN)))) {
            String t = text.replaceAll("\\s+", " ");
            for (String s : List.of("Guancheng Hui District Work Bulletin", "No. 1", "27 February 2018", "over 32 billion yuan", "+7%",
                    "2.656 billion yuan", "128 million yuan above target", "96.48%", "nearly 250 billion yuan", "25.7 billion yuan",
                    "1.25 times", "nearly 300 people", "over 58 billion yuan", "nearly 5,000 mu", "Reported to:", "(150 copies printed)")) {
                assertTrue(t.contains(s), "en bulletin lacks " + s);
            }
            assertFalse(t.contains("亿"), "no Chinese magnitude words in the English bulletin");
        }
    }

    @Test
    void onlyBundledFontsAllEmbeddedAndSubset() {
        for (String pdf : List.of(ZH, EN)) {
            List<String> fonts = PdfText.fonts(site.files().get(pdf));
            assertFalse(fonts.isEmpty());
            for (String f : fonts) {
                assertTrue(f.matches("[A-Z]{6}\\+(NotoSerifSC-Regular|NotoSerifSC-Bold|NotoSansSC-Bold|GBZenKai-Medium|ZhuqueFangsong-Regular|LiberationSerif|LiberationSerif-Bold"
                        + "|LiberationSans-Bold|DroidSansFallback)"), pdf + " uses " + f + " (all fonts: " + fonts + ")");
            }
        }
    }

    @Test
    void metadataBookmarksAndPages() throws IOException {
        try (PDDocument doc = Loader.loadPDF(site.files().get(ZH))) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertEquals("管城回族区工作简报 第1期 — 管城回族区2017年度综合目标考核总结表彰大会", info.getTitle());
            assertEquals("郑州市管城回族区新闻办公室", info.getAuthor());
            assertEquals("管城回族区2017年度工作报告", info.getSubject());
            assertTrue(info.getKeywords().contains("管城回族区工作简报"));
            assertEquals("zh-CN", doc.getDocumentCatalog().getLanguage());
            assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
            assertEquals(2018, info.getCreationDate().get(java.util.Calendar.YEAR));
            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) bookmarks.add(item.getTitle());
            // The overview (综述) is a section of its own, as on the web page.
            assertEquals(List.of("一、会议概况", "二、综述", "三、2017年主要指标", "四、2017年各领域工作", "五、2017年所获荣誉", "六、大会表彰",
                    "七、2018年工作部署", "八、抓落实机制"), bookmarks);
            assertTrue(doc.getNumberOfPages() >= 2);
            for (var page : doc.getPages()) {
                assertEquals(595.3, page.getMediaBox().getWidth(), 0.5, "A4");
                assertEquals(841.9, page.getMediaBox().getHeight(), 0.5, "A4");
            }
        }
        assertEquals(site.bulletinPages().get(ZH), Loader.loadPDF(site.files().get(ZH)).getNumberOfPages());
    }

    @Test
    void pageNumbersAndRunningHead() throws IOException {
        try (PDDocument doc = Loader.loadPDF(site.files().get(ZH))) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String page2 = PdfText.withoutWhitespace(stripper.getText(doc));
            assertTrue(page2.contains("—2—"), "page number as — 2 —");
            assertTrue(page2.contains("管城回族区工作简报第1期"), "running head after page 1");
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String page1 = PdfText.withoutWhitespace(stripper.getText(doc));
            assertTrue(page1.contains("—1—"));
            assertTrue(page1.contains("管城回族区工作简报第1期郑州市管城回族区新闻办公室2018年2月27日"), "page 1 opens with the masthead");
            assertEquals(1, page1.split("管城回族区工作简报", -1).length - 1, "no running head on page 1");
        }
    }

    @Test
    void twoBuildsGiveIdenticalPdfs(@TempDir Path tmp) {
        Build.Result again = TestSites.build(TestSites.CONTENT, tmp.resolve("again"));
        assertArrayEquals(site.files().get(ZH), again.files().get(ZH));
        assertArrayEquals(site.files().get(EN), again.files().get(EN));
    }

    @Test
    void remoteImagesAreRefusedWithAWarningNamingTheFile(@TempDir Path tmp) throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = countingServer(requests);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/map.png";
            Path content = TestSites.copyOfSample(tmp);
            Path prose = content.resolve("2017/report.en.md");
            TestSites.write(prose, TestSites.read(prose) + "\n![Map of the district](" + url + ")\n");
            Build.Result r = TestSites.build(content, tmp.resolve("out"));
            assertTrue(r.ok(), r.problems()::toString);
            List<String> warnings = r.problems().stream().map(Problem::format).toList();
            assertTrue(warnings.contains("2017/report.en.md:13:1: warning: remote image '" + url + "' is not fetched for the bulletin"
                    + " — Gazette never downloads during a build: save the image in the content folder and refer to it by its path"), warnings::toString);
            assertEquals(0, requests.get(), "nothing was fetched");
            assertTrue(r.files().containsKey(EN), "the bulletin is still made");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rendererRefusesEveryExternalResource() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = countingServer(requests);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><link rel=\"stylesheet\" href=\"" + base + "/a.css\" /></head>"
                    + "<body><p>x</p><img src=\"" + base + "/b.png\" alt=\"b\" /><img src=\"file:///etc/passwd\" alt=\"c\" /></body></html>";
            var meta = new BulletinRenderer.Metadata("t", "a", "s", "k", "en", ZonedDateTime.of(2018, 2, 27, 0, 0, 0, 0, ZoneId.of("UTC")));
            BulletinRenderer.Result r = new BulletinRenderer().render(xhtml, meta, "test");
            assertEquals(0, requests.get());
            assertTrue(r.refused().containsAll(List.of(base + "/a.css", base + "/b.png", "file:///etc/passwd")), r.refused()::toString);
        } finally {
            server.stop(0);
        }
    }

    /** A server on the loopback address that counts the requests it gets (and answers 404). */
    static HttpServer countingServer(AtomicInteger requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /**
     * One layout per bulletin: the distribution block moved down inside the laid-out document draws
     * every page exactly as laying out the XHTML with the same top margin does (the two-pass way), and
     * it ends at the foot of the last page's type area.
     */
    @Test
    void oneLayoutDrawsWhatTwoWouldHave(@TempDir Path tmp) throws IOException {
        for (String lang : List.of("zh", "en")) {
            Build build = new Build(new Build.Options(TestSites.CONTENT, TestSites.TEMPLATES, tmp.resolve("out"), false));
            var made = build.bulletin(2017, lang, false);
            String xhtml = made.xhtml();
            assertTrue(xhtml.contains("id=\"distribution\" class=\"distribution\" style=\"margin-top: "), "the sample's block is pushed down");
            var meta = new BulletinRenderer.Metadata("t", "a", "s", "k", lang, ZonedDateTime.of(2018, 2, 27, 0, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
            byte[] twoPass = new BulletinRenderer().render(xhtml, meta, "bulletin").pdf();
            try (PDDocument one = Loader.loadPDF(made.result().pdf()); PDDocument two = Loader.loadPDF(twoPass)) {
                assertEquals(two.getNumberOfPages(), one.getNumberOfPages());
                for (int p = 0; p < one.getNumberOfPages(); p++) {
                    assertArrayEquals(two.getPage(p).getContents().readAllBytes(), one.getPage(p).getContents().readAllBytes(), lang + " page " + (p + 1));
                }
                // The block's last line (the copies printed) sits within a few points of the type area's foot.
                var stripper = new org.apache.pdfbox.text.PDFTextStripper() {
                    float lastY;

                    @Override
                    protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                        if (text.contains(lang.equals("zh") ? "共印" : "copies")) lastY = positions.get(0).getYDirAdj();
                    }
                };
                stripper.setStartPage(one.getNumberOfPages());
                stripper.setEndPage(one.getNumberOfPages());
                stripper.getText(one);
                assertTrue(stripper.lastY > 700, lang + ": the copies line at y=" + stripper.lastY + " of an A4 page (842 pt)");
            }
        }
    }
}
