package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.gazette.TestSites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What a reader or a crawler would check on the built sample: figures in each language's form, links, languages. */
class SampleSiteIntegrityTest {

    static final String BASE = "https://news.guancheng.example.gov.cn/";
    static Build.Result site;
    static Map<String, Document> pages = new HashMap<>();

    @BeforeAll
    static void build(@TempDir Path tmp) throws Exception {
        site = TestSites.build(TestSites.CONTENT, tmp.resolve("site-out"));
        assertTrue(site.ok(), () -> site.problems().toString());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        DocumentBuilder b = f.newDocumentBuilder();
        for (var e : site.files().entrySet()) {
            if (!e.getKey().endsWith(".html")) continue;
            try {
                pages.put(e.getKey(), b.parse(new ByteArrayInputStream(e.getValue())));
            } catch (Exception ex) {
                fail(e.getKey() + " is not well-formed: " + ex.getMessage());
            }
        }
    }

    String text(String page) {
        return pages.get(page).getDocumentElement().getTextContent().replaceAll("\\s+", " ");
    }

    @Test
    void pagesForBothLanguages() {
        for (String lang : List.of("zh", "en")) {
            for (String p : List.of("index.html", "archive.html", "2017/index.html", "2017/news/meeting.html", "news/index.html",
                    "2017/news/index.html", "404.html", "site-map.html")) {
                assertTrue(pages.containsKey(lang + "/" + p), lang + "/" + p);
            }
        }
        assertTrue(pages.containsKey("index.html"));
        assertEquals(Map.of("zh", 14, "en", 14), site.pagesPerLanguage());
    }

    @Test
    void reportHasEveryFigureInTheChineseForm() {
        String zh = text("zh/2017/index.html");
        for (String s : List.of("超320亿元", "+7%", "26.56亿元", "超目标1.28亿元", "96.48%", "市内六区第1名", "146个", "近2500亿元",
                "28个", "257亿元", "1.25倍", "市内五区第1名", "23面", "全市8个考核站点第1名", "2018年2月27日", "近300人",
                "220个", "超580亿元", "100个", "12个", "13个", "14个", "近5000亩", "37个",
                "管城街民族小区", "星月小区", "姚庄郎庄", "十里铺", "金岱李", "耿庄二期", "小王庄一期", "苏庄八郎寨", "席村", "刘德成",
                "塔湾路", "北下街社区卫生服务中心", "陇海马路社区卫生服务中心", "紫荆山南路街道办事处", "金岱产业集聚区")) {
            assertTrue(zh.contains(s), "zh report lacks " + s);
        }
    }

    @Test
    void reportHasEveryFigureInTheEnglishForm() {
        String en = text("en/2017/index.html");
        for (String s : List.of("over 32 billion yuan", "+7%", "2.656 billion yuan", "128 million yuan above target", "96.48%",
                "1st among the six urban districts of Zhengzhou", "nearly 250 billion yuan", "25.7 billion yuan", "1.25 times",
                "1st among the five urban districts of Zhengzhou", "27 February 2018", "nearly 300 people", "over 58 billion yuan",
                "nearly 5,000 mu", "Guanchengjie Minzu Community", "Tawan Road", "Suzhuang-Balangzhai")) {
            assertTrue(en.contains(s), "en report lacks " + s);
        }
        assertFalse(en.contains("亿"), "no Chinese magnitude words in the English report");
    }

    @Test
    void articleCarriesBylineInEachLanguage() {
        assertTrue(text("zh/2017/news/meeting.html").contains("记者 柴琳琳"));
        assertTrue(text("zh/2017/news/meeting.html").contains("通讯员 姜璞"));
        assertTrue(text("en/2017/news/meeting.html").contains("Reporter Chai Linlin"));
        assertTrue(text("en/2017/news/meeting.html").contains("27 February 2018"));
    }

    @Test
    void everyInternalLinkAndAssetResolves() {
        List<String> broken = new ArrayList<>();
        for (var e : pages.entrySet()) {
            for (String ref : refs(e.getValue())) {
                boolean fromRoot = ref.startsWith(BASE);
                String target = fromRoot ? ref.substring(BASE.length()) : ref;
                if (URI.create(target).isAbsolute()) continue;
                URI resolved = URI.create("http://x/" + (fromRoot ? "" : e.getKey())).resolve(target);
                String path = resolved.getPath().substring(1);
                if (!site.files().containsKey(path)) {
                    broken.add(e.getKey() + " → " + ref);
                    continue;
                }
                String fragment = resolved.getFragment();
                if (fragment != null && !ids(pages.get(path)).contains(fragment)) broken.add(e.getKey() + " → " + ref + " (no such id)");
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void hreflangPairsAreReciprocalAndLangMatches() {
        for (var e : pages.entrySet()) {
            if (e.getKey().equals("index.html")) continue;
            Element html = e.getValue().getDocumentElement();
            String lang = e.getKey().substring(0, 2);
            assertEquals(lang.equals("zh") ? "zh-CN" : "en-GB", html.getAttribute("lang"), e.getKey());
            Map<String, String> alternates = alternates(e.getValue());
            assertEquals(Set.of("zh-CN", "en-GB", "x-default"), alternates.keySet(), e.getKey());
            assertEquals(BASE + e.getKey(), alternates.get(lang.equals("zh") ? "zh-CN" : "en-GB"), "a page lists itself");
            for (String url : alternates.values()) {
                String other = url.substring(BASE.length());
                assertTrue(alternates(pages.get(other)).containsValue(BASE + e.getKey()), other + " links back to " + e.getKey());
            }
        }
    }

    @Test
    void languageSwitcherLeadsToTheTranslation() {
        Document en = pages.get("en/2017/news/meeting.html");
        NodeList as = en.getElementsByTagName("a");
        boolean found = false;
        for (int i = 0; i < as.getLength(); i++) {
            Element a = (Element) as.item(i);
            if ("zh-CN".equals(a.getAttribute("hreflang"))) {
                assertEquals("../../../zh/2017/news/meeting.html", a.getAttribute("href"));
                found = true;
            }
        }
        assertTrue(found, "the English article links to its Chinese version");
    }

    @Test
    void sampleHasNoWarnings() {
        assertEquals(List.of(), site.problems());
    }

    static List<String> refs(Document d) {
        List<String> out = new ArrayList<>();
        for (String tag : List.of("a", "link", "img", "script")) {
            NodeList nl = d.getElementsByTagName(tag);
            for (int i = 0; i < nl.getLength(); i++) {
                Element el = (Element) nl.item(i);
                for (String attr : List.of("href", "src")) {
                    if (el.hasAttribute(attr)) out.add(el.getAttribute(attr));
                }
            }
        }
        return out;
    }

    static Set<String> ids(Document d) {
        Set<String> s = new HashSet<>();
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element el = (Element) all.item(i);
            if (el.hasAttribute("id")) s.add(el.getAttribute("id"));
        }
        return s;
    }

    static Map<String, String> alternates(Document d) {
        Map<String, String> m = new HashMap<>();
        NodeList nl = d.getElementsByTagName("link");
        for (int i = 0; i < nl.getLength(); i++) {
            Element el = (Element) nl.item(i);
            if ("alternate".equals(el.getAttribute("rel")) && el.hasAttribute("hreflang")) m.put(el.getAttribute("hreflang"), el.getAttribute("href"));
        }
        return m;
    }
}
