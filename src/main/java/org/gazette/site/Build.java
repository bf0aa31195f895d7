package org.gazette.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.gazette.config.SiteConfigLoader;
import org.gazette.content.Article;
import org.gazette.content.Content;
import org.gazette.content.ContentLoader;
import org.gazette.content.Publishing;
import org.gazette.content.Spill;
import org.gazette.content.Tags;
import org.gazette.content.TextCache;
import org.gazette.format.Units;
import org.gazette.i18n.Strings;
import org.gazette.i18n.StringsLoader;
import org.gazette.numbers.NumberCheck;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problem;
import org.gazette.problem.Problems;
import org.gazette.bulletin.BulletinCache;
import org.gazette.bulletin.Bulletins;
import org.gazette.render.Fingerprint;
import org.gazette.render.Localizer;
import org.gazette.render.NoBreak;
import org.gazette.bulletin.OfficeFonts;
import org.gazette.render.OpenData;
import org.gazette.render.Page;
import org.gazette.render.SitePlan;
import org.gazette.render.Sitemaps;
import org.gazette.render.Templates;
import org.gazette.safety.SafeSvg;
import org.gazette.search.SearchIndex;

/**
 * The pipeline, top to bottom: load content → load interface strings → plan pages → render pages →
 * render bulletins (PDF) → check links → write. {@code gazette check} runs every step but the last. Each step is timed.
 */
public final class Build {

    /** What to build from and where; {@code publishing} says what is public (drafts and embargoes are held back). */
    public record Options(Path content, Path templates, Path out, boolean strict, Publishing publishing,
                          boolean search, boolean paintBulletins, Path bulletinCache, Reuse reuse) {

        /** Without a bulletin cache: every bulletin is painted. */
        public Options(Path content, Path templates, Path out, boolean strict, Publishing publishing,
                       boolean search, boolean paintBulletins) {
            this(content, templates, out, strict, publishing, search, paintBulletins, null, Reuse.NONE);
        }

        /** The same, with finished bulletins kept in {@code folder} between runs (null: none). */
        public Options withBulletinCache(Path folder) {
            return new Options(content, templates, out, strict, publishing, search, paintBulletins, folder, reuse);
        }

        /** The same, taking from the last build what is unchanged, or not (see {@link Reuse}). */
        public Options withReuse(Reuse reuse) {
            return new Options(content, templates, out, strict, publishing, search, paintBulletins, bulletinCache, reuse);
        }

        /**
         * {@code paintBulletins}: whether {@code check} lays out and paints the PDFs too (most of its time);
         * without, it checks what the bulletins need — their XHTML, every character's glyph, images, fonts.
         * {@code build} always paints them.
         */
        public Options(Path content, Path templates, Path out, boolean strict, Publishing publishing, boolean search) {
            this(content, templates, out, strict, publishing, search, true);
        }

        /** A published build at this moment, with its search index. */
        public Options(Path content, Path templates, Path out, boolean strict) {
            this(content, templates, out, strict, Publishing.live(), true);
        }

        public Options(Path content, Path templates, Path out, boolean strict, Publishing publishing) {
            this(content, templates, out, strict, publishing, true);
        }
    }

    /**
     * What a build takes from the last one (see {@link Manifest}): nothing and records nothing
     * ({@code NONE}: {@code GAZETTE_CACHE=off}, and every build made through the API unless asked);
     * nothing but records what it made for the next ({@code RECORD}: {@code build --full}); or every
     * file whose inputs are unchanged, and records ({@code CHANGED}: {@code gazette build}).
     */
    public enum Reuse { NONE, RECORD, CHANGED }

    /** What a run did: pages per language, the files it made (in memory), the problems, the step times. */
    public record Result(boolean ok, Map<String, Integer> pagesPerLanguage, SortedMap<String, byte[]> files,
                         List<Problem> problems, Map<String, Long> stepMillis, Map<String, Integer> bulletinPages, int bulletinsReused,
                         int pagesReused) {}

    private final Options options;
    private final Problems problems = new Problems();
    private final Map<String, Long> times = new LinkedHashMap<>();
    private final Map<String, Integer> bulletinPages = new LinkedHashMap<>();
    private Map<String, Strings> strings;

    private final BuildCache cache;
    /** Whether this run planned only the pages an edit reaches (see {@link BuildCache#affected}). */
    private boolean partial;
    /** The version of each template file (name → fingerprint), when a cache asks for them. */
    private Map<String, Long> templateFiles = Map.of();
    /** The version of site.yaml, tags.yaml, units.yaml, the interface strings and the publishing moment together. */
    private long settings;

