package org.gazette.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.SortedMap;
import java.util.stream.Stream;

import org.gazette.problem.GazetteException;
import org.gazette.problem.Position;

/**
 * Replaces the output folder as a whole: the new site is written into a hidden folder beside it
 * ({@code .site-out.building-…}) and swapped in with two renames only when complete; the previous
 * site waits as {@code .site-out.old} until the next run removes it in the background. A build that
 * fails or is killed leaves the previous site as it was; the next run cleans up the leftovers
 * (and, if a kill fell between the two renames, puts the previous site back first).
 */
public final class OutputFolder {

    /** Marks a folder as Gazette's output, so Gazette never replaces a folder it did not write. */
    public static final String MARK = "<meta name=\"generator\" content=\"Gazette";

    private final Path out;
    private final Path parent;
    private final String name;

    public OutputFolder(Path out) {
        this.out = out.toAbsolutePath().normalize();
        this.parent = this.out.getParent();
        this.name = this.out.getFileName().toString();
    }

    /** Refuses an output folder that would swallow the sources, or a folder Gazette did not make. */
    public void checkSafe(Path... sources) {
        for (Path s : sources) {
            Path src = s.toAbsolutePath().normalize();
            if (src.startsWith(out)) {
                throw new GazetteException(Position.of(out.toString()).error("the output folder contains " + s + ", which would be replaced",
                        "choose another output folder with --out, e.g. site-out"));
            }
        }
        if (Files.isRegularFile(out)) {
            throw new GazetteException(Position.of(out.toString()).error("the output path is a file, not a folder", "remove it or choose another --out"));
        }
        if (Files.isDirectory(out) && !isEmpty(out) && !isOurs(out)) {
            throw new GazetteException(Position.of(out.toString()).error("the output folder exists and was not made by Gazette",
                    "Gazette replaces its output folder as a whole: choose an empty or new folder with --out"));
        }
    }

    private java.util.concurrent.CompletableFuture<Void> cleaning = java.util.concurrent.CompletableFuture.completedFuture(null);

    /**
     * Starts removing what earlier runs left beside the output (the previous site, half-written
     * builds of killed runs) on a background thread, so it overlaps with loading and rendering.
     * {@link #replaceWith} waits for it before touching anything.
     */
    public void cleanInBackground() {
        // Its own thread, not the common pool: on two cores that pool has one worker, which the
        // build's parallel streams need.
        cleaning = new java.util.concurrent.CompletableFuture<>();
        Thread cleaner = new Thread(() -> {
            try {
                if (Files.isDirectory(parent)) recover();
                cleaning.complete(null);
            } catch (IOException | RuntimeException e) {
                cleaning.completeExceptionally(e);
            }
        }, "gazette-cleaner");
        cleaner.setDaemon(true);
        cleaner.start();
    }

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
        try {
            Files.createDirectories(parent);
            try {
                cleaning.join();
            } catch (java.util.concurrent.CompletionException e) {
                // cleaning failed: try again in the foreground, reporting what goes wrong
            }
            recover();
            Path building = createBuildingFolder();
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
            if (Files.exists(out)) {
                Path old = parent.resolve("." + name + ".old");
                Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(building, out, StandardCopyOption.ATOMIC_MOVE);
                // The previous site is removed by the next run, in the background while it renders
                // (cleanInBackground); deleting 20,000 files here would add seconds to every build.
            } else {
                Files.move(building, out, StandardCopyOption.ATOMIC_MOVE);
            }
            return extra;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new GazetteException(Position.of(out.toString()).error("cannot write the output: " + e.getMessage(),
                    "check there is disk space and permission to write " + parent));
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
                return Files.createDirectory(parent.resolve(n == 0 ? prefix : prefix + "-" + n));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (n > 1000) throw e;
            }
        }
    }

    /** Puts back the previous site if a build died between its two renames; removes half-written builds. */
    void recover() throws IOException {
        Path old = parent.resolve("." + name + ".old");
        if (Files.exists(old) && !Files.exists(out)) {
            Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
        }
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + ".building-") || n.equals("." + name + ".old")) {
                    deleteTree(p);
                }
            }
        }
    }

    private static boolean isOurs(Path dir) {
        Path index = dir.resolve("index.html");
        try {
            return Files.isRegularFile(index) && new String(Files.readAllBytes(index), StandardCharsets.UTF_8).contains(MARK);
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
