package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No file Gazette publishes can run script on the site's origin: an SVG is published as the safety
 * check writes it, a hostile one is refused at its line, even in a draft; the bulletin says what it
 * does with an SVG; content files of other kinds (HTML, scripts) are never copied.
 */
class ActiveFilesTest {

    private static final String DRAWING = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 20 10\""
            + " xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" inkscape:version=\"1.2\">\n"
            + "  <rect width=\"20\" height=\"10\" fill=\"#c00\"/><text x=\"1\" y=\"8\">管城</text>\n</svg>\n";

    private static void addImage(Path content, String article, String image, byte[] bytes) throws Exception {
        Path img = content.resolve("2017/news/images/" + image);
        Files.createDirectories(img.getParent());
        Files.write(img, bytes);
        Path md = content.resolve("2017/news/" + article);
        Files.writeString(md, Files.readString(md) + "\n\n![图](images/" + image + ")\n");
    }

    @Test
    void aDrawingIsPublishedAsWrittenAgainWithoutEditorData(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        addImage(content, "meeting.zh.md", "map.svg", DRAWING.getBytes(StandardCharsets.UTF_8));
        var r = TestSites.pages(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems().toString());
        for (String lang : List.of("zh", "en")) {
            Document svg = Jsoup.parse(Files.readString(tmp.resolve("out/" + lang + "/2017/news/images/map.svg")), "", Parser.xmlParser());
            assertNotNull(svg.selectFirst("svg > rect[fill=#c00]"), lang);
            assertEquals("管城", svg.selectFirst("text").text());
            assertFalse(svg.selectFirst("svg").hasAttr("inkscape:version"), "editor data left out");
        }
    }

    @Test
    void theIssuesSvgIsRefusedAndNotPublished(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        addImage(content, "meeting.en.md", "evil.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.domain)\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
        var r = TestSites.pages(content, tmp.resolve("out"));
        assertFalse(r.ok());
        Problem p = r.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertEquals("2017/news/images/evil.svg", p.file());
        assertEquals(1, p.line());
        assertFalse(Files.exists(tmp.resolve("out/en/2017/news/images/evil.svg")));
    }

    @Test
    void aHostileSvgInADraftIsRefusedToo(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Files.writeString(content.resolve("2017/news/plan.zh.md"), "---\ntitle: 草稿\ndate: 2018-03-01\ndraft: true\n---\n\n![图](images/x.svg)\n");
        Files.createDirectories(content.resolve("2017/news/images"));
        Files.writeString(content.resolve("2017/news/images/x.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\"><text>x</text></a></svg>");
        var r = TestSites.check(content);
        assertFalse(r.ok());
        assertTrue(r.problems().stream().anyMatch(p -> p.isError() && p.file().equals("2017/news/images/x.svg")), r.problems().toString());
    }

    @Test
    void theBulletinSaysItDoesNotDrawAnSvg(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Files.createDirectories(content.resolve("2017/images"));
        Files.writeString(content.resolve("2017/images/map.svg"), DRAWING);
        Path prose = content.resolve("2017/report.zh.md");
        Files.writeString(prose, Files.readString(prose) + "\n\n![管城区位置图](images/map.svg)\n");
        int line = Files.readAllLines(prose).size();
        var r = TestSites.check(content);
        assertTrue(r.ok(), r.problems().toString());
        Problem p = r.problems().stream().filter(x -> x.message().contains("SVG")).findFirst().orElseThrow();
        assertEquals("2017/report.zh.md", p.file());
        assertEquals(line, p.line());
        assertFalse(p.isError());
    }

    @Test
    void aDamagedPictureInTheReportIsAnErrorNotAMissingPicture(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Files.createDirectories(content.resolve("2017/images"));
        Files.write(content.resolve("2017/images/venue.png"), "GIF89a but not really".getBytes(StandardCharsets.US_ASCII));
        Path prose = content.resolve("2017/report.en.md");
        Files.writeString(prose, Files.readString(prose) + "\n\n![The venue](images/venue.png)\n");
        var r = TestSites.check(content);
        assertFalse(r.ok());
        assertTrue(r.problems().stream().anyMatch(p -> p.isError() && p.file().equals("2017/report.en.md") && p.message().contains("venue.png")),
                r.problems().toString());
    }

    @Test
    void htmlAndScriptsBesideTheTextsAreNeverPublished(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Files.createDirectories(content.resolve("2017/news/images"));
        for (String f : List.of("page.html", "page.HTM", "doc.xhtml", "feed.xml", "app.js", "mod.mjs")) {
            Files.writeString(content.resolve("2017/news/images/" + f), "<script>alert(1)</script>");
        }
        var r = TestSites.pages(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems().toString());
        for (String f : r.files().keySet()) {
            assertFalse(f.matches("(?i).*/news/images/.*\\.(html?|xhtml|xml|m?js)$"), "published " + f);
        }
        assertTrue(r.problems().stream().anyMatch(p -> p.file().equals("2017/news/images/app.js") && p.message().contains("not used")));
    }

    /** A picture whose header is sound but whose pixels cannot be decoded: the bulletin says it could not draw it, where it is used. */
    @Test
    void aPictureTheBulletinCannotDrawIsAWarningAtItsLine(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Files.createDirectories(content.resolve("2017/images"));
        byte[] png = TestSites.pngHeader(64, 64);
        // Spoil the compressed pixels (the IDAT chunk after the 33-byte header), keep the header.
        for (int k = 41; k < png.length - 16; k++) png[k] = (byte) 0xA5;
        Files.write(content.resolve("2017/images/venue.png"), png);
        Path prose = content.resolve("2017/report.en.md");
        Files.writeString(prose, Files.readString(prose) + "\n\n![The venue](images/venue.png)\n");
        int line = Files.readAllLines(prose).size();
        var r = new Build(new Build.Options(content, TestSites.TEMPLATES, tmp.resolve("out"), false)).run(false);
        Problem p = r.problems().stream().filter(x -> x.message().contains("could not draw")).findFirst()
                .orElseThrow(() -> new AssertionError("no word about the picture: " + r.problems()));
        assertEquals("2017/report.en.md", p.file());
        assertEquals(line, p.line());
    }
}
