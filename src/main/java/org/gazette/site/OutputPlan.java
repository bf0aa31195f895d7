package org.gazette.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.gazette.bulletin.Bulletins;
import org.gazette.config.SiteConfigLoader;
import org.gazette.content.Content;
import org.gazette.content.ContentLoader;
import org.gazette.content.Tags;
import org.gazette.format.Units;
import org.gazette.render.Fingerprint;
import org.gazette.render.OpenData;
import org.gazette.render.Page;
import org.gazette.render.Urls;

/**
 * Every output of a build in one list: its path, what makes it, and what it is made from — the
 * place to look for where any file of the output folder comes from ({@code gazette explain PATH}).
 * A build checks what it wrote against it: a file written that the plan does not name, or a file
 * the plan names that was not written, is a bug in Gazette, not in the content.
 * <p>
 * The search index's pieces are named after their contents, so the plan names their folder
 * ({@code search/zh/}) with the pages they are made from; every other output by its exact path.
 */
public final class OutputPlan {

    /** What makes an output. */
    public enum Kind {
        PAGE, FEED, SITEMAP, ROBOTS, OPEN_DATA, ASSET, IMAGE, SITE_PICTURE, BULLETIN_PDF, BULLETIN_WORD, SEARCH_INDEX, OUTPUT_LIST
    }

    /** One output: its path (a folder ending in / for the search index's pieces), what makes it, the template it is made with (or ""), and its inputs. */
    public record Output(String path, Kind kind, String maker, List<String> inputs) {
        public Output {
            inputs = List.copyOf(inputs);
        }
    }

    /** The pages search finds: a year's report and its articles (as {@code SearchIndex} reads them). */
    private static final java.util.regex.Pattern RESULT = java.util.regex.Pattern.compile("[a-z]{2,3}/[0-9]{4}/(index\\.html|news/(?!index\\.html)[^/]+\\.html)");

    private final SortedMap<String, Output> exact = new TreeMap<>();
    private final Map<String, Page> pages = new java.util.HashMap<>();
    private Content content;
    private Uses uses;
    private final SortedMap<String, Output> folders = new TreeMap<>();

    private OutputPlan() {}

    /**
     * The plan of a build of {@code content}: its {@code pages} (as the page plan gives them), the
     * sitemaps made from them ({@code sitemaps}: their paths), the bulletins ({@code bulletins}: their
     * jobs; null when bulletins are not made), the search index (if {@code search}), and the files
     * copied: the templates' assets, the texts' pictures, the pictures site.yaml names.
     */
    static OutputPlan of(Content content, List<Page> pages, Collection<String> sitemaps, List<Bulletins.Job> bulletins, boolean search,
                         Path templates, Path contentFolder) {
        OutputPlan plan = new OutputPlan();
        plan.content = content;
        plan.uses = new Uses(templates);
        for (Page p : pages) {
            // A page's inputs are found when asked (explain): walking every page's data again would cost a large build a second.
            plan.pages.put(p.path(), p);
            plan.add(new Output(p.path(), p.path().endsWith(".xml") ? Kind.FEED : Kind.PAGE, "templates/" + p.template(), List.of()));
        }
        for (String s : sitemaps) {
            boolean robots = s.equals(Urls.ROBOTS);
            plan.add(new Output(s, robots ? Kind.ROBOTS : Kind.SITEMAP, "", List.of(SiteConfigLoader.FILE)));
        }
        for (var year : content.reportYears()) {
            List<String> report = List.of(year.year() + "/" + ContentLoader.REPORT, Units.FILE, SiteConfigLoader.FILE);
            plan.add(new Output(OpenData.jsonPath(year.year()), Kind.OPEN_DATA, "", report));
            plan.add(new Output(OpenData.csvPath(year.year()), Kind.OPEN_DATA, "", report));
        }
        if (bulletins != null) {
            for (Bulletins.Job job : bulletins) {
                int y = job.year().year();
                List<String> inputs = List.of("templates/" + Bulletins.TEMPLATE, y + "/" + ContentLoader.REPORT, y + "/report." + job.language().code() + ".md",
                        SiteConfigLoader.FILE, Units.FILE, "templates/i18n/" + job.language().code() + ".yaml");
                plan.add(new Output(job.path(), Kind.BULLETIN_PDF, "templates/" + Bulletins.TEMPLATE, inputs));
                plan.add(new Output(job.wordPath(), Kind.BULLETIN_WORD, "templates/" + Bulletins.TEMPLATE, inputs));
            }
        }
        for (String asset : assets(templates)) plan.add(new Output(asset, Kind.ASSET, "", List.of("templates/" + asset)));
        for (var img : content.images().keySet()) {
            for (var lang : content.site().languages()) {
                plan.add(new Output(lang.code() + "/" + img, Kind.IMAGE, "", List.of(img)));
            }
        }
        Path root = contentFolder.toAbsolutePath().normalize();
        for (var pic : content.site().government().pictures().entrySet()) {
            String file = root.relativize(pic.getValue().file()).toString().replace('\\', '/');
            plan.add(new Output(pic.getKey(), Kind.SITE_PICTURE, "", List.of(file, SiteConfigLoader.FILE)));
        }
        if (search) {
            for (var lang : content.site().languages()) {
                String folder = "search/" + lang.code() + "/";
                // The articles and reports of the language (the pages search finds).
                List<String> from = pages.stream().filter(p -> p.language().equals(lang) && RESULT.matcher(p.path()).matches())
                        .map(Page::path).limit(3).toList();
                plan.folders.put(folder, new Output(folder, Kind.SEARCH_INDEX, "", from));
            }
        }
        plan.add(new Output(OutputFolder.LIST, Kind.OUTPUT_LIST, "", List.of()));
        return plan;
    }

