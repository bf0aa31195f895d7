package org.gazette.render;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.gazette.config.SiteConfig;
import org.gazette.content.Article;
import org.gazette.content.Content;
import org.gazette.content.Publishing;
import org.gazette.content.Tags;
import org.gazette.content.Translations;
import org.gazette.content.Year;
import org.gazette.i18n.Language;
import org.gazette.i18n.Strings;

/**
 * The pages of the site, per language, each with its template and data: home, news listings (all,
 * per year; paginated), annual reports, articles (with their neighbours), the archive, a 404 page,
 * the Atom feed, and the root page. Permalinks never change when content is added: a page's path
 * depends on its own year, name and page number only.
 */
public final class SitePlan {

    private final Content content;
    private final Map<String, Strings> strings;
    private final Publishing publishing;
    /** All news, newest first (date, then year, then name): every listing is a slice of it. */
    private final List<Entry> entries;
    /** The same, per year folder (keyed by the year's number: a record's hash would walk all its content). */
    private final Map<Integer, List<Entry>> byYear = new LinkedHashMap<>();

    /** A news article with its year folder and its declared tags (in the order declared). */
    private record Entry(Year year, Translations text, List<Tags.Tag> tags) {}

    private final boolean search;
    /** Whether each page's data is made when the page is rendered (see {@link #later()}). */
    private boolean later;
    /** The settings and strings objects every page of a language shares (see {@link #shared}). */
    private final List<Object> shared = new ArrayList<>();

    /** {@code search}: whether the site gets its search pages and index. */
    public SitePlan(Content content, Map<String, Strings> strings, Publishing publishing, boolean search) {
        this.search = search;
        this.content = content;
        this.strings = strings;
        this.publishing = publishing;
        List<Entry> all = new ArrayList<>();
        for (Year y : content.years()) for (Translations t : y.news()) all.add(new Entry(y, t, tagsOf(t)));
        all.sort(Comparator.comparing((Entry e) -> e.text().date()).reversed()
                .thenComparing(Comparator.comparingInt((Entry e) -> e.year().year()).reversed())
                .thenComparing(e -> e.text().slug()));
        this.entries = List.copyOf(all);
        for (Year y : content.years()) byYear.put(y.year(), new ArrayList<>());
        for (Entry e : entries) byYear.get(e.year().year()).add(e);
    }

    /**
     * Plans pages whose data is made when each is rendered, not now: what a build of the site does,
     * which renders each page once and need not hold the data of every page meanwhile.
     */
    public SitePlan later() {
        this.later = true;
        return this;
    }

    public List<Page> pages() {
        return pages(path -> true);
    }

