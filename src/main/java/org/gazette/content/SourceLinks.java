package org.gazette.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * A writer links to another text as it sees it, by its file: {@code ../../2017/news/meeting.md},
 * {@code meeting.zh.md}, {@code ../report.en.md}. The page of that text in the reader's language
 * stands at the same place among the pages as the file among the texts, so the link is written as
 * the page's address: the language and {@code .md} taken off, {@code .html} put on (a year's report
 * is its folder's {@code index.html}), any {@code #part} kept. Every relative link is recorded with
 * its place in the file, so a link that leads nowhere is reported where it was written.
 */
final class SourceLinks {

    /** A text's file name in a relative link: name, optional language, ".md", then an optional ?query or #part. */
    private static final Pattern SOURCE = Pattern.compile("^((?:[^?#]*/)?)([^/?#]+?)(\\.[A-Za-z]{2,3}(?:-[A-Za-z]+)?)?\\.md((?:[?#].*)?)$",
            Pattern.CASE_INSENSITIVE);

    private SourceLinks() {}

    /** Rewrites links to texts' files as links to their pages; returns every relative link with its offset in the text. */
    static List<Found> apply(Document document) {
        List<Found> found = new ArrayList<>();
        for (Node n : document.getDescendants()) {
            if (n instanceof Link l) {
                String written = l.getUrl().unescape();
                String page = page(written);
                if (page != null) l.setUrl(BasedSequence.of(page));
                if (relative(written)) found.add(new Found(n.getStartOffset(), written, page != null ? page : written));
            } else if (n instanceof Reference r) {
                String written = r.getUrl().unescape();
                String page = page(written);
                if (page != null) r.setUrl(BasedSequence.of(page));
            } else if (n instanceof LinkRef r && r.isDefined()) {
                Reference ref = r.getReferenceNode(document);
                if (ref == null) continue;
                String published = ref.getUrl().unescape();
                if (relative(published)) found.add(new Found(n.getStartOffset(), published, published));
            }
        }
        return found;
    }

    /** A relative link as written and as published, at an offset of the text. */
    record Found(int offset, String written, String published) {}

    static boolean relative(String url) {
        if (url.isEmpty() || url.startsWith("/") || url.startsWith("#")) return false;
        return !url.matches("(?i)^[a-z][a-z0-9+.-]*:.*");
    }

    /** The page address for a link to a text's file, or null when {@code url} is no such link. */
    static String page(String url) {
        if (!relative(url) || !url.toLowerCase(Locale.ROOT).contains(".md")) return null;
        Matcher m = SOURCE.matcher(url);
        if (!m.matches()) return null;
        String name = m.group(2);
        String page = name.equalsIgnoreCase("report") ? "index.html" : name + ".html";
        return m.group(1) + page + m.group(4);
    }
}