    /** A page's inputs: its template and those it uses, its language's strings, the settings, and the texts and reports its data holds. */
    private List<String> inputs(Page p) {
        Fingerprint print = new Fingerprint(content, Map.of());
        print.of(p);
        List<String> inputs = new ArrayList<>();
        inputs.add("templates/" + p.template());
        for (String used : uses.of(p.template())) inputs.add("templates/" + used);
        inputs.add("templates/i18n/" + p.language().code() + ".yaml");
        inputs.addAll(List.of(SiteConfigLoader.FILE, Tags.FILE, Units.FILE));
        TreeSet<String> files = new TreeSet<>(print.files());
        files.remove(Fingerprint.EVERYTHING);
        inputs.addAll(files);
        return inputs;
    }

    /** The templates a template imports or includes, at any depth (layout.ftlh, a macro file), read once each. */
    private static final class Uses {
        private static final java.util.regex.Pattern USE = java.util.regex.Pattern.compile("<#(?:include|import)\\s+\"([^\"]+)\"");
        private final Path templates;
        private final Map<String, List<String>> direct = new java.util.HashMap<>();
        private final Map<String, List<String>> all = new java.util.HashMap<>();

        Uses(Path templates) {
            this.templates = templates;
        }

        List<String> of(String name) {
            return all.computeIfAbsent(name, n -> {
                java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
                java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(direct(n));
                while (!todo.isEmpty()) {
                    String t = todo.pop();
                    if (!t.equals(n) && seen.add(t)) todo.addAll(direct(t));
                }
                return List.copyOf(seen);
            });
        }

        private List<String> direct(String name) {
            return direct.computeIfAbsent(name, n -> {
                List<String> out = new ArrayList<>();
                try {
                    var m = USE.matcher(Files.readString(templates.resolve(n)));
                    String folder = n.contains("/") ? n.substring(0, n.lastIndexOf('/') + 1) : "";
                    while (m.find()) out.add(m.group(1).startsWith("/") ? m.group(1).substring(1) : folder + m.group(1));
                } catch (IOException | RuntimeException e) {
                    // unreadable: the render step reports it
                }
                return out;
            });
        }
    }

    private void add(Output o) {
        exact.put(o.path(), o);
    }

    /** The files of templates/assets/, as published (assets/style.css). */
    private static List<String> assets(Path templates) {
        Path assets = templates.resolve("assets");
        if (!Files.isDirectory(assets)) return List.of();
        try (Stream<Path> s = Files.walk(assets)) {
            return s.filter(Files::isRegularFile).map(p -> templates.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            return List.of(); // unreadable now: the copy step reports it
        }
    }

    /**
     * Lets go of the pages and the content a page's inputs are found from: a build does, once its
     * pages are written, to make room for the search index. {@link #find} then names no page's inputs
     * ({@code gazette explain} asks a check's plan, which keeps them).
     */
    void forgetInputs() {
        pages.clear();
        content = null;
        uses = null;
    }

    /** What makes {@code path} (a file of the output folder), with its inputs, or null if nothing in the plan does. */
    public Output find(String path) {
        Output o = exact.get(path);
        Page page = pages.get(path);
        if (o != null && page != null) return new Output(o.path(), o.kind(), o.maker(), inputs(page));
        if (o != null) return o;
        for (var f : folders.values()) if (path.startsWith(f.path())) return f;
        return null;
    }

    /** Whether the plan makes {@code path} (its inputs are not looked for). */
    boolean planned(String path) {
        if (exact.containsKey(path)) return true;
        for (String folder : folders.keySet()) if (path.startsWith(folder)) return true;
        return false;
    }

    /** Every output named by its exact path (a page's inputs: ask {@link #find}). */
    public SortedMap<String, Output> exact() {
        return java.util.Collections.unmodifiableSortedMap(exact);
    }

    /**
     * What a build wrote against the plan: the files no entry makes (first), and the entries no file
     * was written for (second, {@code optional} kinds aside: outputs a run may leave out).
     */
    List<List<String>> compare(Collection<String> written, java.util.Set<Kind> optional) {
        List<String> unplanned = written.stream().filter(p -> !planned(p)).sorted().toList();
        java.util.Set<String> have = new java.util.HashSet<>(written);
        List<String> missing = exact.values().stream().filter(o -> !optional.contains(o.kind()) && !have.contains(o.path()))
                .map(Output::path).sorted().toList();
        return List.of(unplanned, missing);
    }
}
