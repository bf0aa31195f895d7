package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.gazette.TestSites;
import org.gazette.content.Publishing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gazette build} takes from the last build every page whose inputs are unchanged (see
 * {@link Manifest}). That is a cache, so after any sequence of edits the folder it leaves must be,
 * byte for byte, the folder a build from nothing leaves — search index, sitemaps, feeds and the
 * output list included — and say the same problems. Random edits of every kind, replayed from a seed
 * ({@code -Dgazette.editSeed=N}, {@code -Dgazette.buildEdits=N}).
 */
class IncrementalSiteBuildTest {

    @TempDir
    Path dir;

    private Path content;
    private Path templates;
    private RandomEdits edits;
    private final Publishing publishing = new Publishing(java.time.Instant.parse("2026-12-01T00:00:00Z"), false);

    private Build.Options options(Path out, Build.Reuse reuse) {
        // One bulletin cache for both builds: a bulletin is painted once per change, not twice.
        return new Build.Options(content, templates, out, false, publishing, true).withBulletinCache(dir.resolve("bulletins")).withReuse(reuse);
    }

    private void setUp(int extraArticles) {
        edits = RandomEdits.onSample(dir, extraArticles);
        content = edits.content();
        templates = edits.templates();
    }

    @Test
    void aSecondBuildTakesEveryPageAndAnEditRendersWhatShowsIt() throws IOException {
        setUp(30);
        Path out = dir.resolve("site");
        Build.Result first = new Build(options(out, Build.Reuse.CHANGED)).run(true);
        assertTrue(first.ok(), () -> first.problems().toString());
        assertEquals(0, first.pagesReused(), "nothing to take from the first time");
        assertTrue(Files.isRegularFile(Manifest.file(out)), "the manifest is beside the site");
        assertFalse(Files.exists(out.resolve(Manifest.file(out).getFileName())), "and not in it: it is not published");
        int pages = first.pagesPerLanguage().values().stream().mapToInt(Integer::intValue).sum();

        Build.Result again = new Build(options(out, Build.Reuse.CHANGED)).run(true);
        assertTrue(again.ok());
        assertEquals(pages, again.pagesReused(), "nothing changed: every page is taken");
        // Taken as a link to the same file where the file system allows it (the previous site is kept as .site.old until the next build).
        Path page = out.resolve("en/2017/news/story-7.html");
        assertTrue((int) Files.getAttribute(page, "unix:nlink") >= 2, "linked, not copied");

        Path story = content.resolve("2017/news/story-7.en.md");
        TestSites.write(story, TestSites.read(story).replace("First paragraph", "A new first paragraph"));
        Build.Result edited = new Build(options(out, Build.Reuse.CHANGED)).run(true);
        assertTrue(edited.ok());
        assertTrue(edited.pagesReused() > pages * 3 / 4, "one text edited: most pages taken, " + edited.pagesReused() + " of " + pages);
        assertTrue(edited.pagesReused() < pages, "the edited text's pages are made again");
        assertTrue(TestSites.read(page).contains("A new first paragraph"));
        assertSameFolders(out, full("clean"), "after one edit");

        // A page changed by hand in the site is not the file the manifest describes: made again, not kept.
        TestSites.write(page, TestSites.read(page).replace("A new first paragraph", "Changed by hand"));
        assertTrue(new Build(options(out, Build.Reuse.CHANGED)).run(true).ok());
        assertTrue(TestSites.read(page).contains("A new first paragraph"), "the hand-made change is replaced");

        // --full makes every page, and still records them for the next build.
        Build.Result full = new Build(options(out, Build.Reuse.RECORD)).run(true);
        assertEquals(0, full.pagesReused());
        assertEquals(pages, new Build(options(out, Build.Reuse.CHANGED)).run(true).pagesReused());
    }

    @Test
    void aManifestThatOthersCanWriteThatIsDamagedOrALinkIsNotUsed() throws IOException {
        setUp(3);
        Path out = dir.resolve("site");
        assertTrue(new Build(options(out, Build.Reuse.CHANGED)).run(true).ok());
        Path manifest = Manifest.file(out);
        Path clean = full("clean");
        byte[] good = Files.readAllBytes(manifest);

        // Writable by others: they could make the search index say what they like.
        Files.setPosixFilePermissions(manifest, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        Build.Result shared = new Build(options(out, Build.Reuse.CHANGED)).run(true);
        assertTrue(shared.ok());
        assertEquals(0, shared.pagesReused(), "a manifest others can write is not read");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(manifest)), "the new one is private");

        // Cut short, or one byte changed: not read, the site made whole and right.
        for (byte[] damaged : List.of(java.util.Arrays.copyOf(good, good.length / 2), flip(good, good.length / 3))) {
            Files.write(manifest, damaged);
            Build.Result r = new Build(options(out, Build.Reuse.CHANGED)).run(true);
            assertTrue(r.ok(), () -> r.problems().toString());
            assertEquals(0, r.pagesReused());
            assertSameFolders(out, clean, "after a damaged manifest");
        }

