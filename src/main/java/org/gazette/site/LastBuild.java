package org.gazette.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gazette.content.Spill;
import org.gazette.content.TextCache;
import org.gazette.content.TextStore;
import org.gazette.numbers.NumberCheck;

/**
 * What a build of the site takes from the last build into the same output folder, and leaves for
 * the next: the texts as parsed ({@link TextStore}), what the numbers check found nothing in, and
 * each file made with its fingerprint, state and facts ({@link Manifest}). Opened at the start of a
 * build, its records written just before the site is swapped in and put in place just after; a
 * build that stops leaves the last records as they were.
 */
final class LastBuild implements AutoCloseable {

    private final Path out;
    private final Manifest.Header header;
    private final TextStore.Header storeHeader;
    /** The last build's records (null: none to take from, or not to be taken: --full). */
    private final Manifest previous;
    private final TextStore store;
    /** This build's parsed texts (starting from the last build's) and what its numbers check found. */
    private TextCache texts;
    private final NumberCheck.Memo numbers;
    /** Where this build's parse keeps the bodies: the file that becomes its store of texts. */
    private final Spill bodies;
    private final AtomicInteger pagesTaken = new AtomicInteger();
    private boolean textsWritten;
    private boolean finished;

    private LastBuild(Build.Options options, boolean take) {
        this.out = options.out().toAbsolutePath().normalize();
        this.header = new Manifest.Header(Manifest.tool(), options.search(), options.publishing().drafts());
        this.storeHeader = new TextStore.Header(header.tool(), options.content().toAbsolutePath().normalize().toString());
        this.previous = take ? Manifest.read(out, header) : null;
        this.store = take ? TextStore.read(out, storeHeader) : null;
        this.texts = store == null ? new TextCache() : TextCache.from(store);
        this.numbers = previous == null ? new NumberCheck.Memo() : previous.numbers();
        this.bodies = Spill.at("bodies", TextStore.fresh(out));
    }

    /**
     * For a build of the site that records what it makes ({@code reuse}: RECORD or CHANGED); null for
     * NONE, and for a first build into a folder whose parent does not exist yet: the records live
     * beside the output, and a build makes no folder before it has succeeded (the next build records).
     */
    static LastBuild open(Build.Options options) {
        if (options.reuse() == Build.Reuse.NONE) return null;
        Path parent = options.out().toAbsolutePath().normalize().getParent();
        if (parent == null || !java.nio.file.Files.isDirectory(parent)) return null;
        return new LastBuild(options, options.reuse() == Build.Reuse.CHANGED);
    }

    /** The texts the loader starts from (those the last build parsed, still valid while their files are unchanged). */
    TextCache texts() {
        return texts;
    }

    /** Where the loader keeps the bodies of the texts it parses. */
    Spill bodies() {
        return bodies;
    }

    /** What the numbers check found nothing in, the last build's first. */
    NumberCheck.Memo numbers() {
        return numbers;
    }

    /** The files of this build, recorded for the next, written into {@code building}. */
    SiteFiles files(Path building, boolean search) {
        return SiteFiles.recorded(building, search, Manifest.fresh(out));
    }

    /**
     * After loading: keeps the texts this build parsed for the next one, unless they are exactly
     * those the last build kept (then its store stays as it is). A store that cannot be written only
     * means the next build parses everything.
     */
    void keepTexts() {
        boolean same = store != null && texts.hits() == store.size() && TextStore.keepable(texts) == store.size();
        try {
            if (!same) {
                TextStore.write(storeHeader, texts, bodies);
                textsWritten = true;
            }
        } catch (IOException e) {
            TextStore.discard(out);
        } finally {
            // The content holds the texts now; the cache of them would keep 200,000 texts alive after the content is let go.
            texts = null;
        }
    }

    /**
     * Takes the page at {@code path} from the last build into {@code files} if it was made from the
     * same inputs ({@code fingerprint}) and is still the file it made; false when it must be rendered.
     * {@code counted}: whether it counts among the pages a reader reads.
     */
    boolean takePage(String path, long fingerprint, boolean counted, SiteFiles files) {
        Manifest.Entry was = previous == null ? null : previous.take(path);
        if (was == null || !was.is(Manifest.PAGE) || was.fingerprint() != fingerprint || !Manifest.unchanged(out.resolve(path), was)) return false;
        files.reuse(path, out.resolve(path), was, previous::text);
        if (counted) pagesTaken.incrementAndGet();
        return true;
    }

    /** How many pages were taken, not rendered. */
    int pagesTaken() {
        return pagesTaken.get();
    }

    /**
     * Takes the last build's search index when every search document is what it was (same pages,
     * same texts): the index would come out byte for byte the same. False when it must be made.
     */
    boolean takeIndex(SiteFiles files) {
        if (previous == null || !previous.documents().equals(files.documentHashes())) return false;
        Map<String, Manifest.Entry> index = previous.searchFiles();
        if (index.isEmpty()) return false;
        for (var e : index.entrySet()) if (!Manifest.unchanged(out.resolve(e.getKey()), e.getValue())) return false;
        index.forEach((path, e) -> files.reuse(path, out.resolve(path), e, null));
        return true;
    }

    /** Writes this build's manifest (under its new name), once every file is on disk and before the site is swapped in. */
    void record(SiteFiles files) {
        files.keepTexts();
        try {
            Manifest.write(out, header, files.entries(), numbers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Once the site is swapped in: its records replace the last build's. */
    void finished() {
        try {
            if (textsWritten) TextStore.replace(out);
            Manifest.replace(out);
        } catch (IOException e) {
            // The site is in place; without its records the next build makes everything.
            Manifest.discard(out);
            TextStore.discard(out);
        }
        finished = true;
    }

    /** Lets go of the last build's records; a build that did not finish removes what it began to write. */
    @Override
    public void close() {
        if (previous != null) previous.close();
        if (store != null) store.close();
        bodies.close();
        if (!finished) {
            Manifest.discard(out);
            TextStore.discard(out);
        }
    }
}