    public Build(Options options) {
        this(options, null);
    }

    /** With what an earlier build left ({@code cache}, may be null): only what changed is done again. */
    public Build(Options options, BuildCache cache) {
        this.options = options;
        this.cache = cache;
    }

    /**
     * Runs the pipeline; writes the output folder only if {@code write} and nothing went wrong. A build
     * writes each file into a hidden folder beside the output as it is made (see {@link SiteFiles}) and
     * swaps it in at the end; a check and the preview keep the files in memory.
     */
    public Result run(boolean write) {
        OutputFolder output = new OutputFolder(options.out());
        if (options.out().toAbsolutePath().normalize().getParent() == null) {
            problems.error(Position.of(options.out().toString()), Msg.OUT_IS_ROOT.with(), Msg.OUT_IS_ROOT_FIX.with());
            return result(false, List.of(), new TreeMap<>());
        }
        writing = write;
        if (write) output.cleanInBackground();
        // A build of the site (not the preview's, which keeps its files to serve them) writes as it goes.
        boolean streaming = write && cache == null;
        Path[] building = {null};
        try {
            // What the last build made, to take what is unchanged from it; what this one makes is recorded for the next.
            if (streaming) last = LastBuild.open(options);
            // A build of the site keeps the texts' bodies aside until their pages are made (see Spill), in the
            // file that becomes the store of parsed texts when it records them for the next build.
            if (streaming) bodies = last != null ? last.bodies() : new Spill("bodies", options.out().toAbsolutePath().normalize().getParent());
            Made made = make(write, streaming, output, building);
            if (made.stopped() != null) return made.stopped();
            SiteFiles files = made.files();
            if (streaming) {
                // The content and the pages are let go (made's frame is gone; the plan forgets them): the
                // search index is made from what each page left when it was written, in the room they held,
                // and written a bundle at a time.
                if (outputs != null) outputs.forgetInputs();
                if (options.search()) {
                    step("search", () -> {
                        if (last == null || !last.takeIndex(files)) SearchIndex.write(List.copyOf(files.paths()), files::document, files::putIndex);
                        return null;
                    });
                }
                step("write", () -> {
                    files.flush();
                    if (last != null) last.record(files);
                    output.finish(building[0], files.paths(), this::unplanned);
                    if (last != null) last.finished();
                    return null;
                });
                building[0] = null;
                return result(true, made.perLanguage(), SiteFiles.onDisk(options.out().toAbsolutePath().normalize(), files.paths()));
            }
            if (write) {
                SortedMap<String, byte[]> all = files.memory();
                step("write", () -> {
                    output.checkSafe(all.keySet(), options.content(), options.templates());
                    all.putAll(output.replaceWith(all, !options.search() ? null : () -> step("search", () -> SearchIndex.of(all)),
                            this::unplanned));
                    return null;
                });
            } else if (outputs != null) {
                unplanned(files.paths());
            }
            return result(true, made.perLanguage(), files.memory());
        } catch (GazetteException e) {
            e.problems().forEach(problems::add);
            return result(false, List.of(), new TreeMap<>());
        } catch (Stop stop) {
            return result(false, List.of(), new TreeMap<>());
        } catch (java.io.UncheckedIOException e) {
            problems.error(Position.of(options.out().toString()), Msg.OUT_CANNOT_WRITE.with(Msg.reason(e.getCause())),
                    Msg.OUT_CANNOT_WRITE_FIX.with(options.out().toAbsolutePath().normalize().getParent()));
            return result(false, List.of(), new TreeMap<>());
        } finally {
            // A build that stopped leaves no half-made site behind (a killed one: the next run removes it).
            if (building[0] != null) {
                if (writingInto != null) writingInto.flushQuietly();
                output.abandon(building[0]);
            }
            if (writingInto != null) {
                writingInto.close();
                writingInto = null;
            }
            if (bodies != null) {
                bodies.close();
                bodies = null;
            }
            if (last != null) {
                last.close();
                last = null;
            }
        }
    }

    /**
     * Makes pages: each page is taken when what it is made from is unchanged (from the last build's
     * site, or the preview's last render), else rendered — its bytes are then returned.
     */
    private final class Pages {
        private final Templates templates;
        private final Map<String, Problem> templateProblems;
        private final java.util.concurrent.atomic.AtomicInteger rendered;
        private final NoBreak noBreak;
        private final Content content;
        private final Map<Object, Long> shared = Fingerprint.sharedMap();
        // One fingerprinter per rendering thread, in a map of this render's own: a ThreadLocal's value would stay in
        // the pool's threads after the render and keep the whole content alive through links, search and write
        // (at 240,000 pages, 200+ MB: the build ran out of a 1.3 GB heap).
        private final Map<Thread, Fingerprint> prints = new java.util.concurrent.ConcurrentHashMap<>();

