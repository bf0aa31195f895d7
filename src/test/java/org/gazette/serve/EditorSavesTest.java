package org.gazette.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;

import org.gazette.TestSites;
import org.gazette.content.Publishing;
import org.gazette.site.Build;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real editors against the running preview (its watcher included): saves by rename with backups
 * and vim's probe file, bursts of saves, lock files, texts deleted, a year folder moved in. After
 * each, the served page shows the files as they are; at the end, every served file equals a clean
 * build of the same folder (nothing stale).
 */
class EditorSavesTest {

    @TempDir
    Path dir;
    Path content;
    Serve serve;
    final StringWriter log = new StringWriter();
    final HttpClient http = HttpClient.newHttpClient();
    Build.Options options;

    @BeforeEach
    void start() throws IOException {
        content = TestSites.copyOfSample(dir);
        options = new Build.Options(content, TestSites.TEMPLATES, dir.resolve("unused-out"), false,
                new Publishing(java.time.Instant.parse("2026-12-01T00:00:00Z"), true), false);
        serve = new Serve(options, new InetSocketAddress("127.0.0.1", 0), new PrintWriter(log, true));
        assertTrue(serve.start(), log::toString);
        Thread t = new Thread(serve::run, "test-watch");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void stop() throws IOException {
        serve.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Waits (up to 10 s) until the page at {@code path} passes {@code test}. */
    void await(String path, Predicate<HttpResponse<String>> test, String what) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        HttpResponse<String> r = null;
        while (System.nanoTime() < deadline) {
            r = get(path);
            if (test.test(r)) return;
            Thread.sleep(50);
        }
        throw new AssertionError(what + ": " + path + " → " + (r == null ? "nothing" : r.statusCode()) + "\n--- server ---\n" + log);
    }

    @Test
    void everyKindOfSaveShowsAndNothingStaleStays() throws Exception {
        Path en = content.resolve("2017/news/meeting.en.md");
        Path news = en.getParent();

        // vim: probe file, original renamed to a backup, new file written, backup removed.
        Files.writeString(news.resolve("4913"), "");
        Files.delete(news.resolve("4913"));
        Files.move(en, news.resolve("meeting.en.md~"));
        Files.writeString(en, TestSites.read(news.resolve("meeting.en.md~")).replace("Nearly 300 people took part", "VIM-SAVE took part"));
        Files.delete(news.resolve("meeting.en.md~"));
        await("/en/2017/news/meeting.html", r -> r.body().contains("VIM-SAVE"), "a save by rename");

        // An editor writing a temporary file and renaming it over the text (atomic save), with an Emacs lock beside it.
        Files.writeString(news.resolve(".#meeting.en.md"), "user@host.1234");
        Path tmp = news.resolve(".meeting.en.md.tmp-save");
        Files.writeString(tmp, TestSites.read(en).replace("VIM-SAVE", "ATOMIC-SAVE"));
        Files.move(tmp, en, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        await("/en/2017/news/meeting.html", r -> r.body().contains("ATOMIC-SAVE"), "an atomic save");
        Files.delete(news.resolve(".#meeting.en.md"));

        // A burst: twenty saves in a row; the last one wins, in far fewer than twenty builds.
        int before = rebuilds();
        for (int i = 0; i < 20; i++) Files.writeString(en, TestSites.read(en).replaceAll("(ATOMIC-SAVE|BURST-\\d+)", "BURST-" + i));
        await("/en/2017/news/meeting.html", r -> r.body().contains("BURST-19"), "the last of a burst");
        assertTrue(rebuilds() - before < 10, "a burst of 20 saves made " + (rebuilds() - before) + " builds\n" + log);

        // A new text, then deleted: it leaves the listings and its page is gone.
        String story = "---\ntitle: A story to delete\ndate: 2017-12-30\n---\n\nGone soon.\n";
        Files.writeString(news.resolve("to-delete.en.md"), story);
        await("/en/news/", r -> r.body().contains("A story to delete"), "a new text listed");
        Files.delete(news.resolve("to-delete.en.md"));
        await("/en/news/", r -> !r.body().contains("A story to delete"), "a deleted text leaves the listing");
        // The listing on screen is made first (and served at once); the rest of the site follows in the same rebuild.
        await("/en/2017/news/to-delete.html", r -> r.statusCode() == 404, "a deleted text's page is gone");

        // A year folder written elsewhere and moved in whole.
        Path outside = dir.resolve("2019");
        TestSites.write(outside.resolve("news/new-year.en.md"), "---\ntitle: The first news of 2019\ndate: 2019-01-02\n---\n\nHello.\n");
        TestSites.write(outside.resolve("news/new-year.zh.md"), "---\ntitle: 2019年第一条新闻\ndate: 2019-01-02\n---\n\n你好。\n");
        Files.move(outside, content.resolve("2019"));
        await("/en/2019/news/new-year.html", r -> r.statusCode() == 200, "a year folder moved in");
        await("/zh/archive.html", r -> r.body().contains("2019"), "the archive lists the new year");

        // Nothing stale: every served file is what a clean build makes now, once the rebuilds are done (the pages
        // on screen are served first, the rest of the site and the bulletins follow).
        Build.Result clean = new Build(options).run(false);
        assertTrue(clean.ok(), clean.problems()::toString);
        List<String> stale = List.of("(not looked at yet)");
        for (long deadline = System.nanoTime() + 30_000_000_000L; !stale.isEmpty() && System.nanoTime() < deadline; ) {
            Thread.sleep(200);
            stale = new java.util.ArrayList<>();
            for (var e : clean.files().entrySet()) {
                if (e.getKey().endsWith(".pdf")) continue;
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + "/" + e.getKey())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                String served = new String(r.body(), StandardCharsets.UTF_8).replaceAll("<script src=\"/__gazette/live.js\"[^>]*></script>", "");
                if (r.statusCode() != 200 || !served.equals(new String(e.getValue(), StandardCharsets.UTF_8))) stale.add(e.getKey() + " (" + r.statusCode() + ")");
            }
        }
        assertEquals(List.of(), stale, log::toString);
    }

    int rebuilds() {
        return (int) log.toString().lines().filter(l -> l.contains(" pages rendered") || l.contains("the build failed")).count();
    }
}
