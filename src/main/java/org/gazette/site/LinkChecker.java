package org.gazette.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.problem.Position;
import org.gazette.problem.Problems;

/**
 * Checks that every internal link and asset reference of the built site resolves to a built file
 * (and, with a #fragment, to an element with that id). Works on the rendered bytes before anything
 * is written, so a broken link is reported even by {@code gazette check}.
 */
public final class LinkChecker {

    private static final Pattern REF = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

    private LinkChecker() {}

    public static void check(SortedMap<String, byte[]> files, String baseUrl, String outName, Problems problems) {
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, String> html = new HashMap<>();
        for (var e : files.entrySet()) {
            if (!e.getKey().endsWith(".html")) continue;
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            html.put(e.getKey(), text);
            Set<String> s = new HashSet<>();
            Matcher m = ID.matcher(text);
            while (m.find()) s.add(m.group(1));
            ids.put(e.getKey(), s);
        }
        for (var e : new java.util.TreeMap<>(html).entrySet()) {
            String page = e.getKey();
            Matcher m = REF.matcher(e.getValue());
            while (m.find()) {
                String ref = m.group(1).replace("&amp;", "&");
                String target = resolve(page, ref, baseUrl);
                if (target == null) continue;
                String path = target;
                String fragment = null;
                int hash = target.indexOf('#');
                if (hash >= 0) {
                    path = target.substring(0, hash);
                    fragment = target.substring(hash + 1);
                }
                if (path.isEmpty()) path = page;
                if (path.endsWith("/") || path.isEmpty()) path = path + "index.html";
                if (!files.containsKey(path)) {
                    problems.warning(Position.of(outName + "/" + page), "link to '" + ref + "' does not resolve (no " + path + " is built)",
                            "fix the link in the article or template that writes it");
                } else if (fragment != null && !fragment.isEmpty() && ids.containsKey(path) && !ids.get(path).contains(fragment)) {
                    problems.warning(Position.of(outName + "/" + page), "link to '" + ref + "' names #" + fragment + ", which " + path + " does not have",
                            "fix the part after # or add the heading it points to");
                }
            }
        }
    }

    /** The site path a reference points to, or null for links that leave the site (other hosts, mailto:). */
    static String resolve(String page, String ref, String baseUrl) {
        if (ref.startsWith(baseUrl)) {
            return ref.substring(baseUrl.length());
        }
        try {
            URI uri = new URI(ref);
            if (uri.isAbsolute() || ref.startsWith("//")) return null;
            URI resolved = new URI("site", "x", "/" + page, null).resolve(uri);
            String p = resolved.getPath();
            if (p == null) return null;
            String path = p.startsWith("/") ? p.substring(1) : p;
            return resolved.getRawFragment() != null ? path + "#" + resolved.getFragment() : path;
        } catch (URISyntaxException e) {
            return "(" + ref + ")";
        }
    }
}
