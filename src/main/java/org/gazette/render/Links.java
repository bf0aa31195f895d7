package org.gazette.render;

import org.gazette.i18n.Language;

/** Relative links from one page to the others, for templates: {@code links.report(2017)}. */
public final class Links {

    private final String from;
    private final Language language;
    private final String absoluteBase;

    public Links(String from, Language language) {
        this(from, language, null);
    }

    /**
     * Links from the root of the site's address ({@code /assets/style.css}, or {@code /news/assets/…}
     * for a site at {@code https://host/news/}): for pages a server shows at any address (the 404
     * page), where a relative link would resolve against the wrong folder — and, unlike an absolute
     * address, they still work on a test server or a second domain before the site goes live.
     */
    public Links(String from, Language language, String baseUrl) {
        this.from = from;
        this.language = language;
        this.absoluteBase = rootOf(baseUrl);
    }

    /** The path of {@code baseUrl}, ending in {@code /}: "https://host/news" → "/news/"; null (relative links) for none. */
    static String rootOf(String baseUrl) {
        if (baseUrl == null) return null;
        String path = java.net.URI.create(baseUrl).getRawPath();
        if (path == null || path.isEmpty()) return "/";
        return path.endsWith("/") ? path : path + "/";
    }

    public String to(String path) {
        return absoluteBase != null ? absoluteBase + path : Urls.relative(from, path);
    }

    /** The link to a translation of this page: relative, or from the site's root on a page shown at any address. */
    public String alternate(Page.Alternate alt) {
        return absoluteBase != null ? java.net.URI.create(alt.url()).getRawPath() : alt.href();
    }

    public String news() {
        return to(Urls.news(language, 1));
    }

    public String yearNews(int year) {
        return to(Urls.yearNews(language, year, 1));
    }

    public String search() {
        return to(Urls.search(language));
    }

    public String readingScript() {
        return to(Urls.READING_SCRIPT);
    }

    public String searchScript() {
        return to(Urls.SEARCH_SCRIPT);
    }

    public String tags() {
        return to(Urls.tags(language));
    }

    public String feed() {
        return to(Urls.feed(language));
    }

    public String root() {
        return to(Urls.ROOT);
    }

    public String home() {
        return to(Urls.home(language));
    }

    public String siteMap() {
        return to(Urls.siteMap(language));
    }

    /** A file at the site's root, e.g. a picture site.yaml names ({@code assets/site/party-mark.png}). */
    public String file(String path) {
        return to(path);
    }

    public String archive() {
        return to(Urls.archive(language));
    }

    public String report(int year) {
        return to(Urls.report(language, year));
    }

    public String article(int year, String slug) {
        return to(Urls.article(language, year, slug));
    }

    public String style() {
        return to(Urls.STYLE);
    }

    /** What the links depend on (for page fingerprints): the page they start from, its language, the absolute base. */
    @Override
    public String toString() {
        return from + "|" + language.code() + "|" + absoluteBase;
    }
}
