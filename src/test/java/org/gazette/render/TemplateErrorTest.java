package org.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.gazette.site.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template mistakes name the template file and line, once, and nothing is written. */
class TemplateErrorTest {

    static Build.Result buildWith(Path tmp, String template, String from, String to) {
        Path templates = tmp.resolve("templates");
        TestSites.copyTree(TestSites.TEMPLATES, templates);
        Path t = templates.resolve(template);
        String text = TestSites.read(t);
        if (!text.contains(from)) throw new AssertionError(from + " not in " + template);
        TestSites.write(t, text.replace(from, to));
        return new Build(new Build.Options(TestSites.CONTENT, templates, tmp.resolve("out"), false)).run(true);
    }

    @Test
    void undefinedValue(@TempDir Path tmp) {
        Build.Result r = buildWith(tmp, "home.ftlh", "<h2 id=\"key-figures\">", "<h2 id=\"key-figures\">${report.titel}");
        assertFalse(r.ok());
        assertEquals(List.of("templates/home.ftlh:13:26: template uses 'report.titel', which is not defined here — check the spelling,"
                + " or guard an optional value with report.titel?? / report.titel!\"\""), r.problems().stream().map(Problem::format).toList());
    }

    @Test
    void syntaxError(@TempDir Path tmp) {
        Build.Result r = buildWith(tmp, "archive.ftlh", "<#list years as y>", "<#list years as y");
        assertFalse(r.ok());
        assertEquals(1, r.problems().size(), r.problems()::toString);
        assertEquals("templates/archive.ftlh:7:3: template syntax error: Encountered \"<\", but was expecting one of these patterns: \",\" \">\""
                + " — fix the template at this line or the one before (an unclosed tag or quote)", r.problems().get(0).format());
    }
}
