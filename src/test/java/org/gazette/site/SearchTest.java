package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * and an English word found, each leading to the right page.
 */
class SearchTest {

    static Path out;
    static List<JsonNode> found;

    @BeforeAll
    static void build(@TempDir Path tmp) throws Exception {
        boolean ready = Search.locate() != null && Files.isDirectory(Path.of("tools/a11y/node_modules/playwright-core"))
                && Files.isExecutable(Path.of("/usr/bin/chromium")) && PdfText.onPath("node");
        if (!ready) {
            if (PdfText.inCi()) throw new AssertionError("CI must run npm ci in tools/search and tools/a11y and install chromium (.ci/run)");
            Assumptions.abort("needs Pagefind (npm ci in tools/search), Chromium and tools/a11y");
        }
        out = tmp.resolve("out");
        Build.Result r = TestSites.build(TestSites.CONTENT, out);
        assertTrue(r.ok(), r.problems()::toString);
        // Every query the tests ask of this site, in one browser (starting Chromium is most of a search's cost).
        found = search("zh", "乡村振兴", "综合目标考核", "xyzzyq", "--lang=en", "resettlement", "乡村振兴", "2017");
    }

    /** What a query found on the sample site, asked in {@code lang}. */
    static JsonNode found(String lang, String query) {
        return found.stream().filter(n -> n.get("lang").asText().equals(lang) && n.get("query").asText().equals(query)).findFirst().orElseThrow();
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
        assertTrue(hrefs(found("zh", "综合目标考核")).contains("/zh/2017/news/meeting.html"), found("zh", "综合目标考核").toString());
        assertEquals(List.of(), hrefs(found("zh", "xyzzyq")));
    }

    @Test
    void englishWordsAreFoundInTheEnglishIndexOnly() throws Exception {
        assertTrue(hrefs(found("en", "resettlement")).containsAll(List.of("/en/2017/", "/en/2017/news/meeting.html")), found("en", "resettlement").toString());
        assertTrue(hrefs(found("en", "乡村振兴")).stream().noneMatch(h -> h.startsWith("/zh/")), "each language searches its own pages");
    }

    @Test
    void onlyArticlesAndReportsAreIndexed() throws Exception {
        // Pagefind's own account of what it indexed: per language, the report and the article, nothing else.
        JsonNode zh = new ObjectMapper().readTree(out.resolve("pagefind/zh-0/pagefind-entry.json").toFile());
        JsonNode en = new ObjectMapper().readTree(out.resolve("pagefind/en-0/pagefind-entry.json").toFile());
        assertEquals(2, zh.get("languages").get("zh-cn").get("page_count").asInt(), zh.toString());
        assertEquals(2, en.get("languages").get("en-gb").get("page_count").asInt(), en.toString());
        assertEquals(1, zh.get("languages").size(), "one language a bundle");
        assertEquals("{\"bundles\": [\"zh-0/\"]}", Files.readString(out.resolve("pagefind/zh.json")).strip());
        JsonNode year = found("en", "2017");
        assertTrue(!hrefs(year).isEmpty(), year.toString());
        for (String href : hrefs(year)) {
            assertTrue(href.equals("/en/2017/") || href.startsWith("/en/2017/news/") && href.endsWith(".html"),
                    "listings, tags, the archive and the search page itself are not results: " + href);
        }
    }

    /**
     * An archive too large for one Pagefind run is indexed in bundles (here one page a bundle), and
     * the search page merges them: both pages of each language are still found.
     */
    @Test
    void anIndexInManyBundlesIsSearchedAsOne(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        TestSites.copyTree(out, site);
        OutputFolder.deleteTree(site.resolve("pagefind"));
        Search.locate().index(site, 1);
        assertEquals("{\"bundles\": [\"zh-0/\", \"zh-1/\"]}", Files.readString(site.resolve("pagefind/zh.json")).strip());
        Path saved = out;
        out = site;
        try {
            var r = search("en", "resettlement", "--lang=zh", "管城");
            assertTrue(hrefs(r.get(0)).containsAll(List.of("/en/2017/", "/en/2017/news/meeting.html")), r.get(0).toString());
            assertEquals(2, hrefs(r.get(1)).size(), r.get(1).toString());
        } finally {
            out = saved;
        }
        assertTrue(Files.list(tmp).noneMatch(p -> p.getFileName().toString().endsWith(".search-shard")), "the shard folders are gone");
    }
}
