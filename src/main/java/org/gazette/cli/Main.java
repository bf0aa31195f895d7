package org.gazette.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.gazette.cli.CommandLine.Command;
import org.gazette.cli.CommandLine.Option;
import org.gazette.config.SiteConfigLoader;
import org.gazette.content.NewText;
import org.gazette.content.Publishing;
import org.gazette.content.SchemaFiles;
import org.gazette.desk.Articles;
import org.gazette.desk.Desk;
import org.gazette.desk.ReportTable;
import org.gazette.format.Units;
import org.gazette.i18n.Language;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Lang;
import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Problem;
import org.gazette.problem.Problems;
import org.gazette.bulletin.BulletinCache;
import org.gazette.serve.Serve;
import org.gazette.site.Build;
import org.gazette.site.OutputPlan;
import org.gazette.yaml.YamlReader;

/** {@code gazette build | check | serve | new | schema | bulletin}: exit 0 ok, 1 content or build error, 2 usage. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs with {@code env} as the environment (it chooses the language: {@code GAZETTE_LANG}, {@code LANG} …). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env) {
        Lang lang = Lang.EN;
        try {
            lang = language(args, env);
            return new CommandLine(COMMANDS, version(), lang).run(args, out, err);
        } catch (RuntimeException | Error e) {
            if (outOfMemory(e)) return outOfMemory(err, lang);
            // A bug in Gazette, not in the content: say so plainly, whatever the command; the trace only on request.
            err.println("gazette: " + Msg.CLI_INTERNAL_ERROR.with(Problem.visible(String.valueOf(e))).in(lang));
            if (List.of(args).contains("--verbose")) e.printStackTrace(err);
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The language of this run: {@code --lang} (when it names Chinese or English), {@code GAZETTE_LANG},
     * the system's locale, then the first language of the site in {@code --content} (read only when
     * nothing else says).
     */
    static Lang language(String[] args, java.util.Map<String, String> env) {
        String option = null;
        String content = "content";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) break;
            if (a.equals("--lang") && i + 1 < args.length) option = args[i + 1];
            else if (a.startsWith("--lang=")) option = a.substring(7);
            else if (a.equals("--content") && i + 1 < args.length) content = args[i + 1];
            else if (a.startsWith("--content=")) content = a.substring(10);
        }
        Path folder = Path.of(content);
        return Lang.choose(option, env, () -> SiteConfigLoader.load(folder, new YamlReader(), new Problems())
                .map(s -> s.defaultLanguage().code()).orElse(null));
    }

    // The options build, check and bulletin share.
    private static final List<Option> FOLDERS = List.of(
            Option.value("--content", "DIR", Msg.OPT_CONTENT.with(), "content"),
            Option.value("--templates", "DIR", Msg.OPT_TEMPLATES.with(), "templates"),
            Option.flag("--strict", Msg.OPT_STRICT.with()),
            Option.flag("--verbose", Msg.OPT_VERBOSE.with()),
            Option.flag("--drafts", Msg.OPT_DRAFTS.with()),
            Option.flag("--no-search", Msg.OPT_NO_SEARCH.with()),
            Option.value("--now", "TIME", Msg.OPT_NOW.with(), null));

    private static final Option CONTENT = Option.value("--content", "DIR", Msg.OPT_CONTENT.with(), "content");

    private static List<Option> with(List<Option> common, Option... more) {
        List<Option> all = new java.util.ArrayList<>(common);
        all.addAll(List.of(more));
        all.sort(java.util.Comparator.comparing(Option::name));
        return List.copyOf(all);
    }

    static final Command COMMANDS = CommandLine.Command.group("gazette", Msg.CMD_GAZETTE.with(), List.of(
            Command.of("build", Msg.CMD_BUILD.with(),
                    with(FOLDERS, Option.value("--out", "DIR", Msg.OPT_OUT_FOLDER.with(), "site-out"), Option.flag("--full", Msg.OPT_FULL.with())),
                    a -> execute(a, a.path("--out"), true, true))
                    .describedAlso(Msg.CMD_BUILD_MORE.with()),
            Command.of("check", Msg.CMD_CHECK.with(),
                    with(FOLDERS, Option.flag("--bulletins", Msg.OPT_BULLETINS.with())),
                    a -> execute(a, Path.of("site-out"), false, a.has("--bulletins"))),
            Command.of("serve", Msg.CMD_SERVE.with(),
                    with(List.of(CONTENT),
                            Option.value("--templates", "DIR", Msg.OPT_TEMPLATES.with(), "templates"),
                            Option.value("--port", "N", Msg.OPT_PORT.with(), "1717"),
                            Option.value("--bind", "ADDR", Msg.OPT_BIND.with(), "127.0.0.1"),
                            Option.value("--host", "NAME", Msg.OPT_HOST.with(), ""),
                            Option.flag("--drafts", Msg.OPT_SERVE_DRAFTS.with()),
                            Option.flag("--open", Msg.OPT_OPEN.with()),
                            Option.flag("--verbose", Msg.OPT_SERVE_VERBOSE.with())),
                    Main::serve)
                    .describedAlso(Msg.CMD_SERVE_MORE.with()),
            Command.group("new", Msg.CMD_NEW.with(), List.of(
                    Command.of("article", Msg.CMD_NEW_ARTICLE.with(),
                            List.of(CONTENT),
                            a -> writeNew(a, () -> NewText.article(a.path("--content"), a.get("NAME"), java.time.Instant.now()),
                                    Msg.NEW_ARTICLE_NEXT.with()))
                            .describedAlso(Msg.CMD_REFUSES_OVERWRITE.with())
                            .withArguments(Option.required("NAME", "NAME", Msg.ARG_ARTICLE_NAME.with())),
                    Command.of("year", Msg.CMD_NEW_YEAR.with(), List.of(CONTENT), Main::newYear)
                            .describedAlso(Msg.CMD_REFUSES_OVERWRITE.with())
                            .withArguments(Option.required("YEAR", "YEAR", Msg.ARG_YEAR.with("2018"))))),
            Command.of("import", Msg.CMD_IMPORT.with(),
                    List.of(CONTENT,
                            Option.required("--year", "YEAR", Msg.OPT_IMPORT_YEAR.with()),
                            Option.required("--name", "NAME", Msg.ARG_IMPORT_NAME.with()),
                            Option.value("--lang", "CODE", Msg.OPT_IMPORT_LANG.with(), null),
                            Option.value("--date", "DATE", Msg.OPT_IMPORT_DATE.with(), null)),
                    Main::importDocx)
                    .describedAlso(Msg.CMD_IMPORT_MORE.with())
                    .withArguments(Option.required("FILE", "FILE", Msg.ARG_DOCX.with())),
            Command.of("explain", Msg.CMD_EXPLAIN.with(), FOLDERS, Main::explain)
                    .withArguments(Option.required("PATH", "PATH", Msg.ARG_OUTPUT_PATH.with())),
            Command.of("schema", Msg.CMD_SCHEMA.with(), List.of(CONTENT), Main::schema)
                    .describedAlso(Msg.CMD_SCHEMA_MORE.with()),
            Command.of("bulletin", Msg.CMD_BULLETIN.with(),
                    with(FOLDERS,
                            Option.required("--year", "YEAR", Msg.ARG_YEAR.with("2017")),
                            Option.required("--lang", "CODE", Msg.OPT_BULLETIN_LANG.with()),
                            Option.required("--out", "FILE", Msg.OPT_OUT_PDF.with()),
                            Option.value("--format", "pdf|docx", Msg.OPT_FORMAT.with(), "pdf"),
                            Option.value("--xhtml", "FILE", Msg.OPT_XHTML.with(), null)),
                    Main::bulletin)));

    /** "gazette 0.1.0", from the jar's manifest. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "gazette " + (v == null ? "(development build)" : v);
    }

    /** An option's whole number; null (after a usage message) when it is not one. */
    private static Integer number(CommandLine.Args a, String option, Message what) {
        String v = a.get(option);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            a.err.println(a.command() + ": " + a.say(Msg.CLI_NOT_NUMBER.with(option, Problem.visible(v), what, a.command() + " --help")));
            return null;
        }
    }

    /**
     * A very large archive on a small machine: say what to do, not a stack trace. The output folder
     * is replaced only at the very end, so the previous site is still there.
     */
    static int outOfMemory(PrintWriter err, Lang lang) {
        err.println("gazette: " + Msg.CLI_OUT_OF_MEMORY.with(Runtime.getRuntime().maxMemory() >> 20).in(lang));
        err.println("  " + Msg.CLI_OUT_OF_MEMORY_FIX.with().in(lang));
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
        Publishing publishing(PrintWriter err, Lang lang) {
            java.time.Instant at = java.time.Instant.now();
            if (now != null) {
                try {
                    at = java.time.OffsetDateTime.parse(now.trim().replace(' ', 'T')).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    err.println("gazette: " + Msg.CLI_BAD_NOW.with(Problem.visible(now)).in(lang));
                    return null;
                }
            }
            return new Publishing(at, drafts);
        }
    }

    static int bulletin(CommandLine.Args a) {
        PrintWriter stderr = a.err;
        Folders folders = new Folders(a);
        Path out = a.path("--out");
        Path xhtml = a.path("--xhtml");
        String lang = a.get("--lang");
        Integer year = number(a, "--year", Msg.CLI_A_YEAR.with("2017"));
        if (year == null) return 2;
        long start = System.nanoTime();
        var publishing = folders.publishing(stderr, a.lang);
        if (publishing == null) return 2;
        Build build = new Build(new Build.Options(folders.content, folders.templates, out, folders.strict, publishing)
                .withBulletinCache(BulletinCache.configuredFolder()));
        String format = a.get("--format").trim().toLowerCase(Locale.ROOT);
        if (!format.equals("pdf") && !format.equals("docx")) {
            stderr.println(a.command() + ": " + a.say(Msg.CLI_BAD_FORMAT.with(Problem.visible(format), a.command() + " --help")));
            return 2;
        }
        var result = build.bulletin(year, lang, format.equals("docx"));
        for (Problem p : build.problems()) stderr.println(p.format(a.lang));
        if (result == null) {
            stderr.println("gazette: " + a.say(Msg.CLI_BULLETIN_FAILED.with()));
            return 1;
        }
        byte[] bytes = format.equals("docx") ? result.docx() : result.result().pdf();
        try {
            java.nio.file.Files.write(out, bytes);
            if (xhtml != null) java.nio.file.Files.writeString(xhtml, result.xhtml(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            stderr.println("gazette: " + Problem.visible(a.say(Msg.CLI_CANNOT_WRITE.with(Msg.reason(e)))));
            return 1;
        }
        a.out.println("gazette: " + a.say(Msg.CLI_WROTE_PDF.with(out, bytes.length / 1024,
                String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9))));
        return 0;
    }

    static int serve(CommandLine.Args a) {
        PrintWriter stdout = a.out;
        PrintWriter stderr = a.err;
        Path content = a.path("--content");
        Path templates = a.path("--templates");
        String bind = a.get("--bind");
        boolean drafts = a.has("--drafts");
        Integer port = number(a, "--port", Msg.CLI_A_PORT.with());
        if (port == null) return 2;
        try {
            java.net.InetAddress address;
            try {
                address = java.net.InetAddress.getByName(bind);
            } catch (java.net.UnknownHostException e) {
                stderr.println("gazette: " + a.say(Msg.CLI_BAD_BIND.with(Problem.visible(bind))));
                return 2;
            }
            boolean local = address.isLoopbackAddress();
            boolean showHeld = Serve.showsHeld(address, drafts);
            if (!local) {
                stderr.println("gazette: " + a.say((drafts ? Msg.CLI_SERVE_REACHABLE_DRAFTS : Msg.CLI_SERVE_REACHABLE).with(bind)));
            }
            var publishing = new Publishing(java.time.Instant.now(), showHeld);
            var options = new Build.Options(content, templates, Path.of("site-out"), false, publishing, true)
                    .withBulletinCache(BulletinCache.configuredFolder());
            // A connection that has not sent its whole request within 5 s is closed (an idle socket must not hold a thread); set before the server exists.
            if (System.getProperty("sun.net.httpserver.maxReqTime") == null) System.setProperty("sun.net.httpserver.maxReqTime", "5");
            String hostName = a.get("--host");
            List<String> names = hostName == null || hostName.isBlank() ? List.of() : List.of(hostName.trim());
            try (var serve = new Serve(options, new java.net.InetSocketAddress(address, port), names, stdout)) {
                serve.verbose(a.has("--verbose"));
                serve.speaking(a.lang);
                serve.route(desk(content, templates, serve, local));
                serve.start();
                String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
                String url = "http://" + (local ? "127.0.0.1" : host) + ":" + serve.port() + "/";
                stdout.println("gazette: " + a.say(Msg.CLI_SERVING.with(content, url, content + "/", templates + "/")));
                stdout.flush();
                if (a.has("--open")) openBrowser(url, stderr, a.lang);
                serve.run();
            } catch (java.net.BindException e) {
                stderr.println("gazette: " + a.say(Msg.CLI_CANNOT_SERVE.with(bind + ":" + port, Msg.reason(e), "--port " + (port + 1))));
                return 1;
            }
            return 0;
        } catch (java.io.IOException e) {
            stderr.println("gazette: " + Problem.visible(a.say(Msg.CLI_PREVIEW_STOPPED.with(Msg.reason(e)))));
            return 1;
        }
    }

    static int importDocx(CommandLine.Args a) {
        Path content = a.path("--content");
        var problems = new Problems();
        var site = SiteConfigLoader.load(content, new YamlReader(), problems);
        if (site.isEmpty()) {
            problems.sorted().forEach(p -> a.err.println(p.format(a.lang)));
            return 1;
        }
        List<String> languages = site.get().languages().stream().map(Language::code).toList();
        String lang = a.get("--lang") == null ? languages.get(0) : a.get("--lang");
        String date = a.get("--date") != null ? a.get("--date") : java.time.LocalDate.now(site.get().timeZone()).toString();
        Path file = Path.of(a.get("FILE"));
        try {
            byte[] docx = java.nio.file.Files.readAllBytes(file);
            var done = new Articles(content, languages).importDocx(a.get("--year"), a.get("--name"), lang, date, docx);
            a.out.println("gazette: " + a.say(Msg.CLI_WROTE.with(content.resolve(done.file()))));
            for (String p : done.pictures()) a.out.println("gazette: " + a.say(Msg.CLI_WROTE_PICTURE.with(content.resolve(p))));
            for (Message n : done.notCarried()) a.err.println(file.getFileName() + ": " + Problem.visible(a.say(Msg.WARNING.with(a.say(n)))));
            a.out.println("gazette: " + a.say(Msg.CLI_IMPORT_NEXT.with()));
            return 0;
        } catch (java.nio.file.NoSuchFileException e) {
            a.err.println(file + ": " + a.say(Msg.CLI_NO_DOCX.with()));
            return 1;
        } catch (Articles.Refused e) {
            a.err.println(file + ": " + Problem.visible(a.say(Articles.why(e))));
            return 1;
        } catch (java.io.IOException e) {
            a.err.println(file + ": " + Problem.visible(a.say(Msg.reason(e))));
            return 1;
        }
    }

    /** The writing desk beside the preview, in the site's languages (zh and en while site.yaml cannot be read). */
    static Desk desk(Path content, Path templates, Serve serve, boolean local) {
        var site = SiteConfigLoader.load(content, new YamlReader(), new Problems());
        List<String> languages = site.map(s -> s.languages().stream().map(Language::code).toList()).orElse(List.of("zh", "en"));
        return new Desk(new Articles(content, languages), serve::problems,
                file -> serve.rebuild(List.of(file), serve.lang() == Lang.ZH ? file + "（写作台）" : file + " (desk)"), local).warm()
                .reports(new ReportTable(content, templates, null))
                .builds(lang -> {
                    // The Build button runs what `gazette build` runs, into site-out/ beside the content.
                    java.io.StringWriter out = new java.io.StringWriter();
                    java.io.StringWriter err = new java.io.StringWriter();
                    int code = run(new String[] {"build", "--content", content.toString(), "--templates", templates.toString(),
                            "--out", content.toAbsolutePath().normalize().resolveSibling("site-out").toString(), "--lang", lang.code()},
                            new PrintWriter(out, true), new PrintWriter(err, true));
                    // The summary line first, then what it found.
                    return new Desk.Built(code, out.toString() + err);
                });
    }

    private static void openBrowser(String url, PrintWriter err, Lang lang) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            err.println("gazette: " + Msg.CLI_NO_BROWSER.with(Msg.reason(e), url).in(lang));
        }
    }

    /** Runs a {@code new} command: the files it wrote and what to do next, or its problems (exit 1). */
    static int writeNew(CommandLine.Args a, java.util.function.Supplier<List<Path>> write, Message next) {
        try {
            for (Path f : write.get()) a.out.println("gazette: " + a.say(Msg.CLI_WROTE.with(f)));
            a.out.println("gazette: " + a.say(next));
            return 0;
        } catch (GazetteException e) {
            e.problems().forEach(p -> a.err.println(p.format(a.lang)));
            return 1;
        }
    }

    static int newYear(CommandLine.Args a) {
        Integer year = number(a, "YEAR", Msg.CLI_A_YEAR.with("2018"));
        if (year == null) return 2;
        return writeNew(a, () -> NewText.year(a.path("--content"), year, java.time.Instant.now(), a.lang),
                Msg.NEW_YEAR_NEXT.with());
    }

    static int schema(CommandLine.Args a) {
        Path content = a.path("--content");
        PrintWriter err = a.err;
        var problems = new Problems();
        var yaml = new YamlReader();
        var site = SiteConfigLoader.load(content, yaml, problems);
        var units = site.map(s -> Units.load(content, yaml, s.languages(), problems));
        problems.sorted().forEach(p -> err.println(p.format(a.lang)));
        if (units.isEmpty() || problems.hasErrors()) {
            err.println("gazette: " + a.say(Msg.CLI_SCHEMA_NOT_UPDATED.with()));
            return 1;
        }
        try {
            boolean changed = SchemaFiles.update(content, units.get());
            a.out.println("gazette: " + a.say((changed ? Msg.CLI_SCHEMA_UPDATED : Msg.CLI_SCHEMA_CURRENT)
                    .with(content.resolve(SchemaFiles.REPORT), units.get().all().size())));
            return 0;
        } catch (GazetteException e) {
            e.problems().forEach(p -> err.println(p.format(a.lang)));
            return 1;
        }
    }

    /** {@code build} and {@code check}: the whole pipeline, writing the output folder or not; its problems and a summary. */
    static int execute(CommandLine.Args a, Path out, boolean write, boolean paintBulletins) {
        Folders f = new Folders(a);
        PrintWriter stdout = a.out;
        PrintWriter stderr = a.err;
        long start = System.nanoTime();
        var publishing = f.publishing(stderr, a.lang);
        if (publishing == null) return 2;
        // A build takes from the last one what is unchanged, unless told not to (--full) or caching is off.
        Build.Reuse reuse = !write || cacheOff() ? Build.Reuse.NONE
                : a.has("--full") ? Build.Reuse.RECORD : Build.Reuse.CHANGED;
        Build.Result r = new Build(new Build.Options(f.content, f.templates, out, f.strict, publishing, !f.noSearch, paintBulletins)
                .withBulletinCache(BulletinCache.configuredFolder()).withReuse(reuse)).run(write);
        for (Problem p : r.problems()) stderr.println(p.format(a.lang));
        long warnings = r.problems().stream().filter(p -> !p.isError()).count();
        long errors = r.problems().size() - warnings;
        double seconds = (System.nanoTime() - start) / 1e9;
        if (f.verbose) {
            r.stepMillis().forEach((step, ms) -> stderr.println("  " + step + ": " + ms + " ms"));
        }
        int pages = r.pagesPerLanguage().values().stream().mapToInt(Integer::intValue).sum();
        List<Message> perLang = r.pagesPerLanguage().entrySet().stream().map(e -> Msg.SUM_LANG_PAGES.with(e.getKey(), e.getValue())).toList();
        String time = String.format(Locale.ROOT, "%.2f", seconds);
        if (!r.ok()) {
            Message strict = f.strict && errors == 0 ? Msg.SUM_STRICT.with() : Msg.NOTHING.with();
            stderr.println("gazette: " + a.say((write ? Msg.SUM_BUILD_FAILED : Msg.SUM_CHECK_FAILED).with(errors, warnings, strict)));
            return 1;
        }
        // "zh 9 pages", or "2017 zh 9 pages" when there are bulletins of several years.
        boolean years = r.bulletinPages().keySet().stream().map(k -> k.split("/")[1]).distinct().count() > 1;
        boolean painted = r.bulletinPages().values().stream().allMatch(n -> n > 0);
        int count = r.bulletinPages().size();
        List<Message> each = r.bulletinPages().entrySet().stream().map(e -> {
            String[] parts = e.getKey().split("/");
            return years ? Msg.SUM_YEAR_BULLETIN_PAGES.with(parts[1], parts[0], e.getValue()) : Msg.SUM_BULLETIN_PAGES.with(parts[0], e.getValue());
        }).toList();
        Message bulletins = count == 0 ? Msg.NOTHING.with() : !painted ? Msg.SUM_BULLETINS_CHECKED.with(count)
                : r.bulletinsReused() == 0 ? Msg.SUM_BULLETINS.with(count, each) : Msg.SUM_BULLETINS_REUSED.with(count, each, r.bulletinsReused());
        if (f.drafts) stderr.println("gazette: " + a.say(Msg.SUM_DRAFTS.with()));
        if (write) {
            Message taken = r.pagesReused() == 0 ? Msg.NOTHING.with() : Msg.SUM_TAKEN.with(r.pagesReused());
            stdout.println("gazette: " + a.say(Msg.SUM_BUILT.with(out, pages, perLang, taken, bulletins, r.files().size(), warnings, time)));
        } else {
            stdout.println("gazette: " + a.say(Msg.SUM_CHECKED.with(pages, perLang, bulletins, warnings, time)));
        }
        return 0;
    }

    /** Whether GAZETTE_CACHE (or the gazette.cache property) says {@code off}: nothing is kept between builds. */
    private static boolean cacheOff() {
        String setting = System.getProperty("gazette.cache", System.getenv("GAZETTE_CACHE"));
        return setting != null && setting.trim().equalsIgnoreCase("off");
    }

    /**
     * {@code gazette explain PATH}: where a file of the built site comes from — what makes it, with
     * which template, from which files — read from the build's plan of its outputs (the site is
     * checked, not written; bulletins are not painted).
     */
    static int explain(CommandLine.Args a) {
        Folders f = new Folders(a);
        var publishing = f.publishing(a.err, a.lang);
        if (publishing == null) return 2;
        Build build = new Build(new Build.Options(f.content, f.templates, Path.of("site-out"), false, publishing, !f.noSearch, false));
        Build.Result r = build.run(false);
        if (!r.ok() || build.outputs() == null) {
            for (Problem p : r.problems()) a.err.println(p.format(a.lang));
            a.err.println("gazette: " + a.say(Msg.SUM_CHECK_FAILED.with(r.problems().stream().filter(Problem::isError).count(),
                    r.problems().stream().filter(p -> !p.isError()).count(), Msg.NOTHING.with())));
            return 1;
        }
        String asked = a.get("PATH");
        String path = outputPath(asked, build.outputs());
        OutputPlan.Output o = path == null ? null : build.outputs().find(path);
        if (o == null) {
            a.err.println("gazette: " + a.say(Msg.EXPLAIN_NONE.with(Problem.visible(asked))));
            a.err.println("  " + a.say(Msg.EXPLAIN_NONE_FIX.with()));
            return 1;
        }
        a.out.println(path);
        a.out.println("  " + a.say(Msg.EXPLAIN_MADE.with(kind(o.kind()))));
        if (!o.maker().isEmpty()) a.out.println("  " + a.say(Msg.EXPLAIN_TEMPLATE.with(o.maker())));
        if (!o.inputs().isEmpty()) {
            a.out.println("  " + a.say((o.kind() == OutputPlan.Kind.SEARCH_INDEX ? Msg.EXPLAIN_FROM_PAGES : Msg.EXPLAIN_FROM).with(String.join(", ", o.inputs()))));
        }
        return 0;
    }

    /** {@code PATH} as the plan names outputs: without the output folder's name, a leading / or ./, with index.html for a folder. */
    static String outputPath(String asked, OutputPlan plan) {
        String p = asked.strip().replace('\\', '/');
        p = p.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        int q = p.indexOf('?');
        if (q >= 0) p = p.substring(0, q);
        int hash = p.indexOf('#');
        if (hash >= 0) p = p.substring(0, hash);
        while (p.startsWith("./")) p = p.substring(2);
        while (p.startsWith("/")) p = p.substring(1);
        if (p.isEmpty() || p.endsWith("/")) p = p + "index.html";
        if (plan.find(p) != null) return p;
        // site-out/zh/2017/index.html: the output folder's own name first.
        int slash = p.indexOf('/');
        if (slash > 0 && plan.find(p.substring(slash + 1)) != null) return p.substring(slash + 1);
        return p;
    }

    private static Message kind(OutputPlan.Kind k) {
        return switch (k) {
            case PAGE -> Msg.OUT_KIND_PAGE.with();
            case FEED -> Msg.OUT_KIND_FEED.with();
            case SITEMAP -> Msg.OUT_KIND_SITEMAP.with();
            case ROBOTS -> Msg.OUT_KIND_ROBOTS.with();
            case OPEN_DATA -> Msg.OUT_KIND_OPEN_DATA.with();
            case ASSET -> Msg.OUT_KIND_ASSET.with();
            case IMAGE -> Msg.OUT_KIND_IMAGE.with();
            case SITE_PICTURE -> Msg.OUT_KIND_SITE_PICTURE.with();
            case BULLETIN_PDF -> Msg.OUT_KIND_BULLETIN_PDF.with();
            case BULLETIN_WORD -> Msg.OUT_KIND_BULLETIN_WORD.with();
            case SEARCH_INDEX -> Msg.OUT_KIND_SEARCH_INDEX.with();
            case OUTPUT_LIST -> Msg.OUT_KIND_OUTPUT_LIST.with();
        };
    }
}
