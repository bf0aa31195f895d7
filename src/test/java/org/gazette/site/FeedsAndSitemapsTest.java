package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.gazette.TestSites;
import org.gazette.i18n.Language;
import org.gazette.render.Page;
import org.gazette.render.Sitemaps;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/** What search engines and feed readers get: Atom feeds, sitemaps, robots.txt and the articles' JSON-LD, read with their own tools. */
class FeedsAndSitemapsTest {

    static final String BASE = "https://news.guancheng.example.gov.cn/";
    static Build.Result site;

    @BeforeAll
    static void build(@TempDir Path tmp) {
        site = TestSites.build(TestSites.CONTENT, tmp.resolve("out"));
        assertTrue(site.ok(), () -> site.problems().toString());
    }

    static String text(String path) {
        return new String(site.files().get(path), StandardCharsets.UTF_8);
    }

    @Test
    void eachLanguageHasAnAtomFeedAFeedReaderReads() throws Exception {
        for (String lang : List.of("zh", "en")) {
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(site.files().get(lang + "/atom.xml"))));
            assertEquals("atom_1.0", feed.getFeedType());
            assertEquals(BASE + lang + "/atom.xml", feed.getUri());
            assertEquals(1, feed.getEntries().size());
            SyndEntry e = feed.getEntries().get(0);
            assertEquals(BASE + lang + "/2017/news/meeting.html", e.getUri());
            assertEquals(BASE + lang + "/2017/news/meeting.html", e.getLink());
            assertTrue(site.files().containsKey(lang + "/2017/news/meeting.html"), "the entry's page is built");
            assertEquals(OffsetDateTime.parse("2018-02-27T00:00+08:00").toInstant(), e.getPublishedDate().toInstant());
            assertEquals(e.getPublishedDate(), feed.getPublishedDate() != null ? feed.getPublishedDate() : e.getUpdatedDate());
            assertEquals(lang.equals("zh") ? "管城区召开2017年度综合目标考核总结表彰大会" : "Guancheng reviews 2017 and honours its best performers",
                    e.getTitle());
            String html = e.getContents().get(0).getValue();
            assertTrue(html.contains(lang.equals("zh") ? "近300人" : "300 people"), "full text in the feed");
            SafetyTest.assertInert(Jsoup.parseBodyFragment(html), lang + " feed content");
        }
    }

    @Test
    void everyPageNamesItsLanguagesFeed() {
        for (var e : site.files().entrySet()) {
            if (!e.getKey().endsWith(".html") || e.getKey().equals("index.html")) continue;
            var doc = Jsoup.parse(new String(e.getValue(), StandardCharsets.UTF_8), BASE + e.getKey());
            var link = doc.select("link[rel=alternate][type=application/atom+xml]");
            assertEquals(1, link.size(), e.getKey());
            String lang = e.getKey().substring(0, 2);
            assertEquals(BASE + lang + "/atom.xml", link.get(0).absUrl("href"), e.getKey());
        }
    }

    @Test
    void sitemapsValidateAndNameEveryPageWithItsTranslations() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of("src/test/resources/xsd/sitemap.xsd").toFile());
        Set<String> listed = new TreeSet<>();
        List<String> parts = new ArrayList<>();
        var index = parse(site.files().get("sitemap.xml"));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(site.files().get("sitemap.xml"))));
        var locs = index.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        for (int i = 0; i < locs.getLength(); i++) parts.add(locs.item(i).getTextContent().substring(BASE.length()));
        assertEquals(List.of("zh/sitemap.xml", "en/sitemap.xml"), parts);
        for (String part : parts) {
            byte[] bytes = site.files().get(part);
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(bytes)));
            var urls = parse(bytes).getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
            for (int i = 0; i < urls.getLength(); i++) {
                Element url = (Element) urls.item(i);
                String loc = url.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc").item(0).getTextContent();
                String path = loc.substring(BASE.length());
                assertTrue(site.files().containsKey(path), loc + " is built");
                listed.add(path);
                var alternates = url.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
                Set<String> langs = new TreeSet<>();
                for (int k = 0; k < alternates.getLength(); k++) {
                    Element a = (Element) alternates.item(k);
                    langs.add(a.getAttribute("hreflang"));
                    assertTrue(site.files().containsKey(a.getAttribute("href").substring(BASE.length())), a.getAttribute("href"));
                }
                assertEquals(Set.of("zh-CN", "en-GB"), langs, loc);
            }
        }
        Set<String> pages = new TreeSet<>();
        for (String f : site.files().keySet()) {
            if (f.endsWith(".html") && !f.equals("index.html") && !f.endsWith("/404.html") && !f.endsWith("/search.html")) pages.add(f);
        }
        assertEquals(pages, listed, "every page a reader reaches is listed, and nothing else");
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: " + BASE + "sitemap.xml\n", text("robots.txt"));
    }

    @Test
    void largeSitesAreSplitAt50000UrlsPerFile() throws Exception {
        Language zh = new Language("zh", "中文", java.util.Locale.SIMPLIFIED_CHINESE);
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < 120_001; i++) {
            String path = "zh/2026/news/article-" + i + ".html";
            pages.add(new Page("news/" + i, zh, path, "article.ftlh", List.of(new Page.Alternate(zh, "x", BASE + path, true)), true, Map.of()));
        }
        Map<String, byte[]> files = Sitemaps.files(pages, List.of(zh), BASE);
        assertEquals(List.of("zh/sitemap.xml", "zh/sitemap-2.xml", "zh/sitemap-3.xml", "sitemap.xml", "robots.txt"), List.copyOf(files.keySet()));
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of("src/test/resources/xsd/sitemap.xsd").toFile());
        int total = 0;
        for (String part : List.of("zh/sitemap.xml", "zh/sitemap-2.xml", "zh/sitemap-3.xml")) {
            byte[] b = files.get(part);
            assertTrue(b.length <= 10 * 1024 * 1024, part + " is " + b.length + " bytes");
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(b)));
            total += parse(b).getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url").getLength();
        }
        assertEquals(120_001, total);
    }

    @Test
    void articlesCarryNewsArticleJsonLd() throws Exception {
        for (String lang : List.of("zh", "en")) {
            var doc = Jsoup.parse(text(lang + "/2017/news/meeting.html"));
            var scripts = doc.select("script[type=application/ld+json]");
            assertEquals(1, scripts.size());
            JsonNode ld = new ObjectMapper().readTree(scripts.get(0).data());
            assertEquals("https://schema.org", ld.get("@context").asText());
            assertEquals("NewsArticle", ld.get("@type").asText());
            assertEquals(doc.selectFirst("h1").text(), ld.get("headline").asText());
            assertEquals("2018-02-27T00:00:00+08:00", ld.get("datePublished").asText());
            assertEquals(lang.equals("zh") ? "zh-CN" : "en-GB", ld.get("inLanguage").asText());
            assertEquals(lang.equals("zh") ? "柴琳琳" : "Chai Linlin", ld.get("author").get(0).get("name").asText());
            assertEquals(lang.equals("zh") ? "郑州市管城回族区新闻办公室" : "Press Office of Guancheng Hui District, Zhengzhou",
                    ld.get("publisher").get("name").asText());
            assertEquals(BASE + lang + "/2017/news/meeting.html", ld.get("url").asText());
            assertEquals(1, doc.select("meta[name=description]").size());
            assertEquals("article", doc.selectFirst("meta[property=og:type]").attr("content"));
        }
    }

    static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
