package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.gazette.TestSites;
import org.gazette.cli.Main;
import org.gazette.content.Publishing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One list of every output of a build: every file the sample's build writes is in it, every file
 * it names is written, each with what makes it and from which files; `gazette explain PATH` reads
 * it, in both languages.
 */
class OutputPlanTest {

    @Test
    void everyFileWrittenIsPlannedAndEveryPlannedFileIsWritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site-out");
        Build build = new Build(new Build.Options(TestSites.CONTENT, TestSites.TEMPLATES, out, false, Publishing.live()));
        Build.Result r = build.run(true);
        assertTrue(r.ok(), r.problems()::toString);
        OutputPlan plan = build.outputs();
        assertNotNull(plan);
        List<String> onDisk = new ArrayList<>();
        try (var s = Files.walk(out)) {
            s.filter(Files::isRegularFile).forEach(p -> onDisk.add(out.relativize(p).toString().replace('\\', '/')));
        }
        assertTrue(onDisk.size() > 50, onDisk::toString);
        List<String> unplanned = onDisk.stream().filter(f -> plan.find(f) == null).toList();
        assertEquals(List.of(), unplanned, "files written that the plan does not name");
        List<String> missing = plan.exact().keySet().stream().filter(f -> !onDisk.contains(f)).toList();
        assertEquals(List.of(), missing, "files the plan names that were not written");
        // What makes each kind, and from what. A build lets go of its pages once written (room for
        // the search index), so a page's inputs are a check's to tell (as `gazette explain` asks).
        assertEquals(OutputPlan.Kind.PAGE, plan.find("zh/2017/news/meeting.html").kind());
        Build check = new Build(new Build.Options(TestSites.CONTENT, TestSites.TEMPLATES, out, false, Publishing.live(), true, false));
        assertTrue(check.run(false).ok());
        var article = check.outputs().find("zh/2017/news/meeting.html");
        assertEquals(OutputPlan.Kind.PAGE, article.kind());
        assertTrue(article.inputs().containsAll(List.of("templates/article.ftlh", "templates/layout.ftlh", "2017/news/meeting.zh.md", "site.yaml")), article.inputs()::toString);
        assertEquals(OutputPlan.Kind.BULLETIN_WORD, plan.find("en/2017/bulletin-2017-en.docx").kind());
        assertTrue(plan.find("en/2017/bulletin-2017-en.pdf").inputs().contains("2017/report.en.md"));
        assertEquals(OutputPlan.Kind.SEARCH_INDEX, plan.find(onDisk.stream().filter(f -> f.startsWith("search/zh/t-")).findFirst().orElseThrow()).kind());
        assertEquals(List.of("identity/party-mark-example.svg", "site.yaml"), plan.find("assets/site/party-mark.svg").inputs());
        assertEquals(OutputPlan.Kind.OPEN_DATA, plan.find("data/2017/key-figures-2017.csv").kind());
        // A file the plan does not name is told apart (the build stops on one: a bug in Gazette).
        List<String> withStray = new ArrayList<>(onDisk);
        withStray.add("zh/stray.html");
        assertEquals(List.of("zh/stray.html"), plan.compare(withStray, EnumSet.noneOf(OutputPlan.Kind.class)).get(0));
        withStray.remove("zh/archive.html");
        assertEquals(List.of("zh/archive.html"), plan.compare(withStray, EnumSet.noneOf(OutputPlan.Kind.class)).get(1));
    }

    @Test
    void explainSaysWhereAFileComesFromInBothLanguages() {
        String[] base = {"--content", TestSites.CONTENT.toString(), "--templates", TestSites.TEMPLATES.toString()};
        var en = run("en", "explain", "site-out/zh/2017/news/meeting.html", base[0], base[1], base[2], base[3]);
        assertEquals(0, en.code(), en.err());
        assertEquals("""
                zh/2017/news/meeting.html
                  made as a page
                  with the template templates/article.ftlh
                  from templates/article.ftlh, templates/layout.ftlh, templates/i18n/zh.yaml, site.yaml, tags.yaml, units.yaml, 2017/news/meeting.zh.md
                """, en.out());
        var zh = run("zh", "explain", "https://news.guancheng.example.gov.cn/en/2017/", base[0], base[1], base[2], base[3]);
        assertEquals(0, zh.code(), zh.err());
        assertTrue(zh.out().startsWith("en/2017/index.html\n  生成方式：网页\n  所用模板：templates/report.ftlh\n  依据文件："), zh.out());
        var word = run("zh", "explain", "/zh/2017/bulletin-2017-zh.docx", base[0], base[1], base[2], base[3]);
        assertTrue(word.out().contains("生成方式：简报的 Word 版，与 PDF 出自同一份 XHTML"), word.out());
        var none = run("en", "explain", "zh/nothing.html", base[0], base[1], base[2], base[3]);
        assertEquals(1, none.code());
        assertTrue(none.err().startsWith("gazette: 'zh/nothing.html' is not a file Gazette makes for this site\n"), none.err());
    }

    record Run(int code, String out, String err) {}

    static Run run(String lang, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--lang");
        all.add(lang);
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
        return new Run(code, out.toString(), err.toString());
    }
}
