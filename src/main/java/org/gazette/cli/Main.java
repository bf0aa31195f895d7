package org.gazette.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gazette.problem.Problem;
import org.gazette.site.Build;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gazette build | check}: exit 0 ok, 1 content or build error, 2 usage. */
@Command(name = "gazette", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Publishes a press office's year as a bilingual website and printable bulletins.",
        subcommands = {Main.BuildCommand.class, Main.CheckCommand.class, Main.ServeCommand.class, Main.NewCommand.class, Main.SchemaCommand.class, Main.BulletinCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command given: show what there is, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Options both commands share. */
    static class Folders {
        @Option(names = "--content", paramLabel = "DIR", description = "content folder (default: ${DEFAULT-VALUE})", defaultValue = "content")
        Path content;

        @Option(names = "--templates", paramLabel = "DIR", description = "templates folder (default: ${DEFAULT-VALUE})", defaultValue = "templates")
        Path templates;

        @Option(names = "--strict", description = "treat warnings (missing translations, broken links, unused files) as errors")
        boolean strict;

        @Option(names = "--verbose", description = "also print the time of each step")
        boolean verbose;

        @Option(names = "--drafts", description = "include drafts and embargoed articles, marked with a banner (a preview: never publish it)")
        boolean drafts;

        @Option(names = "--no-search", description = "build without the search page and its index")
        boolean noSearch;

        @Option(names = "--now", paramLabel = "TIME", description = "publish as of this moment, e.g. 2019-02-26T10:00+08:00 (default: the clock); embargoes ending by then are lifted")
        String now;

        /** What the build publishes; null (after a message) when --now cannot be read. */
        org.gazette.content.Publishing publishing(PrintWriter err) {
            java.time.Instant at = java.time.Instant.now();
            if (now != null) {
                try {
                    at = java.time.OffsetDateTime.parse(now.trim().replace(' ', 'T')).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    err.println("gazette: --now '" + now + "' is not a date and time with its offset — write it like 2019-02-26T10:00+08:00");
                    return null;
                }
            }
            return new org.gazette.content.Publishing(at, drafts);
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true, description = "Check the content, then build the website into the output folder.")
    static final class BuildCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Folders folders = new Folders();

        @Option(names = "--out", paramLabel = "DIR", description = "output folder, replaced as a whole (default: ${DEFAULT-VALUE})", defaultValue = "site-out")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return execute(spec, folders, out, true);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Check content and templates; write nothing.")
    static final class CheckCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Folders folders = new Folders();

        @Option(names = "--bulletins", description = "also lay out and paint the bulletins (slower); without it, check what they need: XHTML, glyphs, images, fonts")
        boolean bulletins;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return execute(spec, folders, Path.of("site-out"), false, bulletins);
        }
    }

    @Command(name = "bulletin", mixinStandardHelpOptions = true,
            description = "Render one year's bulletin in one language to a PDF file, without building the website.")
    static final class BulletinCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Folders folders = new Folders();

        @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the year, e.g. 2017")
        int year;

        @Option(names = "--lang", required = true, paramLabel = "CODE", description = "the language code, e.g. zh")
        String lang;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the PDF file to write")
        Path out;

        @Option(names = "--xhtml", paramLabel = "FILE", description = "also write the XHTML the PDF is made from")
        Path xhtml;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            PrintWriter stderr = spec.commandLine().getErr();
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
            java.nio.file.Files.write(out, result.getKey());
            if (xhtml != null) java.nio.file.Files.writeString(xhtml, result.getValue(), java.nio.charset.StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("gazette: wrote " + out + " (" + result.getKey().length / 1024 + " KB), "
                    + String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9));
            return 0;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Preview the site in a browser: build it into memory, serve it on this machine, rebuild what a save changes and reload the open pages.",
                    "Shows drafts and embargoed articles with their banner. Nothing is written to disk. Stop it with Ctrl+C."})
    static final class ServeCommand implements Callable<Integer> {
        @Option(names = "--content", paramLabel = "DIR", description = "content folder (default: ${DEFAULT-VALUE})", defaultValue = "content")
        Path content;

        @Option(names = "--templates", paramLabel = "DIR", description = "templates folder (default: ${DEFAULT-VALUE})", defaultValue = "templates")
        Path templates;

        @Option(names = "--port", paramLabel = "N", description = "port to serve on (default: ${DEFAULT-VALUE}; 0 picks a free one)", defaultValue = "1717")
        int port;

        @Option(names = "--bind", paramLabel = "ADDR", description = "address to serve on (default: ${DEFAULT-VALUE}, this machine only)", defaultValue = "127.0.0.1")
        String bind;

        @Option(names = "--drafts", description = "with --bind to another address: show drafts and embargoed articles there too")
        boolean drafts;

        @Option(names = "--open", description = "open the site in the default browser")
        boolean open;

        @Option(names = "--verbose", description = "also print the time of each step of every rebuild")
        boolean verbose;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            java.net.InetAddress address;
            try {
                address = java.net.InetAddress.getByName(bind);
            } catch (java.net.UnknownHostException e) {
                stderr.println("gazette: --bind '" + bind + "' is not an address of this machine — use 127.0.0.1 (the default)");
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
            try (var serve = new org.gazette.serve.Serve(options, new java.net.InetSocketAddress(address, port), stdout)) {
                serve.verbose(verbose);
                serve.start();
                String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
                String url = "http://" + (local ? "127.0.0.1" : host) + ":" + serve.port() + "/";
                stdout.println("gazette: serving " + content + " at " + url + " — watching " + content + "/ and " + templates + "/; Ctrl+C stops");
                stdout.flush();
                if (open) openBrowser(url, stderr);
                serve.run();
            } catch (java.net.BindException e) {
                stderr.println("gazette: cannot serve on " + bind + ":" + port + " (" + e.getMessage() + ") — is another preview running? Try --port " + (port + 1));
                return 1;
            }
            return 0;
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
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Start a new text with its front matter filled in.",
            subcommands = {NewArticle.class, NewYear.class})
    static final class NewCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
    }

    @Command(name = "article", mixinStandardHelpOptions = true,
            description = {"Write <year>/news/<name>.<lang>.md in every language of the site, dated today (site time zone), marked draft: true.",
                    "Refuses to overwrite."})
    static final class NewArticle implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "NAME", description = "the article's name: lower-case letters, digits and hyphens, e.g. spring-planting")
        String name;

        @Option(names = "--content", paramLabel = "DIR", description = "content folder (default: ${DEFAULT-VALUE})", defaultValue = "content")
        Path content;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return writeNew(spec, () -> org.gazette.content.NewText.article(content, name, java.time.Instant.now()),
                    "fill in the title and text; remove 'draft: true' when it may be published");
        }
    }

    /** Runs a {@code new} command: the files it wrote and what to do next, or its problems (exit 1). */
    static int writeNew(CommandLine.Model.CommandSpec spec, java.util.function.Supplier<List<Path>> write, String next) {
        try {
            for (Path f : write.get()) spec.commandLine().getOut().println("gazette: wrote " + f);
            spec.commandLine().getOut().println("gazette: " + next);
            return 0;
        } catch (org.gazette.problem.GazetteException e) {
            e.problems().forEach(p -> spec.commandLine().getErr().println(p.format()));
            return 1;
        }
    }

    @Command(name = "year", mixinStandardHelpOptions = true,
            description = {"Start YEAR's report from the latest earlier one: its report.yaml with the same figures (values emptied,",
                    "last year's kept as comments) and the report's prose in every language as drafts. Refuses to overwrite."})
    static final class NewYear implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "YEAR", description = "the year, e.g. 2018")
        int year;

        @Option(names = "--content", paramLabel = "DIR", description = "content folder (default: ${DEFAULT-VALUE})", defaultValue = "content")
        Path content;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return writeNew(spec, () -> org.gazette.content.NewText.year(content, year, java.time.Instant.now()),
                    "fill in the figures' values and the texts; remove 'draft: true' from the prose when the report may be published");
        }
    }

    @Command(name = "schema", mixinStandardHelpOptions = true,
            description = {"Update the content folder's JSON Schema (schema/report.schema.json) to the unit table,",
                    "Gazette's units with those of units.yaml, so an editor with a YAML language server accepts them."})
    static final class SchemaCommand implements Callable<Integer> {
        @Option(names = "--content", paramLabel = "DIR", description = "content folder (default: ${DEFAULT-VALUE})", defaultValue = "content")
        Path content;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
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
                spec.commandLine().getOut().println("gazette: " + content.resolve(org.gazette.content.SchemaFiles.REPORT)
                        + (changed ? " now accepts the " : " already accepts the ") + units.get().all().size() + " units of the table");
                return 0;
            } catch (org.gazette.problem.GazetteException e) {
                e.problems().forEach(p -> err.println(p.format()));
                return 1;
            }
        }
    }

    static int execute(CommandLine.Model.CommandSpec spec, Folders f, Path out, boolean write) {
        return execute(spec, f, out, write, true);
    }

    static int execute(CommandLine.Model.CommandSpec spec, Folders f, Path out, boolean write, boolean paintBulletins) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        long start = System.nanoTime();
        Build.Result r;
        var publishing = f.publishing(stderr);
        if (publishing == null) return 2;
        try {
            r = new Build(new Build.Options(f.content, f.templates, out, f.strict, publishing, !f.noSearch, paintBulletins)
                    .withBulletinCache(org.gazette.render.BulletinCache.configuredFolder())).run(write);
        } catch (RuntimeException | Error e) {
            if (outOfMemory(e)) return outOfMemory(stderr);
            // A bug in Gazette, not in the content: say so plainly; the trace only on request.
            stderr.println("gazette: internal error: " + e + " — this is a bug in Gazette, not in your content; "
                    + "please report it with the output of --verbose. Nothing was written.");
            if (f.verbose) e.printStackTrace(stderr);
            return 1;
        }
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gazette " + (v == null ? "(development build)" : v)};
        }
    }
}
