package org.gazette.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gazette.config.SiteConfig;
import org.gazette.content.Article;
import org.gazette.content.Content;
import org.gazette.content.Translations;
import org.gazette.content.Year;
import org.gazette.i18n.Language;
import org.gazette.i18n.Strings;

/**
 * The list of pages the site has, per language: home, archive, each year's report, each article.
 * Languages are data: one loop over them, no page is special-cased by language.
 */
public final class SitePlan {

    private final Content content;
    private final Map<String, Strings> strings;

    public SitePlan(Content content, Map<String, Strings> strings) {
        this.content = content;
        this.strings = strings;
    }

    public List<Page> pages() {
        SiteConfig site = content.site();
        List<Page> pages = new ArrayList<>();
        for (Language lang : site.languages()) {
            Map<String, Object> common = common(lang);
            pages.add(page("home", lang, Urls::home, "home.ftlh", true, common, ordered(
                    "year", content.latest(),
                    "news", news(lang, Urls.home(lang), content.latest()))));
            pages.add(page("archive", lang, Urls::archive, "archive.ftlh", true, common, ordered(
                    "years", content.years(),
                    "newsByYear", newsByYear(lang, Urls.archive(lang)))));
            for (Year year : content.years()) {
                Article prose = year.prose().in(lang, site.fallbackOrder());
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("year", year);
                report.put("report", year.report());
                report.put("prose", prose);
                report.put("dataJson", Urls.relative(Urls.report(lang, year.year()), OpenData.jsonPath(year.year())));
                report.put("dataCsv", Urls.relative(Urls.report(lang, year.year()), OpenData.csvPath(year.year())));
                if (year.report().bulletin() != null) {
                    report.put("bulletinHref", Urls.relative(Urls.report(lang, year.year()), Bulletins.path(lang, year.year())));
                }
                pages.add(page("report/" + year.year(), lang, l -> Urls.report(l, year.year()), "report.ftlh",
                        prose.language().equals(lang), common, report));
                for (Translations t : year.news()) {
                    Article a = t.in(lang, site.fallbackOrder());
                    pages.add(page("news/" + year.year() + "/" + t.slug(), lang, l -> Urls.article(l, year.year(), t.slug()),
                            "article.ftlh", a.language().equals(lang), common, ordered(
                                    "year", year,
                                    "article", a)));
                }
            }
        }
        return pages;
    }

    private Map<String, Object> common(Language lang) {
        SiteConfig site = content.site();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", site);
        m.put("lang", lang);
        m.put("languages", site.languages());
        m.put("t", strings.get(lang.code()).map());
        m.put("l", new Localizer(lang, site.fallbackOrder(), strings.get(lang.code())));
        m.put("allYears", content.years());
        return m;
    }

    private Page page(String key, Language lang, Function<Language, String> path, String template, boolean translated,
                      Map<String, Object> common, Map<String, Object> own) {
        String here = path.apply(lang);
        List<Page.Alternate> alternates = new ArrayList<>();
        for (Language other : content.site().languages()) {
            String there = path.apply(other);
            alternates.add(new Page.Alternate(other, Urls.relative(here, there), content.site().baseUrl() + there, other.equals(lang)));
        }
        Map<String, Object> data = new LinkedHashMap<>(common);
        data.putAll(own);
        data.put("links", new Links(here, lang));
        Page page = new Page(key, lang, here, template, alternates, translated, Map.of());
        data.put("page", page);
        return new Page(key, lang, here, template, alternates, translated, data);
    }

    /** A map in the order written (Map.of's order changes from run to run). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private List<NewsItem> news(Language lang, String from, Year year) {
        List<NewsItem> items = new ArrayList<>();
        for (Translations t : year.news()) {
            Article a = t.in(lang, content.site().fallbackOrder());
            items.add(new NewsItem(a, year.year(), Urls.relative(from, Urls.article(lang, year.year(), t.slug())), !a.language().equals(lang)));
        }
        return items;
    }

    private Map<String, List<NewsItem>> newsByYear(Language lang, String from) {
        Map<String, List<NewsItem>> m = new LinkedHashMap<>();
        for (Year y : content.years()) m.put(String.valueOf(y.year()), news(lang, from, y));
        return m;
    }
}
