package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gazette.PdfText;
import org.gazette.TestSites;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The site's search as a reader uses it: the built site served over loopback HTTP, its search page
 * opened in headless Chromium (tools/a11y/search.mjs), a Chinese word found inside unspaced text
 * and an English word found, each leading to the right page, the query marked in the excerpt.
 */
class SearchTest {

    static Path out;
    static List<JsonNode> found;

    @BeforeAll
    static void build(@TempDir Path tmp) throws Exception {
        boolean ready = Files.isDirectory(Path.of("tools/a11y/node_modules/playwright-core"))
                && Files.isExecutable(Path.of("/usr/bin/chromium")) && PdfText.onPath("node");
        if (!ready) {
            if (PdfText.inCi()) throw new AssertionError("CI must run npm ci in tools/a11y and install chromium (.ci/run)");
            Assumptions.abort("needs Chromium and tools/a11y (npm ci)");
        }
        out = tmp.resolve("out");
        Build.Result r = TestSites.build(TestSites.CONTENT, out);
        assertTrue(r.ok(), r.problems()::toString);
        // The same site indexed in bundles of one document (an archive too large for one bundle).
        bundled = tmp.resolve("bundled");
        TestSites.copyTree(out, bundled);
        OutputFolder.deleteTree(bundled.resolve("search"));
        java.util.SortedMap<String, byte[]> files = new java.util.TreeMap<>();
        for (Path f : TestSites.files(bundled)) files.put(bundled.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        for (var e : org.gazette.search.SearchIndex.of(files, 1).entrySet()) {
            Files.createDirectories(bundled.resolve(e.getKey()).getParent());
            Files.write(bundled.resolve(e.getKey()), e.getValue());
        }
        // A news desk's year: 45 articles sharing a word, a day apart, to page through.
        Path desk = TestSites.copyOfSample(tmp.resolve("desk"));
        for (int i = 1; i <= 45; i++) {
            String day = String.format("2018-01-%02d", (i - 1) % 28 + 1).replace("2018-01-", i > 28 ? "2018-02-" : "2018-01-");
            // Numbers of one width: equal texts of equal length, which only their dates tell apart.
            String n = String.format("%02d", i);
            for (String lang : List.of("zh", "en")) {
                TestSites.write(desk.resolve(String.format("2017/news/market-%02d.%s.md", i, lang)), "---\ntitle: " + (lang.equals("zh") ? "农贸市场第" + n + "期" : "Market no. " + n)
                        + "\ndate: " + day + "\nsummary: " + (lang.equals("zh") ? "农贸市场。" : "Market.") + "\n---\n\n"
                        + (lang.equals("zh") ? "农贸市场改造第" + n + "期完成。" : "Market renovation no. " + n + " done.") + "\n");
            }
        }
        // A page about cold-chain logistics (in its title, once in its text) and a newer round-up whose
        // text repeats the words eight times: the page about it must come first.
        TestSites.write(desk.resolve("2017/news/cold-chain.zh.md"), "---\ntitle: 冷链物流中心启用\ndate: 2018-01-02\nsummary: 启用。\n---\n\n冷链物流中心今天启用。\n");
        TestSites.write(desk.resolve("2017/news/cold-chain.en.md"), "---\ntitle: Cold-chain logistics centre opens\ndate: 2018-01-02\nsummary: Opens.\n---\n\nThe cold-chain logistics centre opened today.\n");
        TestSites.write(desk.resolve("2017/news/round-up.zh.md"), "---\ntitle: 全区一周综述\ndate: 2018-02-20\nsummary: 综述。\n---\n\n"
                + "冷链物流建设，".repeat(8) + "都在推进。\n");
        TestSites.write(desk.resolve("2017/news/round-up.en.md"), "---\ntitle: The district's week\ndate: 2018-02-20\nsummary: Week.\n---\n\n"
                + "Logistics, ".repeat(8) + "all in progress.\n");
        deskOut = tmp.resolve("desk-out");
        Build.Result d = TestSites.build(desk, deskOut);
        assertTrue(d.ok(), d.problems()::toString);
        // Every query the tests ask, of all three sites, in one browser (starting Chromium is most of a search's cost).
        found = search("zh", "--type", "乡村振兴", "综合目标考核", "xyzzyq", "街道", "下街道", "管", "柴琳琳", "320亿元", "鄉村振興",
                "--lang=en", "--type", "resettlement", "resettle", "ＲＥＳＥＴＴＬＥＭＥＮＴ", "Resettlement Housing", "乡村振兴", "2017",
                "--site=" + bundled, "resettlement", "--lang=zh", "管城",
                "--site=" + deskOut, "冷链物流", "--lang=en", "logistics", "--lang=zh", "--more", "农贸市场");
    }

    static Path bundled;
    static Path deskOut;

    /** What a query found on the sample site, asked in {@code lang}. */
    static JsonNode found(String lang, String query) {
        return found.stream().filter(n -> !n.has("site") && n.get("lang").asText().equals(lang) && n.get("query").asText().equals(query)).findFirst().orElseThrow();
    }

    static List<JsonNode> search(String lang, String... queries) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node", "tools/a11y/search.mjs", out.toString(), lang));
        cmd.addAll(List.of(queries));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        List<JsonNode> results = new ArrayList<>();
        for (String line : output.strip().split("\n")) results.add(new ObjectMapper().readTree(line));
        return results;
    }

