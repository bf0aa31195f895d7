package org.gazette.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.gazette.content.Article;
import org.gazette.problem.Msg;
import org.gazette.problem.Problem;
import org.gazette.render.Page;
import org.gazette.yaml.Suggest;

/**
 * A link that leads nowhere is the writer's to fix in the text, not in the built page: the link
 * check's findings on a page made from a text are said again at the line and column of the text
 * where the link is written, with the nearest page (or #part) of the site as a suggestion, written
 * the way the writer wrote the link (by file, {@code meeting.md}, or by page, {@code meeting.html}).
 * Findings in pages no text made (templates) stay where they are.
 */
final class LinkSources {


    private LinkSources() {}

    /** The text each page shows (its path in the site → the text), for pages made from one. */
    static Map<String, Article> texts(List<Page> pages) {
        Map<String, Article> texts = new java.util.HashMap<>();
        for (Page p : pages) {
            if (p.shows() != null) texts.put(p.path(), p.shows());
        }
        return texts;
    }

    static List<Problem> place(List<Problem> found, Map<String, Article> byPage, String outName, SortedMap<String, byte[]> files) {
        return place(found, byPage, outName, files.keySet(), page -> {
            byte[] html = files.get(page);
            return html == null ? null : LinkChecker.scan(html).ids();
        });
    }

    /** {@code paths}: every file of the site; {@code ids}: a page's ids (null: no such page). */
    static List<Problem> place(List<Problem> found, Map<String, Article> byPage, String outName, java.util.Set<String> paths,
                               java.util.function.Function<String, java.util.Set<String>> ids) {
        // Looked up by the problem's file, not by making a key for every page (a preview's rebuild has 24,000 and usually no problem).
        String prefix = outName + "/";
        Map<String, Problem> out = new LinkedHashMap<>();
        for (Problem p : found) {
            Article text = p.file().startsWith(prefix) ? byPage.get(p.file().substring(prefix.length())) : null;
            Problem placed = text == null ? null : place(p, text, p.file().substring(outName.length() + 1), paths, ids);
            Problem q = placed != null ? placed : p;
            out.putIfAbsent(q.format(), q); // a text shown in two languages: once
        }
        return new ArrayList<>(out.values());
    }

    private static Problem place(Problem p, Article text, String page, java.util.Set<String> paths,
                                 java.util.function.Function<String, java.util.Set<String>> idsOf) {
        boolean nowhere = p.what().kind() == Msg.LINK_NOWHERE;
        boolean noPart = p.what().kind() == Msg.LINK_NO_PART;
        if (!nowhere && !noPart) return null;
        String ref = (String) p.what().value(0);
        Article.Ref link = null;
        for (Article.Ref r : text.links()) {
            if (r.published().equals(ref) || decoded(r.published()).equals(ref)) {
                link = r;
                break;
            }
        }
        if (link == null) return null;
        String folder = page.substring(0, page.lastIndexOf('/') + 1);
        if (nowhere) {
            String missing = (String) p.what().value(1);
            String lang = page.substring(0, page.indexOf('/') + 1);
            List<String> candidates = paths.stream().filter(f -> f.startsWith(lang) && f.endsWith(".html")).toList();
            String near = Suggest.nearest(missing, candidates);
            var hint = near == null ? Msg.LINK_LEADS_NOWHERE_FIX.with() : Msg.DID_YOU_MEAN.with(asWritten(relative(folder, near), link.written()));
            return new Problem(Problem.Severity.WARNING, text.file(), link.line(), link.column(),
                    Msg.LINK_LEADS_NOWHERE.with(link.written(), missing.substring(lang.length())), hint);
        }
        String part = (String) p.what().value(1);
        String target = (String) p.what().value(2);
        java.util.Set<String> ids = idsOf.apply(target);
        String near = ids == null ? null : Suggest.nearest(part, ids);
        return new Problem(Problem.Severity.WARNING, text.file(), link.line(), link.column(),
                Msg.LINK_PART_MISSING.with(link.written(), part), near != null ? Msg.DID_YOU_MEAN.with("#" + near) : Msg.LINK_NO_PART_FIX.with());
    }

    /** The suggestion in the writer's form: by file when they linked by file (meeting.md), else by page. */
    private static String asWritten(String page, String written) {
        if (!written.toLowerCase(java.util.Locale.ROOT).replaceAll("[?#].*$", "").endsWith(".md")) return page;
        return page.endsWith("/index.html") || page.equals("index.html") ? page.replaceAll("index\\.html$", "report.md") : page.replaceAll("\\.html$", ".md");
    }

    /** {@code target} as a link from a page in {@code folder}. */
    static String relative(String folder, String target) {
        String[] from = folder.isEmpty() ? new String[0] : folder.split("/");
        String[] to = target.split("/");
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) common++;
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < from.length; i++) sb.append("../");
        for (int i = common; i < to.length; i++) sb.append(to[i]).append(i < to.length - 1 ? "/" : "");
        return sb.toString();
    }

    private static String decoded(String url) {
        try {
            return java.net.URLDecoder.decode(url.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
