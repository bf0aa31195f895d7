package org.gazette.render;

import org.gazette.i18n.Language;

/**
 * Where each page lives, as a path from the site root. Permalinks: {@code /zh/2017/} stays the 2017
 * report whatever later years are added. Pages link to each other with relative URLs, so the site
 * also works when opened from disk or served under a sub-path.
 */
public final class Urls {

    private Urls() {}

    public static final String ROOT = "index.html";
    public static final String STYLE = "assets/style.css";

    public static String home(Language lang) {
        return lang.code() + "/index.html";
    }

    /** The site map (网站地图): every section, year and tag on one page. */
    public static String siteMap(Language lang) {
        return lang.code() + "/site-map.html";
    }

    /** A year's printed bulletin (PDF) in one language. */
    public static String bulletin(Language lang, int year) {
        return lang.code() + "/" + year + "/bulletin-" + year + "-" + lang.code() + ".pdf";
    }

    /** Its Word form, beside it. */
    public static String bulletinWord(Language lang, int year) {
        return lang.code() + "/" + year + "/bulletin-" + year + "-" + lang.code() + ".docx";
    }

    public static String archive(Language lang) {
        return lang.code() + "/archive.html";
    }

    public static String report(Language lang, int year) {
        return lang.code() + "/" + year + "/index.html";
    }

    public static String article(Language lang, int year, String slug) {
        return lang.code() + "/" + year + "/news/" + slug + ".html";
    }

    /** Page {@code n} (from 1) of all news, newest first: {@code zh/news/}, {@code zh/news/page/2/}. */
    public static String news(Language lang, int n) {
        return lang.code() + "/news/" + (n == 1 ? "" : "page/" + n + "/") + "index.html";
    }

    /** Page {@code n} of one year's news: {@code zh/2018/news/}, {@code zh/2018/news/page/2/}. */
    public static String yearNews(Language lang, int year, int n) {
        return lang.code() + "/" + year + "/news/" + (n == 1 ? "" : "page/" + n + "/") + "index.html";
    }

    public static String tags(Language lang) {
        return lang.code() + "/tags/index.html";
    }

    /** Page {@code n} of a tag's news: {@code zh/tags/major-projects/}, {@code …/page/2/}. */
    public static String tag(Language lang, String id, int n) {
        return lang.code() + "/tags/" + id + "/" + (n == 1 ? "" : "page/" + n + "/") + "index.html";
    }

    public static String search(Language lang) {
        return lang.code() + "/search.html";
    }

    public static final String SEARCH_SCRIPT = "assets/search.js";
    /** The reading aids' script (text size, contrast, read aloud …), read in every page's head. */
    public static final String READING_SCRIPT = "assets/reading.js";

    public static String notFound(Language lang) {
        return lang.code() + "/404.html";
    }

    public static String feed(Language lang) {
        return lang.code() + "/atom.xml";
    }

    public static String sitemap(Language lang, int part) {
        return lang.code() + "/sitemap" + (part == 1 ? "" : "-" + part) + ".xml";
    }

    public static final String SITEMAP_INDEX = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";

    /** The relative URL from the page at {@code from} to {@code to} (both paths from the site root). */
    public static String relative(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        int common = 0;
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) common++;
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) sb.append("../");
        for (int i = common; i < b.length; i++) {
            if (i > common) sb.append('/');
            sb.append(b[i]);
        }
        return sb.toString();
    }
}
