package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gazette.TestSites;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import nu.validator.client.EmbeddedValidator;

/** The Nu HTML Checker (the W3C's validator) finds 0 errors on every built page of the sample, the two-year and the five-year sites. */
class HtmlValidityTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content", "src/test/resources/sites/two-years", "src/test/resources/sites/five-years"})
    void everyPageValidates(String contentDir, @TempDir Path tmp) throws Exception {
        Build.Result site = TestSites.pages(Path.of(contentDir), tmp.resolve("out"));
        assertTrue(site.ok(), site.problems()::toString);
        EmbeddedValidator nu = new EmbeddedValidator();
        nu.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        List<String> errors = new ArrayList<>();
        int pages = 0;
        for (var e : site.files().entrySet()) {
            if (!e.getKey().endsWith(".html")) continue;
            pages++;
            String report = nu.validate(new ByteArrayInputStream(e.getValue()));
            report.lines().filter(l -> l.contains("error:") || l.contains("fatal:")).forEach(l -> errors.add(e.getKey() + l));
        }
        assertTrue(pages >= 9, "pages validated: " + pages);
        assertEquals(List.of(), errors);
        String broken = nu.validate(new ByteArrayInputStream("<!DOCTYPE html><html><head></head><body><p><div></p></body></html>".getBytes()));
        assertTrue(broken.contains("error:"), "the checker does find errors: " + broken);
    }
}
