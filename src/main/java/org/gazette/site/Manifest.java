package org.gazette.site;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

import org.gazette.content.Binary;
import org.gazette.content.TextCache;
import org.gazette.numbers.NumberCheck;

import static org.gazette.content.Binary.nullable;
import static org.gazette.content.Binary.shared;
import static org.gazette.content.Binary.string;
import static org.gazette.content.Binary.varint;

/**
 * What the last build of an output folder made, kept beside it ({@code .site-out.gazette-manifest}),
 * so the next {@code gazette build} renders only the pages whose inputs changed and takes the others
 * from the site already there (hard links, or copies where the file system has none): per file, the
 * fingerprint of what a page was made from, what the file is on disk (size, time, identity), and
 * the facts the link check and the search index need (its links and ids, its search document).
 * One file, so it is replaced in one rename: the search documents' texts first (written there as
 * the pages are made), then the entries, then where the entries start.
 * <p>
 * A file is taken only if it is still the very file the manifest describes (same identity, size and
 * time, a regular file): a page edited or replaced in the output folder by hand, a manifest left from
 * an older site, or one written by another Gazette, is rendered again. A manifest not the user's own,
 * or that others may write, is not read at all: it would let them put words into the search index.
 */
final class Manifest {

    private static final String MAGIC = "gazette-manifest";
    private static final int FORMAT = 1;

    static final int PAGE = 1;
    static final int SCAN = 2;
    static final int DOC = 4;
    static final int UNMARKED = 8;
    static final int SEARCH = 16;

    /** A search document kept: where it leads, its title and date, its text's place in the texts file, and a hash of all four. */
    record Doc(String url, String title, String date, long at, int length, long hash) {

        static long hash(String url, String title, String date, String text) {
            return TextCache.version(url + '\u0000' + title + '\u0000' + date + '\u0000' + text);
        }
    }

    /** One file of the last build. */
    record Entry(int flags, long fingerprint, TextCache.Stamp stat, LinkChecker.Scan scan, Doc doc) {
        boolean is(int flag) {
            return (flags & flag) != 0;
        }
    }

    /** What the entries are valid for: the format, this Gazette, and the build's choices that shape every file. */
    record Header(long tool, boolean search, boolean drafts) {}

    private final Map<String, Entry> entries;
    private final Map<String, Long> documents;
    private final FileChannel texts;
    private final NumberCheck.Memo numbers;

    private Manifest(Map<String, Entry> entries, Map<String, Long> documents, FileChannel texts, NumberCheck.Memo numbers) {
        this.entries = entries;
        this.documents = documents;
        this.texts = texts;
        this.numbers = numbers;
    }

    /** What the last build's numbers check found nothing in (checked again only where the files changed). */
    NumberCheck.Memo numbers() {
        return numbers;
    }

    static Path file(Path out) {
        Path o = out.toAbsolutePath().normalize();
        return o.resolveSibling("." + o.getFileName() + ".gazette-manifest");
    }

    /** Where a build writes its manifest (its search texts first, as its pages are made) until {@link #replace} puts it in place. */
    static Path fresh(Path out) {
        Path file = file(out);
        return file.resolveSibling(file.getFileName() + ".new");
    }

    /** The mark a manifest ends with. */
    private static final int END = 0x475a4d31; // "GZM1"

