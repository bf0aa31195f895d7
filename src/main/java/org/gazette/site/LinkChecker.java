package org.gazette.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.SortedMap;

import org.gazette.html.HtmlTokens;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problem;
import org.gazette.problem.Problems;

/**
 * Checks that every internal link and asset reference of the built site resolves to a built file
 * (and, with a #fragment, to an element with that id). Works on the rendered bytes before anything
 * is written, so a broken link is reported even by {@code gazette check}.
 */
public final class LinkChecker {


    private LinkChecker() {}

    /** What one page links to and which ids it has, found in one pass. */
    record Scan(List<String> refs, Set<String> ids) {

        /**
         * The same, kept small for the whole build: immutable (arrays inside), and each reference
         * string taken once from {@code same} — a page's navigation links are every page's.
         */
        Scan compact(Map<String, String> same) {
            String[] r = new String[refs.size()];
            for (int i = 0; i < r.length; i++) {
                String ref = refs.get(i);
                String before = same.putIfAbsent(ref, ref);
                r[i] = before == null ? ref : before;
            }
            return new Scan(List.of(r), ids.isEmpty() ? Set.of() : Set.copyOf(ids));
        }
    }

    public static void check(SortedMap<String, byte[]> files, String baseUrl, String outName, Problems problems) {
        check(files, java.util.Set.of(), baseUrl, outName, problems);
    }

    /** {@code planned}: files that will be there though not among {@code files} yet (bulletins rendered in the background). */
    public static void check(SortedMap<String, byte[]> files, java.util.Set<String> planned, String baseUrl, String outName, Problems problems) {
        check(files, planned, baseUrl, outName, problems, null);
    }

    /**
     * What the last check found per page, for the next (the preview server's): a page whose bytes
     * are the same array as before, in a site with the same files, whose #fragment targets are
     * unchanged too, has the same problems; only the others are scanned and resolved again.
     */
    public static final class Memo {
        private record Page(byte[] bytes, Scan scan, List<Problem> problems, Map<String, byte[]> targets) {}

        private final Map<String, Page> pages = new java.util.HashMap<>();
        private Set<String> paths = Set.of();
    }

    /** Whether the pages a page's #fragment links point into are the same arrays as when it was checked (most pages have none). */
    private static boolean sameTargets(Memo.Page before, SortedMap<String, byte[]> files) {
        if (before.targets().isEmpty()) return true;
        for (var t : before.targets().entrySet()) if (files.get(t.getKey()) != t.getValue()) return false;
        return true;
    }

    public static void check(SortedMap<String, byte[]> files, java.util.Set<String> planned, String baseUrl, String outName,
                             Problems problems, Memo memo) {
        Set<String> paths = new HashSet<>(files.keySet());
        paths.addAll(planned);
        boolean samePaths = memo != null && memo.paths.equals(paths);
        if (samePaths) {
            // The same files as last time: only pages whose bytes (or #fragment targets) changed are checked again.
            List<String> again = new ArrayList<>();
            for (var e : files.entrySet()) {
                if (!e.getKey().endsWith(".html")) continue;
                Memo.Page before = memo.pages.get(e.getKey());
                if (before == null || before.bytes() != e.getValue() || !sameTargets(before, files)) again.add(e.getKey());
            }
            if (again.size() < files.size() / 4) {
                // The pages checked again with their new scans, the others' as remembered (looked up, not copied: 24,000 of them).
                Map<String, Scan> fresh = new java.util.HashMap<>();
                for (String page : again) fresh.put(page, scan(files.get(page)));
                Function<String, Scan> scans = page -> {
                    Scan s = fresh.get(page);
                    if (s != null) return s;
                    Memo.Page p = memo.pages.get(page);
                    return p == null ? null : p.scan();
                };
                Resolved resolved = new Resolved();
                for (String page : again) {
                    Problems own = new Problems();
                    Map<String, byte[]> targets = new java.util.HashMap<>();
                    checkPage(page, fresh.get(page), files.keySet(), files, planned, scans, resolved, baseUrl, outName, own, targets);
                    memo.pages.put(page, new Memo.Page(files.get(page), fresh.get(page), own.sorted(), targets));
                }
                for (var p : memo.pages.values()) p.problems().forEach(problems::add);
                return;
            }
        }
        Map<String, Scan> scans = new java.util.concurrent.ConcurrentHashMap<>();
        files.entrySet().parallelStream().filter(e -> e.getKey().endsWith(".html")).forEach(e -> {
            Memo.Page before = memo == null ? null : memo.pages.get(e.getKey());
            scans.put(e.getKey(), before != null && before.bytes() == e.getValue() ? before.scan() : scan(e.getValue()));
        });
        // Pages in one folder share most links (navigation, stylesheet): resolve each pair once.
        Resolved resolved = new Resolved();
        Map<String, Memo.Page> next = new java.util.HashMap<>();
        for (var e : new java.util.TreeMap<>(scans).entrySet()) {
            String page = e.getKey();
            byte[] bytes = files.get(page);
            Memo.Page before = memo == null ? null : memo.pages.get(page);
            if (samePaths && before != null && before.bytes() == bytes && sameTargets(before, files)) {
                before.problems().forEach(problems::add);
                next.put(page, before);
                continue;
            }
            Problems own = new Problems();
            Map<String, byte[]> targets = new java.util.HashMap<>();
            checkPage(page, e.getValue(), files.keySet(), files, planned, scans::get, resolved, baseUrl, outName, own, targets);
            List<Problem> found = own.sorted();
            found.forEach(problems::add);
            next.put(page, new Memo.Page(bytes, e.getValue(), found, targets));
        }
        if (memo != null) {
            memo.pages.clear();
            memo.pages.putAll(next);
            memo.paths = paths;
        }
    }

