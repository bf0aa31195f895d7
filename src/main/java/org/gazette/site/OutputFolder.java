package org.gazette.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;

import org.gazette.problem.GazetteException;
import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;

/**
 * Replaces the output folder as a whole: the new site is written into a hidden folder beside it
 * ({@code .site-out.building-…}) and swapped in with two renames only when complete; the previous
 * site waits as {@code .site-out.old} until the next run removes it in the background. A build that
 * fails or is killed leaves the previous site as it was; the next run cleans up the leftovers
 * (and, if a kill fell between the two renames, puts the previous site back first).
 */
public final class OutputFolder {

    /** How pages made by Gazette before it kept a list of what it wrote say so (read only to accept such a folder once). */
    public static final String MARK = "<meta name=\"generator\" content=\"Gazette";

    /**
     * Gazette's list of what it wrote into a folder: a first line, then one path per line. A folder is
     * Gazette's to replace only as far as this list goes; a file it does not name is never deleted.
     */
    public static final String LIST = ".gazette-output";
    private static final String LIST_HEADER = "gazette-output 1";
    private static final String BUILDING_HEADER = "gazette-output 1 building";

    private final Path out;
    private final Path parent;
    private final String name;

    public OutputFolder(Path out) {
        this.out = out.toAbsolutePath().normalize();
        this.parent = this.out.getParent();
        this.name = this.out.getFileName() == null ? "" : this.out.getFileName().toString();
    }

    /**
     * Refuses, before anything is moved or deleted: an output folder that would swallow the sources,
     * the root of the file system, a file, and a folder (or the previous site beside it) holding files
     * Gazette did not write — named in the message. {@code planned} are the files this build writes.
     */
    public void checkSafe(java.util.Set<String> planned, Path... sources) {
        checkPlace(sources);
        checkForeign(planned);
    }

    /**
     * Refuses what no build may write beside or into, before anything is made: the root of the file
     * system, a folder that holds the sources, a file, a link.
     */
    public void checkPlace(Path... sources) {
        if (parent == null) {
            throw new GazetteException(Position.of(out.toString()).error(Msg.OUT_IS_ROOT.with(), Msg.OUT_IS_ROOT_FIX.with()));
        }
        for (Path s : sources) {
            Path src = s.toAbsolutePath().normalize();
            if (src.startsWith(out)) {
                throw new GazetteException(Position.of(out.toString()).error(Msg.OUT_CONTAINS.with(s), Msg.OUT_CONTAINS_FIX.with()));
            }
        }
        if (Files.isRegularFile(out)) {
            throw new GazetteException(Position.of(out.toString()).error(Msg.OUT_IS_FILE.with(), Msg.OUT_IS_FILE_FIX.with()));
        }
        if (Files.isSymbolicLink(out)) {
            throw new GazetteException(Position.of(out.toString()).error(Msg.OUT_IS_LINK.with(), Msg.OUT_IS_LINK_FIX.with()));
        }
    }

    /**
     * {@link #checkPlace}, and the folder's files wherever Gazette's list decides whose they are — before
     * anything is made; a folder an older Gazette wrote (no list) is checked at {@link #finish}, against the files made.
     */
    public void checkEarly(Path... sources) {
        checkPlace(sources);
        checkForeign(null);
    }

