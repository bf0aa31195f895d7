package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gazette.PdfText;
import org.gazette.TestSites;
import org.gazette.search.PageTextProbe;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chinese prose pasted with hard line breaks reads whole — on the page, in the bulletin, in the
 * feed and in the search — while English keeps the space a line break stands for.
 */
class CjkLineBreaksTest {

    static final String WRAPPED = "会议要求，要进一\n步完善城市管理，提升了管城的\n形象。“四个管城”\n建设取得\n新进展。\nThe district\nkeeps its\nspace. 管城区\nGuancheng.\n";

    @Test
    void wrappedChineseReadsWholeEverywhere(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Path news = content.resolve("2017/news/meeting.zh.md");
        Files.writeString(news, Files.readString(news) + "\n" + WRAPPED);
        Path prose = content.resolve("2017/report.zh.md");
        Files.writeString(prose, Files.readString(prose) + "\n" + WRAPPED);
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);

        String page = Jsoup.parse(new String(r.files().get("zh/2017/news/meeting.html"), StandardCharsets.UTF_8)).select("article").text();
        for (String whole : new String[] {"要进一步完善城市管理", "提升了管城的形象。“四个管城”建设取得新进展。"}) {
            assertTrue(page.contains(whole), whole + " in\n" + page);
        }
        assertTrue(page.contains("The district keeps its space."), "English keeps its spaces");
        assertTrue(page.contains("管城区 Guancheng."), "between Chinese and English a break is a space");

        String feed = new String(r.files().get("zh/atom.xml"), StandardCharsets.UTF_8);
        assertTrue(feed.contains("要进一步完善城市管理"), "the feed");
        assertFalse(feed.contains("进一\n步"));

        String bulletin = PdfText.withoutWhitespace(PdfText.pdfbox(r.files().get("zh/2017/bulletin-2017-zh.pdf")));
        assertTrue(bulletin.contains("提升了管城的形象"), "the bulletin");
        String spaced = PdfText.pdfbox(r.files().get("zh/2017/bulletin-2017-zh.pdf"));
        assertFalse(spaced.contains("进一 步"), "no space printed inside the word");

        String[] indexed = PageTextProbe.read(r.files().get("zh/2017/news/meeting.html"));
        assertTrue(indexed[1].contains("提升了管城的形象"), "the search reads it whole");
    }

    @Test
    void theSearchJoinsHanRunsBrokenByTheHtmlItself() {
        String html = "<!DOCTYPE html><html><body><main data-search-body=\"\"><h1>标题</h1><p>提升了管城的\n      形象，English\nwords stay apart，近<span>300</span>人</p>"
                + "<p>第一段</p><p>第二段</p></main></body></html>";
        String text = PageTextProbe.read(html.getBytes(StandardCharsets.UTF_8))[1];
        assertTrue(text.contains("提升了管城的形象"), text);
        assertTrue(text.contains("English words stay apart"), text);
        assertTrue(text.contains("第一段 第二段"), "paragraphs stay apart: " + text);
    }

    @Test
    void theRuleIsTheMarkdownOneInBothWriters() {
        var md = new org.gazette.content.Markdown();
        var html = md.read("要进一\n步，**加\n粗**和\n[链接](x.html)\n。\nand English\nwords\n", "x.md", 1, new org.gazette.problem.Problems());
        assertEquals("<p>要进一步，<strong>加粗</strong>和<a href=\"x.html\">链接</a>。\nand English\nwords</p>\n", html.html());
    }
}
