package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gazette.TestSites;
import org.gazette.search.PageTextProbe;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The link check and the search index read built pages with Gazette's own fast tokenizer; jsoup,
 * which parses as browsers do, is the reference: on every page of the sample and the two test
 * sites, and on hand-written markup of every quoting, case, comment and script trick, they must
 * find the same links, ids and readable text.
 */
class HtmlReadingTest {

    static final Map<String, byte[]> PAGES = new TreeMap<>();

    @BeforeAll
    static void build(@TempDir Path tmp) {
        for (Path content : List.of(TestSites.CONTENT, TwoYearSiteTest.TWO_YEARS, FiveYearSiteTest.FIVE_YEARS)) {
            Build.Result r = new Build(new Build.Options(content, TestSites.TEMPLATES, tmp.resolve("unused-" + content.getFileName()), false,
                    org.gazette.content.Publishing.live(), true, false)).run(false);
            assertTrue(r.ok(), r.problems()::toString);
            r.files().forEach((path, bytes) -> {
                if (path.endsWith(".html")) PAGES.put(content.getFileName() + ":" + path, bytes);
            });
        }
        assertTrue(PAGES.size() > 60, PAGES.size() + " pages");
    }

    /** The href and src values of every element, in document order, and the ids, as jsoup reads them. */
    static List<String> jsoupRefs(Document doc) {
        List<String> refs = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) if (a.getKey().equals("href") || a.getKey().equals("src")) refs.add(a.getValue());
        }
        return refs;
    }

    static Set<String> jsoupIds(Document doc) {
        Set<String> ids = new LinkedHashSet<>();
        for (Element e : doc.getAllElements()) if (e.hasAttr("id")) ids.add(e.attr("id"));
        return ids;
    }

    static void sameLinks(byte[] html, String where) {
        Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        var scan = LinkChecker.scan(html);
        assertEquals(jsoupRefs(doc), scan.refs(), where);
        assertEquals(jsoupIds(doc), Set.copyOf(scan.ids()), where);
    }

    @Test
    void theLinkCheckFindsWhatJsoupFindsOnEveryPage() {
        PAGES.forEach((path, html) -> sameLinks(html, path));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<a href='single.html'>x</a><p id=plain>y</p>",
            "<A HREF=\"upper.html\" ID=\"Upper\">x</A>",
            "<a href = \"spaced.html\" id = spaced >x</a>",
            "<a href=unquoted.html?a=1&amp;b=2>x</a><img src=img.png/>",
            "<a href=\"x.html?a=1&amp;b=&#x32;&#51;&quot;\">x</a>",
            "<!-- <a href=\"commented.html\" id=\"c\"> --><a href=\"after.html\">x</a>",
            "<!----><!---><a href=\"a.html\">x</a><!-- -- --><a href=\"b.html\">y</a>",
            "<script>var s = '<a href=\"in-script.html\" id=\"s\">';</script><a href=\"real.html\">x</a>",
            "<SCRIPT type=text/javascript>if (a<b) document.write('<img src=x>')</SCRIPT ><a href=\"r.html\">x</a>",
            "<style>a[href=\"css.html\"]{}</style><p id=\"after-style\">x</p>",
            "<textarea><a href=\"in-textarea.html\"></textarea><a href=\"t.html\">x</a>",
            "<title><a href=\"in-title.html\"></title><a href=\"t2.html\">x</a>",
            "<a href=\"first.html\" href=\"second.html\" id=a id=b>x</a>",
            "<input disabled href=q.html><br/><a href=\"z.html\"/>",
            "<a\nhref=\"newline.html\"\nid=\"n\">x</a><a href=\"multi\nline.html\">y</a>",
            "<!DOCTYPE html><?xml version=\"1.0\"?></ p><a href=\"doc.html\">x</a>",
            "<svg><a xlink:href=\"#y\" href=\"#z\"/><use href=\"#u\"/></svg>",
            "<a data-href=\"no.html\" hreflang=\"en\" href=\"yes.html\">x</a>",
            "<p>a < b and c<d <a href=\"lt.html\">x</a></p>",
            "<a href=\"&#106;avascript:alert(1)\">x</a><a href=\"&#0;&#x110000;&#150;&#x80;&#99999999999;\">y</a>",
            "<a href=\"&copy;&nbsp;&hellip;&amp;amp;\">x</a>",
            "<div id=\"&#20013;&#x6587;\"></div><a href=\"#&#20013;&#x6587;\">中文</a>",
    })
    void theLinkCheckFindsWhatJsoupFindsInTrickyMarkup(String html) {
        sameLinks(("<!DOCTYPE html><html><head></head><body>" + html + "</body></html>").getBytes(StandardCharsets.UTF_8), html);
    }

    /** The readable text of the marked element as jsoup gives it: the ignored and unread parts removed, the first h1 apart. */
    static String[] jsoupText(Document doc) {
        Element body = doc.selectFirst("[data-search-body]");
        if (body == null) return null;
        Element copy = body.clone();
        copy.select("[data-search-ignore], script, style, svg, template, noscript, math").remove();
        Element h1 = copy.selectFirst("h1");
        String title = "";
        if (h1 != null) {
            title = h1.text();
            h1.remove();
        }
        return new String[] {title, copy.text().replace('\u00a0', ' ').replaceAll(" +", " ").strip()};
    }

    @Test
    void theSearchReadsTheTextJsoupReadsOnEveryPage() {
        int compared = 0;
        for (var e : PAGES.entrySet()) {
            String[] expected = jsoupText(Jsoup.parse(new String(e.getValue(), StandardCharsets.UTF_8)));
            String[] got = PageTextProbe.read(e.getValue());
            if (expected == null) {
                assertEquals(null, got, e.getKey());
                continue;
            }
            compared++;
            assertEquals(joined(expected[0]), joined(got[0]), e.getKey() + " title");
            assertEquals(joined(expected[1]), joined(got[1].replace('\u00a0', ' ').replaceAll(" +", " ").strip()), e.getKey() + " text");
        }
        assertTrue(compared > 20, compared + " pages compared");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<main data-search-body=''><h1>标题</h1><p>近<span>300</span>人参加</p><p class=x>第二段</p></main>",
            "<main data-search-body><h1 class=t>Title &amp; more</h1><p>one<br>two</p><div data-search-ignore=\"\"><p>hidden</p></div><p>three</p></main>",
            "<main data-search-body=\"\"><h1>T</h1><!-- <p>comment</p> --><script>var p = '<p>script</p>';</script><p>shown</p></main>",
            "<main data-search-body=\"\"><h1>T</h1><svg><text>chart</text></svg><table><tr><td>a</td><td>b</td></tr></table></main>",
            "<main data-search-body=\"\"><h1>T</h1><p>&#20013;&#x6587; &lt;tag&gt; &quot;q&quot; a&b &bogus;</p></main>",
    })
    void theSearchReadsWhatJsoupReadsInTrickyMarkup(String html) {
        byte[] page = ("<!DOCTYPE html><html><head><title>x</title></head><body>" + html + "<p>after</p></body></html>").getBytes(StandardCharsets.UTF_8);
        String[] expected = jsoupText(Jsoup.parse(new String(page, StandardCharsets.UTF_8)));
        String[] got = PageTextProbe.read(page);
        assertEquals(joined(expected[0]), joined(got[0]), html);
        assertEquals(joined(expected[1]), joined(got[1].replace('\u00a0', ' ').replaceAll(" +", " ").strip()), html);
    }

    /**
     * The one intended difference from jsoup: a reference to a surrogate ({@code &#xD800;}) is U+FFFD, as
     * the HTML standard and browsers have it; jsoup keeps the lone surrogate (not a character at all).
     */
    @Test
    void aSurrogateReferenceIsTheReplacementCharacterAsInABrowser() {
        assertEquals("\uFFFD\uFFFD", org.gazette.html.Refs.decode("&#xD800;&#57343;"));
        assertEquals("\uD800", Jsoup.parse("<a href=\"&#xD800;\">y</a>").selectFirst("a").attr("href"), "jsoup's reading, for the record");
    }

    /** Broken links and fragments are found however the page writes its attributes. */
    @Test
    void brokenLinksAndFragmentsAreReportedInAnyQuoting() {
        java.util.SortedMap<String, byte[]> files = new java.util.TreeMap<>();
        files.put("zh/a.html", ("<!DOCTYPE html><html><body><h2 id=there>x</h2>"
                + "<a href='missing.html'>1</a> <a href=b.html#nowhere>2</a> <a HREF=\"b.html#here\">3</a> <a href=#there>4</a>"
                + "<!-- <a href=\"commented-out.html\"> --></body></html>").getBytes(StandardCharsets.UTF_8));
        files.put("zh/b.html", "<!DOCTYPE html><html><body><p id='here'>y</p></body></html>".getBytes(StandardCharsets.UTF_8));
        org.gazette.problem.Problems problems = new org.gazette.problem.Problems();
        LinkChecker.check(files, "https://example.gov.cn/", "site-out", problems);
        List<String> found = problems.sorted().stream().map(org.gazette.problem.Problem::message).toList();
        assertEquals(2, found.size(), found::toString);
        assertTrue(found.get(0).contains("'missing.html' does not resolve") || found.get(1).contains("'missing.html' does not resolve"), found::toString);
        assertTrue(found.stream().anyMatch(m -> m.contains("#nowhere")), found::toString);
    }

    /**
     * The same reference means another file in another folder: pages of folders that interleave in
     * path order (a/, a/b/, a/ again) each get their own answer, and an empty reference or a bare
     * query is the page itself (as in a browser; not the folder, as java.net.URI resolves it).
     */
    @Test
    void aReferenceIsResolvedFromItsOwnFolder() {
        java.util.SortedMap<String, byte[]> files = new java.util.TreeMap<>();
        String links = "<a href=x.html>x</a> <a href=''>self</a> <a href='?page=2'>q</a> <a href='../top.html'>up</a>";
        for (String page : List.of("a/1.html", "a/b/2.html", "a/c.html", "a/x.html", "a/b/c/3.html", "a/b/c/x.html", "a/top.html", "top.html")) {
            files.put(page, ("<!DOCTYPE html><html><body>" + links + "</body></html>").getBytes(StandardCharsets.UTF_8));
        }
        org.gazette.problem.Problems problems = new org.gazette.problem.Problems();
        LinkChecker.check(files, "https://example.gov.cn/", "site-out", problems);
        List<String> found = problems.sorted().stream().map(p -> p.file() + " " + p.message().replaceAll(" does not resolve.*", "")).toList();
        assertEquals(List.of(
                "site-out/a/b/2.html link to 'x.html'",
                "site-out/a/b/c/3.html link to '../top.html'",
                "site-out/a/b/c/x.html link to '../top.html'",
                "site-out/top.html link to '../top.html'",
                "site-out/top.html link to 'x.html'"), found);
    }


    /**
     * The one intended difference in the text: where the page's HTML breaks a line between two
     * Chinese characters, the search reads no space (CjkLineBreaksTest) and jsoup one. Both sides
     * are compared with the spaces between two wide characters taken out.
     */
    static String joined(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' && b.length() > 0 && i + 1 < text.length()
                    && org.gazette.html.Wide.is(b.codePointBefore(b.length())) && org.gazette.html.Wide.is(text.codePointAt(i + 1))) continue;
            b.append(c);
        }
        return b.toString();
    }
}
