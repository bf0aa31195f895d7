package org.gazette.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gazette.i18n.Language;

/**
 * Sitemaps (sitemaps.org 0.9) for search engines: one per language, each URL with an
 * {@code xhtml:link rel="alternate" hreflang} for every language version (itself included), split
 * into parts at 50,000 URLs or 10 MB (Baidu's limit, the strictest of the major engines); a sitemap
 * index at the root names every part, and {@code robots.txt} names the index.
 */
public final class Sitemaps {

    static final int MAX_URLS = 50_000;
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
    private static final String TAIL = "</urlset>\n";

    private Sitemaps() {}

    /** Which pages a sitemap lists: the HTML pages people read (not the root redirect, not the 404 page). */
    public static boolean listed(Page p) {
        return p.path().endsWith(".html") && !p.key().equals("root") && !p.key().equals("404") && !p.key().equals("search");
    }

    /** Every sitemap file, the index and robots.txt, by path. */
    /** Of a build's files, those this class made (the sitemaps, their index, robots.txt). */
    public static List<String> paths(java.util.Collection<String> files) {
        return files.stream().filter(f -> f.equals(Urls.ROBOTS) || f.equals(Urls.SITEMAP_INDEX) || f.matches("[a-z]{2,3}/sitemap(-\\d+)?\\.xml")).sorted().toList();
    }

    public static Map<String, byte[]> files(List<Page> pages, List<Language> languages, String baseUrl) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        for (Language lang : languages) {
            List<String> urls = new ArrayList<>();
            for (Page p : pages) {
                if (p.language().equals(lang) && listed(p)) urls.add(entry(p, baseUrl));
            }
            int part = 1;
            StringBuilder sb = new StringBuilder(HEAD);
            int count = 0;
            long bytes = HEAD.length();
            for (String u : urls) {
                int size = utf8Length(u);
                if (count == MAX_URLS || (count > 0 && bytes + size + TAIL.length() > MAX_BYTES)) {
                    sb.append(TAIL);
                    out.put(Urls.sitemap(lang, part), sb.toString().getBytes(StandardCharsets.UTF_8));
                    parts.add(Urls.sitemap(lang, part));
                    part++;
                    sb = new StringBuilder(HEAD);
                    count = 0;
                    bytes = HEAD.length();
                }
                sb.append(u);
                bytes += size;
                count++;
            }
            sb.append(TAIL);
            out.put(Urls.sitemap(lang, part), sb.toString().getBytes(StandardCharsets.UTF_8));
            parts.add(Urls.sitemap(lang, part));
        }
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String p : parts) index.append("  <sitemap><loc>").append(xml(baseUrl + p)).append("</loc></sitemap>\n");
        index.append("</sitemapindex>\n");
        out.put(Urls.SITEMAP_INDEX, index.toString().getBytes(StandardCharsets.UTF_8));
        out.put(Urls.ROBOTS, ("User-agent: *\nAllow: /\n\nSitemap: " + baseUrl + Urls.SITEMAP_INDEX + "\n").getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static String entry(Page p, String baseUrl) {
        StringBuilder sb = new StringBuilder("  <url>\n    <loc>").append(xml(baseUrl + p.path())).append("</loc>\n");
        for (Page.Alternate alt : p.alternates()) {
            sb.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(xml(alt.language().tag()))
                    .append("\" href=\"").append(xml(alt.url())).append("\"/>\n");
        }
        return sb.append("  </url>\n").toString();
    }

    private static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