    /**
     * The manifest of the last build of {@code out}, or null when there is none to trust: missing,
     * damaged, from another version of Gazette or another kind of build ({@code header}), or not the
     * user's own file.
     */
    static Manifest read(Path out, Header header) {
        Binary.Section section = Binary.open(file(out), out, END);
        if (section == null) return null;
        FileChannel channel = section.channel();
        try {
            long start = section.start();
            DataInputStream in = section.in();
            Map<String, Entry> entries = new HashMap<>();
            Map<String, Long> documents = new HashMap<>();
            if (!in.readUTF().equals(MAGIC) || in.readInt() != FORMAT) return null;
            if (!new Header(in.readLong(), in.readBoolean(), in.readBoolean()).equals(header)) return null;
            List<String> table = new ArrayList<>();
            while (in.readBoolean()) {
                String path = string(in);
                int flags = in.readUnsignedByte();
                long fingerprint = in.readLong();
                TextCache.Stamp stat = new TextCache.Stamp(in.readLong(), in.readLong(), in.readLong());
                LinkChecker.Scan scan = null;
                if ((flags & SCAN) != 0) {
                    String[] refs = new String[varint(in)];
                    for (int r = 0; r < refs.length; r++) refs[r] = shared(in, table);
                    int ids = varint(in);
                    Set<String> idSet = ids == 0 ? Set.of() : new java.util.HashSet<>();
                    for (int d = 0; d < ids; d++) idSet.add(string(in));
                    scan = new LinkChecker.Scan(List.of(refs), idSet.isEmpty() ? Set.of() : Set.copyOf(idSet));
                }
                Doc doc = null;
                if ((flags & DOC) != 0) {
                    doc = new Doc(string(in), string(in), nullable(in), in.readLong(), in.readInt(), in.readLong());
                    if (doc.at() < 0 || doc.length() < 0 || doc.at() + doc.length() > start) return null;
                    documents.put(path, doc.hash());
                }
                entries.put(path, new Entry(flags, fingerprint, stat, scan, doc));
            }
            // What the numbers check found nothing in, with the versions it read.
            long numbersSettings = in.readLong();
            int pieces = in.readInt();
            Map<String, Long> clean = new HashMap<>();
            for (int i = 0; i < pieces; i++) clean.put(string(in), in.readLong());
            Manifest m = new Manifest(entries, documents, channel, NumberCheck.Memo.of(numbersSettings, clean));
            channel = null;
            return m;
        } catch (IOException | RuntimeException e) {
            return null; // no manifest, or not one this build can read: everything is made
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // read only
                }
            }
        }
    }

    /** The entry of {@code path}, or null; each is given once (what the build takes it lets go). */
    synchronized Entry take(String path) {
        return entries.remove(path);
    }

    /** The files of the last build's search index (taken whole when no document changed). */
    synchronized Map<String, Entry> searchFiles() {
        Map<String, Entry> index = new java.util.TreeMap<>();
        entries.forEach((p, e) -> {
            if (e.is(SEARCH)) index.put(p, e);
        });
        return index;
    }

    /** The last build's search documents' hashes (path → hash), to tell whether the index would come out the same. */
    Map<String, Long> documents() {
        return documents;
    }

    /** Whether {@code file} (in the current output folder) is still the file {@code e} describes, so it may be taken. */
    static boolean unchanged(Path file, Entry e) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && TextCache.Stamp.of(a).equals(e.stat());
        } catch (IOException e2) {
            return false;
        }
    }

    /** A kept document's text (from the last build's texts file). */
    String text(Doc d) {
        ByteBuffer buffer = ByteBuffer.allocate(d.length());
        try {
            while (buffer.hasRemaining()) {
                if (texts.read(buffer, d.at() + buffer.position()) < 0) throw new IOException("the texts file ended early");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    void close() {
        try {
            if (texts != null) texts.close();
        } catch (IOException e) {
            // read only
        }
    }

    /** What is recorded of a file. */
    record Written(int flags, long fingerprint, TextCache.Stamp stat, LinkChecker.Scan scan, Doc doc) {}

    /**
     * The entries of a build's manifest, written one by one as the files land on disk (by the one
     * thread that writes them), into a file beside the output: nothing of them is held meanwhile
     * (at 240,000 pages their state and fingerprints were ~60 MB of a build's heap). {@link #write}
     * puts them into the manifest.
     */
    static final class Entries implements AutoCloseable {
        private final Path file;
        private final DataOutputStream o;
        private final Map<String, Integer> table = new HashMap<>();

        /** Entries for the manifest that will be {@code fresh} (see {@link Manifest#fresh}). */
        Entries(Path fresh) {
            this.file = fresh.resolveSibling(fresh.getFileName() + "-entries");
            try {
                Files.deleteIfExists(file);
                Files.createFile(file);
                Binary.restrict(file);
                this.o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), 1 << 16));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Records one file (from the writer's thread only). */
        void add(String path, Written w) throws IOException {
            o.writeBoolean(true);
            string(o, path);
            o.writeByte(w.flags());
            o.writeLong(w.fingerprint());
            o.writeLong(w.stat().size());
            o.writeLong(w.stat().modified());
            o.writeLong(w.stat().key());
            if (w.scan() != null) {
                varint(o, w.scan().refs().size());
                for (String r : w.scan().refs()) shared(o, r, table);
                varint(o, w.scan().ids().size());
                for (String id : new java.util.TreeSet<>(w.scan().ids())) string(o, id);
            }
            if (w.doc() != null) {
                Doc d = w.doc();
                string(o, d.url());
                string(o, d.title());
                nullable(o, d.date());
                o.writeLong(d.at());
                o.writeInt(d.length());
                o.writeLong(d.hash());
            }
        }

        /** Ends the list (after the last file). */
        void end() throws IOException {
            o.writeBoolean(false);
            o.flush();
        }

        @Override
        public void close() {
            try {
                o.close();
            } catch (IOException e) {
                // removed below
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the next build writes over it
            }
        }
    }

    /**
     * Finishes the manifest of a build beside {@code out}, under its new name ({@link #fresh}, where
     * the search texts already are, if any): the header, the {@code entries}, what the numbers check
     * found nothing in, and the end. {@link #replace} puts it in place once the site is swapped in.
     */
    static void write(Path out, Header header, Entries entries, NumberCheck.Memo numbers) throws IOException {
        Path fresh = fresh(out);
        // Without search there are no texts: whatever a stopped build left there goes.
        if (!header.search() || !Files.isRegularFile(fresh, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(fresh);
            Files.createFile(fresh);
            Binary.restrict(fresh);
        }
        entries.end();
        long start = Files.size(fresh);
        // Streamed to the file (at 240,000 pages the entries are ~90 MB), the checksum taken a buffer at a time.
        CRC32 crc = new CRC32();
        try (OutputStream raw = Files.newOutputStream(fresh, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
             CheckedOutputStream checked = new CheckedOutputStream(raw, crc);
             DataOutputStream o = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16))) {
            o.writeUTF(MAGIC);
            o.writeInt(FORMAT);
            o.writeLong(header.tool());
            o.writeBoolean(header.search());
            o.writeBoolean(header.drafts());
            Files.copy(entries.file, o);
            Map<String, Long> clean = numbers == null ? Map.of() : numbers.clean();
            o.writeLong(numbers == null ? 0 : numbers.settings());
            o.writeInt(clean.size());
            for (var e : clean.entrySet()) {
                string(o, e.getKey());
                o.writeLong(e.getValue());
            }
            o.flush();
            Binary.end(raw, crc.getValue(), start, END);
        }
    }

    /** After the swap: the new manifest replaces the last build's, in one rename. */
    static void replace(Path out) throws IOException {
        Files.move(fresh(out), file(out), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes what a build that stopped began to write beside the output (its new manifest). */
    static void discard(Path out) {
        try {
            Files.deleteIfExists(fresh(out));
        } catch (IOException e) {
            // the next build writes over it
        }
    }

    /**
     * This Gazette's version: the jar it runs from (its size and time), or its classes (tests), so a
     * manifest from another build of Gazette, which might render the same inputs differently, is not used.
     */
    static long tool() {
        try {
            Path code = Path.of(Manifest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            long h = TextCache.version(code.toString());
            if (Files.isRegularFile(code)) {
                var a = Files.readAttributes(code, BasicFileAttributes.class);
                return (h * 31 + a.size()) * 31 + a.lastModifiedTime().toMillis();
            }
            try (var s = Files.walk(code)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    var a = Files.readAttributes(p, BasicFileAttributes.class);
                    h = ((h * 31 + TextCache.version(p.toString())) * 31 + a.size()) * 31 + a.lastModifiedTime().toMillis();
                }
            }
            return h;
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            return System.nanoTime(); // unknown: no manifest matches, everything is made
        }
    }

}
