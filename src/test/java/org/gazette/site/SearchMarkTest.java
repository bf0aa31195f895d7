package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An office's article template without the mark the search index reads: said once, not left silently unsearchable. */
class SearchMarkTest {

    @Test
    void articlesATemplateLeavesUnmarkedAreNamed(@TempDir Path tmp) {
        Path templates = tmp.resolve("templates");
        TestSites.copyTree(TestSites.TEMPLATES, templates);
        Path article = templates.resolve("article.ftlh");
        TestSites.write(article, TestSites.read(article).replace(" data-search-body=\"\"", ""));
        Build.Result r = new Build(new Build.Options(TestSites.CONTENT, templates, tmp.resolve("out"), false)).run(false);
        assertTrue(r.ok(), r.problems()::toString);
        List<String> warnings = r.problems().stream().map(Problem::format).filter(m -> m.contains("data-search-body")).toList();
        assertEquals(1, warnings.size(), r.problems()::toString);
        assertTrue(warnings.get(0).startsWith("en/2017/news/meeting.html: warning: this page and 1 more cannot be found by the site's search"), warnings.get(0));
        assertTrue(warnings.get(0).contains("add data-search-body=\"\" to the element that holds the text"), warnings.get(0));
        // Gazette's own templates mark every article and report.
        assertEquals(List.of(), new Build(new Build.Options(TestSites.CONTENT, TestSites.TEMPLATES, tmp.resolve("out2"), false)).run(false)
                .problems().stream().filter(p -> p.format().contains("data-search-body")).toList());
    }
}