        Pages(Content content, SitePlan plan, Templates templates, Map<String, Problem> templateProblems,
              java.util.concurrent.atomic.AtomicInteger rendered) {
            this.content = content;
            this.templates = templates;
            this.templateProblems = templateProblems;
            this.rendered = rendered;
            this.noBreak = new NoBreak(content.units());
            if (cache != null || last != null) for (Object o : plan.shared()) shared.put(o, settings);
        }

        private Fingerprint print() {
            return prints.computeIfAbsent(Thread.currentThread(), t -> new Fingerprint(content, shared));
        }

        /** Makes {@code p} into {@code files} (null: only into the preview's cache); its bytes if it was rendered now, else null. */
        byte[] make(Page p, SiteFiles files) {
            long fingerprint = 0;
            Map<String, Object> data = null;
            if (last != null) {
                // A build: the page is taken from the last site when what it is made from is unchanged.
                data = p.data();
                fingerprint = print().of(p, data) * 31 + templateVersion(p.template());
                if (last.takePage(p.path(), fingerprint, counted(p), files)) return null;
            } else if (cache != null) {
                var printer = print();
                fingerprint = printer.of(p) * 31 + templateVersion(p.template());
                cache.depends(p.path(), printer.files());
                BuildCache.Rendered before = cache.pages.get(p.path());
                if (before != null && before.fingerprint() == fingerprint) {
                    if (files != null) files.put(p.path(), before.bytes());
                    return null;
                }
            }
            try {
                String text = templates.render(p.template(), data != null ? data : p.data());
                // Quantities in running text never break across lines (HTML pages; feeds and sitemaps are XML).
                if (p.path().endsWith(".html")) text = noBreak.apply(text);
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                rendered.incrementAndGet();
                if (cache != null) cache.pages.put(p.path(), new BuildCache.Rendered(fingerprint, bytes));
                if (files == null) return bytes;
                if (last != null) files.put(p.path(), bytes, fingerprint);
                else files.put(p.path(), bytes);
                return bytes;
            } catch (GazetteException e) {
                if (cache != null) cache.pages.remove(p.path());
                synchronized (templateProblems) {
                    e.problems().forEach(pr -> templateProblems.putIfAbsent(pr.format(), pr));
                }
                return null;
            }
        }
    }

    /**
     * The preview makes the pages being looked at first ({@link BuildCache#viewing}), before the rest
     * of the site is planned, and hands each one that changed to be served at once: after a template
     * edit that re-renders 20,000 pages, the page on screen is new in a fraction of a second, the rest follows.
     */
    private void viewedFirst(SitePlan plan, Content content, Templates templates, java.util.Set<String> affected) {
        java.util.Set<String> viewed = cache.viewing();
        if (viewed.isEmpty()) return;
        List<Page> seen = plan.pages(path -> viewed.contains(path) && (affected == null || affected.contains(path)));
        if (seen.isEmpty()) return;
        Pages maker = new Pages(content, plan, templates, new TreeMap<>(), new java.util.concurrent.atomic.AtomicInteger());
        for (Page p : seen) {
            BuildCache.Rendered before = cache.pages.get(p.path());
            byte[] bytes = maker.make(p, null);
            if (bytes == null) continue;
            viewedRendered++;
            // Made again with the same bytes (its inputs changed, not what it shows): nothing to show yet.
            if (before == null || !java.util.Arrays.equals(before.bytes(), bytes)) cache.early(p.path(), bytes);
        }
    }

    /** Pages the preview made first (see {@link #viewedFirst}), counted among those rendered. */
    private int viewedRendered;

    /** What the last build into the same folder left, and what this one leaves for the next (null: a build that keeps nothing, a check, the preview). */
    private LastBuild last;

    /**
     * What {@link #make} leaves for the rest of the run: the files (with their facts) and the pages
     * per language — not the content nor the pages, so a build can let them go; or the result of a
     * run that stopped.
     */
    private record Made(SiteFiles files, Map<String, Integer> perLanguage, Result stopped) {}

