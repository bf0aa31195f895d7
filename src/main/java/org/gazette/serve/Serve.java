package org.gazette.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.gazette.problem.Problem;
import org.gazette.site.Build;
import org.gazette.site.BuildCache;

/**
 * {@code gazette serve}: builds the site into memory, serves it, and on every save rebuilds what
 * the change affects (see {@link BuildCache}) and reloads the open pages. A failed build leaves
 * the last good site served, with its messages over the pages; bulletins follow in the background.
 */
public final class Serve implements AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Build.Options options;
    private final PrintWriter out;
    private final BuildCache cache = new BuildCache();
    private final PreviewServer server;
    private final Watcher watcher;
    private final Object building = new Object();
    /** Whether a build has succeeded yet: until then every address shows the problems. */
    private boolean served;
    private volatile boolean verbose;

    /** Also print the time of each step of every rebuild. */
    public void verbose(boolean on) {
        verbose = on;
    }

    public Serve(Build.Options options, InetSocketAddress bind, PrintWriter out) throws IOException {
        this(options, bind, List.of(), out);
    }

    /** Serving on {@code bind}, also to requests that name this machine as one of {@code hosts} ({@code --host}). */
    public Serve(Build.Options options, InetSocketAddress bind, List<String> hosts, PrintWriter out) throws IOException {
        this.options = options;
        this.out = out;
        this.server = new PreviewServer(bind, hosts);
        this.watcher = new Watcher(List.of(options.content(), options.templates()), 25, 500);
        cache.onBulletin(done -> {
            if (done.ok()) {
                byte[] pdf = cache.bulletinBytes(done.path());
                if (pdf != null) server.update(done.path(), pdf);
                say("bulletin " + done.path() + " ready (" + done.millis() + " ms)");
            } else {
                say("bulletin " + done.path() + " failed:");
                done.problems().forEach(p -> say("  " + p.format()));
            }
        });
    }

    /**
     * Whether a preview on {@code bind} shows drafts and embargoed articles: on this machine's
     * loopback address, yes (that is what a preview is for); on an address others can reach, only
     * if asked ({@code --drafts}).
     */
    public static boolean showsHeld(java.net.InetAddress bind, boolean drafts) {
        return bind.isLoopbackAddress() || drafts;
    }

    public int port() {
        return server.port();
    }

    /** Serves {@code r}'s pages beside the site (the writing desk). */
    public void route(PreviewServer.Route r) {
        server.route(r);
    }

    /** The problems of the last build, good or failed (the desk shows them beside what they concern). */
    public List<Problem> problems() {
        return lastProblems;
    }

    private volatile List<Problem> lastProblems = List.of();

    /** The first build; true if it gave a site (else the server shows its messages until a save fixes them). */
    public boolean start() {
        return rebuild(List.of(), "first build");
    }

    /** Watches and rebuilds until the process ends. */
    public void run() {
        cache.watched();
        watcher.run(changes -> {
            List<String> files = new ArrayList<>();
            for (Path p : changes.files()) {
                Path content = options.content().toAbsolutePath().normalize();
                Path abs = p.toAbsolutePath().normalize();
                if (abs.startsWith(content)) files.add(content.relativize(abs).toString().replace('\\', '/'));
            }
            if (changes.everything()) {
                cache.changedEverything();
                // Lost events: this build looks at every file; the watcher vouches again from the next.
                rebuild(files, "many files");
                cache.watched();
                return;
            }
            String what = changes.everything() ? "many files" : describe(changes.files());
            rebuild(files, what);
        });
    }

    /** Rebuilds after {@code changedFiles} (content-relative) changed; one rebuild at a time. */
    public boolean rebuild(List<String> changedFiles, String what) {
        synchronized (building) {
            long start = System.nanoTime();
            cache.changed(changedFiles);
            Build build = new Build(options, cache);
            Build.Result r = build.run(false);
            lastProblems = r.problems();
            long ms = (System.nanoTime() - start) / 1_000_000;
            List<Problem> errors = r.problems().stream().filter(Problem::isError).toList();
            if (!errors.isEmpty() || r.files().isEmpty()) {
                List<String> lines = (errors.isEmpty() ? r.problems() : errors).stream().map(Problem::format).toList();
                say(what + ": the build failed; " + (served ? "still serving the last good site" : "every page shows why until it is fixed"));
                lines.forEach(l -> say("  " + l));
                server.failed(lines);
                return false;
            }
            List<String> changed = cache.lastChanged();
            server.publish(r.files(), changed);
            served = true;
            long warnings = r.problems().size();
            say(what + ": " + cache.lastRendered() + " pages rendered, " + changed.size() + " files changed, " + ms + " ms"
                    + (warnings > 0 ? " (" + warnings + (warnings == 1 ? " warning)" : " warnings)") : ""));
            if (warnings > 0 && changedFiles.isEmpty()) r.problems().forEach(p -> say("  " + p.format()));
            if (verbose) say("  " + r.stepMillis());
            return true;
        }
    }

    private String describe(java.util.Set<Path> files) {
        List<String> names = new ArrayList<>();
        Path content = options.content().toAbsolutePath().normalize();
        Path templates = options.templates().toAbsolutePath().normalize();
        for (Path p : files) {
            Path abs = p.toAbsolutePath().normalize();
            Path base = abs.startsWith(content) ? content : abs.startsWith(templates) ? templates.getParent() : null;
            names.add(base == null ? abs.toString() : base.relativize(abs).toString().replace('\\', '/'));
            if (names.size() == 3) break;
        }
        String s = String.join(", ", names);
        return files.size() > 3 ? s + " and " + (files.size() - 3) + " more" : s;
    }

    private void say(String line) {
        synchronized (out) {
            out.println(LocalTime.now().format(CLOCK) + " " + line);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        server.close();
        cache.close();
    }
}
