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