    /**
     * The check from each page's facts, taken as it was made ({@code scans}: every HTML page's links
     * and ids), against {@code paths} (every file made) and {@code planned} — no page is read again.
     */
    static void check(Set<String> paths, Map<String, Scan> scans, Set<String> planned, String baseUrl, String outName, Problems problems) {
        Resolved resolved = new Resolved();
        for (var e : new java.util.TreeMap<>(scans).entrySet()) {
            checkPage(e.getKey(), e.getValue(), paths, null, planned, scans::get, resolved, baseUrl, outName, problems, new java.util.HashMap<>());
        }
    }

    /**
     * {@code files}: the pages' bytes if at hand (the preview remembers which targets it saw), else
     * null; {@code scans}: any page's links and ids (null for a file that is not an HTML page).
     */
    private static void checkPage(String page, Scan scan, Set<String> paths, SortedMap<String, byte[]> files, Set<String> planned,
                                  Function<String, Scan> scans,
                                  Resolved resolved, String baseUrl, String outName, Problems problems, Map<String, byte[]> targets) {
        String folder = page.substring(0, page.lastIndexOf('/') + 1);
        for (String raw : scan.refs()) {
            String ref = raw; // decoded by the scan
            String target = ref.startsWith("#") ? page + ref : resolved.of(page, folder, ref, baseUrl);
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
            if (!paths.contains(path) && !planned.contains(path)) {
                problems.warning(Position.of(outName + "/" + page), Msg.LINK_NOWHERE.with(ref, path), Msg.LINK_NOWHERE_FIX.with());
            } else if (fragment != null && !fragment.isEmpty() && scans.apply(path) != null) {
                // The page's own bytes are compared anyway: only other pages' are remembered (most pages' one target is their own #main).
                if (files != null && !path.equals(page)) targets.put(path, files.get(path));
                if (!scans.apply(path).ids().contains(fragment)) {
                    problems.warning(Position.of(outName + "/" + page), Msg.LINK_NO_PART.with(ref, fragment, path), Msg.LINK_NO_PART_FIX.with());
                }
            }
        }
    }

    /**
     * What the references of one folder's pages resolve to: its pages share most links (navigation,
     * stylesheet), so each is resolved once. Pages come in path order, a folder's together, so the
     * memo holds one folder's references, not every pair of an archive (3 million at 240,000 pages,
     * 700 MB: more than the rest of the build). A reference that resolves against the page itself
     * (empty, or only a query) is not kept.
     */
    private static final class Resolved {
        private static final String LEAVES = new String("(leaves the site)");
        private String folder = "";
        private final Map<String, String> targets = new java.util.HashMap<>();

        String of(String page, String folder, String ref, String baseUrl) {
            if (ref.isEmpty() || ref.startsWith("?")) return resolve(page, ref, baseUrl); // the page itself
            if (!folder.equals(this.folder)) {
                targets.clear();
                this.folder = folder;
            }
            String target = targets.computeIfAbsent(ref, r -> {
                String t = resolve(page, r, baseUrl);
                return t == null ? LEAVES : t;
            });
            return target == LEAVES ? null : target;
        }
    }

    /**
     * The {@code href} and {@code src} values and the ids of a page, in order, read as a browser reads
     * its attributes (any quoting, any case, character references decoded; nothing from comments or
     * scripts): {@link org.gazette.html.HtmlTokens}, over the bytes (a 10,000-article site has some 300 MB of HTML).
     */
    static Scan scan(byte[] html) {
        List<String> refs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        HtmlTokens.scan(html, 0, new HtmlTokens.Handler() {
            @Override
            public void text(byte[] b, int from, int to) {}

            @Override
            public void start(HtmlTokens.Tag tag) {
                for (int i = 0; i < tag.size(); i++) {
                    if (tag.is(i, "href") || tag.is(i, "src")) refs.add(tag.value(i));
                    else if (tag.is(i, "id")) ids.add(tag.value(i));
                }
            }

            @Override
            public void end(String name) {}
        });
        return new Scan(refs, ids);
    }

    /** The site path a reference points to, or null for links that leave the site (other hosts, mailto:). */
    static String resolve(String page, String ref, String baseUrl) {
        if (ref.isEmpty() || ref.startsWith("?")) {
            // The page itself (RFC 3986 5.2.2; java.net.URI would give its folder), with the reference's fragment if any.
            int hash = ref.indexOf('#');
            return hash < 0 ? page : page + ref.substring(hash);
        }
        if (ref.startsWith(baseUrl)) {
            return ref.substring(baseUrl.length());
        }
        if (!ref.isEmpty() && ref.indexOf(':') < 0 && !ref.startsWith("/") && ref.indexOf('%') < 0 && ref.indexOf('?') < 0) {
            // A plain relative path (almost every link Gazette writes): walk it without java.net.URI.
            java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>(List.of(page.split("/")));
            parts.pollLast();
            int hash = ref.indexOf('#');
            String path = hash < 0 ? ref : ref.substring(0, hash);
            for (String part : path.split("/", -1)) {
                if (part.equals("..")) {
                    if (parts.pollLast() == null) return "(" + ref + ")";
                } else if (!part.equals(".")) {
                    parts.addLast(part);
                }
            }
            return String.join("/", parts) + (hash < 0 ? "" : ref.substring(hash));
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
