package org.gazette.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.gazette.site.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pairing of translations by file name; a missing translation still gives a page, with a notice; disagreeing pairs are refused. */
class TranslationTest {

    @Test
    void missingArticleTranslationIsBuiltFromTheOtherLanguageWithANotice(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Files.delete(content.resolve("2017/news/meeting.en.md"));
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        String en = new String(r.files().get("en/2017/news/meeting.html"), StandardCharsets.UTF_8);
        assertTrue(en.contains("This article has not yet been translated into English."), "visible notice");
        assertTrue(en.contains("<article class=\"story\" data-search-body=\"\" lang=\"zh-CN\">"), "the Chinese text is marked as Chinese");
        assertTrue(en.contains("管城区召开2017年度综合目标考核总结表彰大会"), "the Chinese text is shown");
        assertTrue(en.contains("<html lang=\"en-GB\">"), "the page itself stays in the English site");
        assertEquals(List.of("2017/news/meeting.zh.md: warning: not yet translated into English (2017/news/meeting.en.md is missing)"
                + " — until it exists, the en page shows the zh text with a notice"), formatted(r.problems()));
    }

    @Test
    void checkListsMissingTranslationsAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Files.delete(content.resolve("2017/report.zh.md"));
        Build.Result r = TestSites.check(content);
        assertTrue(r.ok());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).format().startsWith("2017/report.en.md: warning: not yet translated into 中文"));
        assertFalse(Files.exists(tmp.resolve("unused-out")), "check writes nothing");
    }

    @Test
    void missingTextInYamlFallsBackVisiblyAndIsListed(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Path report = content.resolve("2017/report.yaml");
        String yaml = TestSites.read(report).replace("  en: Guancheng Hui District Annual Report 2017\n", "");
        TestSites.write(report, yaml);
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals(List.of("2017/report.yaml:10:3: warning: 'title' has no en text (not yet translated)"
                + " — add a line 'en: …'; until then the page shows the zh text"), formatted(r.problems()));
        String en = new String(r.files().get("en/2017/index.html"), StandardCharsets.UTF_8);
        assertTrue(en.contains("<span lang=\"zh\" class=\"untranslated\""), "fallback text is marked");
    }

    @Test
    void translationsThatDisagreeOnTheDateAreRefused(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Path en = content.resolve("2017/news/meeting.en.md");
        TestSites.write(en, TestSites.read(en).replace("date: 2018-02-27", "date: 2018-02-28"));
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertFalse(r.ok());
        assertEquals(List.of("2017/news/meeting.en.md:3:7: date 2018-02-28 differs from 2017/news/meeting.zh.md (2018-02-27)"
                + " — translations of one article share one date: correct the wrong one"), formatted(r.problems()));
        assertFalse(Files.exists(tmp.resolve("out")), "a failed build writes nothing");
    }

    static List<String> formatted(List<Problem> problems) {
        return problems.stream().map(Problem::format).toList();
    }
}