        // A link in its place (to a manifest of someone else's choosing) is not followed.
        Path elsewhere = dir.resolve("elsewhere");
        Files.copy(manifest, elsewhere);
        Files.delete(manifest);
        Files.createSymbolicLink(manifest, elsewhere);
        assertEquals(0, new Build(options(out, Build.Reuse.CHANGED)).run(true).pagesReused());
        assertFalse(Files.isSymbolicLink(manifest), "replaced by the build's own");
        assertTrue(new Build(options(out, Build.Reuse.CHANGED)).run(true).pagesReused() > 0);
    }

    @Test
    void aTemplateIncludedByANameWorkedOutWhenRenderingCountsAsAnyTemplate() throws IOException {
        setUp(2);
        Path article = templates.resolve("article.ftlh");
        TestSites.write(templates.resolve("extra.ftlh"), "<p class=\"extra\">first words</p>\n");
        // The name is made when the template runs: no reading of the file can say which template it is.
        TestSites.write(article, TestSites.read(article).replaceFirst("<p class=\"back\">", "<#assign part = \"ex\" + \"tra.ftlh\"><#include part><p class=\"back\">"));
        Path out = dir.resolve("site");
        assertTrue(new Build(options(out, Build.Reuse.CHANGED)).run(true).ok());
        assertTrue(TestSites.read(out.resolve("en/2017/news/story-1.html")).contains("first words"));

        TestSites.write(templates.resolve("extra.ftlh"), "<p class=\"extra\">second words</p>\n");
        Build.Result again = new Build(options(out, Build.Reuse.CHANGED)).run(true);
        assertTrue(again.ok(), () -> again.problems().toString());
        assertTrue(TestSites.read(out.resolve("en/2017/news/story-1.html")).contains("second words"), "the article pages are made again");
        assertSameFolders(out, full("clean"), "after the included template changed");
    }

    @Test
    void aFirstBuildIntoAFolderNotMadeYetBuildsAndAFailedOneMakesNoFolder() throws IOException {
        setUp(0);
        Path out = dir.resolve("new/nested/site");
        Build.Result first = new Build(options(out, Build.Reuse.CHANGED)).run(true);
        assertTrue(first.ok(), () -> first.problems().toString());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertTrue(new Build(options(out, Build.Reuse.CHANGED)).run(true).ok());
        assertTrue(new Build(options(out, Build.Reuse.CHANGED)).run(true).pagesReused() > 0, "records kept from the second build on");

        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report) + "\n  : not yaml [\n");
        Path elsewhere = dir.resolve("other/place/site");
        assertFalse(new Build(options(elsewhere, Build.Reuse.CHANGED)).run(true).ok());
        assertFalse(Files.exists(dir.resolve("other")), "a failed build makes no folder");
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x20;
        return copy;
    }

    @Test
    void randomEditsGiveTheFolderOfABuildFromNothing() throws IOException {
        setUp(6);
        long seed = Long.getLong("gazette.editSeed", 20261207L);
        int count = Integer.getInteger("gazette.buildEdits", 30);
        Random random = new Random(seed);
        Path out = dir.resolve("site");
        assertTrue(new Build(options(out, Build.Reuse.CHANGED)).run(true).ok());
        int taken = 0;
        int failures = 0;
        for (int i = 0; i < count; i++) {
            RandomEdits.Edit what = edits.edit(random, i);
            String step = "seed " + seed + ", edit " + i + ": " + what;
            if (random.nextInt(8) == 0) {
                // Someone changed a file of the built site by hand: the next build must not keep it.
                List<Path> built = TestSites.files(out).stream().filter(p -> p.toString().endsWith(".html")).toList();
                Path touched = built.get(random.nextInt(built.size()));
                TestSites.write(touched, TestSites.read(touched).replace("</body>", "<p>by hand</p></body>"));
                step += " (and " + out.relativize(touched) + " edited by hand)";
            }
            Build.Result incremental = new Build(options(out, Build.Reuse.CHANGED)).run(true);
            Path clean = dir.resolve("clean-" + i);
            Build.Result fromNothing = new Build(options(clean, Build.Reuse.NONE)).run(true);
            String said = step + "\nfrom nothing: " + fromNothing.problems() + "\nincremental: " + incremental.problems();
            assertEquals(fromNothing.ok(), incremental.ok(), said);
            assertEquals(IncrementalBuildTest.messagesOf(fromNothing.problems()), IncrementalBuildTest.messagesOf(incremental.problems()), step);
            if (fromNothing.ok()) {
                assertSameFolders(out, clean, step);
                taken += incremental.pagesReused();
            } else {
                failures++;
                assertTrue(what.mistake(), step + ": " + fromNothing.problems());
            }
            deleteTree(clean);
        }
        assertTrue(failures < count / 2, "most edits build: " + failures + " failed");
        assertTrue(taken > 0, "pages were taken from the last build");
    }

    /** A build from nothing of the current content into a new folder. */
    private Path full(String name) {
        Path clean = dir.resolve(name);
        assertTrue(new Build(options(clean, Build.Reuse.NONE)).run(true).ok());
        return clean;
    }

    /** Every file of both folders, with the same bytes (PDFs and Word files too). */
    private static void assertSameFolders(Path a, Path b, String step) {
        SortedMap<String, byte[]> x = read(a);
        SortedMap<String, byte[]> y = read(b);
        assertEquals(y.keySet(), x.keySet(), step);
        for (String k : x.keySet()) {
            if (!java.util.Arrays.equals(x.get(k), y.get(k))) {
                assertEquals(new String(y.get(k), java.nio.charset.StandardCharsets.UTF_8), new String(x.get(k), java.nio.charset.StandardCharsets.UTF_8),
                        step + ": " + k);
                fail(step + ": " + k + " differs");
            }
        }
    }

    private static SortedMap<String, byte[]> read(Path root) {
        SortedMap<String, byte[]> all = new TreeMap<>();
        for (Path p : TestSites.files(root)) {
            try {
                all.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return all;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) try (var s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        Files.deleteIfExists(Manifest.file(root));
    }
}
