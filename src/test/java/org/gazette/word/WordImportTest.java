package org.gazette.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.cli.Main;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Word draft made by LibreOffice from a press release (src/test/resources/word/) becomes the
 * Markdown a person would write, says what it cannot carry over, and — imported on the command
 * line — an article that builds, with its picture, its table and its Chinese numbering.
 */
class WordImportTest {

    static final Path WORD = Path.of("src/test/resources/word");

    @Test
    void aPressReleaseBecomesTheMarkdownAPersonWouldWrite() throws Exception {
        List<String> stored = new ArrayList<>();
        var a = WordImport.read(Files.readAllBytes(WORD.resolve("release.docx")), (name, bytes) -> {
            stored.add(name + " " + bytes.length);
            return "images/" + name;
        });
        assertEquals("管城区开展2018年防汛应急演练", a.title());
        assertEquals(Files.readString(WORD.resolve("release.expected.md")), a.markdown());
        assertEquals(Files.readString(WORD.resolve("release.expected.txt")).strip(), String.join("\n", a.notCarried().stream().map(Object::toString).toList()));
        // What could not be carried over, told to a Chinese office.
        assertEquals(Files.readString(WORD.resolve("release.expected.zh.txt")).strip(),
                String.join("\n", a.notCarried().stream().map(m -> m.in(org.gazette.problem.Lang.ZH)).toList()));
        assertEquals(1, stored.size(), stored::toString);
    }

    @Test
    void notAWordFileIsSaidSo() {
        var e = assertThrows(java.io.IOException.class, () -> WordImport.read("{\\rtf1 …}".getBytes(StandardCharsets.UTF_8), (n, b) -> ""));
        assertTrue(e.getMessage().contains("not a .docx file"), e.getMessage());
        var damaged = assertThrows(java.io.IOException.class, () -> WordImport.read(new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3}, (n, b) -> ""));
        assertTrue(damaged.getMessage().startsWith("this file cannot be read as a Word document"), damaged.getMessage());
    }

    @Test
    void numbersInTheirFormats() {
        assertEquals("一", WordImport.number(1, "chineseCounting"));
        assertEquals("十", WordImport.number(10, "taiwaneseCountingThousand"));
        assertEquals("十二", WordImport.number(12, "ideographTraditional"));
        assertEquals("二十三", WordImport.number(23, "chineseCountingThousand"));
        assertEquals("iv", WordImport.number(4, "lowerRoman"));
        assertEquals("7", WordImport.number(7, "decimal"));
    }

    @Test
    void importedOnTheCommandLineItBuilds(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"import", WORD.resolve("release.docx").toString(), "--year", "2018", "--name", "flood-drill",
                "--date", "2018-06-20", "--content", content.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("2018/news/flood-drill.zh.md"), out.toString());
        assertTrue(err.toString().contains("release.docx: warning: 1 comment (批注)"), err.toString());
        String md = Files.readString(content.resolve("2018/news/flood-drill.zh.md"));
        assertTrue(md.startsWith("---\ntitle: 管城区开展2018年防汛应急演练\ndate: 2018-06-20\nsummary: \ndraft: true\n---\n\n"), md);
        try (var pics = Files.list(content.resolve("2018/news/images"))) {
            assertEquals(1, pics.count());
        }
        // It builds, as a draft preview, with the picture as a figure and the table.
        var r = new org.gazette.site.Build(new org.gazette.site.Build.Options(content, TestSites.TEMPLATES, tmp.resolve("out"), false,
                new org.gazette.content.Publishing(java.time.Instant.parse("2018-07-01T00:00:00Z"), true), false, false)).run(false);
        assertTrue(r.ok(), r.problems()::toString);
        var page = Jsoup.parse(new String(r.files().get("zh/2018/news/flood-drill.html"), StandardCharsets.UTF_8));
        assertEquals("管城区开展2018年防汛应急演练", page.selectFirst("h1").text());
        assertEquals("消防员在河边架设水泵", page.selectFirst("article figure img").attr("alt"));
        assertEquals("水泵12台 | 沙袋", page.select("article table td").last().text());
        assertTrue(page.select("article h3").eachText().contains("一、演练内容"), page.select("article h2, article h3").eachText().toString());
        // Never over an existing article.
        assertEquals(1, Main.run(new String[] {"import", WORD.resolve("release.docx").toString(), "--year", "2018", "--name", "flood-drill",
                "--content", content.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true)));
    }
}
