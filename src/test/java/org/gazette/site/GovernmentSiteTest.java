package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A government website's identity marks (《政府网站发展指引》) in every page's footer, from site.yaml:
 * 主办/承办单位, contact, 网站标识码, ICP and public-security filing numbers linked to their filing
 * sites, the 党政机关 mark linked to its verification address, the error-report link carrying the
 * site code and the page's own address; the 网站地图 page; each mark's form checked at its line.
 */
class GovernmentSiteTest {

    static Document page(Build.Result r, String path) {
        return Jsoup.parse(new String(r.files().get(path), StandardCharsets.UTF_8), "https://news.guancheng.example.gov.cn/" + path);
    }

    /** The file a relative link on page {@code from} leads to ("" when it leaves the site). */
    static String target(String from, String href) {
        URI base = URI.create("https://site.invalid/" + from);
        URI to = base.resolve(href);
        if (!"site.invalid".equals(to.getHost())) return "";
        String p = to.getPath().substring(1);
        return p.isEmpty() || p.endsWith("/") ? p + "index.html" : p;
    }

    @Test
    void everyPageCarriesTheMarksInItsLanguageAndEveryLinkResolves(@TempDir Path tmp) {
        Build.Result r = TestSites.build(TestSites.CONTENT, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        int pages = 0;
        for (String path : r.files().keySet()) {
            if (!path.endsWith(".html") || path.equals("index.html")) continue;
            pages++;
            Document d = page(r, path);
            boolean zh = path.startsWith("zh/");
            Element footer = d.selectFirst("footer.site-footer");
            assertNotNull(footer, path);
            String text = footer.text();
            assertTrue(text.contains(zh ? "主办单位：郑州市管城回族区人民政府办公室" : "Sponsored by General Office of the People's Government of Guancheng Hui District"), path + ": " + text);
            assertTrue(text.contains(zh ? "承办单位：郑州市管城回族区新闻办公室" : "Operated by Press Office of Guancheng Hui District, Zhengzhou"), path);
            assertTrue(text.contains(zh ? "网站标识码：4101040000" : "Site code: 4101040000"), path);
            // The filing numbers, as filed (in Chinese on both languages' pages), each linked to its filing site.
            Element icp = footer.selectFirst("a[href=https://beian.miit.gov.cn/]");
            assertNotNull(icp, path);
            assertEquals("豫ICP备00000000号-1", icp.text());
            assertEquals("zh-CN", icp.attr("lang"), "read out in Chinese on the English page too");
            Element security = footer.selectFirst("a.security-filing");
            assertEquals("豫公网安备41010400000000号", security.text());
            assertEquals("https://beian.mps.gov.cn/#/query/webSearch?code=41010400000000", security.attr("href"));
            assertEquals("", security.selectFirst("img").attr("alt"), "the badge is decoration beside the number");
            assertTrue(r.files().containsKey(target(path, security.selectFirst("img").attr("src"))), path + ": the badge is published");
            // The sponsor mark, with its text alternative, linked to its verification address.
            Element mark = footer.selectFirst(".footer-mark a[href=https://bszs.conac.cn/] img");
            assertNotNull(mark, path);
            assertEquals(zh ? "党政机关网站标识" : "Mark of a Party or government agency website", mark.attr("alt"));
            assertTrue(r.files().containsKey(target(path, mark.attr("src"))), path + ": the mark is published");
            // 我为政府网站找错: the national platform, this site's code, this page's own address.
            Element report = footer.select("a").stream().filter(a -> a.attr("href").startsWith("https://zfwzgl.www.gov.cn/")).findFirst().orElseThrow();
            assertEquals(zh ? "我为政府网站找错" : "Report an error on this government website", report.text());
            Map<String, String> query = query(URI.create(report.attr("href")).getRawQuery());
            assertEquals("4101040000", query.get("site_code"));
            assertEquals("https://news.guancheng.example.gov.cn/" + path, query.get("url"), path);
            // The site map, linked from every page, and the telephone and e-mail as links.
            Element map = footer.select("a").stream().filter(a -> a.text().equals(zh ? "网站地图" : "Site map")).findFirst().orElseThrow();
            assertEquals((zh ? "zh" : "en") + "/site-map.html", target(path, map.attr("href")), path);
            assertEquals("tel:037100000000", footer.selectFirst("a[href^=tel:]").attr("href"));
            assertEquals("mailto:xwb@guancheng.example.gov.cn", footer.selectFirst("a[href^=mailto:]").attr("href"));
        }
        assertTrue(pages >= 28, "pages looked at: " + pages);
        // The published pictures are SVG written again by the safety check: still drawings, nothing active.
        Document svg = Jsoup.parse(new String(r.files().get("assets/site/party-mark.svg"), StandardCharsets.UTF_8), "", Parser.xmlParser());
        assertEquals(1, svg.select("circle").size());
        assertTrue(svg.select("script, foreignObject").isEmpty());
    }

    @Test
    void theSiteMapListsEverySectionYearAndTagAndEveryLinkResolves(@TempDir Path tmp) {
        Build.Result r = TestSites.build(TestSites.CONTENT, tmp.resolve("out"));
        for (String lang : List.of("zh", "en")) {
            String path = lang + "/site-map.html";
            Document d = page(r, path);
            assertEquals(lang.equals("zh") ? "网站地图" : "Site map", d.selectFirst("h1").text());
            List<String> targets = new ArrayList<>();
            for (Element a : d.select("main a")) {
                String to = target(path, a.attr("href"));
                assertTrue(r.files().containsKey(to), path + ": " + a.attr("href") + " → " + to);
                targets.add(to);
            }
            for (String want : List.of(lang + "/index.html", lang + "/news/index.html", lang + "/2017/index.html", lang + "/archive.html",
                    lang + "/tags/index.html", lang + "/search.html", lang + "/atom.xml", lang + "/2017/news/index.html",
                    lang + "/2017/bulletin-2017-" + lang + ".pdf", lang + "/2017/bulletin-2017-" + lang + ".docx",
                    lang + "/tags/major-projects/index.html")) {
                assertTrue(targets.contains(want), path + " links " + want + ": " + targets);
            }
            assertTrue(new String(r.files().get(lang + "/sitemap.xml"), StandardCharsets.UTF_8).contains("/" + lang + "/site-map.html"),
                    "search engines find the site map page");
        }
    }

    @Test
    void aSiteWithoutTheMarksShowsNoneOfThem(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path site = content.resolve("site.yaml");
        String yaml = Files.readString(site);
        Files.writeString(site, yaml.substring(0, yaml.indexOf("# Government-site identity marks")));
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        // The pictures no longer named are not silently kept: their folder is reported as unused.
        assertEquals(List.of("identity"), r.problems().stream().map(Problem::file).toList(), r.problems()::toString);
        Element footer = page(r, "zh/index.html").selectFirst("footer");
        assertTrue(footer.select(".footer-org, .footer-contact, .footer-codes, .footer-mark").isEmpty(), footer::outerHtml);
        assertTrue(footer.select("a[href^=https://zfwzgl]").isEmpty());
        assertNotNull(footer.selectFirst("a[href=site-map.html]"), "the site map stays");
        assertFalse(r.files().keySet().stream().anyMatch(f -> f.startsWith("assets/site/")));
    }

    /**
     * The forms, over generated inputs: a code is accepted exactly when it has its issuer's form —
     * 10 digits (or bm and 8) for the site code; province, ICP备, 6 to 10 digits, 号, an optional -n;
     * province, 公网安备, 14 digits, 号. Everything else is an error at its line, never a footer.
     */
    @Test
    void aCodeIsAcceptedExactlyWhenItHasItsForm(@TempDir Path tmp) throws Exception {
        Random random = new Random(20261207);
        String provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台";
        String alphabet = "0123456789０１２３ abcbmICP备证号公网安备-—豫京X";
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path site = content.resolve("site.yaml");
        String sample = Files.readString(site);
        String base = sample.substring(0, sample.indexOf("# Government-site identity marks"));
        int first = lines(base) + 2;
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            String siteCode;
            String icp;
            String security;
            boolean valid = random.nextBoolean();
            if (valid) {
                siteCode = random.nextBoolean() ? digits(random, 10) : "bm" + digits(random, 8);
                icp = provinces.charAt(random.nextInt(provinces.length())) + "ICP" + (random.nextBoolean() ? "备" : "证")
                        + digits(random, 6 + random.nextInt(5)) + "号" + (random.nextBoolean() ? "-" + (1 + random.nextInt(99)) : "");
                security = provinces.charAt(random.nextInt(provinces.length())) + "公网安备" + digits(random, 14) + "号";
            } else {
                // A near miss: a valid code with one character changed, added or taken away.
                siteCode = mutate(random, digits(random, 10), alphabet);
                icp = mutate(random, "豫ICP备" + digits(random, 8) + "号-1", alphabet);
                security = mutate(random, "豫公网安备" + digits(random, 14) + "号", alphabet);
            }
            Files.writeString(site, base + "government:\n  siteCode: \"" + siteCode + "\"\n  icp: \"" + icp + "\"\n  security: \"" + security + "\"\n");
            Build.Result r = TestSites.check(content);
            List<String> errors = r.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).map(Problem::format).toList();
            boolean siteOk = siteCode.matches("\\d{10}|bm\\d{8}");
            boolean icpOk = icp.matches("[" + provinces + "]ICP[备证]\\d{6,10}号(-\\d{1,3})?");
            boolean securityOk = security.matches("[" + provinces + "]公网安备 ?\\d{14}号");
            String where = siteCode + " | " + icp + " | " + security + ": " + errors;
            assertEquals(!siteOk, errors.stream().anyMatch(e -> e.startsWith("site.yaml:" + first + ":") && e.contains("site identification code")), where);
            assertEquals(!icpOk, errors.stream().anyMatch(e -> e.startsWith("site.yaml:" + (first + 1) + ":") && e.contains("ICP filing number")), where);
            assertEquals(!securityOk, errors.stream().anyMatch(e -> e.startsWith("site.yaml:" + (first + 2) + ":") && e.contains("public-security filing number")), where);
            if (siteOk && icpOk && securityOk) accepted++;
            else refused++;
        }
        assertTrue(accepted >= 10 && refused >= 10, "both kinds generated: " + accepted + " accepted, " + refused + " refused");
    }

    /** Under an article's title: 发布时间, 来源 (the office, or a reprint's paper with its link), 责任编辑; a bad source address is an error at its line. */
    @Test
    void articlesSayWhenFromWhereAndWhoEdited(@TempDir Path tmp) throws Exception {
        Build.Result sample = TestSites.build(TestSites.CONTENT, tmp.resolve("sample"));
        Element own = page(sample, "zh/2017/news/meeting.html").selectFirst(".article-meta");
        assertEquals("发布时间：2018年2月27日 来源：郑州市管城回族区新闻办公室", own.text().replaceAll("【.*", "").strip());
        assertEquals("Published: 27 February 2018 Source: Press Office of Guancheng Hui District, Zhengzhou",
                page(sample, "en/2017/news/meeting.html").selectFirst(".article-meta").text().replace("Print this article", "").strip());

        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path zh = content.resolve("2017/news/meeting.zh.md");
        Files.writeString(zh, Files.readString(zh).replaceFirst("\ntags:", "\nsource: {name: 河南日报, url: \"https://newpaper.dahe.cn/hnrb/html/2018-02/28/node_1.htm\"}\neditor: 王五\ntags:"));
        Path en = content.resolve("2017/news/meeting.en.md");
        Files.writeString(en, Files.readString(en).replaceFirst("\ntags:", "\nsource: Henan Daily\neditor: [Wang Wu, Zhao Liu]\ntags:"));
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        Element meta = page(r, "zh/2017/news/meeting.html").selectFirst(".article-meta");
        assertTrue(meta.text().contains("来源：河南日报"), meta.text());
        assertEquals("https://newpaper.dahe.cn/hnrb/html/2018-02/28/node_1.htm", meta.selectFirst("a[href^=https]").attr("href"));
        assertTrue(meta.text().contains("责任编辑：王五"), meta.text());
        Element enMeta = page(r, "en/2017/news/meeting.html").selectFirst(".article-meta");
        assertTrue(enMeta.text().contains("Source: Henan Daily") && enMeta.text().contains("Editor: Wang Wu, Zhao Liu"), enMeta.text());

        Files.writeString(zh, Files.readString(zh).replace("https://newpaper.dahe.cn/hnrb/html/2018-02/28/node_1.htm", "JaVaScRiPt:alert(1)"));
        Build.Result bad = TestSites.check(content);
        int line = Files.readString(zh).lines().toList().indexOf(Files.readString(zh).lines().filter(l -> l.startsWith("source:")).findFirst().get()) + 1;
        assertTrue(bad.problems().stream().map(Problem::format).anyMatch(p -> p.startsWith("2017/news/meeting.zh.md:" + line + ":")
                && p.contains("the source's address 'JaVaScRiPt:alert(1)' is not a web address")), bad.problems()::toString);
    }

    private static int lines(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    private static String digits(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append((char) ('0' + random.nextInt(10)));
        return b.toString();
    }

    private static String mutate(Random random, String s, String alphabet) {
        int at = random.nextInt(s.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        return switch (random.nextInt(3)) {
            case 0 -> s.substring(0, at) + c + s.substring(at + 1);
            case 1 -> s.substring(0, at) + c + s.substring(at);
            default -> s.substring(0, at) + s.substring(at + 1);
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            m.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
