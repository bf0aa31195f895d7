package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gazette.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published folder is never left half-written: a real `gazette build` process killed with
 * SIGKILL at many moments leaves site-out exactly as one complete build made it, and the next
 * run cleans up what the killed one left behind. A failed build leaves the previous site as it was.
 * The builds share a bulletin cache, as an office's builds do: a kill while an entry is written
 * must not spoil a later build either.
 */
class AtomicOutputTest {

    @Test
    void killedBuildsLeaveACompleteSite(@TempDir Path tmp) throws Exception {
        Path a = TestSites.copyOfSample(tmp.resolve("a"));
        Path b = TestSites.copyOfSample(tmp.resolve("b"));
        Path report = b.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report).replace("en: Guancheng Hui District Annual Report 2017", "en: Annual Report 2017, second edition"));
        Path out = tmp.resolve("site-out");
        // Complete builds first, as every later one runs (a process of its own, the shared bulletin
        // cache): the two sites to expect, then how long a build takes here, to spread the kills over.
        complete(b, tmp.resolve("expected-b"), tmp);
        Map<String, String> siteB = tree(tmp.resolve("expected-b"));
        complete(a, out, tmp);
        long started = System.nanoTime();
        complete(a, out, tmp);
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        Map<String, String> siteA = tree(out);
        assertTrue(siteA.keySet().stream().anyMatch(f -> f.endsWith(".pdf")) && !siteA.equals(siteB));

        // Kills from the first moments to past the end of a build (then it completes).
        double[] moments = {0.02, 0.1, 0.2, 0.3, 0.45, 0.6, 0.75, 0.85, 0.95, 1.3};
        for (int i = 0; i < moments.length; i++) {
            Path content = i % 2 == 0 ? b : a;
            Process p = gazette(content, out, tmp);
            long delay = Math.round(moments[i] * buildMillis);
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
                p.waitFor(30, TimeUnit.SECONDS);
            }
            Map<String, String> now = tree(out);
            assertTrue(now.equals(siteA) || now.equals(siteB),
                    "after a kill at " + Math.round(moments[i] * buildMillis) + " ms of a " + buildMillis + " ms build site-out is one complete site (" + now.size() + " files)");
        }
        // And exactly while it writes: kill as soon as the hidden building folder appears.
        for (int i = 0; i < 3; i++) {
            Process p = gazette(i % 2 == 0 ? a : b, out, tmp);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            boolean writing = false;
            while (!writing && p.isAlive() && System.nanoTime() < deadline) {
                try (Stream<Path> s = Files.list(tmp)) {
                    writing = s.anyMatch(f -> f.getFileName().toString().startsWith(".site-out.building-"));
                }
            }
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            Map<String, String> now = tree(out);
            assertTrue(now.equals(siteA) || now.equals(siteB), "after a kill while writing, site-out is one complete site");
        }
        Process last = gazette(b, out, tmp);
        assertTrue(last.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, last.exitValue());
        assertEquals(siteB, tree(out));
        try (Stream<Path> s = Files.list(tmp)) {
            List<String> leftovers = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site-out.")).toList();
            // Only the previous complete site may wait beside the output, for the next run to remove, and the last build's manifest and parsed texts.
            assertTrue(java.util.Set.of(".site-out.old", ".site-out.gazette-manifest", ".site-out.gazette-texts").containsAll(leftovers), "the next run removes what killed runs left: " + leftovers);
        }
    }

    @Test
    void aFailedBuildLeavesThePreviousSite(@TempDir Path tmp) throws IOException {
        Path content = TestSites.copyOfSample(tmp);
        Path out = tmp.resolve("site-out");
        assertTrue(TestSites.build(content, out).ok());
        Map<String, String> before = tree(out);
        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report).replace("value: 26.56亿元", "value: 26.5６亿元"));
        assertFalse(TestSites.build(content, out).ok());
        assertEquals(before, tree(out));
    }

    @Test
    void aBuildRightAfterOneThatStoppedWaitsForItsCleaner(@TempDir Path tmp) throws IOException {
        // A build that stops early (a mistake in the content) has begun removing the previous site in
        // the background; the next build in the same process (the tests, the writing desk) must not look
        // at that folder while it vanishes, nor remove it beside the other: it was seen to refuse a good build.
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path out = tmp.resolve("site-out");
        assertTrue(TestSites.build(content, out).ok());
        assertTrue(TestSites.build(content, out).ok());
        Map<String, String> site = tree(out);
        // A previous site as big as a year of news, so that removing it takes a while.
        Path old = tmp.resolve(".site-out.old");
        StringBuilder list = new StringBuilder(Files.readString(old.resolve(OutputFolder.LIST)));
        for (int d = 0; d < 150; d++) {
            for (int f = 0; f < 60; f++) {
                String rel = "zh/" + (2000 + d) + "/news/p" + f + ".html";
                TestSites.write(old.resolve(rel), "page " + f);
                list.append(rel).append('\n');
            }
        }
        Files.writeString(old.resolve(OutputFolder.LIST), list);
        Path report = content.resolve("2017/report.yaml");
        String good = TestSites.read(report);
        TestSites.write(report, good.replace("value: 26.56亿元", "value: 26.5６亿元"));
        assertFalse(TestSites.build(content, out).ok());
        TestSites.write(report, good);
        Build.Result r = TestSites.build(content, out);
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals(site, tree(out));
    }

    @Test
    void aFolderRemovedWhileItIsLookedAtHoldsNothingForeign(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("old");
        for (String d : List.of("a", "b", "c", "d", "e")) TestSites.write(dir.resolve(d + "/x/page.html"), "p");
        TestSites.write(dir.resolve("index.html"), "p");
        boolean[] removed = {false};
        List<String> foreign = OutputFolder.foreign(dir, rel -> {
            if (!removed[0]) {
                removed[0] = true;
                for (String d : List.of("a", "b", "c", "d", "e")) {
                    if (!rel.startsWith(d + "/")) {
                        try {
                            OutputFolder.deleteTree(dir.resolve(d));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            }
            return true;
        });
        assertEquals(List.of(), foreign);
    }

    @Test
    void refusesToReplaceAFolderItDidNotMake(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("documents");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.docx"), "precious");
        Build.Result r = TestSites.build(TestSites.CONTENT, out);
        assertFalse(r.ok());
        assertTrue(r.problems().get(0).format().endsWith("the output folder exists and was not made by Gazette"
                + " — Gazette replaces its output folder as a whole: choose an empty or new folder with --out"), r.problems()::toString);
        assertEquals("precious", Files.readString(out.resolve("thesis.docx")));
    }

    @Test
    void nothingIsMovedOrDeletedBeforeARefusal(@TempDir Path tmp) throws IOException {
        // build --out o1/notes, where notes and the folders beside it that look like Gazette's are not Gazette's.
        Path o1 = tmp.resolve("o1");
        Path notes = Files.createDirectories(o1.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "mine");
        Files.createDirectories(o1.resolve(".notes.old"));
        Files.writeString(o1.resolve(".notes.old/draft.txt"), "mine too");
        Files.createDirectories(o1.resolve(".notes.building-keep"));
        Files.writeString(o1.resolve(".notes.building-keep/keep.txt"), "and this");
        Files.createDirectories(o1.resolve(".notes.building-123"));
        Files.writeString(o1.resolve(".notes.building-123/work.txt"), "a folder of mine that happens to have such a name");
        Map<String, String> before = tree(o1);
        Build.Result r = TestSites.build(TestSites.CONTENT, notes);
        assertFalse(r.ok());
        assertEquals(before, tree(o1), "every refusal check runs before the first move or delete");
    }

    @Test
    void aWebRootWithACopiedGazettePageKeepsItsFiles(@TempDir Path tmp) throws IOException {
        Path site = tmp.resolve("site");
        assertTrue(TestSites.build(TestSites.CONTENT, site).ok());
        Path root = Files.createDirectories(tmp.resolve("www"));
        Files.copy(site.resolve("index.html"), root.resolve("index.html"));
        Files.createDirectories(root.resolve("uploads"));
        Files.writeString(root.resolve("uploads/doc.pdf"), "%PDF-1.7 the office's own");
        Files.createDirectories(root.resolve(".well-known"));
        Files.writeString(root.resolve(".well-known/acme.txt"), "token");
        for (int i = 0; i < 2; i++) {
            Build.Result r = TestSites.build(TestSites.CONTENT, root);
            assertFalse(r.ok());
            String message = r.problems().get(0).format();
            assertTrue(message.contains(".well-known/acme.txt") && message.contains("uploads/doc.pdf") && message.contains("nothing was written"), message);
        }
        assertEquals("%PDF-1.7 the office's own", Files.readString(root.resolve("uploads/doc.pdf")));
        assertEquals("token", Files.readString(root.resolve(".well-known/acme.txt")));
    }

    @Test
    void aFileAddedToTheOutputIsNamedNotDeleted(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site-out");
        assertTrue(TestSites.build(TestSites.CONTENT, out).ok());
        assertTrue(Files.readString(out.resolve(OutputFolder.LIST)).contains("zh/index.html"), "the list of what was written");
        assertTrue(TestSites.build(TestSites.CONTENT, out).ok(), "Gazette's own folder is replaced");
        Files.writeString(out.resolve("zh/baidu_verify_abc.html"), "verification");
        Build.Result r = TestSites.build(TestSites.CONTENT, out);
        assertFalse(r.ok());
        assertTrue(r.problems().get(0).format().contains("zh/baidu_verify_abc.html"), r.problems()::toString);
        assertEquals("verification", Files.readString(out.resolve("zh/baidu_verify_abc.html")));
    }

    @Test
    void aSiteWrittenBeforeListsIsReplacedOnce(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site-out");
        assertTrue(TestSites.build(TestSites.CONTENT, out).ok());
        Files.delete(out.resolve(OutputFolder.LIST)); // as an earlier Gazette left it
        assertTrue(TestSites.build(TestSites.CONTENT, out).ok());
        assertTrue(Files.exists(out.resolve(OutputFolder.LIST)));
        assertTrue(TestSites.build(TestSites.CONTENT, out).ok(), "and its previous site, without a list, is removed");
    }

    @Test
    void theRootOfTheFileSystemIsRefused() {
        var err = new java.io.StringWriter();
        int code = org.gazette.cli.Main.run(new String[] {"build", "--out", "/", "--content", "content"},
                new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true));
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("cannot be the root of the file system"), err.toString());
        assertFalse(err.toString().contains("internal error"), err.toString());
    }

    /** The rule over generated folders: files of someone else's anywhere in or beside the output are never moved or deleted. */
    @Test
    void aBuildNeverDeletesAFileItDidNotWrite(@TempDir Path tmp) throws Exception {
        Path first = tmp.resolve("first");
        assertTrue(TestSites.build(TestSites.CONTENT, first.resolve("site-out")).ok());
        List<String> places = List.of("", "zh/", "zh/2017/", "en/2017/news/", "assets/", "search/zh/", ".well-known/", "uploads/2018/", "data/");
        List<String> names = List.of("index.html", "notes.txt", "doc.pdf", "style.css", "meeting.html", ".htaccess", "baidu_verify.html", "x.json");
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        org.gazette.Generated.check(6, r -> {
            List<String> foreign = new java.util.ArrayList<>();
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                String where = r.nextInt(4) == 0 ? ".site-out.old/" : "site-out/";
                foreign.add(where + places.get(r.nextInt(places.size())) + names.get(r.nextInt(names.size())));
            }
            return foreign;
        }, foreign -> {
            try {
                Path dir = tmp.resolve("try-" + n.incrementAndGet());
                TestSites.copyTree(first, dir);
                // Someone else's files, some in place of Gazette's own (same name, other bytes).
                for (String f : foreign) TestSites.write(dir.resolve(f), "someone else's " + f);
                Map<String, String> before = tree(dir);
                Build.Result r = TestSites.build(TestSites.CONTENT, dir.resolve("site-out"));
                Map<String, String> after = tree(dir);
                for (String f : foreign) {
                    String own = dir.resolve(f).toString();
                    if (!before.containsKey(dir.relativize(Path.of(own)).toString())) continue;
                    boolean replacedOwn = first.resolve(f).toFile().exists();
                    if (replacedOwn) continue; // a file Gazette wrote there, edited: Gazette's to replace
                    assertEquals(before.get(dir.relativize(Path.of(own)).toString()), after.get(dir.relativize(Path.of(own)).toString()), f + " kept");
                }
                if (!r.ok()) assertEquals(before, after, "a refused build changes nothing");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static void complete(Path content, Path out, Path tmp) throws Exception {
        Process p = gazette(content, out, tmp);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("stderr.txt")));
    }

    static Process gazette(Path content, Path out, Path tmp) throws IOException {
        return new ProcessBuilder(TestSites.gazetteCommand(List.of("-Dgazette.cache=" + tmp.resolve("bulletin-cache")),
                "build", "--content", content.toString(), "--out", out.toString()))
                .redirectOutput(tmp.resolve("stdout.txt").toFile()).redirectError(tmp.resolve("stderr.txt").toFile()).start();
    }

    /** Every file's path and SHA-256: the site as a reader would get it. */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.exists(root)) return m;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), HexFormat.of().formatHex(sha256(Files.readAllBytes(p))));
            }
        }
        return m;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
