package org.gazette.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.gazette.problem.Problem;
import org.gazette.site.Build;

import org.gazette.cli.CommandLine.Command;
import org.gazette.cli.CommandLine.Option;

/** {@code gazette build | check | serve | new | schema | bulletin}: exit 0 ok, 1 content or build error, 2 usage. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return new CommandLine(COMMANDS, version()).run(args, out, err);
        } catch (RuntimeException | Error e) {
            if (outOfMemory(e)) return outOfMemory(err);
            // A bug in Gazette, not in the content: say so plainly, whatever the command; the trace only on request.
            err.println("gazette: internal error: " + Problem.visible(String.valueOf(e)) + " — this is a bug in Gazette, not in your content; "
                    + "please report it with the output of the same command with --verbose. A site being built was not written.");
            if (List.of(args).contains("--verbose")) e.printStackTrace(err);
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    // The options build, check and bulletin share.
    private static final List<Option> FOLDERS = List.of(
            Option.value("--content", "DIR", "content folder", "content"),
            Option.value("--templates", "DIR", "templates folder", "templates"),
            Option.flag("--strict", "treat warnings (missing translations, broken links, unused files) as errors"),
            Option.flag("--verbose", "also print the time of each step"),
            Option.flag("--drafts", "include drafts and embargoed articles, marked with a banner (a preview: never publish it)"),
            Option.flag("--no-search", "build without the search page and its index"),
            Option.value("--now", "TIME", "publish as of this moment, e.g. 2019-02-26T10:00+08:00 (default: the clock); embargoes ending by then are lifted", null));

    private static final Option CONTENT = Option.value("--content", "DIR", "content folder", "content");

    private static List<Option> with(List<Option> common, Option... more) {
        List<Option> all = new java.util.ArrayList<>(common);
        all.addAll(List.of(more));
        all.sort(java.util.Comparator.comparing(Option::name));
        return List.copyOf(all);
    }

    static final Command COMMANDS = CommandLine.Command.group("gazette",
            "Publishes a press office's year as a bilingual website and printable bulletins.", List.of(
            Command.of("build", "Check the content, then build the website into the output folder.",
                    with(FOLDERS, Option.value("--out", "DIR", "output folder, replaced as a whole", "site-out")),
                    a -> execute(a, a.path("--out"), true, true))
                    .describedAlso("Bulletins unchanged since an earlier build are taken from the bulletin cache "
                            + "(GAZETTE_CACHE names its folder, or 'off'; see the README)."),
            Command.of("check", "Check content and templates; write nothing.",
                    with(FOLDERS, Option.flag("--bulletins", "also lay out and paint the bulletins (slower); without it, check what they need: XHTML, glyphs, images, fonts")),
                    a -> execute(a, Path.of("site-out"), false, a.has("--bulletins"))),
            Command.of("serve", "Preview the site in a browser: build it into memory, serve it on this machine, rebuild what a save changes and reload the open pages.",
                    with(List.of(CONTENT),
                            Option.value("--templates", "DIR", "templates folder", "templates"),
                            Option.value("--port", "N", "port to serve on; 0 picks a free one", "1717"),
                            Option.value("--bind", "ADDR", "address to serve on; the default is this machine only", "127.0.0.1"),
                            Option.value("--host", "NAME", "with --bind: the name other machines use for this one (e.g. press-pc.local); its addresses are accepted anyway", ""),
                            Option.flag("--drafts", "with --bind to another address: show drafts and embargoed articles there too"),
                            Option.flag("--open", "open the site in the default browser"),
                            Option.flag("--verbose", "also print the time of each step of every rebuild")),
                    Main::serve)
                    .describedAlso("Shows drafts and embargoed articles with their banner. Nothing is written to disk. Stop it with Ctrl+C."),
            Command.group("new", "Start a new text with its front matter filled in.", List.of(
                    Command.of("article", "Write <year>/news/<name>.<lang>.md in every language of the site, dated today (site time zone), marked draft: true.",
                            List.of(CONTENT),
                            a -> writeNew(a, () -> org.gazette.content.NewText.article(a.path("--content"), a.get("NAME"), java.time.Instant.now()),
                                    "fill in the title and text; remove 'draft: true' when it may be published"))
                            .describedAlso("Refuses to overwrite.")
                            .withArguments(Option.required("NAME", "NAME", "the article's name: lower-case letters, digits and hyphens, e.g. spring-planting")),
                    Command.of("year", "Start YEAR's report from the latest earlier one: its report.yaml with the same figures (values emptied, "
                                    + "last year's kept as comments) and the report's prose in every language as drafts.",
                            List.of(CONTENT), Main::newYear)
                            .describedAlso("Refuses to overwrite.")
                            .withArguments(Option.required("YEAR", "YEAR", "the year, e.g. 2018")))),
            Command.of("import", "Start an article from a Word or WPS draft (.docx): <year>/news/<name>.<lang>.md with its title, text "
                            + "and pictures, marked draft: true; what cannot be carried over (comments, tracked changes, text boxes …) is listed.",
                    List.of(CONTENT,
                            Option.required("--year", "YEAR", "the year whose news it joins, e.g. 2018"),
                            Option.required("--name", "NAME", "the article's name: lower-case letters, digits and hyphens, e.g. flood-drill"),
                            Option.value("--lang", "CODE", "the draft's language (default: the site's first)", null),
                            Option.value("--date", "DATE", "the article's date, e.g. 2018-06-20 (default: today in the site's time zone)", null)),
                    Main::importDocx)
                    .describedAlso("Refuses to overwrite. Pictures go to <year>/news/images/ without their EXIF (place, time, device).")
                    .withArguments(Option.required("FILE", "FILE", "the draft, e.g. draft.docx")),
            Command.of("schema", "Update the content folder's JSON Schema (schema/report.schema.json) to the unit table.",
                    List.of(CONTENT), Main::schema)
                    .describedAlso("The table is Gazette's units with those of units.yaml; an editor with a YAML language server then accepts them."),
            Command.of("bulletin", "Render one year's bulletin in one language to a PDF file, without building the website.",
                    with(FOLDERS,
                            Option.required("--year", "YEAR", "the year, e.g. 2017"),
                            Option.required("--lang", "CODE", "the language code, e.g. zh"),
                            Option.required("--out", "FILE", "the PDF file to write"),
                            Option.value("--xhtml", "FILE", "also write the XHTML the PDF is made from", null)),
                    Main::bulletin)));

    /** "gazette 0.1.0", from the jar's manifest. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "gazette " + (v == null ? "(development build)" : v);
    }

    /** An option's whole number; null (after a usage message) when it is not one. */
    private static Integer number(CommandLine.Args a, String option, String what) {
        String v = a.get(option);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            a.err.println(a.command() + ": " + option + " '" + Problem.visible(v) + "' is not " + what + " (see " + a.command() + " --help)");
            return null;
        }
    }

    /**
     * A very large archive on a small machine: say what to do, not a stack trace. The output folder
     * is replaced only at the very end, so the previous site is still there.
     */
    static int outOfMemory(PrintWriter err) {
        err.println("gazette: out of memory: this content needs more than the " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB Java may use here; nothing was written (the previous site is kept)");
        err.println("  give Java more, e.g. GAZETTE_JAVA_OPTS=-Xmx12g ./gazette build (a build holds about 60 MB per 1,000 articles in both languages)");
        return 1;
    }

    private static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof OutOfMemoryError) return true;
        return false;
    }

    /** The options build, check and bulletin share, as given. */
    static final class Folders {
        final Path content;
        final Path templates;
        final boolean strict;
        final boolean verbose;
        final boolean drafts;
        final boolean noSearch;
        final String now;

        Folders(CommandLine.Args a) {
            content = a.path("--content");
            templates = a.path("--templates");
            strict = a.has("--strict");
            verbose = a.has("--verbose");
            drafts = a.has("--drafts");
            noSearch = a.has("--no-search");
            now = a.get("--now");
        }

        /** What the build publishes; null (after a message) when --now cannot be read. */
        org.gazette.content.Publishing publishing(PrintWriter err) {
            java.time.Instant at = java.time.Instant.now();
            if (now != null) {
                try {
                    at = java.time.OffsetDateTime.parse(now.trim().replace(' ', 'T')).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    err.println("gazette: --now '" + Problem.visible(now) + "' is not a date and time with its offset — write it like 2019-02-26T10:00+08:00");
                    return null;
                }
            }
            return new org.gazette.content.Publishing(at, drafts);
        }
    }

    static int bulletin(CommandLine.Args a) {
        PrintWriter stderr = a.err;
        Folders folders = new Folders(a);
        Path out = a.path("--out");
        Path xhtml = a.path("--xhtml");
        String lang = a.get("--lang");
        Integer year = number(a, "--year", "a year, e.g. 2017");
        if (year == null) return 2;
        long start = System.nanoTime();
        var publishing = folders.publishing(stderr);
        if (publishing == null) return 2;
        Build build = new Build(new Build.Options(folders.content, folders.templates, out, folders.strict, publishing)
                .withBulletinCache(org.gazette.render.BulletinCache.configuredFolder()));
        var result = build.bulletin(year, lang);
        for (Problem p : build.problems()) stderr.println(p.format());
        if (result == null) {
            stderr.println("gazette: bulletin failed; nothing was written");
            return 1;
        }
        try {
            java.nio.file.Files.write(out, result.getKey());
            if (xhtml != null) java.nio.file.Files.writeString(xhtml, result.getValue(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            stderr.println("gazette: cannot write " + Problem.visible(e.getMessage()) + " — check the folder exists and may be written");
            return 1;
        }
        a.out.println("gazette: wrote " + out + " (" + result.getKey().length / 1024 + " KB), "
                + String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9));
        return 0;
    }

    static int serve(CommandLine.Args a) {
        PrintWriter stdout = a.out;
        PrintWriter stderr = a.err;
        Path content = a.path("--content");
        Path templates = a.path("--templates");
        String bind = a.get("--bind");
        boolean drafts = a.has("--drafts");
        Integer port = number(a, "--port", "a port number, e.g. 1717 (0 picks a free one)");
        if (port == null) return 2;
        try {
            java.net.InetAddress address;
            try {
                address = java.net.InetAddress.getByName(bind);
            } catch (java.net.UnknownHostException e) {
                stderr.println("gazette: --bind '" + Problem.visible(bind) + "' is not an address of this machine — use 127.0.0.1 (the default)");
                return 2;
            }
            boolean local = address.isLoopbackAddress();
            boolean showHeld = org.gazette.serve.Serve.showsHeld(address, drafts);
            if (!local) {
                stderr.println("gazette: warning: serving on " + bind + ", which other machines can reach"
                        + (drafts ? "; drafts and embargoed articles are shown to them (--drafts)" : "; drafts and embargoed articles are left out (add --drafts to show them)"));
            }
            var publishing = new org.gazette.content.Publishing(java.time.Instant.now(), showHeld);
            var options = new Build.Options(content, templates, Path.of("site-out"), false, publishing, true)
                    .withBulletinCache(org.gazette.render.BulletinCache.configuredFolder());
            // A connection that has not sent its whole request within 5 s is closed (an idle socket must not hold a thread); set before the server exists.
            if (System.getProperty("sun.net.httpserver.maxReqTime") == null) System.setProperty("sun.net.httpserver.maxReqTime", "5");
            String hostName = a.get("--host");
            List<String> names = hostName == null || hostName.isBlank() ? List.of() : List.of(hostName.trim());
            try (var serve = new org.gazette.serve.Serve(options, new java.net.InetSocketAddress(address, port), names, stdout)) {
                serve.verbose(a.has("--verbose"));
                serve.route(desk(content, templates, serve, local));
                serve.start();
                String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
                String url = "http://" + (local ? "127.0.0.1" : host) + ":" + serve.port() + "/";
                stdout.println("gazette: serving " + content + " at " + url + " — watching " + content + "/ and " + templates + "/; Ctrl+C stops");
                stdout.flush();
                if (a.has("--open")) openBrowser(url, stderr);
                serve.run();
            } catch (java.net.BindException e) {
                stderr.println("gazette: cannot serve on " + bind + ":" + port + " (" + e.getMessage() + ") — is another preview running? Try --port " + (port + 1));
                return 1;
            }
            return 0;
        } catch (java.io.IOException e) {
            stderr.println("gazette: the preview stopped: " + Problem.visible(e.getMessage()));
            return 1;
        }
    }

    static int importDocx(CommandLine.Args a) {
        Path content = a.path("--content");
        var problems = new org.gazette.problem.Problems();
        var site = org.gazette.config.SiteConfigLoader.load(content, new org.gazette.yaml.YamlReader(), problems);
        if (site.isEmpty()) {
            problems.sorted().forEach(p -> a.err.println(p.format()));
            return 1;
        }
        List<String> languages = site.get().languages().stream().map(org.gazette.i18n.Language::code).toList();
        String lang = a.get("--lang") == null ? languages.get(0) : a.get("--lang");
        String date = a.get("--date") != null ? a.get("--date") : java.time.LocalDate.now(site.get().timeZone()).toString();
        Path file = Path.of(a.get("FILE"));
        try {
            byte[] docx = java.nio.file.Files.readAllBytes(file);
            var done = new org.gazette.desk.Articles(content, languages).importDocx(a.get("--year"), a.get("--name"), lang, date, docx);
            a.out.println("gazette: wrote " + content.resolve(done.file()));
            for (String p : done.pictures()) a.out.println("gazette: wrote " + content.resolve(p) + " (without its EXIF)");
            for (String n : done.notCarried()) a.err.println(file.getFileName() + ": warning: " + Problem.visible(n));
            a.out.println("gazette: read it through, fill in the summary, and remove 'draft: true' when it may be published");
            return 0;
        } catch (java.nio.file.NoSuchFileException e) {
            a.err.println(file + ": no such file — name the .docx to import");
            return 1;
        } catch (java.io.IOException e) {
            a.err.println(file + ": " + Problem.visible(e.getMessage()));
            return 1;
        }
    }

    /** The writing desk beside the preview, in the site's languages (zh and en while site.yaml cannot be read). */
    static org.gazette.desk.Desk desk(Path content, Path templates, org.gazette.serve.Serve serve, boolean local) {
        var site = org.gazette.config.SiteConfigLoader.load(content, new org.gazette.yaml.YamlReader(), new org.gazette.problem.Problems());
        List<String> languages = site.map(s -> s.languages().stream().map(org.gazette.i18n.Language::code).toList()).orElse(List.of("zh", "en"));
        return new org.gazette.desk.Desk(new org.gazette.desk.Articles(content, languages), serve::problems,
                file -> serve.rebuild(List.of(file), file + " (desk)"), local).warm()
                .reports(new org.gazette.desk.ReportTable(content, templates, null))
                .builds(() -> {
                    // The Build button runs what `gazette build` runs, into site-out/ beside the content.
                    java.io.StringWriter out = new java.io.StringWriter();
                    java.io.StringWriter err = new java.io.StringWriter();
                    int code = run(new String[] {"build", "--content", content.toString(), "--templates", templates.toString(),
                            "--out", content.toAbsolutePath().normalize().resolveSibling("site-out").toString()},
                            new PrintWriter(out, true), new PrintWriter(err, true));
                    // The summary line first, then what it found.
                    return new org.gazette.desk.Desk.Built(code, out.toString() + err);
                });
    }

    private static void openBrowser(String url, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            err.println("gazette: could not open a browser (" + e.getMessage() + "); open " + url + " yourself");
        }
    }

    /** Runs a {@code new} command: the files it wrote and what to do next, or its problems (exit 1). */
    static int writeNew(CommandLine.Args a, java.util.function.Supplier<List<Path>> write, String next) {
        try {
            for (Path f : write.get()) a.out.println("gazette: wrote " + f);
            a.out.println("gazette: " + next);
            return 0;
        } catch (org.gazette.problem.GazetteException e) {
            e.problems().forEach(p -> a.err.println(p.format()));
            return 1;
        }
    }

    static int newYear(CommandLine.Args a) {
        Integer year = number(a, "YEAR", "a year, e.g. 2018");
        if (year == null) return 2;
        return writeNew(a, () -> org.gazette.content.NewText.year(a.path("--content"), year, java.time.Instant.now()),
                "fill in the figures' values and the texts; remove 'draft: true' from the prose when the report may be published");
    }

    static int schema(CommandLine.Args a) {
        Path content = a.path("--content");
        PrintWriter err = a.err;
        var problems = new org.gazette.problem.Problems();
        var yaml = new org.gazette.yaml.YamlReader();
        var site = org.gazette.config.SiteConfigLoader.load(content, yaml, problems);
        var units = site.map(s -> org.gazette.format.Units.load(content, yaml, s.languages(), problems));
        problems.sorted().forEach(p -> err.println(p.format()));
        if (units.isEmpty() || problems.hasErrors()) {
            err.println("gazette: schema not updated: fix the errors above first");
            return 1;
        }
        try {
            boolean changed = org.gazette.content.SchemaFiles.update(content, units.get());
            a.out.println("gazette: " + content.resolve(org.gazette.content.SchemaFiles.REPORT)
                    + (changed ? " now accepts the " : " already accepts the ") + units.get().all().size() + " units of the table");
            return 0;
        } catch (org.gazette.problem.GazetteException e) {
            e.problems().forEach(p -> err.println(p.format()));
            return 1;
        }
    }

    /** {@code build} and {@code check}: the whole pipeline, writing the output folder or not; its problems and a summary. */
    static int execute(CommandLine.Args a, Path out, boolean write, boolean paintBulletins) {
        Folders f = new Folders(a);
        PrintWriter stdout = a.out;
        PrintWriter stderr = a.err;
        long start = System.nanoTime();
        var publishing = f.publishing(stderr);
        if (publishing == null) return 2;
        Build.Result r = new Build(new Build.Options(f.content, f.templates, out, f.strict, publishing, !f.noSearch, paintBulletins)
                .withBulletinCache(org.gazette.render.BulletinCache.configuredFolder())).run(write);
        for (Problem p : r.problems()) stderr.println(p.format());
        long warnings = r.problems().stream().filter(p -> !p.isError()).count();
        long errors = r.problems().size() - warnings;
        double seconds = (System.nanoTime() - start) / 1e9;
        if (f.verbose) {
            r.stepMillis().forEach((step, ms) -> stderr.println("  " + step + ": " + ms + " ms"));
        }
        int pages = r.pagesPerLanguage().values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder perLang = new StringBuilder();
        r.pagesPerLanguage().forEach((lang, n) -> perLang.append(perLang.length() == 0 ? "" : ", ").append(lang).append(' ').append(n));
        String time = String.format(Locale.ROOT, "%.2f s", seconds);
        if (!r.ok()) {
            stderr.println("gazette: " + (write ? "build" : "check") + " failed: " + plural(errors, "error") + ", " + plural(warnings, "warning")
                    + (f.strict && errors == 0 ? " (--strict)" : "") + "; nothing was written");
            return 1;
        }
        // "zh 9 pages", or "2017 zh 9 pages" when there are bulletins of several years.
        boolean years = r.bulletinPages().keySet().stream().map(k -> k.split("/")[1]).distinct().count() > 1;
        boolean painted = r.bulletinPages().values().stream().allMatch(n -> n > 0);
        String bulletins = r.bulletinPages().isEmpty() ? "" : !painted
                ? ", " + plural(r.bulletinPages().size(), "bulletin") + " checked, not painted (--bulletins paints them)"
                : ", " + plural(r.bulletinPages().size(), "bulletin") + " ("
                + String.join(", ", r.bulletinPages().entrySet().stream().map(e -> {
                    String[] parts = e.getKey().split("/");
                    return (years ? parts[1] + " " : "") + parts[0] + " " + plural(e.getValue(), "page");
                }).toList())
                + (r.bulletinsReused() == 0 ? "" : "; " + r.bulletinsReused() + " unchanged, not painted again")
                + ")";
        if (f.drafts) stderr.println("gazette: this is a preview with drafts and embargoed articles (--drafts): do not publish it");
        if (write) {
            stdout.println("gazette: built " + out + ": " + pages + " pages (" + perLang + ")" + bulletins + ", " + r.files().size() + " files, "
                    + plural(warnings, "warning") + ", " + time);
        } else {
            stdout.println("gazette: check ok: " + pages + " pages (" + perLang + ")" + bulletins + ", " + plural(warnings, "warning") + ", " + time);
        }
        return 0;
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
