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

    private void setUp(int extraArticles) {
        content = TestSites.copyOfSample(dir);
        templates = dir.resolve("templates");
        TestSites.copyTree(TestSites.TEMPLATES, templates);
        for (int i = 0; i < extraArticles; i++) article(2017, "story-" + i, 1 + i % 12, "Story " + i);
    }

    private void article(int year, String slug, int month, String title) {
        String date = String.format("%d-%02d-%02d", year, month, 1 + slug.length() % 27);
        TestSites.write(content.resolve(year + "/news/" + slug + ".zh.md"),
                "---\ntitle: " + title + "（中文）\ndate: " + date + "\ntags: [目标考核]\n---\n\n第一段，" + title + "。\n");
        TestSites.write(content.resolve(year + "/news/" + slug + ".en.md"),
                "---\ntitle: " + title + "\ndate: " + date + "\ntags: [target assessment]\n---\n\nFirst paragraph of " + title + ".\n");
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
        int edits = Integer.getInteger("gazette.edits", 40);
        Random random = new Random(seed);
        BuildCache cache = new BuildCache();
        assertTrue(new Build(options(), cache).run(false).ok());
        int failures = 0;
        int partial = 0;
        for (int i = 0; i < edits; i++) {
            String what = edit(random, i);
            cache.changed(List.of(what.substring(what.indexOf(' ') + 1)));
            Build.Result incremental = new Build(options(), cache).run(false);
            if (cache.lastPartial()) partial++;
            Build.Result clean = new Build(options()).run(false);
            String step = "seed " + seed + ", edit " + i + ": " + what;
            assertEquals(clean.ok(), incremental.ok(), step);
            assertEquals(messages(clean.problems()), messages(incremental.problems()), step);
            if (clean.ok()) assertSame(clean, incremental, step);
            else {
                failures++;
                assertTrue(what.startsWith("mistake"), step + ": " + clean.problems());
            }
        }
        assertTrue(failures > 0 && failures < edits / 2, "some edits break the content, most do not: " + failures);
        assertTrue(partial > edits / 5, "edits of texts plan only the pages they reach: " + partial + " of " + edits);
    }

    /** Makes one random edit; returns what it did and the file, "kind path". */
    private String edit(Random r, int n) throws IOException {
        if (broken != null) {
            // The mistake of the edit before, fixed: the text written right again.
            Path fixed = broken;
            broken = null;
            TestSites.write(fixed, TestSites.read(fixed).replace("date: not-a-date", "date: " + brokenDate));
            return "fix " + rel(fixed);
        }
        List<Path> texts = new ArrayList<>();
        try (var s = Files.walk(content)) {
            s.filter(p -> p.toString().endsWith(".md") && p.toString().contains("news")).sorted().forEach(texts::add);
        }
        Path text = texts.isEmpty() ? null : texts.get(r.nextInt(texts.size()));
        switch (r.nextInt(13)) {
            case 0, 1 -> {
                if (text == null) break;
                TestSites.write(text, TestSites.read(text) + "\nAdded paragraph " + n + ".\n");
                return "body " + rel(text);
            }
            case 2 -> {
                if (text == null) break;
                TestSites.write(text, TestSites.read(text).replaceFirst("title: ", "title: Edited " + n + " "));
                return "title " + rel(text);
            }
            case 3 -> {
                int year = r.nextBoolean() ? 2017 : 2018;
                article(year, "new-" + n, 1 + r.nextInt(12), "New story " + n);
                return "add " + year + "/news/new-" + n + ".en.md";
            }
            case 4 -> {
                if (text == null || text.getFileName().toString().startsWith("meeting")) break;
                Files.delete(text);
                return "delete " + rel(text);
            }
            case 5 -> {
                Path report = content.resolve("2017/report.yaml");
                TestSites.write(report, TestSites.read(report).replaceFirst("attendance: 近\\d+人", "attendance: 近" + (200 + n) + "人"));
                return "figure 2017/report.yaml";
            }
            case 6 -> {
                Path layout = templates.resolve(r.nextBoolean() ? "layout.ftlh" : "article.ftlh");
                TestSites.write(layout, TestSites.read(layout) + "<#-- edit " + n + " -->\n" + (r.nextBoolean() ? "" : ""));
                String t = TestSites.read(layout);
                if (layout.getFileName().toString().equals("article.ftlh")) {
                    TestSites.write(layout, t.replaceFirst("<p class=\"back\">", "<p class=\"back\" data-edit=\"" + n + "\">"));
                }
                return "template ../templates/" + layout.getFileName();
            }
            case 7 -> {
                Path en = templates.resolve("i18n/en.yaml");
                TestSites.write(en, TestSites.read(en).replaceFirst("nav_home: .*", "nav_home: Home " + n));
                return "strings ../templates/i18n/en.yaml";
            }
            case 8 -> {
                Path site = content.resolve("site.yaml");
                String s = TestSites.read(site).replaceAll("\nnews:\n  perPage: \\d+\n", "\n");
                TestSites.write(site, s + "\nnews:\n  perPage: " + (1 + r.nextInt(4)) + "\n");
                return "settings site.yaml";
            }
            case 9 -> {
                if (text == null) break;
                String t = TestSites.read(text);
                TestSites.write(text, t.contains("draft: true\n") ? t.replace("draft: true\n", "") : t.replaceFirst("---\n", "---\ndraft: true\n"));
                return "draft " + rel(text);
            }
            case 11 -> {
                // A figure the English text states differently from the Chinese (a numbers warning), or agrees again:
                // the preview keeps the numbers check's findings until a text changes, and must say what a clean build says.
                Path en = content.resolve("2017/news/meeting.en.md");
                String t = TestSites.read(en);
                TestSites.write(en, t.contains("96.48%") ? t.replace("96.48%", "97.12%") : t.replace("97.12%", "96.48%"));
                return "number 2017/news/meeting.en.md";
            }
            case 10 -> {
                // The office's own printed form of a unit: every page that prints yuan changes.
                TestSites.write(content.resolve("units.yaml"), "yuan:\n  en: \"RMB {n} (" + n + ")\"\n");
                return "units units.yaml";
            }
            default -> {
                if (text == null) break;
                // A mistake, fixed by the next edit.
                String t = TestSites.read(text);
                var m = java.util.regex.Pattern.compile("date: ([0-9-]+)").matcher(t);
                if (!m.find()) break;
                brokenDate = m.group(1);
                TestSites.write(text, t.replaceFirst("date: [0-9-]+", "date: not-a-date"));
                broken = text;
                return "mistake " + rel(text);
            }
        }
        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report) + "# touched " + n + "\n");
        return "comment 2017/report.yaml";
    }

    private Path broken;
    private String brokenDate;

    private String rel(Path p) {
        return content.relativize(p).toString().replace('\\', '/');
    }

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(Problem::format).toList();
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
