package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gazette.BrowserScripts;
import org.gazette.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How good the site's search is, measured as a reader meets it: the sample with the articles of
 * {@code src/test/resources/search-quality/} (short district news in Chinese and in English, with
 * the traps the search once fell into: a long report repeating a character, a page repeating a word,
 * 320 in a table with 亿 elsewhere, words of a phrase apart, a hard-wrapped line, full-width and
 * Traditional input, a word's beginning), and the queries of {@code queries.tsv} with their relevant
 * pages judged by hand. Every query is typed into the real search page in headless Chromium (every
 * result read, "More results" pressed until it is gone), and scored: recall and precision over all
 * the (query, page) pairs, and how often a page whose title holds the query comes first. A change to
 * the index or the page's script that lowers a score below its floor fails here.
 */
class SearchQualityTest {

    static final Path CORPUS = Path.of("src/test/resources/search-quality");

    record Judged(String lang, String query, Set<String> relevant, Set<String> titled) {}

    static List<Judged> queries() throws Exception {
        List<Judged> out = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("queries.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            out.add(new Judged(f[0], f[1], set(f[2]), set(f.length > 3 ? f[3] : "")));
        }
        return out;
    }

    private static Set<String> set(String list) {
        Set<String> s = new LinkedHashSet<>();
        for (String p : list.split(",")) if (!p.isBlank()) s.add(p.strip());
        return s;
    }

    @Test
    void aReaderFindsWhatIsThereAndOnlyThatWithThePageAboutItFirst(@TempDir Path tmp) throws Exception {
        BrowserScripts.requireChromium();
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        TestSites.copyTree(CORPUS.resolve("2018"), content.resolve("2018"));
        Path out = tmp.resolve("out");
        Build.Result r = TestSites.build(content, out);
        assertTrue(r.ok(), r.problems()::toString);

        List<Judged> judged = queries();
        assertTrue(judged.size() >= 40, "at least 40 queries: " + judged.size());
        List<String> args = new ArrayList<>(List.of(out.toString(), "zh", "--more"));
        String lang = "zh";
        for (Judged j : judged) {
            if (!j.lang().equals(lang)) args.add("--lang=" + (lang = j.lang()));
            args.add(j.query());
        }
        List<JsonNode> lines = BrowserScripts.run("search.mjs", args, 300);
        assertEquals(judged.size(), lines.size(), lines::toString);

        int relevant = 0;
        int shown = 0;
        int right = 0;
        int titledQueries = 0;
        int titledFirst = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < judged.size(); i++) {
            Judged j = judged.get(i);
            JsonNode line = lines.get(i);
            assertEquals(j.query(), line.get("query").asText());
            List<String> got = new ArrayList<>();
            for (JsonNode h : line.get("hits")) got.add(page(h.get("href").asText(), j.lang()));
            long hits = got.stream().filter(j.relevant()::contains).count();
            relevant += j.relevant().size();
            shown += got.size();
            right += (int) hits;
            boolean first = true;
            if (!j.titled().isEmpty()) {
                titledQueries++;
                first = !got.isEmpty() && j.titled().contains(got.get(0));
                if (first) titledFirst++;
            }
            if (hits < j.relevant().size() || hits < got.size() || !first) {
                report.append(String.format("  %s %s: found %s, judged %s%s%n", j.lang(), j.query(), got, j.relevant(),
                        first ? "" : ", first should be one of " + j.titled()));
            }
        }
        double recall = right / (double) relevant;
        double precision = shown == 0 ? 1 : right / (double) shown;
        double titleFirst = titledQueries == 0 ? 1 : titledFirst / (double) titledQueries;
        String summary = String.format("%d queries: recall %.3f (%d of %d), precision %.3f (%d of %d shown), title first %.3f (%d of %d)%n%s",
                judged.size(), recall, right, relevant, precision, right, shown, titleFirst, titledFirst, titledQueries, report);
        System.out.println(summary);
        assertTrue(recall >= 0.99, summary);
        assertTrue(precision >= 0.97, summary);
        assertTrue(titleFirst >= 0.95, summary);
    }

    /** "/zh/2018/news/fangxun.html" → "2018/news/fangxun"; "/zh/2017/" → "2017/". */
    static String page(String href, String lang) {
        String p = href.replaceFirst("^/" + lang + "/", "");
        return p.endsWith(".html") ? p.substring(0, p.length() - 5) : p;
    }
}
