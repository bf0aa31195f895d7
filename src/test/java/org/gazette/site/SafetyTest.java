package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.gazette.safety.SafeUrlTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input never becomes active content. A hostile author's article carries every spelling of
 * a script address in every Markdown form that makes a link or an image; the built pages are parsed
 * as a browser parses them (jsoup) and no link, image or handler may run anything.
 */
class SafetyTest {

    static final String RAW_HTML = """

            <script>alert('md')</script>

            <img src="x.png" onerror="alert('img')">

            <a href="https://example.org" onclick="alert('a')">a</a> <svg onload="alert(1)"></svg>
            """;

    /** One paragraph per hostile address, in each form: inline link, autolink, reference link, image, image reference. */
    static String hostileMarkdown() {
        StringBuilder md = new StringBuilder(RAW_HTML);
        List<String> urls = SafeUrlTest.HOSTILE;
        for (int i = 0; i < urls.size(); i++) {
            String u = urls.get(i);
            // Line breaks cannot stand in a link destination; Markdown's character references can.
            // Characters a file may not hold (controls) are written as Markdown writes them: character references.
            StringBuilder escaped = new StringBuilder();
            u.codePoints().forEach(c -> {
                if (c == '\t' || (c != '\n' && org.gazette.yaml.SourceText.allowed(c))) escaped.appendCodePoint(c);
                else escaped.append("&#").append(c).append(';');
            });
            String dest = escaped.toString();
            md.append("\n\n[click-").append(i).append("](<").append(dest).append(">) ")
                    .append('<').append(dest.replace(" ", "")).append("> ")
                    .append("[ref-").append(i).append("][r").append(i).append("] ")
                    .append("![pic-").append(i).append("](<").append(dest).append(">) ")
                    .append("![refpic-").append(i).append("][r").append(i).append("]\n\n")
                    .append("[r").append(i).append("]: <").append(dest).append(">\n");
        }
        return md.toString();
    }