    /**
     * Load → plan → check numbers → render → bulletins → check links → plan the outputs; a build
     * (streaming) writes into the building folder it starts here ({@code building[0]}).
     */
    private Made make(boolean write, boolean streaming, OutputFolder output, Path[] building) {
        Content content = step("load", this::load);
        if (last != null) step("keep", () -> {
            last.keepTexts();
            return null;
        });
        strings = step("strings", () -> strings(content));
        SitePlan plan = new SitePlan(content, strings, options.publishing(), options.search());
        // A build of the site makes each page's data when it renders the page, and holds none of it meanwhile.
        if (streaming) plan.later();
        Templates templates = templates();
        // What every page shares (settings, strings: known once the templates' versions are), for the pages' fingerprints.
        if (last != null) settings = settingsVersion(content);
        // With a cache and the same structure as the last good build: plan only the pages an edit reaches.
        java.util.Set<String> affected = cache == null ? null : cache.affected(structure(content), content.versions());
        partial = affected != null;
        if (cache != null) step("viewed", () -> {
            viewedFirst(plan, content, templates, affected);
            return null;
        });
        List<Page> pages = step("plan", () -> affected == null ? plan.pages() : plan.pages(affected::contains));
        // Numbers that disagree between languages, or with the year's figures (warnings), in every build, partial ones too.
        // The preview checks again only the texts and reports a save changed (the others' findings are remembered).
        step("numbers", () -> {
            new NumberCheck(content, strings, problems, cache != null ? cache.numbers : last != null ? last.numbers() : null, settings).run();
            return null;
        });
        SiteFiles files;
        if (streaming) {
            // Refused now, before anything is made, if the output folder is not Gazette's to replace.
            output.checkEarly(options.content(), options.templates());
            building[0] = output.begin();
            files = last != null ? last.files(building[0], options.search()) : SiteFiles.into(building[0], options.search());
            writingInto = files;
        } else {
            // A partial rebuild of the preview starts from the last good site's files and makes some again.
            files = partial ? SiteFiles.inMemoryFrom(cache.lastFiles()) : SiteFiles.inMemory(cache == null);
        }
        step("render", () -> render(pages, plan, content, templates, affected != null, files));
        // A template mistake breaks pages: report it alone, not the broken links that follow from it.
        if (problems.hasErrors()) return new Made(files, null, result(false, pages, files));
        step("bulletins", () -> bulletins(content, strings, templates, files));
        if (problems.hasErrors()) return new Made(files, null, result(false, pages, files));
        files.pagesMade();
        step("links", () -> {
            // Found in the built pages, said where the writer can fix them: in the text, at the link.
            Problems found = new Problems();
            String outName = options.out().getFileName().toString();
            if (cache == null) {
                LinkChecker.check(files.paths(), files.scans(), planned, content.site().baseUrl(), outName, found);
            } else {
                LinkChecker.check(files.memory(), planned, content.site().baseUrl(), outName, found, cache.links);
            }
            // A partial rebuild plans only some pages: the cache remembers which text the others show.
            Map<String, Article> texts = LinkSources.texts(pages);
            if (cache != null) {
                if (!partial) cache.texts().clear();
                cache.texts().putAll(texts);
                texts = cache.texts();
            }
            LinkSources.place(found.sorted(), texts, outName, files.paths(), page -> {
                var scan = files.scans().get(page);
                if (scan != null) return scan.ids();
                byte[] html = files.get(page);
                return html == null ? null : LinkChecker.scan(html).ids();
            }).forEach(problems::add);
            return null;
        });
        if (options.search() && !partial) searchable(files);
        if (cache != null && !problems.hasErrors()) cache.finished(files.memory());
        if (failed()) return new Made(files, null, result(false, pages, files));
        // Every output in one list: what the build made is checked against it (a difference is a bug in Gazette).
        if (!partial) {
            outputs = step("outputs", () -> OutputPlan.of(content, pages, Sitemaps.paths(files.paths()), bulletinJobs, options.search(),
                    options.templates(), options.content()));
        }
        if (streaming) bulletinJobs = null; // they hold the years' content
        return new Made(files, perLanguage(pages), null);
    }

