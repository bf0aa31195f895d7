package org.gazette.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The fast direct HTML writer gives exactly flexmark's output, on every real text and on every construct it handles. */
class MarkdownHtmlTest {

    static final Markdown MARKDOWN = new Markdown();

    static final List<String> CONSTRUCTS = List.of(
            "Plain paragraph with *em*, **strong**, `code <x>` and a [link](https://example.org \"title\").\n",
            "# H1\n\n## H2 with **bold**\n\n### H3\n",
            "Setext\n======\n\nAnother\n-------\n",
            "- tight\n- list\n\n1. one\n2. two\n",
            "- loose\n\n- list\n",
            "3. starts\n4. at three\n",
            "- outer\n  - inner\n  - inner 2\n- outer 2\n",
            "> quoted\n> text\n",
            "line one  \nline two\\\nline three\nsoft\n",
            "---\n\n***\n",
            "```java\nint x = 1 < 2;\n```\n",
            "```\nplain\n```\n",
            "    indented code\n    more\n",
            "![地图 map](images/map.png \"A map\") and ![](x.png)\n",
            "<script>alert('x')</script>\n\nText with <b onclick=\"x\">inline html</b>.\n",
            "[bad](javascript:alert(1)) and [ok](page.html#frag) and <https://auto.example/link>\n",
            "Entities: &amp; &copy; &#20013; \\* escaped \\_ and \"quotes\" & ampersand\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n",
            "| left | centre | right |\n|:---|:---:|---:|\n| 1 | 2 | 3 |\n",
            "中文段落，含“引号”和（括号）。\n\n第二段。\n");

    @Test
    void sameAsFlexmarkOnEveryConstruct() {
        for (String md : CONSTRUCTS) {
            var doc = MARKDOWN.parse(md);
            assertEquals(MARKDOWN.renderWithFlexmark(doc), MARKDOWN.render(doc), md);
        }
    }

    /** The hole that was: an autolink published {@code <a href="javascript:…">}. Now every form goes through SafeUrl. */
    @Test
    void noFormPublishesAScriptAddress() {
        var problems = new org.gazette.problem.Problems();
        for (String url : org.gazette.safety.SafeUrlTest.HOSTILE) {
            String dest = url.replace("\n", "&#10;").replace("\r", "&#13;");
            String md = "<" + dest.replace(" ", "") + "> [text](<" + dest + ">) ![alt](<" + dest + ">) [ref][r] ![refalt][r]\n\n[r]: <" + dest + ">\n";
            Markdown.Html html = MARKDOWN.read(md, "t.md", 1, problems);
            var body = org.jsoup.Jsoup.parseBodyFragment(html.html()).body();
            assertEquals(0, body.select("a[href^=\"mailto:\"]").size() + body.select("img").size()
                    + body.select("a").stream().filter(a -> !org.gazette.safety.SafeUrl.allowed(a.attr("href"))).count(), md + " -> " + html.html());
            for (String kept : List.of("text", "alt", "ref", "refalt")) assertTrue(body.text().contains(kept), md + " -> " + html.html());
        }
        assertTrue(!problems.hasErrors(), problems.sorted()::toString);
    }

    @Test
    void sameAsFlexmarkOnEveryBundledText() throws IOException {
        List<Path> texts = new ArrayList<>();
        for (String root : List.of("content", "src/test/resources")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.toString().endsWith(".md")).forEach(texts::add);
            }
        }
        assertTrue(texts.size() > 5);
        for (Path p : texts) {
            String text = Files.readString(p);
            int end = text.indexOf("\n---\n", 4);
            var doc = MARKDOWN.parse(end > 0 ? text.substring(end + 5) : text);
            assertEquals(MARKDOWN.renderWithFlexmark(doc), MARKDOWN.render(doc), p.toString());
        }
    }
}
