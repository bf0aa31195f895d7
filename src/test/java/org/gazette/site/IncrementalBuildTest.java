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
    void randomEditsGiveTheBytesOfACleanBuild() throws IOException {
        setUp(6);
        long seed = Long.getLong("gazette.editSeed", 20261202L);
        int count = Integer.getInteger("gazette.edits", 40);
        Random random = new Random(seed);
        BuildCache cache = new BuildCache();
        assertTrue(new Build(options(), cache).run(false).ok());
        int failures = 0;
        int partial = 0;
        for (int i = 0; i < count; i++) {
            RandomEdits.Edit what = edits.edit(random, i);
            cache.changed(what.files());
            Build.Result incremental = new Build(options(), cache).run(false);
            if (cache.lastPartial()) partial++;
            Build.Result clean = new Build(options()).run(false);
            String step = "seed " + seed + ", edit " + i + ": " + what;
            assertEquals(clean.ok(), incremental.ok(), step);
            assertEquals(messages(clean.problems()), messages(incremental.problems()), step);
            if (clean.ok()) assertSame(clean, incremental, step);
            else {
                failures++;
                assertTrue(what.mistake(), step + ": " + clean.problems());
            }
        }
        assertTrue(failures > 0 && failures < count / 2, "some edits break the content, most do not: " + failures);
        assertTrue(partial > count / 5, "edits of texts plan only the pages they reach: " + partial + " of " + count);
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
