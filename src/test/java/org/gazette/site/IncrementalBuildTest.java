package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.gazette.TestSites;
import org.gazette.content.Publishing;
import org.gazette.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview server's rebuilds are a cache: after any sequence of edits, a build with the cache
 * must give exactly the bytes (and the messages) of a clean build. Random edits of every kind a
 * press officer makes, replayed from a seed ({@code -Dgazette.editSeed=N}, {@code -Dgazette.edits=N}).
 */
class IncrementalBuildTest {

    @TempDir
    Path dir;

    private Path content;
    private Path templates;
    private final Publishing publishing = new Publishing(java.time.Instant.parse("2026-12-01T00:00:00Z"), true);

    private Build.Options options() {
        return new Build.Options(content, templates, dir.resolve("out"), false, publishing, false);
    }

    private RandomEdits edits;

    private void setUp(int extraArticles) {
        edits = RandomEdits.onSample(dir, extraArticles);
        content = edits.content();
        templates = edits.templates();
    }

    @Test
    void aBuildWithNothingChangedRendersNothingAndAnEditRendersOnlyWhatShowsIt() {
        setUp(40);
        BuildCache cache = new BuildCache();
        Build.Result first = new Build(options(), cache).run(false);
        assertTrue(first.ok(), () -> first.problems().toString());
        int pages = cache.lastRendered();
        assertTrue(pages > 100, "pages: " + pages);

        Build.Result again = new Build(options(), cache).run(false);
        assertTrue(again.ok());
        assertEquals(0, cache.lastRendered(), "nothing changed, nothing rendered");
        assertEquals(List.of(), cache.lastChanged());
        assertTrue(cache.lastReused() >= 80, "texts reused: " + cache.lastReused());

        Path story = content.resolve("2017/news/story-7.en.md");
        TestSites.write(story, TestSites.read(story).replace("First paragraph", "A new first paragraph"));
        cache.changed(List.of("2017/news/story-7.en.md"));
        Build.Result edited = new Build(options(), cache).run(false);
        assertTrue(edited.ok());
        assertTrue(cache.lastRendered() < pages / 4, "an edit of one text re-renders " + cache.lastRendered() + " of " + pages + " pages");
        assertTrue(cache.lastPartial(), "a body edit changes no page's place: only the pages that show the text are planned");
        assertTrue(cache.lastChanged().contains("en/2017/news/story-7.html"), () -> cache.lastChanged().toString());
        assertFalse(cache.lastChanged().contains("zh/archive.html"), () -> cache.lastChanged().toString());
        assertSame(new Build(options()).run(false), edited);
    }

