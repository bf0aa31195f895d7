package org.gazette.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

import org.gazette.content.Spill;
import org.gazette.content.TextCache;
import org.gazette.search.SearchIndex;

/**
 * The files a build makes, as they are made — the one seam every output passes through. Kept in
 * memory ({@code gazette check}, the preview), or written at once into the hidden building folder
 * ({@code gazette build}), so a site of 200,000 pages is never held whole. Each page leaves its
 * facts as it passes — what it links to and which ids it has (the link check), its search document
 * and whether search can read it (the index) — so nothing needs to read the pages again.
 */
final class SiteFiles {

    /** Where files go: null keeps them in memory. */
    private final Path folder;
    private final ConcurrentSkipListMap<String, byte[]> memory;
    private final ConcurrentSkipListSet<String> paths;
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    /** Whether facts are taken (not for the preview, whose link check remembers its own between saves). */
    private final boolean facts;
    /** Whether search documents are kept (only a build that writes its index needs them). */
    private final boolean documents;
    private final Map<String, LinkChecker.Scan> scans = new ConcurrentHashMap<>();
    /** Each link target's string once (most are the same on every page of a folder). */
    private final Map<String, String> refs = new ConcurrentHashMap<>();
    /** Each result page's search document, its text left in {@link #spill} (a build of 200,000 pages has 1 GB of it). */
    private final Map<String, Manifest.Doc> docs = new ConcurrentHashMap<>();
    private final Spill spill;

    private final Set<String> unmarked = new ConcurrentSkipListSet<>();

    /** Whether what a manifest records is kept: each file's state on disk, each page's fingerprint (see {@link Manifest}). */
    private final boolean recording;
    /** Each page's fingerprint, from when it is given until it is written and recorded. */
    private final Map<String, Long> fingerprints = new ConcurrentHashMap<>();
    /** What is recorded of each file once on disk (by the writer's thread), for the manifest. */
    private final Manifest.Entries entries;
    /** The search index's files. */
    private final Set<String> index = ConcurrentHashMap.newKeySet();

    private SiteFiles(Path folder, boolean facts, boolean documents, SortedMap<String, byte[]> start, Path texts) {
        this.folder = folder;
        // From a sorted map both are built in one pass (putting 24,000 files one by one took a third of a preview's rebuild).
        this.memory = new ConcurrentSkipListMap<>(start);
        this.paths = new ConcurrentSkipListSet<>(memory.keySet());
        this.facts = facts;
        this.documents = documents;
        this.recording = folder != null && texts != null;
        this.entries = recording ? new Manifest.Entries(texts) : null;
        this.writer = folder == null ? null : new Writer();
        // Beside the building folder, on the disk that holds the site (the temporary folder is memory on many systems);
        // at a place of its own when the next build takes its unchanged pages' texts from it.
        this.spill = !documents ? null : recording ? Spill.at("search", texts) : new Spill("search", folder == null ? null : folder.getParent());
    }

    private final Writer writer;

    /** Files kept in memory; with {@code facts}, each page's facts taken as it passes. */
    static SiteFiles inMemory(boolean facts) {
        return new SiteFiles(null, facts, false, new TreeMap<>(), null);
    }

    /** Files kept in memory, starting as {@code last} (a preview's rebuild that makes only some pages again), without facts. */
    static SiteFiles inMemoryFrom(SortedMap<String, byte[]> last) {
        return new SiteFiles(null, false, false, last, null);
    }

    /** Files written into {@code folder} as they come, facts taken (search documents too if {@code search}). */
    static SiteFiles into(Path folder, boolean search) {
        return new SiteFiles(folder, true, search, new TreeMap<>(), null);
    }

    /**
     * Files written into {@code folder} as they come, facts taken, and what a {@link Manifest} records
     * of each: the search texts go to {@code texts} (kept by {@link #keepTexts}), each file's state on disk is noted.
     */
    static SiteFiles recorded(Path folder, boolean search, Path texts) {
        return new SiteFiles(folder, true, search, new TreeMap<>(), texts);
    }

    /** Adds a page made from inputs whose fingerprint is {@code fingerprint} (a manifest records it). */
    void put(String path, byte[] bytes, long fingerprint) {
        if (recording) fingerprints.put(path, fingerprint);
        put(path, bytes);
    }

    /** Adds a file of the search index. */
    void putIndex(String path, byte[] bytes) {
        index.add(path);
        put(path, bytes);
    }

    /**
     * Takes a file from the last build ({@code from}, which {@code was} describes) instead of making
     * it: linked into the new site (copied where links cannot be made), with the facts the manifest
     * kept of it — its links and ids, its search document ({@code text} gives the document's text).
     */
    void reuse(String path, Path from, Manifest.Entry was, java.util.function.Function<Manifest.Doc, String> text) {
        if (was.is(Manifest.PAGE)) fingerprints.put(path, was.fingerprint());
        if (was.is(Manifest.SEARCH)) index.add(path);
        if (facts && was.scan() != null) scans.put(path, was.scan().compact(refs));
        if (was.is(Manifest.UNMARKED)) unmarked.add(path);
        if (documents && was.doc() != null) {
            Manifest.Doc d = was.doc();
            byte[] bytes = text.apply(d).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            docs.put(path, new Manifest.Doc(d.url(), d.title(), d.date(), spill.add(bytes), bytes.length, d.hash()));
        }
        writer.link(path, from, was.stat());
        paths.add(path);
    }

