package org.gazette.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gazette.TestSites;
import org.gazette.content.Publishing;
import org.gazette.PdfText;
import org.gazette.site.Build;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write, save, see, in a real browser: headless Chromium (tools/a11y/live.mjs) opens a page of the
 * running preview, the article is changed on disk, and the page shows it without a manual reload,
 * in both languages; a broken report.yaml shows its file:line over the page, in the page's language;
 * the fix clears it.
 */
class LiveReloadTest {

    @Test
    void pagesFollowTheFilesInBothLanguagesAndShowWhyABuildFailed(@TempDir Path dir) throws Exception {
        boolean ready = Files.isDirectory(Path.of("tools/a11y/node_modules/playwright-core"))
                && Files.isExecutable(Path.of("/usr/bin/chromium")) && PdfText.onPath("node");
        if (!ready) {
            if (PdfText.inCi()) throw new AssertionError("CI must install chromium and run npm ci in tools/a11y (.ci/run)");
            Assumptions.abort("needs Chromium and tools/a11y");
        }
        Path content = TestSites.copyOfSample(dir);
        StringWriter log = new StringWriter();
        var options = new Build.Options(content, TestSites.TEMPLATES, dir.resolve("unused-out"), false,
                new Publishing(java.time.Instant.now(), true), false);
        try (Serve serve = new Serve(options, new InetSocketAddress("127.0.0.1", 0), new PrintWriter(log, true))) {
            assertTrue(serve.start(), log::toString);
            Thread watching = new Thread(serve::run, "test-watch");
            watching.setDaemon(true);
            watching.start();
            Process p = new ProcessBuilder(List.of("node", "tools/a11y/live.mjs", "http://127.0.0.1:" + serve.port() + "/", content.toString()))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output + "\n--- server ---\n" + log);
            assertTrue(output.contains("en: the page showed the saved title"), output);
            assertTrue(output.contains("zh: the page showed the saved title"), output);
            assertTrue(output.contains("overlay: ") && output.contains("fixed: the overlay went away"), output);
            assertTrue(output.contains("zh panel: 网站暂时无法生成") && output.contains("en panel: Gazette cannot build"), output);
            // The terminal said what each save did.
            assertTrue(log.toString().contains("2017/news/meeting.en.md: "), log.toString());
            assertTrue(log.toString().contains("2017/report.yaml: the build failed"), log.toString());
            System.out.println(output);
        }
    }
}
