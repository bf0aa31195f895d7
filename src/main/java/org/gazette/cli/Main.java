package org.gazette.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        subcommands = {Main.BuildCommand.class, Main.CheckCommand.class, Main.BulletinCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
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

        @Option(names = "--no-search", description = "build without the search page and index (very large archives, or when Pagefind cannot run here)")
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

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return execute(spec, folders, Path.of("site-out"), false);
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
            Build build = new Build(new Build.Options(folders.content, folders.templates, out, folders.strict, publishing));
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

    static int execute(CommandLine.Model.CommandSpec spec, Folders f, Path out, boolean write) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        long start = System.nanoTime();
        Build.Result r;
        var publishing = f.publishing(stderr);
        if (publishing == null) return 2;
        try {
            r = new Build(new Build.Options(f.content, f.templates, out, f.strict, publishing, !f.noSearch)).run(write);
        } catch (RuntimeException | Error e) {
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
        String bulletins = r.bulletinPages().isEmpty() ? "" : ", " + plural(r.bulletinPages().size(), "bulletin") + " ("
                + String.join(", ", r.bulletinPages().entrySet().stream().map(e -> {
                    String[] parts = e.getKey().split("/");
                    return (years ? parts[1] + " " : "") + parts[0] + " " + plural(e.getValue(), "page");
                }).toList()) + ")";
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