    /**
     * One year's bulletin in one language, without the website: the PDF, its Word form if {@code word}
     * asks for it, and the XHTML; null if problems stop it.
     */
    public Bulletins.Made bulletin(int year, String language, boolean word) {
        try {
            Content content = step("load", this::load);
            strings = step("strings", () -> strings(content));
            var office = OfficeFonts.load(content.site().fonts(), problems);
            var jobs = new Bulletins(content, strings, new Templates(options.templates(), "templates"), sourceDateEpoch(), office, bulletinCache());
            var job = jobs.jobs().stream().filter(j -> j.year().year() == year && j.language().code().equals(language)).findFirst();
            if (job.isEmpty()) {
                problems.error(Position.of(year + "/" + ContentLoader.REPORT), Msg.NO_BULLETIN.with(year, language), Msg.NO_BULLETIN_FIX.with());
                return null;
            }
            var done = step("bulletins", () -> {
                if (word) return jobs.renderWithWord(job.get(), problems);
                var pdf = jobs.renderWithSource(job.get(), problems);
                return new Bulletins.Made(pdf.getKey(), null, pdf.getValue());
            });
            if (failed()) return null;
            return done;
        } catch (GazetteException e) {
            e.problems().forEach(problems::add);
            return null;
        } catch (Stop stop) {
            return null;
        }
    }

    public List<Problem> problems() {
        return problems.sorted();
    }

    private boolean failed() {
        return problems.hasErrors() || (options.strict() && problems.warningCount() > 0);
    }

    private Content load() {
        Optional<Content> c = new ContentLoader(problems, options.publishing(), cache != null ? cache.texts : last != null ? last.texts() : null).keepBodiesIn(bodies).load(options.content());
        if (c.isEmpty() || problems.hasErrors()) throw new Stop();
        return c.get();
    }

    private Map<String, Strings> strings(Content content) {
        if (!Files.isDirectory(options.templates())) {
            throw new GazetteException(Position.of(options.templates().toString()).error(Msg.NO_TEMPLATES.with(), Msg.NO_TEMPLATES_FIX.with()));
        }
        Map<String, Strings> s = StringsLoader.load(options.templates(), content.site().languages(), problems);
        if (problems.hasErrors()) throw new Stop();
        return s;
    }

    private Templates templates() {
        if (last != null) templateFiles = templateVersions(options.templates());
        if (cache == null) return new Templates(options.templates(), "templates");
        templateFiles = templateVersions(options.templates());
        return cache.templates(options.templates(), BuildCache.folderVersion(options.templates()));
    }

    private Void render(List<Page> pages, SitePlan plan, Content content, Templates templates, boolean partial, SiteFiles files) {
        // A partial plan: the other pages (and the sitemaps, which only the structure shapes) are as last time (files starts with them).
        // One template mistake breaks every page that uses it: report it once.
        Map<String, Problem> templateProblems = new TreeMap<>();
        java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
        Pages maker = new Pages(content, plan, templates, templateProblems, rendered);
        // Each page goes to the files as it is made (written at once by a build), with its facts: none is held for the whole site.
        pages.parallelStream().forEach(p -> maker.make(p, files));
        if (cache != null) cache.rendered = rendered.get() + viewedRendered;
        if (!partial) files.putAll(Sitemaps.files(pages, content.site().languages(), content.site().baseUrl()));
        templateProblems.values().forEach(problems::add);
        openData(content, files);
        copyAssets(files);
        copyImages(content, files);
        return null;
    }

    /**
     * What decides which pages exist and how they are laid out, in one number: the settings, the
     * templates, the years, and per text its place (year, name, date), languages, embargo, flags and
     * tags; not its title or body (pages that show those hold the text, and its version says when it changed).
     */
    private long structure(Content content) {
        settings = settingsVersion(content);
        long h = settings * 31 + BuildCache.folderVersion(options.templates());
        for (var y : content.years()) {
            h = h * 31 + y.year();
            h = h * 31 + (y.hasReport() ? 1 : 2);
            if (y.prose() != null) h = h * 31 + y.prose().byLanguage().keySet().hashCode();
            for (var t : y.news()) {
                h = h * 31 + t.slug().hashCode();
                h = h * 31 + t.date().hashCode();
                for (var a : t.byLanguage().values()) {
                    h = h * 31 + a.language().code().hashCode();
                    h = h * 31 + (a.featured() ? 3 : 5) + (a.draft() ? 7 : 11);
                    h = h * 31 + java.util.Objects.hashCode(a.publishAt());
                    h = h * 31 + a.tagIds().hashCode();
                }
            }
        }
        for (String image : content.images().keySet()) h = h * 31 + image.hashCode();
        return h;
    }