    /**
     * The pages whose path passes {@code wanted}, the others not even planned: the preview server
     * plans again only the pages an edit reaches (their data is the same as in a full plan).
     */
    public List<Page> pages(java.util.function.Predicate<String> wanted) {
        this.wanted = wanted;
        SiteConfig site = content.site();
        SiteConfig.News settings = site.news();
        List<Page> pages = new ArrayList<>();
        if (wanted.test(Urls.ROOT)) pages.add(root());
        for (Language lang : site.languages()) {
            Map<String, Object> common = common(lang);
            Year latest = content.latestReport();
            if (wanted.test(Urls.home(lang))) {
                pages.add(page("home", lang, Urls::home, "home.ftlh", true, common, null, () -> {
                    Map<String, Object> home = ordered("news", homeNews(lang, Urls.home(lang), settings.onHome()), "newsCount", entries.size());
                    if (latest != null) home.put("year", latest);
                    return home;
                }));
            }

            listing(pages, "news", lang, common, entries, (l, n) -> Urls.news(l, n), ordered("listYear", 0));
            for (Year year : content.years()) {
                List<Entry> ofYear = byYear.get(year.year());
                if (!ofYear.isEmpty()) {
                    listing(pages, "news/" + year.year(), lang, common, ofYear, (l, n) -> Urls.yearNews(l, year.year(), n),
                            ordered("listYear", year.year()));
                }
                if (year.hasReport() && wanted.test(Urls.report(lang, year.year()))) pages.add(report(lang, year, common));
            }
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                if (wanted.test(Urls.article(lang, e.year().year(), e.text().slug()))) pages.add(article(lang, i, common));
            }
            tags(pages, lang, common);
            if (wanted.test(Urls.archive(lang))) {
                pages.add(page("archive", lang, Urls::archive, "archive.ftlh", true, common, null, () -> ordered("years", archive(lang, Urls.archive(lang)))));
            }
            if (wanted.test(Urls.siteMap(lang))) {
                String here = Urls.siteMap(lang);
                pages.add(page("site-map", lang, Urls::siteMap, "site-map.ftlh", true, common, null, () -> ordered(
                        "years", archive(lang, here), "tags", content.tags().declared() ? tagIndex(lang, here) : List.of())));
            }
            if (wanted.test(Urls.notFound(lang))) {
                pages.add(page("404", lang, Urls::notFound, "404.ftlh", true, common, null, () -> ordered(
                        "links", new Links(Urls.notFound(lang), lang, site.baseUrl()))));
            }
            if (wanted.test(Urls.feed(lang))) pages.add(feed(lang, common));
            if (search && wanted.test(Urls.search(lang))) pages.add(page("search", lang, Urls::search, "search.ftlh", true, common, null, SitePlan::ordered));
        }
        return pages;
    }

    private java.util.function.Predicate<String> wanted = path -> true;

    /**
     * The objects the pages share (settings, strings, localizers), after {@link #pages}: a page's
     * fingerprint counts them by the settings' version, not by walking them on every page.
     */
    public List<Object> shared() {
        return List.copyOf(shared);
    }

    private Page root() {
        SiteConfig site = content.site();
        Map<String, Object> m = ordered("site", site, "languages", site.languages(),
                "home", site.languages().stream().map(Urls::home).toList());
        return new Page("root", site.defaultLanguage(), Urls.ROOT, "root.ftlh", List.of(), true, m);
    }

    /** A listing cut into pages of {@code news.perPage}: page 1 at {@code path(lang, 1)}, page n at {@code path(lang, n)}. */
    private void listing(List<Page> pages, String key, Language lang, Map<String, Object> common, List<Entry> list,
                         java.util.function.BiFunction<Language, Integer, String> path, Map<String, Object> extra) {
        int per = content.site().news().perPage();
        int count = Math.max(1, (list.size() + per - 1) / per);
        for (int n = 1; n <= count; n++) {
            int number = n;
            String here = path.apply(lang, n);
            if (!wanted.test(here)) continue;
            IntFunction<String> pathOf = k -> path.apply(lang, k);
            List<Entry> slice = list.subList((n - 1) * per, Math.min(list.size(), n * per));
            pages.add(page(key + (n == 1 ? "" : "/page/" + n), lang, l -> path.apply(l, number), "list.ftlh", true, common, null, () -> {
                Map<String, Object> data = new LinkedHashMap<>(extra);
                data.put("items", items(lang, here, slice));
                data.put("pager", Pager.of(number, count, here, pathOf));
                data.put("total", list.size());
                return data;
            }));
        }
    }

    /** The declared tags of a text, in the order declared: those any of its language versions names (once per build: listings ask for each text's). */
    private List<Tags.Tag> tagsOf(Translations text) {
        List<Tags.Tag> out = new ArrayList<>();
        for (var tag : content.tags().all()) {
            for (Article a : text.byLanguage().values()) {
                if (a.tagIds().contains(tag.id())) {
                    out.add(tag);
                    break;
                }
            }
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    /** A page per tag (paginated like all listings) and an index of the tags with their counts. */
    private void tags(List<Page> pages, Language lang, Map<String, Object> common) {
        if (!content.tags().declared()) return;
        Map<String, List<Entry>> byTag = new LinkedHashMap<>();
        for (var tag : content.tags().all()) byTag.put(tag.id(), new ArrayList<>());
        for (Entry e : entries) for (var tag : e.tags()) byTag.get(tag.id()).add(e);
        String here = Urls.tags(lang);
        for (var tag : content.tags().all()) {
            List<Entry> list = byTag.get(tag.id());
            if (!list.isEmpty()) {
                listing(pages, "tags/" + tag.id(), lang, common, list, (l, n) -> Urls.tag(l, tag.id(), n),
                        ordered("listYear", 0, "listTag", tag.name()));
            }
        }
        if (wanted.test(here)) pages.add(page("tags", lang, Urls::tags, "tags.ftlh", true, common, null, () -> ordered("tags", tagIndex(lang, here))));
    }

    /** Every declared tag with its count of articles and, if it has any, the link to its first page from {@code here}. */
    private List<Map<String, Object>> tagIndex(Language lang, String here) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (var tag : content.tags().all()) counts.put(tag.id(), 0);
        for (Entry e : entries) for (var tag : e.tags()) counts.merge(tag.id(), 1, Integer::sum);
        List<Map<String, Object>> index = new ArrayList<>();
        for (var tag : content.tags().all()) {
            int n = counts.get(tag.id());
            index.add(ordered("name", tag.name(), "count", n, "href", n == 0 ? null : Urls.relative(here, Urls.tag(lang, tag.id(), 1))));
        }
        return index;
    }

    private Page report(Language lang, Year year, Map<String, Object> common) {
        SiteConfig site = content.site();
        Article prose = year.prose().in(lang, site.fallbackOrder());
        String here = Urls.report(lang, year.year());
        return page("report/" + year.year(), lang, l -> Urls.report(l, year.year()), "report.ftlh",
                prose.language().equals(lang), common, prose, () -> {
            Map<String, Object> report = ordered("year", year, "report", year.report(), "prose", prose);
            report.put("dataJson", Urls.relative(here, OpenData.jsonPath(year.year())));
            report.put("dataCsv", Urls.relative(here, OpenData.csvPath(year.year())));
            if (year.report().bulletin() != null) {
                report.put("bulletinHref", Urls.relative(here, Urls.bulletin(lang, year.year())));
                report.put("bulletinWordHref", Urls.relative(here, Urls.bulletinWord(lang, year.year())));
            }
            // The year's latest news, not all of it: a year may have thousands; its news pages list them all.
            List<Entry> ofYear = byYear.get(year.year());
            ofYear = ofYear.subList(0, Math.min(site.news().onHome(), ofYear.size()));
            report.put("news", items(lang, here, ofYear));
            report.put("newsTotal", year.news().size());
            report.put("charts", Charts.of(content, year, (Localizer) common.get("l")));
            // What the charts are drawn from (earlier years' reports too): an edit to any of them redraws this page.
            report.put("chartSources", Charts.sources(content, year));
            return report;
        });
    }

    private Page article(Language lang, int i, Map<String, Object> common) {
        Entry e = entries.get(i);
        Article a = e.text().in(lang, content.site().fallbackOrder());
        String here = Urls.article(lang, e.year().year(), e.text().slug());
        return page("news/" + e.year().year() + "/" + e.text().slug(), lang, l -> Urls.article(l, e.year().year(), e.text().slug()),
                "article.ftlh", a.language().equals(lang), common, a, () -> {
            Map<String, Object> data = ordered("year", YearRef.of(e.year()), "article", a, "hold", hold(a));
            // Neighbours in the language's news, newest first: "newer" is the one before, "older" the one after.
            if (i > 0) data.put("newer", items(lang, here, List.of(entries.get(i - 1))).get(0));
            if (i + 1 < entries.size()) data.put("older", items(lang, here, List.of(entries.get(i + 1))).get(0));
            data.put("yearNewsHref", Urls.relative(here, Urls.yearNews(lang, e.year().year(), 1)));
            data.put("jsonld", jsonLd(a, lang, content.site().baseUrl() + here));
            List<Map<String, Object>> tagLinks = new ArrayList<>();
            for (var tag : e.tags()) tagLinks.add(ordered("name", tag.name(), "href", Urls.relative(here, Urls.tag(lang, tag.id(), 1))));
            data.put("tagLinks", tagLinks);
            // Tags as written that no declaration names: shown, without a page.
            data.put("otherTags", a.tags().stream().filter(t -> content.tags().resolve(t).isEmpty()).toList());
            return data;
        });
    }

    private Page feed(Language lang, Map<String, Object> common) {
        SiteConfig site = content.site();
        // A language's feed carries the articles written in it: a reader subscribed in English wants English.
        List<Map<String, Object>> items = new ArrayList<>();
        for (Entry e : entries) {
            if (items.size() >= site.news().inFeed()) break;
            Article a = e.text().byLanguage().get(lang.code());
            if (a == null) continue;
            String url = site.baseUrl() + Urls.article(lang, e.year().year(), e.text().slug());
            items.add(ordered("article", a, "url", url, "updated", rfc3339(a)));
        }
        Map<String, Object> data = new LinkedHashMap<>(common);
        data.put("entries", items);
        data.put("updated", items.isEmpty() ? rfc3339Start(content.years().get(0).year() + "-01-01") : items.get(0).get("updated"));
        data.put("feedUrl", site.baseUrl() + Urls.feed(lang));
        data.put("homeUrl", site.baseUrl() + Urls.home(lang));
        data.put("fullText", site.news().feedFullText());
        return new Page("feed", lang, Urls.feed(lang), "atom.ftlx", List.of(), true, data);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * schema.org NewsArticle for search engines, as JSON-LD. Characters that could end the script
     * element or start markup are written as JSON escapes (\u003c …), so no text can break out of it.
     */
    private String jsonLd(Article a, Language lang, String url) {
        SiteConfig site = content.site();
        Localizer l = new Localizer(lang, site.fallbackOrder(), strings.get(lang.code()), content.units());
        Map<String, Object> publisher = ordered("@type", "GovernmentOrganization", "name", l.plain(site.office()));
        List<Object> authors = new ArrayList<>();
        for (String name : a.byline().reporter()) authors.add(ordered("@type", "Person", "name", name));
        for (String name : a.byline().correspondent()) authors.add(ordered("@type", "Person", "name", name));
        if (authors.isEmpty()) authors.add(publisher);
        Map<String, Object> m = ordered("@context", "https://schema.org", "@type", "NewsArticle", "headline", a.title(),
                "description", a.summary().isEmpty() ? null : a.summary(), "datePublished", rfc3339(a),
                "inLanguage", a.language().tag(), "author", authors, "publisher", publisher, "mainEntityOfPage", url, "url", url);
        try {
            return JSON.writeValueAsString(m).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When an article counts as published, in RFC 3339 with the site's offset: its embargo's end, or the start of its date. */
    private String rfc3339(Article a) {
        var zone = content.site().timeZone();
        var at = a.publishAt() != null ? a.publishAt().atZone(zone) : a.date().atStartOfDay(zone);
        return at.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private String rfc3339Start(String date) {
        return java.time.LocalDate.parse(date).atStartOfDay(content.site().timeZone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The years, latest first, with their published article counts and where to read them. */
    /** Each year, with links from {@code here} to its news, its report and its bulletin. */
    private List<Map<String, Object>> archive(Language lang, String here) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (Year y : content.years()) {
            Map<String, Object> m = ordered("year", y.year(), "count", y.news().size(), "hasReport", y.hasReport());
            if (!y.news().isEmpty()) m.put("newsHref", Urls.relative(here, Urls.yearNews(lang, y.year(), 1)));
            if (y.hasReport()) {
                m.put("reportHref", Urls.relative(here, Urls.report(lang, y.year())));
                m.put("report", y.report());
                if (y.report().bulletin() != null) {
                    m.put("bulletinHref", Urls.relative(here, Urls.bulletin(lang, y.year())));
                    m.put("bulletinWordHref", Urls.relative(here, Urls.bulletinWord(lang, y.year())));
                }
            }
            years.add(m);
        }
        return years;
    }

    private List<NewsItem> homeNews(Language lang, String from, int n) {
        // Featured first, then the rest; each part newest first.
        java.util.function.Predicate<Entry> featured = e -> e.text().byLanguage().values().stream().anyMatch(Article::featured);
        List<Entry> list = new ArrayList<>(entries.stream().filter(featured).toList());
        entries.stream().filter(featured.negate()).forEach(list::add);
        return items(lang, from, list.subList(0, Math.min(n, list.size())));
    }

    private Map<String, Object> common(Language lang) {
        SiteConfig site = content.site();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", site);
        m.put("lang", lang);
        m.put("languages", site.languages());
        m.put("t", strings.get(lang.code()).map());
        m.put("l", new Localizer(lang, site.fallbackOrder(), strings.get(lang.code()), content.units()));
        shared.addAll(List.of(site, site.languages(), m.get("t"), m.get("l")));
        Year latest = content.latestReport();
        if (latest != null) m.put("latestReport", YearRef.of(latest));
        m.put("preview", publishing.drafts());
        m.put("hasTags", content.tags().declared());
        m.put("search", search);
        return m;
    }

    /**
     * A page: {@code own} makes its data (added to what every page of its language has); a build of
     * the site ({@link #later}) calls it when the page is rendered, the others now. {@code shows}:
     * the text it shows, if it shows one.
     */
    private Page page(String key, Language lang, Function<Language, String> path, String template, boolean translated,
                      Map<String, Object> common, Article shows, Supplier<Map<String, Object>> own) {
        String here = path.apply(lang);
        List<Page.Alternate> alternates = new ArrayList<>();
        for (Language other : content.site().languages()) {
            String there = path.apply(other);
            alternates.add(new Page.Alternate(other, Urls.relative(here, there), content.site().baseUrl() + there, other.equals(lang)));
        }
        Page bare = new Page(key, lang, here, template, alternates, translated, Map.of(), shows);
        String url = content.site().baseUrl() + here;
        Supplier<Map<String, Object>> data = () -> {
            Map<String, Object> m = new LinkedHashMap<>(common);
            m.put("links", new Links(here, lang));
            m.putAll(own.get());
            m.put("pageUrl", url);
            m.put("page", bare);
            return m;
        };
        return new Page(key, lang, here, template, alternates, translated, later ? Page.later(data) : data.get(), shows);
    }

    /** A map in the order written (Map.of's order changes from run to run). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private List<NewsItem> items(Language lang, String from, List<Entry> list) {
        List<NewsItem> items = new ArrayList<>(list.size());
        for (Entry e : list) {
            Article a = e.text().in(lang, content.site().fallbackOrder());
            items.add(new NewsItem(a, e.year().year(), Urls.relative(from, Urls.article(lang, e.year().year(), e.text().slug())),
                    !a.language().equals(lang), hold(a)));
        }
        return items;
    }

    /** Why a previewed article is not public yet; null when it is. */
    private NewsItem.Hold hold(Article a) {
        if (a.publishable(publishing.now())) return null;
        String until = a.publishAt() == null ? null
                : a.publishAt().atZone(content.site().timeZone()).format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", java.util.Locale.ROOT))
                        + " (" + content.site().timeZone().getId() + ")";
        return new NewsItem.Hold(a.draft(), until);
    }
}
