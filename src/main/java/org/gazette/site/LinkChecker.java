package org.gazette.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    private static final Pattern ATTRIBUTE = Pattern.compile("\\s(href|src|id)=\"([^\"]*)\"");

    private LinkChecker() {}

    /** What one page links to and which ids it has, found in one pass. */
    private record Scan(List<String> refs, Set<String> ids) {}

    public static void check(SortedMap<String, byte[]> files, String baseUrl, String outName, Problems problems) {
        Map<String, Scan> scans = new java.util.concurrent.ConcurrentHashMap<>();
        files.entrySet().parallelStream().filter(e -> e.getKey().endsWith(".html")).forEach(e -> {
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            List<String> refs = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            Matcher m = ATTRIBUTE.matcher(text);
            while (m.find()) {
                if (m.group(1).equals("id")) ids.add(m.group(2));
                else refs.add(m.group(2));
            }
            scans.put(e.getKey(), new Scan(refs, ids));
        });
        for (var e : new java.util.TreeMap<>(scans).entrySet()) {
            String page = e.getKey();
            for (String raw : e.getValue().refs()) {
                String ref = raw.replace("&amp;", "&");
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
                if (path.endsWith("/")) path = path + "index.html";
                if (!files.containsKey(path)) {
                    problems.warning(Position.of(outName + "/" + page), "link to '" + ref + "' does not resolve (no " + path + " is built)",
                            "fix the link in the article or template that writes it");
                } else if (fragment != null && !fragment.isEmpty() && scans.containsKey(path) && !scans.get(path).ids().contains(fragment)) {
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
