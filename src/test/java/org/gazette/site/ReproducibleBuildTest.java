package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gazette.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real builds of the same content, in different time zones and default locales, at different
 * times and in different JVMs (so with different hash seeds), give byte-identical output folders
 * (PDFs included), with no absolute path inside. The content has texts missing a language, whose
 * fallback once depended on a map's per-run iteration order.
 */
class ReproducibleBuildTest {

    @Test
    void sameBytesWhateverTheMachineSettings(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Path site = content.resolve("site.yaml");
        TestSites.write(site, TestSites.read(site).replace("  en: Guancheng District News\n", "").replace("  zh: 管城回族区\n", ""));
        Path one = build(content, tmp.resolve("one"), "UTC", "en", "US");
        Thread.sleep(1100); // a different wall-clock second
        Path two = build(content, tmp.resolve("two"), "Pacific/Auckland", "tr", "TR");
        Map<String, String> a = AtomicOutputTest.tree(one);
        Map<String, String> b = AtomicOutputTest.tree(two);
        assertTrue(a.keySet().stream().anyMatch(f -> f.endsWith(".pdf")));
        assertEquals(a, b);
        try (Stream<Path> s = Files.walk(one)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(tmp.toString()), f + " contains an absolute path of the build machine");
            }
        }
    }

    static Path build(Path content, Path out, String tz, String language, String country) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(TestSites.gazetteCommand(
                List.of("-Duser.timezone=" + tz, "-Duser.language=" + language, "-Duser.country=" + country),
                "build", "--content", content.toString(), "--out", out.toString()));
        pb.environment().put("TZ", tz);
        pb.environment().put("LANG", language + "_" + country + ".UTF-8");
        pb.environment().remove("SOURCE_DATE_EPOCH");
        pb.redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(out.resolveSibling(out.getFileName() + ".log")));
        return out;
    }
}
