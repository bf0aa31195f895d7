package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.gazette.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input never becomes active content: raw HTML is shown as text, YAML strings are escaped. */
class SafetyTest {

    static final String HOSTILE_MD = """

            <script>alert('md')</script>

            <img src="x.png" onerror="alert('img')">

            [click me](javascript:alert('link')) and [also](JaVaScRiPt:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)

            <a href="https://example.org" onclick="alert('a')">a</a>
            """;

    @Test
    void hostileMarkdownAndYamlAreInert(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        Path article = content.resolve("2017/news/meeting.en.md");
        TestSites.write(article, TestSites.read(article) + HOSTILE_MD);
        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report).replace("en: Guancheng Hui District Annual Report 2017",
                "en: \"<script>alert('yaml')</script> Report\""));
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        for (var e : r.files().entrySet()) {
            if (!e.getKey().endsWith(".html")) continue;
            String html = new String(e.getValue(), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
            assertFalse(html.contains("<script"), e.getKey() + " has a script element");
            assertFalse(html.matches("(?s).*<[^>]*\\son[a-z]+\\s*=.*"), e.getKey() + " has an event-handler attribute");
            assertFalse(html.contains("href=\"javascript:") || html.contains("href=\"data:"), e.getKey() + " has a script link");
        }
        String page = new String(r.files().get("en/2017/news/meeting.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("&lt;script&gt;alert('md')&lt;/script&gt;"), "raw HTML is shown as text, not lost");
        assertTrue(page.contains("<p>click me and also and data</p>"), "script links are dropped, their text kept");
        String report2017 = new String(r.files().get("en/2017/index.html"), StandardCharsets.UTF_8);
        assertTrue(report2017.contains("&lt;script&gt;alert(&#39;yaml&#39;)&lt;/script&gt; Report"), "YAML text is escaped");
    }
}
