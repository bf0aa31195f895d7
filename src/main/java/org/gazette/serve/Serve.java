package org.gazette.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gazette.problem.Lang;
import org.gazette.problem.Msg;
import org.gazette.problem.Problem;
import org.gazette.bulletin.Bulletins;
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
    private volatile Lang lang = Lang.EN;

    /** The language its lines on the terminal are in. */
    public void speaking(Lang l) {
        lang = l;
    }

    /** The language it speaks in (the desk's own messages follow the desk's switch). */
    public Lang lang() {
        return lang;
    }

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
                String word = Bulletins.wordPathOf(done.path());
                byte[] docx = cache.bulletinBytes(word);
                if (docx != null) server.update(word, docx);
                say(Msg.SERVE_BULLETIN_READY.with(done.path(), done.millis()).in(lang));
            } else {
                say(Msg.SERVE_BULLETIN_FAILED.with(done.path()).in(lang));
                done.problems().forEach(p -> say("  " + p.format(lang)));
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
        return rebuild(List.of(), Msg.SERVE_FIRST_BUILD.with().in(lang));
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
                rebuild(files, Msg.SERVE_MANY_FILES.with().in(lang));
                cache.watched();
                return;
            }
            String what = describe(changes.files());
            rebuild(files, what);
        });
    }

    /** Rebuilds after {@code changedFiles} (content-relative) changed; one rebuild at a time. */
    public boolean rebuild(List<String> changedFiles, String what) {
        synchronized (building) {
            long start = System.nanoTime();
            cache.changed(changedFiles);
            // The pages open in the browser are made first and served as each is ready; the rest of the site follows.
            Map<String, byte[]> sent = new java.util.concurrent.ConcurrentHashMap<>();
            cache.viewing(server.viewed(), (path, bytes) -> {
                server.update(path, bytes);
                sent.put(path, bytes);
            });
            Build build = new Build(options, cache);
            Build.Result r = build.run(false);
            lastProblems = r.problems();
            long ms = (System.nanoTime() - start) / 1_000_000;
            List<Problem> errors = r.problems().stream().filter(Problem::isError).toList();
            if (!errors.isEmpty() || r.files().isEmpty()) {
                List<Problem> shown = errors.isEmpty() ? r.problems() : errors;
                say((served ? Msg.SERVE_FAILED_SERVING : Msg.SERVE_FAILED_FIRST).with(what).in(lang));
                shown.forEach(p -> say("  " + p.format(lang)));
                server.failed(shown);
                return false;
            }
            List<String> changed = cache.lastChanged();
            // A page already sent as it is now is not reloaded a second time.
            List<String> reload = changed.stream().filter(p -> !sent.containsKey(p) || !java.util.Arrays.equals(sent.get(p), r.files().get(p))).toList();
            server.publish(r.files(), reload);
            served = true;
            long warnings = r.problems().size();
            say((warnings > 0 ? Msg.SERVE_BUILT_WARNINGS.with(what, cache.lastRendered(), changed.size(), ms, warnings)
                    : Msg.SERVE_BUILT.with(what, cache.lastRendered(), changed.size(), ms)).in(lang));
            if (warnings > 0 && changedFiles.isEmpty()) r.problems().forEach(p -> say("  " + p.format(lang)));
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
        return (files.size() > 3 ? Msg.LIST_AND_MORE.with(names, files.size() - 3) : Msg.NAMED.with(names)).in(lang);
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