    @Test
    void hostileMarkdownAndYamlAreInert(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        Path article = content.resolve("2017/news/meeting.en.md");
        TestSites.write(article, TestSites.read(article) + hostileMarkdown());
        // Front matter reaches the JSON-LD of the article: try to break out of its script element.
        TestSites.write(article, TestSites.read(article).replaceFirst("title: [^\n]*", "title: \"</script><script>alert('t')</script>\""));
        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report).replace("en: Guancheng Hui District Annual Report 2017",
                "en: \"<script>alert('yaml')</script> Report\""));
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        int pages = 0;
        for (var e : r.files().entrySet()) {
            if (!e.getKey().endsWith(".html")) continue;
            pages++;
            assertInert(Jsoup.parse(new String(e.getValue(), StandardCharsets.UTF_8)), e.getKey());
        }
        assertEquals(29, pages);

        Document page = Jsoup.parse(new String(r.files().get("en/2017/news/meeting.html"), StandardCharsets.UTF_8));
        String text = page.body().text();
        assertTrue(text.contains("<script>alert('md')</script>"), "raw HTML is shown as text, not lost");
        for (int i = 0; i < SafeUrlTest.HOSTILE.size(); i++) {
            for (String kept : List.of("click-" + i, "ref-" + i, "pic-" + i, "refpic-" + i)) {
                assertTrue(text.contains(kept), "the text of a dropped link or image is kept: " + kept);
            }
        }
        Document report2017 = Jsoup.parse(new String(r.files().get("en/2017/index.html"), StandardCharsets.UTF_8));
        assertTrue(report2017.body().text().contains("<script>alert('yaml')</script> Report"), "YAML text is escaped, shown as written");
    }

    @Test
    void everyDroppedLinkIsAWarningWithItsPosition(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        Path article = content.resolve("2017/news/meeting.en.md");
        String before = TestSites.read(article);
        int line = (int) before.lines().count() + 2; // after a blank line
        TestSites.write(article, before + "\nSee [the notice](jav&#x09;ascript:alert(1)) and <JavaScript:alert(1)>.\n");
        Build.Result r = TestSites.check(content);
        List<String> warnings = r.problems().stream().filter(p -> !p.isError()).map(Problem::format).toList();
        assertEquals(List.of(
                "2017/news/meeting.en.md:" + line + ":5: warning: link 'jav\\x09ascript:alert(1)' is not published — only web (http, https), mail (mailto), telephone (tel) and relative addresses are; its text is kept without the link",
                "2017/news/meeting.en.md:" + line + ":49: warning: link 'JavaScript:alert(1)' is not published — only web (http, https), mail (mailto), telephone (tel) and relative addresses are; its text is kept without the link"),
                warnings);
    }

    static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "poster", "data", "xlink:href", "background", "srcset");

    /** No script element, no event handler, no address whose scheme (read as a browser reads it) can run code. */
    static void assertInert(Document doc, String where) {
        List<String> found = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("script") && e.attr("type").equals("application/ld+json") && e.attributesSize() == 1) {
                // Data for search engines, never run: it must be JSON, with no character that could end the element.
                String json = e.data();
                if (json.contains("<") || json.contains(">")) found.add("JSON-LD with markup characters");
                try {
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
                } catch (java.io.IOException ex) {
                    found.add("JSON-LD that is not JSON");
                }
            } else if (tag.equals("script") && e.attr("type").isEmpty() && e.hasAttr("defer") && e.attr("src").endsWith("assets/search.js")
                    && !e.attr("src").contains(":") && e.data().isEmpty() && where.endsWith("search.html")) {
                // The search page's own script, from the site's assets.
                continue;
            } else if (tag.equals("script") && e.attributesSize() == 1 && e.attr("src").endsWith("assets/reading.js")
                    && !e.attr("src").contains(":") && e.data().isEmpty() && e.parent() != null && e.parent().normalName().equals("head")) {
                // The reading aids' script on every page, from the site's assets, in the head (it applies the reader's
                // settings before the page is drawn). Nothing else runs: no inline script, no outside one.
                continue;
            } else if (tag.equals("svg") && e.hasClass("chart-svg") && e.parent() != null && e.parent().hasClass("chart")
                    && e.getAllElements().stream().skip(1).allMatch(c -> Set.of("title", "desc", "text", "tspan", "rect", "line").contains(c.normalName()))) {
                // A chart Gazette draws from the report's figures: text, bars and lines only (attributes checked below).
            } else if (tag.equals("script") || tag.equals("iframe") || tag.equals("object") || tag.equals("embed") || tag.equals("svg")) {
                found.add("<" + tag + ">");
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) found.add(tag + " " + name + "=");
                if (URL_ATTRIBUTES.contains(name)) {
                    String scheme = browserScheme(a.getValue());
                    if (scheme != null && !Set.of("http", "https", "mailto", "tel").contains(scheme)) {
                        found.add(tag + " " + name + "=" + a.getValue());
                    }
                }
                if (name.equals("style") && a.getValue().toLowerCase(Locale.ROOT).contains("url(")) found.add(tag + " style with url()");
            }
        }
        assertEquals(List.of(), found, where);
    }

    /**
     * The scheme as the WHATWG URL parser reads it: leading and trailing C0 controls and spaces
     * stripped, tab and newline removed anywhere, then ALPHA *(ALPHA / DIGIT / "+" / "-" / ".") ":".
     */
    static String browserScheme(String value) {
        String s = value.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "");
        var m = java.util.regex.Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):").matcher(s);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    @Test
    void theDomCheckCatchesAScriptLink() {
        Document bad = Jsoup.parse("<p><a href=\" jav&#x09;ascript:alert(1)\">x</a><img src=x onerror=alert(1)></p>");
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> assertInert(bad, "bad"));
        assertTrue(e.getMessage().contains("onerror") && e.getMessage().contains("ascript:alert(1)"), e.getMessage());
        assertFalse(browserScheme("images/a.png") != null);
    }
}
