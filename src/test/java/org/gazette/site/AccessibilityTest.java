package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gazette.PdfText;
import org.gazette.TestSites;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * axe-core in headless Chromium (tools/a11y/axe.mjs) finds no serious or critical violation on any
 * page of the sample or the two-year site (and the five-year site's charted reports), in both languages. CI installs Chromium and the npm
 * packages (.ci/run); elsewhere the test is skipped with a message if they are missing.
 */
class AccessibilityTest {

    static final Path SCRIPT = Path.of("tools/a11y/axe.mjs");

    record Run(int code, String output) {}

    static Run axe(Path... sites) throws Exception {
        boolean ready = Files.isDirectory(Path.of("tools/a11y/node_modules/axe-core"))
                && Files.isDirectory(Path.of("tools/a11y/node_modules/playwright-core"))
                && Files.isExecutable(Path.of("/usr/bin/chromium")) && PdfText.onPath("node");
        if (!ready) {
            // In CI a missing tool fails the run: a skipped gate is a gate that cannot fail.
            if (PdfText.inCi()) throw new AssertionError("CI must install chromium and node, and run npm ci in tools/a11y (.ci/run)");
            Assumptions.abort("needs /usr/bin/chromium and `npm ci --prefix tools/a11y`");
        }
        List<String> command = new java.util.ArrayList<>(List.of("node", SCRIPT.toString()));
        for (Path site : sites) command.add(site.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "axe finishes");
        return new Run(p.exitValue(), out);
    }

    @Test
    void sampleTwoAndFiveYearSitesHaveNoSeriousViolations(@TempDir Path tmp) throws Exception {
        List<Path> outs = new java.util.ArrayList<>();
        for (String content : new String[] {"content", "src/test/resources/sites/two-years"}) {
            Path out = tmp.resolve(Path.of(content).getFileName().toString());
            assertTrue(TestSites.pages(Path.of(content), out).ok());
            outs.add(out);
        }
        // Of the five-year site, the pages its other templates do not already share with the two sites above: the charted reports.
        Path five = tmp.resolve("five-years");
        assertTrue(TestSites.pages(Path.of("src/test/resources/sites/five-years"), five).ok());
        outs.add(five.resolve("zh/2017"));
        outs.add(five.resolve("en/2017"));
        // Both sites in one browser: starting Chromium and a page per file took most of the time.
        Run r = axe(outs.toArray(Path[]::new));
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("critical 0, serious 0"), r.output());
        var checked = java.util.regex.Pattern.compile("axe: (\\d+) pages").matcher(r.output());
        assertTrue(checked.find() && Integer.parseInt(checked.group(1)) >= 42, "every page of both sites and the five-year reports: " + r.output());
    }

    @Test
    void axeDoesFindAViolation(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("bad.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><main>"
                + "<img src=\"x.png\"><p style=\"color:#eee;background:#fff\">faint</p></main></body></html>");
        Run r = axe(tmp);
        assertEquals(1, r.code(), r.output());
        assertTrue(r.output().contains("image-alt") && r.output().contains("color-contrast"), r.output());
    }
}
