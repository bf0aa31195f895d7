package org.gazette.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SearchIndexTest {

    static byte[] page(String title, String date, String text) {
        return ("<html><body><main data-search-body=\"\"><h1>" + title + "</h1><p><time datetime=\"" + date + "\">" + date + "</time></p><p>"
                + text + "</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    static SortedMap<String, byte[]> site() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("zh/2017/index.html", page("2017年度工作报告", "2018-02-27", "推进乡村振兴，乡村道路"));
        files.put("zh/2017/news/a.html", page("统计局发布数据", "2017-05-01", "统计局发布"));
        files.put("zh/2018/news/b.html", page("乡村新闻", "2018-03-01", "乡村"));
        files.put("en/2017/news/a.html", page("Statistics", "2017-05-01", "Rural revitalisation"));
        // Not results: a listing (with a body mark it would not be one either), the search page, a stylesheet.
        files.put("zh/news/index.html", page("新闻", "2018-03-01", "乡村"));
        files.put("zh/2017/news/index.html", page("2017年新闻", "2018-03-01", "乡村"));
        files.put("zh/search.html", "<html><body><main>搜索</main></body></html>".getBytes(StandardCharsets.UTF_8));
        files.put("assets/style.css", "body{}".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static JsonNode json(byte[] bytes) throws IOException {
        if ((bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
        return new ObjectMapper().readTree(bytes);
    }

    /** term → [doc, count, …] with absolute documents, read back from a language's term files. */
    static Map<String, List<Integer>> postings(SortedMap<String, byte[]> index, String lang, int bundle) throws IOException {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        JsonNode b = json(index.get("search/" + lang + "/index.json")).get("bundles").get(bundle);
        String previousTo = null;
        int k = 0;
        for (JsonNode range : b.get("terms")) {
            JsonNode chunk = json(index.get("search/" + lang + "/t-" + b.get("id").asText() + "-" + k++ + ".json.gz"));
            List<String> names = new ArrayList<>();
            chunk.fieldNames().forEachRemaining(names::add);
            assertEquals(range.get(0).asText(), names.get(0), "a term file's range starts with its first term");
            assertEquals(range.get(1).asText(), names.get(names.size() - 1), "and ends with its last");
            if (previousTo != null) assertTrue(previousTo.compareTo(names.get(0)) < 0, "term files follow each other in order");
            previousTo = names.get(names.size() - 1);
            for (String t : names) {
                List<Integer> docs = new ArrayList<>();
                int doc = 0;
                JsonNode p = chunk.get(t);
                for (int i = 0; i < p.size(); i += 2) {
                    doc = i == 0 ? p.get(0).asInt() : doc + p.get(i).asInt();
                    docs.add(doc);
                    docs.add(p.get(i + 1).asInt());
                }
                out.put(t, docs);
            }
        }
        return out;
    }

    static List<String> urls(SortedMap<String, byte[]> index, String lang, int bundle) throws IOException {
        List<String> out = new ArrayList<>();
        JsonNode b = json(index.get("search/" + lang + "/index.json")).get("bundles").get(bundle);
        for (int k = 0; k < b.get("texts").asInt(); k++) {
            json(index.get("search/" + lang + "/d-" + b.get("id").asText() + "-" + k + ".json.gz")).forEach(d -> out.add(d.get(0).asText()));
        }
        return out;
    }

    @Test
    void articlesAndReportsPerLanguageNewestFirst() throws IOException {
        var index = SearchIndex.of(site());
        assertEquals(List.of("zh/2018/news/b.html", "zh/2017/", "zh/2017/news/a.html"), urls(index, "zh", 0));
        assertEquals(List.of("en/2017/news/a.html"), urls(index, "en", 0));
        JsonNode doc = json(index.get("search/zh/d-" + json(index.get("search/zh/index.json")).get("bundles").get(0).get("id").asText() + "-0.json.gz")).get(1);
        assertEquals("2017年度工作报告", doc.get(1).asText());
        assertEquals("2018-02-27", doc.get(2).asText());
        assertEquals("2018-02-27 推进乡村振兴，乡村道路", doc.get(3).asText());
    }

    @Test
    void postingsCountEachTermPerDocumentTheTitleWeighingMore() throws IOException {
        var p = postings(SearchIndex.of(site()), "zh", 0);
        // 乡村: in b's title (5) and text (1); twice in the report's text; not in a.
        assertEquals(List.of(0, 100_001, 1, 2), p.get("乡村"), "b: once in its title (100,000) and once in its text");
        assertEquals(List.of(1, 1), p.get("振兴"));
        assertEquals(List.of(2, 100_001), p.get("统计"), "once in a's title (100,000) and once in its text (1)");
    }

    @Test
    void theSameSiteGivesTheSameBytesAndPiecesAreNamedByContent() throws IOException {
        var a = SearchIndex.of(site());
        var b = SearchIndex.of(site());
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
        for (String k : a.keySet()) {
            assertTrue(k.matches("search/(zh|en)/(index\\.json|[td]-[0-9a-f]{16}-[0-9]+\\.json\\.gz)"), k);
        }
        var changed = site();
        changed.put("zh/2018/news/b.html", page("乡村新闻", "2018-03-01", "乡村，改过"));
        var c = SearchIndex.of(changed);
        assertTrue(!c.keySet().equals(a.keySet()), "a changed text gets new piece names, so no browser mixes an old piece with a new list");
        // The other language's bundle did not change: its pieces keep their names (a browser keeps them).
        assertEquals(a.keySet().stream().filter(k -> k.startsWith("search/en/")).toList(),
                c.keySet().stream().filter(k -> k.startsWith("search/en/")).toList());
    }

    @Test
    void countingInShardsGivesTheSameBytesAsCountingAlone() {
        // Pages with shared and rare terms, some holding a term in consecutive documents and some
        // not (the merge joins one shard's list to the next with a gap), counted by one thread and in
        // shards of 7, 3 and 1 document.
        String[] words = {"乡村", "振兴", "道路", "统计", "人口", "管城", "回族", "区", "PM2.5", "district", "road", "2026年"};
        org.gazette.Generated.check(20, r -> {
            SortedMap<String, byte[]> files = new TreeMap<>();
            int n = 1 + r.nextInt(40);
            for (int i = 0; i < n; i++) {
                StringBuilder text = new StringBuilder();
                for (int w = r.nextInt(12); w >= 0; w--) text.append(words[(int) Math.min(words.length - 1, Math.abs(r.nextGaussian()) * 4)]);
                if (r.nextInt(5) == 0) text.append((char) (0x4E00 + r.nextInt(20_000)));
                files.put(String.format("zh/2026/news/a%03d.html", i), page("标题" + words[r.nextInt(words.length)], String.format("2026-%02d-%02d", 1 + i % 12, 1 + i % 28), text.toString()));
            }
            return files;
        }, files -> {
            var alone = SearchIndex.of(files, 10_000, 1_000_000);
            for (int shard : new int[] {7, 3, 1}) {
                var sharded = SearchIndex.of(files, 10_000, shard);
                assertEquals(alone.keySet(), sharded.keySet(), "shards of " + shard);
                for (String k : alone.keySet()) assertArrayEquals(alone.get(k), sharded.get(k), k + ", shards of " + shard);
            }
        });
    }

    @Test
    void bundlesSplitALargeArchive() throws IOException {
        var index = SearchIndex.of(site(), 2);
        assertEquals(2, json(index.get("search/zh/index.json")).get("bundles").size());
        List<String> all = new ArrayList<>(urls(index, "zh", 0));
        all.addAll(urls(index, "zh", 1));
        assertEquals(3, all.size());
        // Each bundle numbers its own documents from 0.
        assertEquals(List.of(0, 100_001), postings(index, "zh", 1).get("乡村"));
    }

    @Test
    void manyTermsAreSplitIntoOrderedTermFiles() throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 20_000; i++) words.append("word").append(i).append(' ');
        files.put("en/2017/news/long.html", page("Long", "2017-01-01", words.toString()));
        var index = SearchIndex.of(files);
        assertTrue(json(index.get("search/en/index.json")).get("bundles").get(0).get("terms").size() > 2);
        var p = postings(index, "en", 0);
        assertEquals(List.of(0, 1), p.get("word12345"));
        assertEquals(20_000 + 3, p.size(), "every word, the title's and the date's (2017, 01)");
    }
}
