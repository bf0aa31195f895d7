package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.gazette.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds the real sample ({@code content/}) and compares every output file with the checked-in
 * expected tree in {@code src/test/resources/golden/sample}. After an intended change, rewrite the
 * expected files with {@code mvn test -Dtest=SampleSiteGoldenTest -Dgazette.updateGolden=true}
 * and review the diff.
 */
@org.junit.jupiter.api.parallel.Isolated("changes the default locale, which every other test would see")
class SampleSiteGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/sample");

    @ParameterizedTest(name = "default locale {0}")
    @ValueSource(strings = {"en-US", "zh-CN", "tr-TR"})
    void sampleMatchesGolden(String defaultLocale, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site-out");
        Build.Result r = TestSites.withDefaultLocale(Locale.forLanguageTag(defaultLocale), () -> TestSites.build(TestSites.CONTENT, out));
        assertTrue(r.ok(), () -> "build failed: " + r.problems());
        assertEquals(List.of(), r.problems(), "the sample builds without warnings");
        if (Boolean.getBoolean("gazette.updateGolden") && defaultLocale.equals("en-US")) {
            OutputFolder.deleteTree(GOLDEN);
            TestSites.copyTree(out, GOLDEN);
            for (String f : files(GOLDEN)) if (f.endsWith(".pdf") || f.endsWith(".docx") || f.endsWith(".gz")) Files.delete(GOLDEN.resolve(f));
        }
        TreeSet<String> expected = files(GOLDEN);
        TreeSet<String> actual = files(out);
        // PDFs and Word files are checked by their text, fonts and pages (BulletinTest, WordBulletinTest), and byte for byte between two builds below.
        // The search index's compressed pieces are named by the hash of their content, which their list
        // (search/<lang>/index.json, compared here) gives: equal lists, equal pieces.
        actual.removeIf(f -> f.endsWith(".pdf") || f.endsWith(".docx") || f.endsWith(".gz"));
        assertEquals(expected, actual, "the set of built files");
        for (String f : expected) {
            String want = Files.readString(GOLDEN.resolve(f), StandardCharsets.UTF_8);
            String got = Files.readString(out.resolve(f), StandardCharsets.UTF_8);
            assertEquals(want, got, () -> f + " differs from the golden file (rerun with -Dgazette.updateGolden=true after an intended change)");
        }
    }

    @Test
    void twoBuildsGiveIdenticalBytes(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        TestSites.build(TestSites.CONTENT, a);
        TestSites.build(TestSites.CONTENT, b);
        TreeSet<String> files = files(a);
        assertEquals(files, files(b));
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    static TreeSet<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            TreeSet<String> set = new TreeSet<>();
            s.filter(Files::isRegularFile).forEach(p -> set.add(root.relativize(p).toString().replace('\\', '/')));
            return set;
        }
    }
}
