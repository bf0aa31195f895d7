package org.gazette.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.gazette.content.Article;
import org.gazette.content.TextCache;
import org.gazette.numbers.NumberCheck;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problem;
import org.gazette.problem.Problems;
import org.gazette.bulletin.Bulletins;
import org.gazette.render.Fingerprint;
import org.gazette.render.Templates;

/**
 * What one build leaves for the next, so that a rebuild after a save (the preview server's) does
 * only the work the change calls for: texts parsed again only when their file changed, pages
 * rendered again only when their fingerprint changed, images read again only when touched,
 * templates compiled again only when one changed, bulletins re-rendered in the background.
 * A cache, not a second pipeline: {@link Build} runs the same steps with or without it, and a test
 * replays random edits and compares every byte with a clean build.
 */
public final class BuildCache {

    /** Which text each page of the last build shows (page path → text), for placing link problems in the texts. */
    private final Map<String, Article> pageTexts = new java.util.HashMap<>();

    Map<String, Article> texts() {
        return pageTexts;
    }

    /** A rendered page and the fingerprint of what it was made from. */
    record Rendered(long fingerprint, byte[] bytes) {}

    /** A file read from disk, with what identified that state of it. */
    private record Stamped(Object stamp, byte[] bytes) {}

    /** A finished bulletin and the fingerprint of what it was made from. */
    record Printed(long fingerprint, Bulletins.Made made) {}

    /** What a background bulletin gave: where it goes, whether it was made, and its problems. */
    public record BulletinDone(String path, boolean ok, List<Problem> problems, long millis) {}

    final TextCache texts = new TextCache();
    final LinkChecker.Memo links = new LinkChecker.Memo();
    final Map<String, Rendered> pages = new ConcurrentHashMap<>();
    private final Map<String, Stamped> files = new ConcurrentHashMap<>();
    private Templates templates;
    private long templatesVersion;
    private SortedMap<String, byte[]> last = new TreeMap<>();
    private final List<String> changed = new ArrayList<>();
    volatile int rendered;

    // Bulletins: rendered one at a time on a background thread, a little after the last change.
    private final Map<String, Printed> printed = new ConcurrentHashMap<>();
    private final Map<String, Long> wanted = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService printer;
    private volatile Consumer<BulletinDone> onBulletin = d -> { };
    private final long bulletinDelayMillis;

    public BuildCache() {
        this(1000);
    }

    /** {@code bulletinDelayMillis}: how long bulletins wait after a change before they are rendered again. */
    public BuildCache(long bulletinDelayMillis) {
        this.bulletinDelayMillis = bulletinDelayMillis;
    }

    private volatile java.util.Set<String> viewing = java.util.Set.of();
    private volatile java.util.function.BiConsumer<String, byte[]> early = (path, bytes) -> { };

    /**
     * The pages being looked at ({@code paths}, e.g. {@code zh/2017/news/meeting.html}): the next
     * rebuild makes those it reaches first, before planning the rest, and gives each one made anew
     * to {@code early} at once (from the rebuilding thread).
     */
    public void viewing(java.util.Collection<String> paths, java.util.function.BiConsumer<String, byte[]> early) {
        this.viewing = java.util.Set.copyOf(paths);
        this.early = early;
    }

    java.util.Set<String> viewing() {
        return viewing;
    }

    void early(String path, byte[] bytes) {
        early.accept(path, bytes);
    }

    /** Tells the cache which files a watcher saw change ('/'-separated, relative to the content folder). */
    public void changed(java.util.Collection<String> contentFiles) {
        texts.changed(contentFiles);
    }

    /** A watcher now reports every change of the content folder: unchanged texts need not even be looked at. */
    public void watched() {
        texts.watched(true);
    }

    /** After lost watch events: every text is read again at the next build. */
    public void changedEverything() {
        texts.clear();
    }

    /** The PDF of a finished bulletin, or its Word form (asked for by the PDF's path with .docx), or null. */
    public byte[] bulletinBytes(String path) {
        if (path.endsWith(".docx")) {
            Printed p = printed.get(path.substring(0, path.length() - ".docx".length()) + ".pdf");
            return p == null ? null : p.made().docx();
        }
        Printed p = printed.get(path);
        return p == null ? null : p.made().result().pdf();
    }