    /** The fingerprint of what every page shares: site.yaml, tags.yaml, units.yaml, interface strings, what is published, search. */
    private long settingsVersion(Content content) {
        long h = content.version(SiteConfigLoader.FILE) * 31 + content.version(Tags.FILE);
        h = h * 31 + content.version(Units.FILE);
        for (var t : templateFiles.entrySet()) if (t.getKey().startsWith("i18n/")) h = h * 31 + t.getValue();
        // Not the publishing moment: which texts are out is in the content, and why one is held back in the pages' data.
        h = h * 31 + (options.publishing().drafts() ? 1 : 0);
        return h * 31 + (options.search() ? 1 : 0);
    }

    /** A template's version with those it includes or imports (layout.ftlh), so a template change re-renders the pages that use it. */
    private long templateVersion(String name) {
        long h = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(name));
        while (!todo.isEmpty()) {
            String t = todo.pop();
            if (!seen.add(t)) continue;
            if (t.equals(ANY_TEMPLATE)) {
                // A template that includes one named at run time may use any of them.
                for (String any : new java.util.TreeSet<>(templateFiles.keySet())) todo.push(any);
                continue;
            }
            h = h * 31 + templateFiles.getOrDefault(t, 0L);
            for (String used : templateUses.getOrDefault(t, List.of())) todo.push(used);
        }
        return h;
    }

    private final Map<String, List<String>> templateUses = new java.util.HashMap<>();
    private static final java.util.regex.Pattern USES = java.util.regex.Pattern.compile("<#(?:include|import)\\s+\"([^\"$]+)\"");
    /** Any include or import, literal or not. */
    private static final java.util.regex.Pattern ANY_USE = java.util.regex.Pattern.compile("<#(?:include|import)\\b");
    /** Stands for "every template" among the templates one uses. */
    private static final String ANY_TEMPLATE = "*";

    private Map<String, Long> templateVersions(Path dir) {
        Map<String, Long> versions = new java.util.HashMap<>();
        if (!Files.isDirectory(dir)) return versions;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                versions.put(name, TextCache.version(text));
                List<String> uses = new ArrayList<>();
                var m = USES.matcher(text);
                String folder = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
                while (m.find()) uses.add(m.group(1).startsWith("/") ? m.group(1).substring(1) : folder + m.group(1));
                // An include whose name is not written out ("${…}", a variable, other quotes): it may be any template.
                if (ANY_USE.matcher(text).results().count() > uses.size()) uses.add(ANY_TEMPLATE);
                templateUses.put(name, uses);
            }
        } catch (IOException e) {
            // unreadable now: the render step reports it
        }
        return versions;
    }

    /** The printed bulletins, one per year and language, rendered in parallel (with a cache: in the background). */
    private Void bulletins(Content content, Map<String, Strings> strings, Templates templates, SiteFiles files) {
        var office = OfficeFonts.load(content.site().fonts(), problems);
        if (problems.hasErrors()) return null;
        Bulletins bulletins = new Bulletins(content, strings, templates, sourceDateEpoch(), office, bulletinCache());
        bulletinJobs = bulletins.jobs();
        for (var job : bulletinJobs) {
            planned.add(job.path());
            planned.add(job.wordPath());
        }
        if (!writing && !options.paintBulletins() && cache == null) {
            for (var job : bulletins.jobs()) {
                try {
                    bulletins.verify(job, problems);
                    bulletinPages.put(job.path(), 0);
                } catch (GazetteException e) {
                    e.problems().forEach(problems::add);
                }
            }
            return null;
        }
        if (cache != null) {
            cache.bulletinsPlanned(planned);
            var print = new Fingerprint(content, Map.of());
            long allTemplates = BuildCache.folderVersion(options.templates());
            for (var job : bulletins.jobs()) {
                long fingerprint = print.of(job) * 31 + settings * 31 + allTemplates;
                for (var img : content.images().entrySet()) {
                    if (img.getKey().startsWith(job.year().year() + "/")) fingerprint = fingerprint * 31 + img.getValue().toFile().lastModified();
                }
                Bulletins.Made made = cache.bulletin(bulletins, job, fingerprint);
                if (made != null) {
                    files.put(job.path(), made.result().pdf());
                    files.put(job.wordPath(), made.docx());
                }
            }
            return null;
        }
        List<Map.Entry<Bulletins.Job, Bulletins.Made>> done = bulletins.jobs().parallelStream().map(job -> {
            try {
                return Map.entry(job, bulletins.renderWithWord(job, problems));
            } catch (GazetteException e) {
                e.problems().forEach(problems::add);
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
        for (var d : done) {
            files.put(d.getKey().path(), d.getValue().result().pdf());
            files.put(d.getKey().wordPath(), d.getValue().docx());
            bulletinPages.put(d.getKey().path(), d.getValue().result().pages());
        }
        bulletinsReused = bulletins.reused();
        return null;
    }

    /** How many bulletins were taken from the cache, not painted. */
    private int bulletinsReused;

    private BulletinCache bulletinCache() {
        if (options.bulletinCache() == null) return null;
        var cache = BulletinCache.in(options.bulletinCache());
        var unsafe = cache.unsafe();
        if (unsafe != null) {
            problems.warning(Position.of(options.bulletinCache().toString()), Msg.CACHE_UNSAFE.with(unsafe), Msg.CACHE_UNSAFE_FIX.with());
        }
        return cache;
    }

    /** Every output of this build (after a full plan), for `gazette explain` and the check below. */
    private OutputPlan outputs;
    /** The bulletins this build makes (their jobs), or null before the bulletin step. */
    private List<Bulletins.Job> bulletinJobs;

    /** The plan of this build's outputs, or null (a partial preview rebuild, or a build stopped by problems). */
    public OutputPlan outputs() {
        return outputs;
    }

    /**
     * Stops a build that made a file its plan does not name, or left out one it names (bulletins a
     * check does not paint aside): a bug in Gazette, said as one — before anything is swapped in.
     */
    private void unplanned(java.util.Collection<String> written) {
        if (outputs == null) return;
        var optional = java.util.EnumSet.of(OutputPlan.Kind.OUTPUT_LIST);
        if (!writing || (!options.paintBulletins() && cache == null)) {
            optional.add(OutputPlan.Kind.BULLETIN_PDF);
            optional.add(OutputPlan.Kind.BULLETIN_WORD);
        }
        if (cache != null) {
            optional.add(OutputPlan.Kind.BULLETIN_PDF); // rendered in the background: there when ready
            optional.add(OutputPlan.Kind.BULLETIN_WORD);
        }
        var diff = outputs.compare(written, optional);
        if (diff.get(0).isEmpty() && diff.get(1).isEmpty()) return;
        throw new IllegalStateException("the output plan and the files made differ: made but not planned " + diff.get(0)
                + ", planned but not made " + diff.get(1));
    }

    /** The files a build is writing into its building folder (null: none yet), to be stopped if the build stops. */
    private SiteFiles writingInto;
    /** Where a build of the site keeps the texts' bodies while it runs; null otherwise. */
    private Spill bodies;

    /** Whether this run writes the site (build) or only checks it. */
    private boolean writing;

    /** Bulletins planned (rendered, or being rendered in the background): links to them resolve. */
    private final java.util.Set<String> planned = new java.util.TreeSet<>();

    /** SOURCE_DATE_EPOCH (reproducible-builds.org), if set: the date written into PDFs. */
    private Instant sourceDateEpoch() {
        String s = System.getenv("SOURCE_DATE_EPOCH");
        if (s == null || s.isBlank()) return null;
        try {
            return Instant.ofEpochSecond(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            problems.warning(Position.of("SOURCE_DATE_EPOCH"), Msg.EPOCH_BAD.with(s), Msg.EPOCH_BAD_FIX.with());
            return null;
        }
    }

    /** Each year's key figures as JSON and CSV, beside the reports, for open-data users. */
    private void openData(Content content, SiteFiles files) {
        Map<String, Localizer> localizers = new LinkedHashMap<>();
        for (var lang : content.site().languages()) {
            localizers.put(lang.code(), new Localizer(lang, content.site().fallbackOrder(), strings.get(lang.code()), content.units()));
        }
        OpenData data = new OpenData(content.site().languages(), localizers);
        for (var year : content.reportYears()) {
            files.put(OpenData.jsonPath(year.year()), data.json(year.report()));
            files.put(OpenData.csvPath(year.year()), data.csv(year.report()));
        }
    }

    /** The images the texts use, beside each language's pages (zh/2017/news/photo.jpg), so relative links work. */
    private void copyImages(Content content, SiteFiles files) {
        for (var img : content.images().entrySet()) {
            byte[] bytes;
            try {
                bytes = cache == null ? Files.readAllBytes(img.getValue()) : cache.read(img.getValue());
            } catch (IOException e) {
                problems.error(Position.of(img.getKey()), Msg.CANNOT_READ_FILE.with(Msg.reason(e)), Msg.CHECK_READABLE.with());
                continue;
            }
            // An SVG is published only as the safety check writes it again: never the file's own bytes.
            if (img.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
                SafeSvg.Result clean = SafeSvg.clean(bytes);
                if (!clean.ok()) {
                    problems.error(new Position(img.getKey(), clean.refusal().line(), clean.refusal().column()),
                            Msg.SVG_REFUSED.with(clean.refusal().what()), Msg.SVG_REFUSED_FIX.with());
                    continue;
                }
                bytes = clean.svg();
            }
            for (var lang : content.site().languages()) files.put(lang.code() + "/" + img.getKey(), bytes);
        }
        // The pictures site.yaml names (the 党政机关 mark, the public-security badge), once, under assets/site/.
        for (var pic : content.site().government().pictures().entrySet()) {
            String shown = options.content().toAbsolutePath().normalize().relativize(pic.getValue().file()).toString().replace('\\', '/');
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(pic.getValue().file());
            } catch (IOException e) {
                problems.error(pic.getValue().at(), Msg.CANNOT_READ_FILE.with(Msg.reason(e)), Msg.CHECK_READABLE.with());
                continue;
            }
            if (pic.getKey().endsWith(".svg")) {
                SafeSvg.Result clean = SafeSvg.clean(bytes);
                if (!clean.ok()) {
                    problems.error(new Position(shown, clean.refusal().line(), clean.refusal().column()),
                            Msg.SVG_REFUSED.with(clean.refusal().what()), Msg.SVG_REFUSED_FIX.with());
                    continue;
                }
                bytes = clean.svg();
            }
            files.put(pic.getKey(), bytes);
        }
    }

    private void copyAssets(SiteFiles files) {
        Path assets = options.templates().resolve("assets");
        if (!Files.isDirectory(assets)) return;
        try (Stream<Path> s = Files.walk(assets)) {
            Path real = assets.toRealPath();
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = options.templates().relativize(p).toString().replace('\\', '/');
                // A link to a file outside the assets folder would publish it (a key, a password file): refused, as in content/.
                if (!p.toRealPath().startsWith(real)) {
                    problems.error(Position.of("templates/" + rel),
                            Msg.ASSET_LINK.with(), Msg.ASSET_LINK_FIX.with());
                    continue;
                }
                files.put(rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new GazetteException(Position.of("templates/assets").error(Msg.CANNOT_READ_ASSETS.with(Msg.reason(e)), null));
        }
    }

    /** A stopped run's result: the files made so far if they were kept in memory (a build's are removed with its folder). */
    private Result result(boolean ok, List<Page> pages, SiteFiles files) {
        return result(ok, pages, files.inMemory() ? files.memory() : new TreeMap<>());
    }

    private Result result(boolean ok, List<Page> pages, SortedMap<String, byte[]> files) {
        return result(ok, perLanguage(pages), files);
    }

    /** Whether a page is one people read: HTML, not the root page (it only leads on) nor a feed. */
    private static boolean counted(Page p) {
        return p.path().endsWith(".html") && !p.key().equals("root");
    }

    /** Pages people read, per language. */
    private static Map<String, Integer> perLanguage(List<Page> pages) {
        Map<String, Integer> perLanguage = new LinkedHashMap<>();
        for (Page p : pages) if (counted(p)) perLanguage.merge(p.language().code(), 1, Integer::sum);
        return perLanguage;
    }

    private Result result(boolean ok, Map<String, Integer> counted, SortedMap<String, byte[]> files) {
        Map<String, Integer> perLanguage = counted;
        if (cache != null && partial) perLanguage = new LinkedHashMap<>(cache.perLanguage());
        else if (cache != null && ok) cache.perLanguage(perLanguage);
        return new Result(ok && !failed(), perLanguage, files, problems.sorted(), times, new LinkedHashMap<>(bulletinPages), bulletinsReused,
                last == null ? 0 : last.pagesTaken());
    }

    /** Warns when articles or reports cannot be found by search (a template without the mark the index reads). */
    private void searchable(SiteFiles files) {
        List<String> unmarked = cache == null ? List.copyOf(files.unmarked()) : SearchIndex.unmarked(files.memory());
        if (unmarked.isEmpty()) return;
        problems.warning(Position.of(unmarked.get(0)), unmarked.size() == 1 ? Msg.UNSEARCHABLE.with() : Msg.UNSEARCHABLE_MANY.with(unmarked.size() - 1), Msg.UNSEARCHABLE_FIX.with());
    }

    private <T> T step(String name, java.util.function.Supplier<T> step) {
        long start = System.nanoTime();
        try {
            return step.get();
        } finally {
            times.put(name, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Ends the run after a step whose problems are already collected. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

}