    static List<String> hrefs(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("hits").forEach(h -> out.add(h.get("href").asText()));
        return out;
    }

    @Test
    void chineseWordsAreFoundInsideUnspacedText() throws Exception {
        assertEquals(List.of("/zh/2017/"), hrefs(found("zh", "乡村振兴")), "乡村振兴 is in the report's prose only");
        assertEquals(List.of("/zh/2017/"), hrefs(found("zh", "鄉村振興")), "a reader who types Traditional characters finds it too");
        assertEquals(java.util.Set.of("乡村振兴"), java.util.Set.copyOf(marks(found("zh", "鄉村振興").get("hits").get(0))), "and sees it marked");
        assertTrue(hrefs(found("zh", "综合目标考核")).contains("/zh/2017/news/meeting.html"), found("zh", "综合目标考核").toString());
        assertEquals(List.of(), hrefs(found("zh", "xyzzyq")));
        assertTrue(hrefs(found("zh", "柴琳琳")).contains("/zh/2017/news/meeting.html"), "a byline is searchable: " + found("zh", "柴琳琳"));
    }

    @Test
    void aChinesePhraseMustBeInTheTextNotOnlyItsPairs() throws Exception {
        // The article holds 下街 and 街道 (in different places) but never 下街道: the pairs alone do not make a result.
        assertTrue(hrefs(found("zh", "街道")).contains("/zh/2017/news/meeting.html"), found("zh", "街道").toString());
        assertEquals(List.of(), hrefs(found("zh", "下街道")));
    }

    @Test
    void oneCharacterFindsEveryPageWithIt() throws Exception {
        assertEquals(java.util.Set.of("/zh/2017/", "/zh/2017/news/meeting.html"), java.util.Set.copyOf(hrefs(found("zh", "管"))));
    }

    @Test
    void englishWordsAreFoundInTheEnglishIndexOnly() throws Exception {
        assertTrue(hrefs(found("en", "resettlement")).containsAll(List.of("/en/2017/", "/en/2017/news/meeting.html")), found("en", "resettlement").toString());
        assertEquals(hrefs(found("en", "resettlement")), hrefs(found("en", "resettle")), "a word's beginning finds it");
        assertEquals(hrefs(found("en", "resettlement")), hrefs(found("en", "ＲＥＳＥＴＴＬＥＭＥＮＴ")), "full-width letters and capitals read as the word");
        assertEquals(List.of("/en/2017/"), hrefs(found("en", "Resettlement Housing")), "every word of the query must be there");
        assertTrue(hrefs(found("en", "乡村振兴")).stream().noneMatch(h -> h.startsWith("/zh/")), "each language searches its own pages");
    }

    @Test
    void resultsShowTheQueryMarkedInTheirExcerpt() throws Exception {
        JsonNode hit = found("en", "Resettlement Housing").get("hits").get(0);
        assertEquals("Guancheng Hui District Annual Report 2017", hit.get("title").asText());
        // The words stand together in the text: marked as the phrase they are.
        assertEquals(java.util.Set.of("resettlement housing"), java.util.Set.copyOf(marks(hit)));
        assertEquals(java.util.Set.of("乡村振兴"), java.util.Set.copyOf(marks(found("zh", "乡村振兴").get("hits").get(0))));
        // Numbers with their unit, mixed scripts: marked as the one thing they are, not as 320 and 亿元.
        JsonNode amount = found("zh", "320亿元").get("hits").get(0);
        assertTrue(marks(amount).contains("320亿元"), amount.toString());
        assertFalse(marks(amount).contains("320"), amount.toString());
    }

