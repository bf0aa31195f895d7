package org.gazette.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.gazette.content.EditorFiles;

/**
 * Watches folders and everything under them (folders created later too) and reports, once a burst
 * of saves has settled, which files changed. Editors' scratch files (swap files, backups, vim's
 * {@code 4913}) are ignored. The JDK's watch service is not recursive on Linux, so each folder is
 * registered, and folders that appear are registered (and their files reported) as they come.
 */
public final class Watcher implements AutoCloseable {

    /** What changed in one settled burst: the files, or {@code everything} when events were lost. */
    public record Changes(Set<Path> files, boolean everything) {}

    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final long quietMillis;
    private final long maxWaitMillis;
    private volatile boolean closed;

    /** {@code quietMillis}: how long no event must come before a burst counts as over (at most {@code maxWaitMillis}). */
    public Watcher(List<Path> roots, long quietMillis, long maxWaitMillis) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.quietMillis = quietMillis;
        this.maxWaitMillis = maxWaitMillis;
        for (Path root : roots) if (Files.isDirectory(root)) registerTree(root, null);
    }

    /** Blocks, calling {@code onChange} after each settled burst, until {@link #close}. */
    public void run(Consumer<Changes> onChange) {
        while (!closed) {
            WatchKey first;
            try {
                first = service.take();
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            }
            Set<Path> files = new TreeSet<>();
            boolean[] everything = {false};
            drain(first, files, everything);
            long start = System.nanoTime();
            try {
                // Wait for the burst to end: editors write, rename and touch several files per save.
                while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(maxWaitMillis)) {
                    WatchKey next = service.poll(quietMillis, TimeUnit.MILLISECONDS);
                    if (next == null) break;
                    drain(next, files, everything);
                }
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            }
            if (!files.isEmpty() || everything[0]) onChange.accept(new Changes(files, everything[0]));
        }
    }

    private void drain(WatchKey key, Set<Path> files, boolean[] everything) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || dir == null) {
                everything[0] = true;
                continue;
            }
            Path name = (Path) event.context();
            if (EditorFiles.scratch(name.getFileName().toString())) continue;
            Path p = dir.resolve(name);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                // A new folder (a year appearing, a folder renamed in): watch it, and count what is already in it.
                registerTree(p, files);
            }
            files.add(p);
        }
        if (!key.reset()) keys.remove(key);
    }

    private void registerTree(Path root, Set<Path> found) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    if (!p.equals(root) && EditorFiles.scratch(p.getFileName().toString())) continue;
                    keys.put(p.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), p);
                } else if (found != null && !EditorFiles.scratch(p.getFileName().toString())) {
                    found.add(p);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // gone again before it could be watched: the next event says so
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        service.close();
    }
}