    /** What the manifest records of every file, as they were written (complete after {@link #flush}). */
    Manifest.Entries entries() {
        return entries;
    }

    /** Records a file just written or linked (the writer's thread): its state, fingerprint and facts. */
    private void record(String path, TextCache.Stamp stat) throws IOException {
        Long fingerprint = fingerprints.remove(path);
        LinkChecker.Scan scan = scans.get(path);
        Manifest.Doc doc = docs.get(path);
        int flags = (fingerprint != null ? Manifest.PAGE : 0) | (scan != null ? Manifest.SCAN : 0) | (doc != null ? Manifest.DOC : 0)
                | (unmarked.contains(path) ? Manifest.UNMARKED : 0) | (index.contains(path) ? Manifest.SEARCH : 0);
        entries.add(path, new Manifest.Written(flags, fingerprint == null ? 0 : fingerprint, stat, scan, doc));
    }

    /** Each search document's hash (path → hash), to compare with the last build's. */
    Map<String, Long> documentHashes() {
        Map<String, Long> h = new java.util.HashMap<>();
        docs.forEach((p, k) -> h.put(p, k.hash()));
        return h;
    }

    /** Leaves the search texts in their file for the next build (see {@link #recorded}). */
    void keepTexts() {
        if (spill != null && recording) spill.leave();
    }

    /** Adds (or replaces) a file; safe from any thread. */
    void put(String path, byte[] bytes) {
        if (facts && path.endsWith(".html")) {
            scans.put(path, LinkChecker.scan(bytes).compact(refs));
            if (SearchIndex.unmarked(path, bytes)) unmarked.add(path);
            if (documents) {
                SearchIndex.Doc doc = SearchIndex.document(path, bytes);
                if (doc != null) {
                    byte[] text = doc.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    docs.put(path, new Manifest.Doc(doc.url(), doc.title(), doc.date(), spill.add(text), text.length,
                            Manifest.Doc.hash(doc.url(), doc.title(), doc.date(), doc.text())));
                }
            }
        }
        if (folder == null) {
            memory.put(path, bytes);
        } else {
            writer.write(path, bytes);
        }
        paths.add(path);
    }

    /**
     * Every page is made: the table that shares the link strings among the pages' scans (a million
     * entries at 240,000 pages) has done its work and goes before the link check and the search index.
     */
    void pagesMade() {
        refs.clear();
    }

    /** Waits until every file given is on disk; a file that could not be written is this call's failure. */
    void flush() {
        if (writer != null) writer.flush();
    }

    /** Stops the writer, whatever became of the files (a build that stops). */
    void flushQuietly() {
        try {
            flush();
        } catch (UncheckedIOException e) {
            // the build has already stopped; its folder is removed
        }
    }

    /**
     * Writes files on a thread of its own, so the threads that render never wait for the disk (on
     * these machines creating 30,000 files costs 1–9 s of the kernel's time, a different amount every
     * run): at most {@link #PENDING} bytes wait at any time, so memory stays bounded whatever the site's size.
     */
    private final class Writer implements Runnable {
        /** A file to write, or to link to {@code from} (a file of the last build, in the state {@code stat}). */
        private record File(String path, byte[] bytes, Path from, TextCache.Stamp stat) {}

        private static final File END = new File(null, null, null, null);
        private final java.util.concurrent.LinkedBlockingQueue<File> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        private final java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(PENDING / 1024);
        private final Map<String, byte[]> pending = new ConcurrentHashMap<>();
        private final Thread thread = new Thread(this, "gazette-writer");
        private volatile IOException failure;
        private boolean ended;

        Writer() {
            thread.setDaemon(true);
            thread.start();
        }

        private int permits(byte[] bytes) {
            return Math.min(PENDING / 1024, bytes.length / 1024 + 1);
        }

        void write(String path, byte[] bytes) {
            if (failure != null) throw new UncheckedIOException(failure);
            room.acquireUninterruptibly(permits(bytes));
            pending.put(path, bytes);
            queue.add(new File(path, bytes, null, null));
        }

        void link(String path, Path from, TextCache.Stamp stat) {
            if (failure != null) throw new UncheckedIOException(failure);
            links.put(path, from);
            queue.add(new File(path, null, from, stat));
        }

        /** Links not made yet: path → the last build's file. */
        private final Map<String, Path> links = new ConcurrentHashMap<>();

        Path linking(String path) {
            return links.get(path);
        }