    static List<String> marks(JsonNode hit) {
        List<String> out = new ArrayList<>();
        hit.get("marks").forEach(m -> out.add(m.asText().toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    @Test
    void onlyArticlesAndReportsAreIndexed() throws Exception {
        for (String lang : List.of("zh", "en")) {
            JsonNode index = new ObjectMapper().readTree(out.resolve("search/" + lang + "/index.json").toFile());
            assertEquals(1, index.get("bundles").size());
            JsonNode bundle = index.get("bundles").get(0);
            assertEquals(2, bundle.get("docs").asInt(), index.toString());
            List<String> urls = new ArrayList<>();
            for (int k = 0; k < bundle.get("texts").asInt(); k++) {
                String name = "d-" + bundle.get("id").asText() + "-" + k + ".json.gz";
                try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out.resolve("search/" + lang).resolve(name)))) {
                    new ObjectMapper().readTree(in).forEach(doc -> urls.add(doc.get(0).asText()));
                }
            }
            assertEquals(java.util.Set.of(lang + "/2017/", lang + "/2017/news/meeting.html"), java.util.Set.copyOf(urls));
        }
        JsonNode year = found("en", "2017");
        assertTrue(!hrefs(year).isEmpty(), year.toString());
        for (String href : hrefs(year)) {
            assertTrue(href.equals("/en/2017/") || href.startsWith("/en/2017/news/") && href.endsWith(".html"),
                    "listings, tags, the archive and the search page itself are not results: " + href);
        }
    }

    /** An archive indexed in many bundles (here one document a bundle) is searched as one. */
    @Test
    void anIndexInManyBundlesIsSearchedAsOne() throws Exception {
        assertEquals(2, new ObjectMapper().readTree(bundled.resolve("search/zh/index.json").toFile()).get("bundles").size());
        JsonNode en = found.stream().filter(n -> n.has("site") && n.get("site").asText().equals(bundled.toString()) && n.get("lang").asText().equals("en")).findFirst().orElseThrow();
        JsonNode zh = found.stream().filter(n -> n.has("site") && n.get("site").asText().equals(bundled.toString()) && n.get("lang").asText().equals("zh")).findFirst().orElseThrow();
        assertEquals(hrefs(found("en", "resettlement")), hrefs(en), "the same results, in the same order, as from one bundle");
        assertEquals(java.util.Set.of("/zh/2017/", "/zh/2017/news/meeting.html"), java.util.Set.copyOf(hrefs(zh)));
    }

    /** Twenty results at a time, newest first among equals, and "More results" until every one is shown. */
    @Test
    void aPageWhoseTitleHoldsTheQueryComesBeforeOneThatRepeatsIt() {
        for (String[] q : new String[][] {{"zh", "冷链物流"}, {"en", "logistics"}}) {
            JsonNode r = found.stream().filter(n -> n.has("site") && n.get("lang").asText().equals(q[0]) && n.get("query").asText().equals(q[1])).findFirst().orElseThrow();
            List<String> h = hrefs(r);
            assertTrue(h.contains("/" + q[0] + "/2017/news/round-up.html"), "the round-up is a result too: " + h);
            assertEquals("/" + q[0] + "/2017/news/cold-chain.html", h.get(0), q[1] + ": " + h);
        }
    }

    /** Opened from disk, the search page says at once that search needs a web server and how to get one, and keeps the query. */
    @Test
    void fromDiskTheSearchPageSaysWhatItNeeds() throws Exception {
        Process p = new ProcessBuilder(List.of("node", "tools/a11y/disk.mjs", out.toString(),
                "zh/search.html?q=" + java.net.URLEncoder.encode("乡村振兴", StandardCharsets.UTF_8), "en/search.html"))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        String[] lines = output.strip().split("\n");
        JsonNode zh = new ObjectMapper().readTree(lines[0]);
        JsonNode en = new ObjectMapper().readTree(lines[1]);
        assertEquals("乡村振兴", zh.get("box").asText(), "the query stays in the box");
        assertTrue(zh.get("results").asText().contains("gazette serve"), zh.toString());
        assertTrue(en.get("results").asText().contains("web server") && en.get("results").asText().contains("gazette serve"),
                "said without a query too: " + en);
    }

    @Test
    void moreResultsPageThroughThemAll() {
        JsonNode r = found.stream().filter(n -> n.has("site") && n.get("site").asText().equals(deskOut.toString()) && n.get("query").asText().equals("农贸市场")).findFirst().orElseThrow();
        assertTrue(r.get("more").asBoolean(), "45 results: a button for the next twenty");
        // Before every candidate is read for the phrase, the count says so; once read, it is exact.
        assertEquals("找到约45条结果", r.get("firstCount").asText());
        assertEquals("找到45条结果", r.get("count").asText());
        List<String> hrefs = hrefs(r);
        assertEquals(45, hrefs.size(), r.toString());
        assertEquals(45, new java.util.HashSet<>(hrefs).size(), "no result twice");
        assertEquals("/zh/2017/news/market-45.html", hrefs.get(0), "the newest of equals first");
        assertEquals("/zh/2017/news/market-01.html", hrefs.get(44));
    }
}