    /** Refuses a folder (or the previous site beside it) holding files Gazette did not write; {@code planned}: this build's files (null: not known yet). */
    private void checkForeign(java.util.Set<String> planned) {
        if (Files.isDirectory(out) && !isEmpty(out)) {
            var ours = owned(out, planned);
            if (ours == null) {
                throw new GazetteException(Position.of(out.toString()).error(Msg.OUT_FOREIGN.with(), Msg.OUT_FOREIGN_FIX.with()));
            }
            refuseForeign(out, ours, Msg.OUT_FOLDER.with());
        }
        Path old = parent.resolve("." + name + ".old");
        // The previous site is being removed in the background (cleanInBackground): look at what is left once that is done,
        // not at a folder whose entries vanish while they are walked.
        try {
            cleaning.join();
        } catch (java.util.concurrent.CompletionException e) {
            // what could not be removed is looked at below
        }
        if (Files.exists(old, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            var ours = Files.isDirectory(old, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? owned(old, planned) : null;
            if (ours == null) {
                throw new GazetteException(Position.of(old.toString()).error(Msg.OUT_OLD_IN_WAY.with(), Msg.OUT_OLD_IN_WAY_FIX.with()));
            }
            refuseForeign(old, ours, Msg.OUT_OLD_FOLDER.with());
        }
    }

    /** Refuses when {@code dir} holds files that {@code ours} does not claim, naming the first few. */
    private static void refuseForeign(Path dir, java.util.function.Predicate<String> ours, Message what) {
        List<String> foreign = foreign(dir, ours);
        if (foreign.isEmpty()) return;
        List<String> first = List.copyOf(foreign.subList(0, Math.min(5, foreign.size())));
        var shown = foreign.size() > 5 ? Msg.LIST_AND_MORE.with(first, foreign.size() - 5) : Msg.NAMED.with(first);
        throw new GazetteException(Position.of(dir.toString()).error(Msg.OUT_HOLDS_FOREIGN.with(what, foreign.size(), shown), Msg.OUT_HOLDS_FOREIGN_FIX.with()));
    }

    /**
     * Which files of {@code dir} are Gazette's: those its list names; in a folder written before
     * Gazette kept a list (its index.html says Gazette made it), the files this build writes and
     * others in the same top folders. Null when the folder is not Gazette's at all.
     */
    static java.util.function.Predicate<String> owned(Path dir, java.util.Set<String> planned) {
        java.util.Set<String> listed = listed(dir);
        if (listed != null) return rel -> rel.equals(LIST) || listed.contains(rel);
        if (!hasGeneratorMark(dir)) return null;
        if (planned == null) return rel -> true; // decided when the files made are known
        java.util.Set<String> tops = new java.util.HashSet<>();
        for (String f : planned) if (f.indexOf('/') > 0) tops.add(f.substring(0, f.indexOf('/')));
        tops.add("search");
        return rel -> planned.contains(rel) || (rel.indexOf('/') > 0 && tops.contains(rel.substring(0, rel.indexOf('/'))));
    }

    /** The files Gazette's list in {@code dir} names; null when there is no list (or it is not a plain file, or not Gazette's). */
    static java.util.Set<String> listed(Path dir) {
        Path list = dir.resolve(LIST);
        try {
            if (!Files.isRegularFile(list, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return null;
            List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !(lines.get(0).equals(LIST_HEADER) || lines.get(0).equals(BUILDING_HEADER))) return null;
            return new java.util.HashSet<>(lines.subList(1, lines.size()));
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code dir} is a folder a killed build was writing: made by Gazette, so everything in it is Gazette's. */
    private static boolean building(Path dir) {
        try {
            Path list = dir.resolve(LIST);
            if (!Files.isRegularFile(list, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return isEmpty(dir); // killed before it was marked
            String text = Files.readString(list, StandardCharsets.UTF_8);
            if (text.startsWith(BUILDING_HEADER + "\n")) return true;
            // Killed while the mark was written: nothing else can be in it yet.
            try (Stream<Path> s = Files.list(dir)) {
                return (BUILDING_HEADER + "\n").startsWith(text) && s.count() == 1;
            }
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Files (and links) under {@code dir} that {@code ours} does not claim, as relative paths, sorted.
     * A file or folder removed while it is walked (another run's cleaner) held nothing of anyone's: skipped.
     */
    static List<String> foreign(Path dir, java.util.function.Predicate<String> ours) {
        List<String> found = new java.util.ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    if (a.isDirectory()) return FileVisitResult.CONTINUE;
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    if (!ours.test(rel)) found.add(rel);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                    if (e instanceof java.nio.file.NoSuchFileException) return FileVisitResult.CONTINUE;
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null && !(e instanceof java.nio.file.NoSuchFileException)) throw e;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (java.nio.file.NoSuchFileException gone) {
            // the folder itself went while it was looked at
        } catch (IOException | java.io.UncheckedIOException e) {
            found.add("(a file that cannot be read: " + e.getMessage() + ")");
        }
        java.util.Collections.sort(found);
        return found;
    }

    private java.util.concurrent.CompletableFuture<Void> cleaning = java.util.concurrent.CompletableFuture.completedFuture(null);

    /**
     * Starts removing what earlier runs left beside the output (the previous site, half-written
     * builds of killed runs) on a background thread, so it overlaps with loading and rendering.
     * {@link #replaceWith} waits for it before touching anything.
     */
    public void cleanInBackground() {
        // Its own thread, not the common pool: on two cores that pool has one worker, which the
        // build's parallel streams need. A run that stopped early (a mistake in the content) left its
        // cleaner working on the same folders: this one starts when that one is done, never beside it.
        var mine = new java.util.concurrent.CompletableFuture<Void>();
        Path key = parent == null ? out : parent.resolve("." + name + ".old");
        var before = CLEANERS.put(key, mine);
        cleaning = mine;
        Thread cleaner = new Thread(() -> {
            try {
                if (before != null) before.exceptionally(e -> null).join();
                if (parent != null && Files.isDirectory(parent)) recover();
                mine.complete(null);
            } catch (IOException | RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                CLEANERS.remove(key, mine);
            }
        }, "gazette-cleaner");
        cleaner.setDaemon(true);
        cleaner.start();
    }

    /** The cleaner last started for each previous-site folder of this process (see {@link #cleanInBackground}). */
    private static final java.util.concurrent.ConcurrentHashMap<Path, java.util.concurrent.CompletableFuture<Void>> CLEANERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Writes {@code files} into a hidden folder beside the output, then swaps it in. */
    public void replaceWith(SortedMap<String, byte[]> files) {
        replaceWith(files, null);
    }

    /**
     * The same, with files made from them ({@code more}, e.g. the search index) added before the
     * swap: {@code files} are written by a thread of their own meanwhile, so the disk and the
     * processors work at once. Returns what {@code more} made (empty without it).
     */
    public SortedMap<String, byte[]> replaceWith(SortedMap<String, byte[]> files, java.util.function.Supplier<SortedMap<String, byte[]>> more) {
        return replaceWith(files, more, written -> { });
    }

    /** The same, {@code check} seeing every file written before the new folder is swapped in (it may stop the swap by throwing). */
    public SortedMap<String, byte[]> replaceWith(SortedMap<String, byte[]> files, java.util.function.Supplier<SortedMap<String, byte[]>> more,
                                                java.util.function.Consumer<java.util.Collection<String>> check) {
        Path building = begin();
        try {
            SortedMap<String, byte[]> extra = new java.util.TreeMap<>();
            if (more == null) {
                write(building, files, true);
            } else {
                var pages = new java.util.concurrent.FutureTask<Void>(() -> {
                    write(building, files, false);
                    return null;
                });
                Thread writer = new Thread(pages, "gazette-writer");
                writer.setDaemon(true);
                writer.start();
                try {
                    extra = more.get();
                } finally {
                    join(pages);
                }
                write(building, extra, true);
            }
            java.util.TreeSet<String> written = new java.util.TreeSet<>(files.keySet());
            written.addAll(extra.keySet());
            finish(building, written, check);
            return extra;
        } catch (IOException | RuntimeException e) {
            abandon(building);
            throw e instanceof RuntimeException r && !(e instanceof java.io.UncheckedIOException) ? r : cannotWrite(e);
        }
    }

    /**
     * Starts a new site: once what earlier runs left is gone (see {@link #cleanInBackground}), a new
     * hidden folder beside the output, marked as a building Gazette's, for the files to be written into
     * as they are made. Nothing of the current site is touched. End with {@link #finish} or {@link #abandon}.
     */
    public Path begin() {
        try {
            Files.createDirectories(parent);
            try {
                cleaning.join();
            } catch (java.util.concurrent.CompletionException e) {
                // cleaning failed: try again in the foreground, reporting what goes wrong
            }
            recover();
            return createBuildingFolder();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw cannotWrite(e);
        }
    }

    /** The problem of a folder that cannot be written: where, why, and what to do. */
    private GazetteException cannotWrite(Exception e) {
        return new GazetteException(Position.of(out.toString()).error(Msg.OUT_CANNOT_WRITE.with(Msg.reason(e)), Msg.OUT_CANNOT_WRITE_FIX.with(parent)));
    }

    /**
     * Swaps the finished {@code building} folder in: the output's own files are checked first (a
     * folder holding files Gazette did not write is refused, nothing moved), {@code check} sees every
     * file written (it may stop the swap by throwing), then the list of what was written goes in and
     * two renames make it the site. On a refusal or failure the building folder is removed and the
     * site stays as it was.
     */
    public void finish(Path building, java.util.SortedSet<String> written, java.util.function.Consumer<java.util.Collection<String>> check) {
        try {
            checkForeign(written);
            // What the previous site was before lists (written by an older Gazette): its own files go, checked above.
            Path old = parent.resolve("." + name + ".old");
            if (Files.isDirectory(old, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                var ours = owned(old, written);
                if (ours != null) deleteOwned(old, ours);
            }
            check.accept(written);
            // Last, the list of what was written: it makes the folder Gazette's to replace next time, and no more than it names.
            Files.writeString(building.resolve(LIST), LIST_HEADER + "\n" + String.join("\n", written) + "\n", StandardCharsets.UTF_8);
            if (Files.exists(out)) {
                Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(building, out, StandardCopyOption.ATOMIC_MOVE);
                // The previous site is removed by the next run, in the background while it renders
                // (cleanInBackground); deleting 20,000 files here would add seconds to every build.
            } else {
                Files.move(building, out, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            abandon(building);
            throw e instanceof RuntimeException r && !(e instanceof java.io.UncheckedIOException) ? r : cannotWrite(e);
        }
    }

    /** Removes a building folder that will not be swapped in (a build that stopped); what cannot be removed now, the next run removes. */
    public void abandon(Path building) {
        try {
            if (Files.isDirectory(building, java.nio.file.LinkOption.NOFOLLOW_LINKS) && building(building)) deleteOwned(building, rel -> true);
        } catch (IOException | java.io.UncheckedIOException e) {
            // left marked as building: the next run removes it
        }
    }

    /** Folders first (each once), then the files: in parallel, or on this thread alone. */
    private static void write(Path building, SortedMap<String, byte[]> files, boolean parallel) throws IOException {
        java.util.TreeSet<Path> dirs = new java.util.TreeSet<>();
        for (String f : files.keySet()) dirs.add(building.resolve(f).getParent());
        for (Path d : dirs) Files.createDirectories(d);
        var entries = parallel ? files.entrySet().parallelStream() : files.entrySet().stream();
        entries.forEach(f -> {
            try {
                Files.write(building.resolve(f.getKey()), f.getValue());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Waits for the writer; its failure is this one's. */
    private static void join(java.util.concurrent.FutureTask<Void> pages) throws IOException {
        try {
            pages.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof java.io.UncheckedIOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IOException(e.getCause());
        }
    }

    /**
     * A new hidden folder beside the output. Made with createDirectory, not createTempDirectory:
     * a temporary directory is private (0700), and once swapped in, a web server running as its own
     * user could not read the site. This one gets the permissions of any folder the user makes (umask).
     */
    private Path createBuildingFolder() throws IOException {
        String prefix = "." + name + ".building-" + ProcessHandle.current().pid();
        for (int n = 0; ; n++) {
            try {
                Path dir = Files.createDirectory(parent.resolve(n == 0 ? prefix : prefix + "-" + n));
                // Marked at once: a build killed now leaves a folder the next run knows it may remove.
                Files.writeString(dir.resolve(LIST), BUILDING_HEADER + "\n", StandardCharsets.UTF_8);
                return dir;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (n > 1000) throw e;
            }
        }
    }

    /**
     * Puts back the previous site if a build died between its two renames; removes half-written
     * builds and the previous site — only folders Gazette marked as its own, and in them only what
     * its list names, so a folder of someone else's that happens to have such a name is left alone.
     */
    void recover() throws IOException {
        if (parent == null) return;
        Path old = parent.resolve("." + name + ".old");
        boolean oldIsOurs = Files.isDirectory(old, java.nio.file.LinkOption.NOFOLLOW_LINKS) && listed(old) != null && !building(old);
        if (oldIsOurs && !Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
            oldIsOurs = false;
        }
        java.util.regex.Pattern buildingName = java.util.regex.Pattern.compile("\\." + java.util.regex.Pattern.quote(name) + "\\.building-[0-9]+(-[0-9]+)?");
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (buildingName.matcher(n).matches() && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && building(p)) {
                    deleteOwned(p, rel -> true);
                } else if (oldIsOurs && p.equals(old)) {
                    java.util.Set<String> listed = listed(old);
                    deleteOwned(old, rel -> rel.equals(LIST) || listed.contains(rel));
                }
            }
        }
    }

    /** Deletes the files of {@code dir} that {@code ours} claims (never following a link), then the folders left empty. */
    static void deleteOwned(Path dir, java.util.function.Predicate<String> ours) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = dir.relativize(file).toString().replace('\\', '/');
                // The list goes last: a deletion cut short leaves a folder still known as Gazette's.
                if (!rel.equals(LIST) && ours.test(rel)) Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (d.equals(dir)) {
                    try (Stream<Path> left = Files.list(d)) {
                        List<Path> rest = left.toList();
                        if (rest.size() == 1 && rest.get(0).getFileName().toString().equals(LIST)) Files.delete(rest.get(0));
                    }
                }
                if (isEmpty(d)) Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean hasGeneratorMark(Path dir) {
        Path index = dir.resolve("index.html");
        try {
            return Files.isRegularFile(index, java.nio.file.LinkOption.NOFOLLOW_LINKS) && new String(Files.readAllBytes(index), StandardCharsets.UTF_8).contains(MARK);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