    @Test
    void thePageBeingLookedAtIsMadeFirstAsTheSiteWillHaveIt() throws IOException {
        setUp(40);
        BuildCache cache = new BuildCache();
        Build.Result first = new Build(options(), cache).run(false);
        assertTrue(first.ok(), () -> first.problems().toString());
        String viewed = "en/2017/news/story-7.html";
        String other = "en/2017/news/story-8.html";
        assertTrue(first.files().containsKey(viewed) && first.files().containsKey(other));
        java.util.Map<String, byte[]> early = new java.util.LinkedHashMap<>();
        String[] otherThen = {null};
        cache.viewing(List.of(viewed, "zh/no-such-page.html"), (path, bytes) -> {
            early.put(path, bytes);
            otherThen[0] = new String(cache.pages.get(other).bytes(), java.nio.charset.StandardCharsets.UTF_8);
        });
        // A template edit re-renders every article: the one on screen comes first, as the finished site has it.
        Path article = templates.resolve("article.ftlh");
        TestSites.write(article, TestSites.read(article).replace("<article class=\"story\"", "<!-- v2 --><article class=\"story\""));
        Build.Result edited = new Build(options(), cache).run(false);
        assertTrue(edited.ok(), () -> edited.problems().toString());
        assertEquals(List.of(viewed), List.copyOf(early.keySet()));
        assertEquals(new String(edited.files().get(viewed), java.nio.charset.StandardCharsets.UTF_8),
                new String(early.get(viewed), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(new String(early.get(viewed), java.nio.charset.StandardCharsets.UTF_8).contains("<!-- v2 -->"));
        assertFalse(otherThen[0].contains("<!-- v2 -->"), "the other articles are made after the one on screen");
        long withMark = edited.files().values().stream().filter(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8).contains("<!-- v2 -->")).count();
        assertEquals(withMark, cache.lastRendered(), "the page made first is counted once, not made twice");
        assertSame(new Build(options()).run(false), edited);

        // Nothing changed: nothing is made first either.
        early.clear();
        assertTrue(new Build(options(), cache).run(false).ok());
        assertEquals(0, early.size());
    }

    @Test
    void randomEditsGiveTheBytesOfACleanBuild() throws IOException {
        randomEdits(false, 20261202L);
    }

    /**
     * The same as the preview runs: a watcher reports every change, so a text it does not name is
     * taken as it was without asking the disk (the edits name every file they touch, as a watcher does).
     */
    @Test
    void randomEditsReportedByAWatcherGiveTheBytesOfACleanBuild() throws IOException {
        randomEdits(true, 20261207L);
    }

    private void randomEdits(boolean watched, long defaultSeed) throws IOException {
        setUp(6);
        long seed = Long.getLong("gazette.editSeed", defaultSeed);
        int count = Integer.getInteger("gazette.edits", 40);
        Random random = new Random(seed);
        BuildCache cache = new BuildCache();
        Build.Result clean0 = new Build(options(), cache).run(false);
        assertTrue(clean0.ok());
        if (watched) cache.watched();
        int failures = 0;
        int madeFirst = 0;
        int partial = 0;
        for (int i = 0; i < count; i++) {
            RandomEdits.Edit what = edits.edit(random, i);
            cache.changed(what.files());
            // Pages on screen (as the preview's last requests name them) are made first: each as the finished site has it.
            List<String> all = List.copyOf(clean0.files().keySet());
            List<String> viewed = List.of(all.get(random.nextInt(all.size())), all.get(random.nextInt(all.size())), "en/2017/news/story-1.html");
            java.util.Map<String, byte[]> early = new java.util.concurrent.ConcurrentHashMap<>();
            cache.viewing(viewed, early::put);
            Build.Result incremental = new Build(options(), cache).run(false);
            if (cache.lastPartial()) partial++;
            Build.Result clean = new Build(options()).run(false);
            String step = (watched ? "watched, " : "") + "seed " + seed + ", edit " + i + ": " + what;
            assertEquals(clean.ok(), incremental.ok(), step);
            assertEquals(messages(clean.problems()), messages(incremental.problems()), step);
            if (clean.ok()) {
                assertSame(clean, incremental, step);
                for (var e : early.entrySet()) {
                    assertEquals(new String(clean.files().get(e.getKey()), java.nio.charset.StandardCharsets.UTF_8),
                            new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8), step + ": made first: " + e.getKey());
                }
                madeFirst += early.size();
            }
            else {
                failures++;
                assertTrue(what.mistake(), step + ": " + clean.problems());
            }
        }
        assertTrue(failures > 0 && failures < count / 2, "some edits break the content, most do not: " + failures);
        assertTrue(partial > count / 5, "edits of texts plan only the pages they reach: " + partial + " of " + count);
        assertTrue(madeFirst >= count / 10, "pages on screen made first: " + madeFirst);
    }

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(Problem::format).toList();
    }

    static List<String> messagesOf(List<Problem> problems) {
        return messages(problems);
    }

    /** The same files with the same bytes, bulletins aside (the cached build renders them in the background). */
    private static void assertSame(Build.Result clean, Build.Result incremental, String... step) {
        SortedMap<String, String> a = new TreeMap<>();
        SortedMap<String, String> b = new TreeMap<>();
        clean.files().forEach((k, v) -> {
            if (!k.endsWith(".pdf") && !k.endsWith(".docx")) a.put(k, new String(v, java.nio.charset.StandardCharsets.UTF_8));
        });
        incremental.files().forEach((k, v) -> {
            if (!k.endsWith(".pdf") && !k.endsWith(".docx")) b.put(k, new String(v, java.nio.charset.StandardCharsets.UTF_8));
        });
        assertEquals(a.keySet(), b.keySet(), step.length > 0 ? step[0] : "");
        for (String k : a.keySet()) assertEquals(a.get(k), b.get(k), (step.length > 0 ? step[0] + ": " : "") + k);
    }
}
