package org.gazette.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gazette.i18n.Language;

/**
 * What the last load made of each text file, so that the next load (the preview server's, after a
 * save) parses only the files that changed. A cache, not a second way of loading: the loader
 * runs as always and asks here before parsing a file. An entry is used only when the file's
 * size, modification time and identity are the same and no watcher named the file as changed.
 * Settings that change how every text reads ({@code site.yaml}, {@code tags.yaml}, {@code units.yaml}) empty it.
 */
public final class TextCache {

    /** A file as last parsed: its stamp, the text (empty when it had errors), its problems, and its version. */
    record Entry(Stamp stamp, ContentLoader.Parsed parsed) {}

    /** What identifies one state of a file without reading it: its size, time (ns) and identity (inode, hashed: kept small, and kept on disk by builds). */
    public record Stamp(long size, long modified, long key) {
        public static Stamp of(BasicFileAttributes a) {
            return new Stamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), version(String.valueOf(a.fileKey())));
        }

        /** The stamp of {@code file} itself (a link is not followed). */
        public static Stamp of(Path file) throws IOException {
            return of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private volatile long context;
    private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();

    /** Files a watcher saw change (content-relative, '/'-separated): read again even if their stamp looks the same. */
    public void changed(java.util.Collection<String> files) {
        changed.addAll(files);
    }

    /** Forgets every text. */
    public void clear() {
        entries.clear();
        watched = false;
    }

    /** How many texts the last load took from here. */
    public int hits() {
        return hits.get();
    }

    /** Texts a build kept on disk, put in at the first load (see {@link TextStore}); null when none. */
    private TextStore store;

    /** A cache that starts with the texts {@code store} kept (a build's: the next build parses only what changed). */
    public static TextCache from(TextStore store) {
        TextCache cache = new TextCache();
        cache.store = store;
        return cache;
    }

    /**
     * Starts a load whose settings have this fingerprint; a different one empties the cache. The
     * site's {@code languages} are what a kept text is read back with.
     */
    void begin(long settings, List<Language> languages) {
        if (settings != context) entries.clear();
        context = settings;
        hits.set(0);
        if (store != null) {
            store.fill(this, settings, languages);
            store = null;
        }
    }

    /** A text read back from a store. */
    void keep(String file, Stamp stamp, ContentLoader.Parsed parsed) {
        entries.put(file, new Entry(stamp, parsed));
    }

    /** Every text as last read (file → its stamp and what it gave), for a store to keep. */
    Map<String, Entry> entries() {
        return entries;
    }

    /** The settings of the last load (the versions of site.yaml, tags.yaml and units.yaml, together). */
    long settings() {
        return context;
    }

    /** How many texts it holds. */
    public int size() {
        return entries.size();
    }

    /** Ends a load: forgets files no longer there and the watcher's list. */
    void end(Set<String> seen) {
        entries.keySet().retainAll(seen);
        changed.clear();
    }

    private volatile boolean watched;

    /**
     * Whether a watcher reports every change under the content folder ({@link #changed}): then a
     * file it did not name is taken as it was, without asking the disk. Off after lost events.
     */
    public void watched(boolean on) {
        watched = on;
    }

    /** The file as last parsed, if a watcher vouches that it has not changed since; else null. */
    ContentLoader.Parsed unchanged(String file) {
        if (!watched || changed.contains(file)) return null;
        Entry e = entries.get(file);
        if (e == null) return null;
        hits.incrementAndGet();
        return e.parsed();
    }

    ContentLoader.Parsed get(String file, BasicFileAttributes attributes) {
        if (attributes == null || changed.contains(file)) return null;
        Entry e = entries.get(file);
        if (e == null || !e.stamp().equals(Stamp.of(attributes))) return null;
        hits.incrementAndGet();
        return e.parsed();
    }

    void put(String file, BasicFileAttributes attributes, ContentLoader.Parsed parsed) {
        if (attributes != null) entries.put(file, new Entry(Stamp.of(attributes), Objects.requireNonNull(parsed)));
    }

    /**
     * A 64-bit fingerprint of a text (FNV-1a over its characters): equal texts, equal versions. Pages
     * are re-rendered when a version they depend on changes (see the site's render cache).
     */
    public static long version(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h ^ text.length();
    }
}