        @Override
        public void run() {
            while (true) {
                File f;
                try {
                    f = queue.take();
                } catch (InterruptedException e) {
                    continue;
                }
                if (f == END) return;
                // After a failure the rest is drained unwritten: a producer is never left waiting for room.
                if (failure == null) {
                    try {
                        Path file = folder.resolve(f.path());
                        Path dir = file.getParent();
                        if (folders.add(dir)) Files.createDirectories(dir);
                        TextCache.Stamp stat = f.stat();
                        if (f.from() != null) {
                            try {
                                Files.createLink(file, f.from());
                            } catch (UnsupportedOperationException | IOException e) {
                                // No links here (another file system, FAT): a copy, whose own state the manifest records.
                                Files.copy(f.from(), file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                                stat = TextCache.Stamp.of(file);
                            }
                        } else {
                            Files.write(file, f.bytes());
                            if (recording) stat = TextCache.Stamp.of(file);
                        }
                        if (recording) record(f.path(), stat);
                    } catch (IOException e) {
                        failure = e;
                    }
                }
                if (f.from() != null) links.remove(f.path(), f.from());
                if (f.bytes() != null) {
                    pending.remove(f.path(), f.bytes());
                    room.release(permits(f.bytes()));
                }
            }
        }

        synchronized void flush() {
            if (!ended) {
                ended = true;
                queue.add(END);
            }
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException("interrupted while writing"));
            }
            if (failure != null) throw new UncheckedIOException(failure);
        }

        byte[] pending(String path) {
            return pending.get(path);
        }
    }

    /** How many bytes may wait for the writer (the pages in flight, not the site). */
    private static final int PENDING = 64 << 20;

    void putAll(Map<String, byte[]> files) {
        files.forEach(this::put);
    }

    boolean has(String path) {
        return paths.contains(path);
    }

    /** Every file so far, in order. */
    NavigableSet<String> paths() {
        return paths;
    }

    /** A file's bytes (read back from the folder when written there). */
    byte[] get(String path) {
        if (folder == null) return memory.get(path);
        if (!paths.contains(path)) return null;
        byte[] waiting = writer.pending(path);
        if (waiting != null) return waiting;
        try {
            Path from = writer.linking(path);
            return Files.readAllBytes(from != null ? from : folder.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the files are in memory (else in the building folder). */
    boolean inMemory() {
        return folder == null;
    }

    /** The files in memory, as a map (path → bytes); only for files kept in memory. */
    SortedMap<String, byte[]> memory() {
        if (folder != null) throw new IllegalStateException("the files are in " + folder);
        return memory;
    }

    /** Each page's links and ids, as found when it was made. */
    Map<String, LinkChecker.Scan> scans() {
        return scans;
    }

    /** The search document of a page (null: none), as read when it was made. */
    SearchIndex.Doc document(String path) {
        Manifest.Doc k = docs.get(path);
        return k == null ? null : new SearchIndex.Doc(k.url(), k.title(), k.date(), spill.read(k.at(), k.length()));
    }

    /** Removes what the files kept aside while being made (the search texts' spill file); after the index is made. */
    void close() {
        if (spill != null) spill.close();
        if (entries != null) entries.close();
    }

    /** Result pages that search cannot read (a template without the mark), in order. */
    Set<String> unmarked() {
        return unmarked;
    }

    /**
     * The files of the folder {@code dir} named by {@code paths}, as a map that reads a file when
     * asked for it (what a finished build returns: its pages are on disk, not in memory).
     */
    static SortedMap<String, byte[]> onDisk(Path dir, NavigableSet<String> paths) {
        return new OnDisk(dir, paths);
    }

    /** A read-only sorted map over files on disk, read when asked for. */
    private static final class OnDisk extends AbstractMap<String, byte[]> implements SortedMap<String, byte[]> {
        private final Path dir;
        private final NavigableSet<String> keys;

        OnDisk(Path dir, NavigableSet<String> keys) {
            this.dir = dir;
            this.keys = keys;
        }

        private byte[] read(String path) {
            try {
                return Files.readAllBytes(dir.resolve(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public byte[] get(Object key) {
            return key instanceof String s && keys.contains(s) ? read(s) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return keys.contains(key);
        }

        @Override
        public int size() {
            return keys.size();
        }

        @Override
        public Set<Entry<String, byte[]>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, byte[]>> iterator() {
                    Iterator<String> it = keys.iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<String, byte[]> next() {
                            String k = it.next();
                            return new SimpleImmutableEntry<>(k, read(k));
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.size();
                }
            };
        }

        @Override
        public NavigableSet<String> keySet() {
            return java.util.Collections.unmodifiableNavigableSet(keys);
        }

        @Override
        public Comparator<? super String> comparator() {
            return null;
        }

        @Override
        public SortedMap<String, byte[]> subMap(String fromKey, String toKey) {
            return new OnDisk(dir, keys.subSet(fromKey, true, toKey, false));
        }

        @Override
        public SortedMap<String, byte[]> headMap(String toKey) {
            return new OnDisk(dir, keys.headSet(toKey, false));
        }

        @Override
        public SortedMap<String, byte[]> tailMap(String fromKey) {
            return new OnDisk(dir, keys.tailSet(fromKey, true));
        }

        @Override
        public String firstKey() {
            return keys.first();
        }

        @Override
        public String lastKey() {
            return keys.last();
        }
    }
}
