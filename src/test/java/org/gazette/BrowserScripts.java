package org.gazette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The browser scripts of tools/a11y run from the tests: Chromium and node present (in CI, or the test stops), one JSON line each. */
public final class BrowserScripts {

    private BrowserScripts() {}

    /** Stops the test when Chromium, node or tools/a11y's packages are missing — fails it in CI, where .ci/run installs them. */
    public static void requireChromium() {
        boolean ready = Files.isDirectory(Path.of("tools/a11y/node_modules/playwright-core"))
                && Files.isExecutable(Path.of("/usr/bin/chromium")) && PdfText.onPath("node");
        if (!ready) {
            if (PdfText.inCi()) throw new AssertionError("CI must run npm ci in tools/a11y and install chromium (.ci/run)");
            Assumptions.abort("needs Chromium and tools/a11y (npm ci)");
        }
    }

    /** Runs {@code node tools/a11y/<script> args…} and reads its output, one JSON object per line. */
    public static List<JsonNode> run(String script, List<String> args, int seconds) throws Exception {
        requireChromium();
        List<String> cmd = new ArrayList<>(List.of("node", "tools/a11y/" + script));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        List<JsonNode> out = new ArrayList<>();
        for (String line : output.strip().split("\n")) out.add(new ObjectMapper().readTree(line));
        return out;
    }
}