    // What the last good build was made from, to plan again only the pages an edit reaches.
    private long structure;
    private SortedMap<String, Long> versions;
    private final Map<String, java.util.Set<String>> dependents = new ConcurrentHashMap<>();
    private final Map<String, java.util.Set<String>> inputs = new ConcurrentHashMap<>();
    private Map<String, Integer> perLanguage = Map.of();
    private long pendingStructure;
    private SortedMap<String, Long> pendingVersions;

    /** What each piece of the numbers check found last time (a save checks again only the texts it changed). */
    final NumberCheck.Memo numbers = new NumberCheck.Memo();

    /** Records which source files a page's data holds ({@code Fingerprint.EVERYTHING} if it may hold any). */
    void depends(String page, java.util.Set<String> files) {
        java.util.Set<String> before = inputs.put(page, files);
        if (before != null) for (String f : before) {
            var d = dependents.get(f);
            if (d != null) d.remove(page);
        }
        for (String f : files) dependents.computeIfAbsent(f, k -> ConcurrentHashMap.newKeySet()).add(page);
    }

    /**
     * The pages to plan again, or null for all of them: when the site's structure (which pages
     * exist, in what order, with what counts; settings; templates) is what it was at the last good
     * build, only the pages holding a text or report whose version changed.
     */
    synchronized java.util.Set<String> affected(long structure, SortedMap<String, Long> versions) {
        pendingStructure = structure;
        pendingVersions = versions;
        lastPartial = false;
        if (this.versions == null || structure != this.structure) return null;
        lastPartial = true;
        java.util.Set<String> pages = new java.util.HashSet<>(dependents.getOrDefault(Fingerprint.EVERYTHING, java.util.Set.of()));
        differences(this.versions, versions, Long::equals, file -> pages.addAll(dependents.getOrDefault(file, java.util.Set.of())));
        return pages;
    }

    /** The files of the last good build (the pages not planned again keep theirs). */
    synchronized SortedMap<String, byte[]> lastFiles() {
        return last;
    }

    /** Pages per language of the last full plan (a partial plan does not see them all). */
    synchronized Map<String, Integer> perLanguage() {
        return perLanguage;
    }

    synchronized void perLanguage(Map<String, Integer> counts) {
        perLanguage = Map.copyOf(counts);
    }

    /** Called (on a background thread) each time a bulletin is finished. */
    public void onBulletin(Consumer<BulletinDone> listener) {
        this.onBulletin = Objects.requireNonNull(listener);
    }

    /** Paths whose bytes differ from the last successful build (added, changed or removed), sorted. */
    public List<String> lastChanged() {
        synchronized (changed) {
            return List.copyOf(changed);
        }
    }

    private volatile boolean lastPartial;

    /** Whether the last build planned only the pages its edit reached (the site's structure was unchanged). */
    public boolean lastPartial() {
        return lastPartial;
    }

    /** How many pages the last build rendered (the others came from here). */
    public int lastRendered() {
        return rendered;
    }

    /** How many texts the last build took from here without parsing them. */
    public int lastReused() {
        return texts.hits();
    }

    /** Stops the background bulletins. */
    public void close() {
        if (printer != null) printer.shutdownNow();
    }

    /** The compiled templates, made again only when a file under {@code dir} changed. */
    synchronized Templates templates(Path dir, long version) {
        if (templates == null || version != templatesVersion) {
            templates = new Templates(dir, "templates");
            templatesVersion = version;
        }
        return templates;
    }

