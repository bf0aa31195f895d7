package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer links to another text by its file, and Gazette writes the page's address in each
 * language; a link that leads nowhere, or to a #part a page does not have, is said at the line of
 * the text where it is written, with the nearest page or part; a picture's misspelt name gets the
 * picture's real name.
 */
class SourceLinksTest {

    static final String ARTICLE = """
            ---
            title: 防汛演练
            date: 2018-06-20
            ---

            详见[2017年表彰大会](../../2017/news/meeting.zh.md)和[年度报告](../../2017/report.md)，
            以及[同一报道](../../2017/news/meeting.md)。

            另见[不存在的报道](../../2017/news/meetin.md)和[错误的段落](../../2017/news/meeting.html#no-such-part)。
            """;

    static Path site(Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Files.createDirectories(content.resolve("2018/news"));
        Files.writeString(content.resolve("2018/news/flood-drill.zh.md"), ARTICLE);
        return content;
    }

    @Test
    void linksToTextsFilesBecomeTheirPagesInEachLanguage(@TempDir Path tmp) throws Exception {
        Path content = site(tmp);
        var r = TestSites.pages(content, tmp.resolve("out"));
        for (String lang : List.of("zh", "en")) {
            var page = Jsoup.parse(new String(r.files().get(lang + "/2018/news/flood-drill.html"), StandardCharsets.UTF_8));
            var hrefs = page.select("article a").eachAttr("href");
            assertTrue(hrefs.contains("../../2017/news/meeting.html"), lang + " " + hrefs);
            assertFalse(hrefs.stream().anyMatch(h -> h.endsWith(".md") || h.contains(".zh.")), lang + " " + hrefs);
        }
        var zh = Jsoup.parse(new String(r.files().get("zh/2018/news/flood-drill.html"), StandardCharsets.UTF_8));
        assertTrue(zh.select("article a").eachAttr("href").stream().anyMatch(h -> h.startsWith("../../2017/index.html")), "report.md is the year's page");
    }

    @Test
    void aLinkThatLeadsNowhereIsSaidAtItsLineWithTheNearestPage(@TempDir Path tmp) throws Exception {
        Path content = site(tmp);
        var r = TestSites.check(content);
        List<Problem> links = r.problems().stream().filter(p -> p.message().startsWith("link '")).toList();
        Problem nowhere = links.stream().filter(p -> p.message().contains("meetin.md")).findFirst().orElseThrow(() -> new AssertionError(r.problems().toString()));
        assertEquals("2018/news/flood-drill.zh.md", nowhere.file());
        assertEquals(9, nowhere.line());
        assertEquals(3, nowhere.column());
        assertEquals("link '../../2017/news/meetin.md' leads nowhere: no page 2018/../2017/news/meetin.html is built".replace("2018/../", ""), nowhere.message());
        assertEquals("did you mean '../../2017/news/meeting.md'?", nowhere.hint());
        Problem part = links.stream().filter(p -> p.message().contains("#no-such-part")).findFirst().orElseThrow();
        assertEquals("2018/news/flood-drill.zh.md", part.file());
        assertEquals(9, part.line());
        assertFalse(r.problems().stream().anyMatch(p -> p.file().startsWith("unused-out/")), "no problem left on a built page: " + r.problems());
        assertEquals(1, links.stream().filter(p -> p.message().contains("meetin.md")).count(), "once, though the text shows in two languages");
    }

    @Test
    void aPicturesMisspeltNameGetsItsRealName(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Files.createDirectories(content.resolve("2017/news/images"));
        Files.write(content.resolve("2017/news/images/Drill.png"), TestSites.pngHeader(40, 30));
        Path md = content.resolve("2017/news/meeting.zh.md");
        Files.writeString(md, Files.readString(md) + "\n\n![演练](images/drill.png)\n");
        var r = TestSites.check(content);
        Problem p = r.problems().stream().filter(x -> x.message().startsWith("image 'images/drill.png'")).findFirst().orElseThrow();
        assertEquals("the file is named 'Drill.png': names are case-sensitive — write images/Drill.png", p.hint());
        Problem unused = r.problems().stream().filter(x -> x.message().equals("image not used by any text")).findFirst().orElseThrow();
        assertEquals("refer to it from a text in 2017/news/ with ![description](images/Drill.png), or remove it", unused.hint());
    }
}
