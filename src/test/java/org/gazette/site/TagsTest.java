package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tags declared once in tags.yaml pair the languages' articles, get a page each, and a typo is a warning with the nearest tag. */
class TagsTest {

    @Test
    void bothLanguagesOfAnArticleMeetOnOneTagPage(@TempDir Path tmp) {
        Build.Result r = TestSites.build(TestSites.CONTENT, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        for (String lang : List.of("zh", "en")) {
            var page = Jsoup.parse(new String(r.files().get(lang + "/tags/major-projects/index.html"), StandardCharsets.UTF_8));
            assertEquals(lang.equals("zh") ? "标签：重大项目" : "Tag: major projects", page.selectFirst("h1").text());
            assertEquals(List.of("2017/news/meeting.html"), page.select(".teaser a").eachAttr("href").stream()
                    .map(h -> h.replace("../../", "")).toList());
            var article = Jsoup.parse(new String(r.files().get(lang + "/2017/news/meeting.html"), StandardCharsets.UTF_8));
            assertEquals(4, article.select(".tags a.tag").size(), "the four declared tags link to their pages");
            var index = Jsoup.parse(new String(r.files().get(lang + "/tags/index.html"), StandardCharsets.UTF_8));
            assertEquals(4, index.select(".tag-cloud a").size());
        }
    }

    @Test
    void anUndeclaredTagIsAWarningWithTheNearestNameAndStaysVisible(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        Path article = content.resolve("2017/news/meeting.en.md");
        TestSites.write(article, TestSites.read(article).replace("major projects]", "major project, flood control]"));
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        List<String> warnings = r.problems().stream().map(Problem::format).toList();
        assertEquals(List.of(
                "2017/news/meeting.en.md:9:60: warning: tag 'major project' is not declared in tags.yaml — did you mean 'major projects'? declare it once with its names in each language, e.g. 'my-tag: {zh: …, en: …}'; until then it is shown without a page",
                "2017/news/meeting.en.md:9:75: warning: tag 'flood control' is not declared in tags.yaml — declare it once with its names in each language, e.g. 'my-tag: {zh: …, en: …}'; until then it is shown without a page"),
                warnings);
        var page = Jsoup.parse(new String(r.files().get("en/2017/news/meeting.html"), StandardCharsets.UTF_8));
        assertTrue(page.select(".tags span.tag").eachText().containsAll(List.of("major project", "flood control")), "nothing written is lost");
    }
}