    /** A file's bytes, read again only when its size, time or identity changed. */
    byte[] read(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Object stamp = List.of(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), String.valueOf(a.fileKey()));
        Stamped s = files.get(file.toString());
        if (s != null && s.stamp().equals(stamp)) return s.bytes();
        byte[] bytes = Files.readAllBytes(file);
        files.put(file.toString(), new Stamped(stamp, bytes));
        return bytes;
    }

    /** Records a finished build's files: what changed since the last one. */
    synchronized void finished(SortedMap<String, byte[]> now) {
        List<String> diff = new ArrayList<>();
        differences(last, now, (x, y) -> x == y || java.util.Arrays.equals(x, y), diff::add);
        boolean samePaths = true;
        for (String path : diff) if (!last.containsKey(path) || !now.containsKey(path)) samePaths = false;
        synchronized (changed) {
            changed.clear();
            changed.addAll(diff);
        }
        if (!samePaths) {
            pages.keySet().retainAll(now.keySet());
            inputs.keySet().retainAll(now.keySet());
            for (var d : dependents.values()) d.retainAll(now.keySet());
        }
        last = now;
        structure = pendingStructure;
        versions = pendingVersions;
    }

    /**
     * Gives {@code changed}, in path order, each path added to or removed from {@code before}, or whose
     * value {@code same} says changed: both maps walked side by side in one pass (a lookup per path in
     * sorted maps was a tenth of a preview's rebuild at 24,000 files).
     */
    static <V> void differences(SortedMap<String, V> before, SortedMap<String, V> after, java.util.function.BiPredicate<V, V> same,
                                Consumer<String> changed) {
        var was = before.entrySet().iterator();
        var is = after.entrySet().iterator();
        Map.Entry<String, V> b = was.hasNext() ? was.next() : null;
        Map.Entry<String, V> a = is.hasNext() ? is.next() : null;
        while (a != null || b != null) {
            int c = a == null ? 1 : b == null ? -1 : a.getKey().compareTo(b.getKey());
            if (c != 0 || !same.test(b.getValue(), a.getValue())) changed.accept(c <= 0 ? a.getKey() : b.getKey());
            if (c <= 0) a = is.hasNext() ? is.next() : null;
            if (c >= 0) b = was.hasNext() ? was.next() : null;
        }
    }

    /**
     * The latest finished PDF for a bulletin (null if none yet), asking for a new one in the
     * background when what it is made from changed.
     */
    Bulletins.Made bulletin(Bulletins bulletins, Bulletins.Job job, long fingerprint) {
        Printed p = printed.get(job.path());
        Long before = wanted.put(job.path(), fingerprint);
        boolean current = p != null && p.fingerprint() == fingerprint;
        if (!current && !Objects.equals(before, fingerprint)) schedule(bulletins, job, fingerprint);
        else if (!current && !pending.containsKey(job.path())) schedule(bulletins, job, fingerprint);
        return p == null ? null : p.made();
    }

    /** Forgets bulletins no longer planned. */
    void bulletinsPlanned(java.util.Set<String> paths) {
        wanted.keySet().retainAll(paths);
        printed.keySet().retainAll(paths);
    }

    private synchronized void schedule(Bulletins bulletins, Bulletins.Job job, long fingerprint) {
        if (printer == null) {
            printer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gazette-bulletins");
                t.setDaemon(true);
                return t;
            });
        }
        ScheduledFuture<?> old = pending.remove(job.path());
        if (old != null) old.cancel(false);
        pending.put(job.path(), printer.schedule(() -> print(bulletins, job, fingerprint), bulletinDelayMillis, TimeUnit.MILLISECONDS));
    }

    private void print(Bulletins bulletins, Bulletins.Job job, long fingerprint) {
        pending.remove(job.path());
        if (!Objects.equals(wanted.get(job.path()), fingerprint)) return; // superseded by a later change
        long start = System.nanoTime();
        Problems problems = new Problems();
        try {
            Bulletins.Made made = bulletins.renderWithWord(job, problems);
            if (!problems.hasErrors()) printed.put(job.path(), new Printed(fingerprint, made));
        } catch (GazetteException e) {
            e.problems().forEach(problems::add);
        } catch (RuntimeException e) {
            problems.add(Position.of(job.path()).error(Msg.BULLETIN_FAILED.with(String.valueOf(e)), null));
        }
        onBulletin.accept(new BulletinDone(job.path(), !problems.hasErrors(), problems.sorted(), (System.nanoTime() - start) / 1_000_000));
    }

    /** The version of every file under a folder (templates): changes when any file is added, removed or edited. */
    static long folderVersion(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        long h = 17;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                h = h * 31 + TextCache.version(dir.relativize(p).toString());
                h = h * 31 + TextCache.version(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            return System.nanoTime(); // unreadable now: treat as changed; the build reports the error
        }
        return h;
    }
}
