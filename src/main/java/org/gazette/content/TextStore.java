package org.gazette.content;

import static org.gazette.content.Binary.nullable;
import static org.gazette.content.Binary.string;
import static org.gazette.content.Binary.strings;
import static org.gazette.content.Binary.varint;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

import org.gazette.i18n.Language;
import org.gazette.problem.Position;

/**
 * The texts a build parsed, kept beside its output ({@code .site-out.gazette-texts}) for the next
 * build, which then parses only the files that changed: each text as the loader read it (its front
 * matter, its links and images, its body's HTML) with what identified its file then (size, time,
 * identity) — the preview's {@link TextCache}, kept on disk. Only texts read without any problem are
 * kept (a text with a warning is read again, so the warning is said again).
 * <p>
 * The bodies are HTML that goes into the published pages, so the store is trusted as the manifest
 * beside it is: a regular file of this user's that no one else may write, from this Gazette, for
 * this content folder and these settings, whole (checksums over the bodies and the entries) —
 * otherwise every text is parsed.
 */
public final class TextStore {

    private static final String MAGIC = "gazette-texts";
    private static final int FORMAT = 1;
    private static final int END = 0x475a5431; // "GZT1"

    /** What the store is valid for: this Gazette and this content folder. */
    public record Header(long tool, String root) {}

    /** One text as kept, its body still in the file: its language's code, and the text made once the site's language is known. */
    private record Kept(TextCache.Stamp stamp, long version, String lang, java.util.function.Function<Language, ContentLoader.Read> make) {}

    private final FileChannel channel;
    private final long settings;
    private final Map<String, Kept> kept;
    /** How many texts it held when read (its entries are let go once they are in a cache). */
    private int size;

    private TextStore(FileChannel channel, long settings, Map<String, Kept> kept) {
        this.channel = channel;
        this.settings = settings;
        this.kept = kept;
    }

    /** The store beside the output folder {@code out}. */
    public static Path file(Path out) {
        Path o = out.toAbsolutePath().normalize();
        return o.resolveSibling("." + o.getFileName() + ".gazette-texts");
    }

    /** Where a build writes a new store until {@link #replace} puts it in place. */
    public static Path fresh(Path out) {
        Path f = file(out);
        return f.resolveSibling(f.getFileName() + ".new");
    }

    /** How many texts it holds. */
    public int size() {
        return size;
    }

    /** The store beside {@code out}, or null when there is none to trust (see the class's comment). */
    public static TextStore read(Path out, Header header) {
        Binary.Section section = Binary.open(file(out), out, END);
        if (section == null) return null;
        FileChannel channel = section.channel();
        try {
            long start = section.start();
            DataInputStream in = section.in();
            // The bodies, checked whole: they go into pages as they are.
            CRC32 bodies = new CRC32();
            InputStream region = Channels.newInputStream(channel.position(0));
            byte[] buffer = new byte[1 << 16];
            for (long left = start; left > 0; ) {
                int n = region.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) return null;
                bodies.update(buffer, 0, n);
                left -= n;
            }
            if (!in.readUTF().equals(MAGIC) || in.readInt() != FORMAT) return null;
            if (!new Header(in.readLong(), string(in)).equals(header)) return null;
            long settings = in.readLong();
            if (in.readLong() != bodies.getValue()) return null;
            int count = in.readInt();
            Map<String, Kept> kept = new HashMap<>();
            TextStore store = new TextStore(channel, settings, kept);
            for (int i = 0; i < count; i++) {
                String display = string(in);
                TextCache.Stamp stamp = new TextCache.Stamp(in.readLong(), in.readLong(), in.readLong());
                long version = in.readLong();
                String lang = string(in);
                kept.put(display, new Kept(stamp, version, lang, store.readText(in, start)));
            }
            store.size = kept.size();
            channel = null;
            return store;
        } catch (IOException | RuntimeException e) {
            return null; // none, or not one to trust: every text is parsed
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

    /**
     * Puts the kept texts into {@code cache} if they were read under the same settings
     * ({@code settings}: the versions of site.yaml, tags.yaml and units.yaml), with their site
     * languages; a text in a language the site no longer has is left out.
     */
    void fill(TextCache cache, long settings, List<Language> languages) {
        if (settings != this.settings) {
            kept.clear();
            return;
        }
        Map<String, Language> byCode = new HashMap<>();
        for (Language l : languages) byCode.put(l.code(), l);
        kept.forEach((display, k) -> {
            ContentLoader.Parsed parsed = parsed(k, byCode);
            if (parsed != null) cache.keep(display, k.stamp(), parsed);
        });
        // Now in the cache (the bodies stay in the file, read when a page shows them): not held twice.
        kept.clear();
    }

    private ContentLoader.Parsed parsed(Kept k, Map<String, Language> languages) {
        Language lang = languages.get(k.lang());
        if (lang == null) return null;
        return new ContentLoader.Parsed(Optional.of(k.make().apply(lang)), List.of(), false, k.version());
    }

    /** A body kept in the store, read when its page is made. */
    private record Stored(TextStore store, long at, int length) implements Article.Body {
        @Override
        public String html() {
            return store.body(at, length);
        }
    }

    private String body(long at, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) throw new IOException("the store of texts ended early");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read only
        }
    }

    /**
     * Finishes a store of the texts {@code cache} holds that were read without problems (under the
     * settings of its last load) in {@code bodies} — the spill at {@link #fresh} beside {@code out}
     * where this build's parse put the bodies it made: the bodies of texts taken from the last store
     * are added after them, then the entries, then where those start. The spill stays open (pages
     * still read their bodies from it) and its file is left when it closes. Returns how many were kept.
     */
    public static int write(Header header, TextCache cache, Spill bodies) throws IOException {
        long settings = cache.settings();
        // In path order, with each body's place in parallel arrays (a build of 200,000 texts does this at its fullest moment).
        List<Map.Entry<String, TextCache.Entry>> entries = new ArrayList<>();
        cache.entries().forEach((display, e) -> {
            if (keepable(e.parsed())) entries.add(Map.entry(display, e));
        });
        entries.sort(Map.Entry.comparingByKey());
        long[] bodyAt = new long[entries.size()];
        int[] bodyLength = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Article a = entries.get(i).getValue().parsed().read().get().article();
            long[] place = bodies.place(a.body());
            if (place == null) {
                byte[] html = a.html().getBytes(StandardCharsets.UTF_8);
                place = new long[] {bodies.add(html), html.length};
            }
            bodyAt[i] = place[0];
            bodyLength[i] = (int) place[1];
        }
        long start = bodies.size();
        long bodiesCrc = bodies.checksum(start);
        // The entries after the bodies, checksummed a buffer at a time, then the end.
        CRC32 crc = new CRC32();
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(new Appending(bodies), crc), 1 << 16))) {
            o.writeUTF(MAGIC);
            o.writeInt(FORMAT);
            o.writeLong(header.tool());
            string(o, header.root());
            o.writeLong(settings);
            o.writeLong(bodiesCrc);
            o.writeInt(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                var e = entries.get(i);
                TextCache.Stamp s = e.getValue().stamp();
                string(o, e.getKey());
                o.writeLong(s.size());
                o.writeLong(s.modified());
                o.writeLong(s.key());
                ContentLoader.Parsed p = e.getValue().parsed();
                o.writeLong(p.version());
                string(o, p.read().get().article().language().code());
                writeText(o, p.read().get(), bodyAt[i], bodyLength[i]);
            }
        }
        Binary.end(new Appending(bodies), crc.getValue(), start, END);
        bodies.leave();
        return entries.size();
    }

    /** Writes appended to a spill, as a stream. */
    private static final class Appending extends OutputStream {
        private final Spill spill;

        Appending(Spill spill) {
            this.spill = spill;
        }

        @Override
        public void write(int b) {
            spill.add(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] b, int off, int len) {
            spill.add(java.util.Arrays.copyOfRange(b, off, off + len));
        }
    }

    /** Whether a text is kept: read without any problem (one with a warning is read again, so it is said again). */
    private static boolean keepable(ContentLoader.Parsed p) {
        return p.problems().isEmpty() && !p.unreadable() && p.read().isPresent();
    }

    /** How many of the texts {@code cache} holds a store keeps. */
    public static int keepable(TextCache cache) {
        int n = 0;
        for (var e : cache.entries().values()) if (keepable(e.parsed())) n++;
        return n;
    }

    /** After the build's site is in place: the new store replaces the last one, in one rename. */
    public static void replace(Path out) throws IOException {
        Files.move(fresh(out), file(out), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes a new store a build that stopped began to write. */
    public static void discard(Path out) {
        try {
            Files.deleteIfExists(fresh(out));
        } catch (IOException e) {
            // the next build writes over it
        }
    }

    private static void writeText(DataOutputStream o, ContentLoader.Read r, long bodyAt, int bodyLength) throws IOException {
        Article a = r.article();
        string(o, a.slug());
        string(o, a.file());
        nullable(o, a.title());
        nullable(o, a.date() == null ? null : a.date().toString());
        nullable(o, a.summary());
        Article.Byline b = a.byline() == null ? Article.Byline.NONE : a.byline();
        strings(o, b.reporter());
        strings(o, b.correspondent());
        strings(o, b.photographer());
        strings(o, b.editor());
        strings(o, a.tags());
        o.writeLong(bodyAt);
        o.writeInt(bodyLength);
        varint(o, a.images().size());
        for (Article.Image i : a.images()) {
            string(o, i.url());
            o.writeInt(i.line());
            o.writeInt(i.column());
        }
        writePosition(o, a.dateAt());
        o.writeBoolean(a.draft());
        nullable(o, a.publishAt() == null ? null : a.publishAt().toString());
        o.writeBoolean(a.featured());
        strings(o, a.tagIds());
        varint(o, a.links().size());
        for (Article.Ref ref : a.links()) {
            string(o, ref.written());
            nullable(o, ref.published());
            o.writeInt(ref.line());
            o.writeInt(ref.column());
        }
        o.writeBoolean(a.source() != null);
        if (a.source() != null) {
            nullable(o, a.source().name());
            nullable(o, a.source().url());
        }
        varint(o, r.images().size());
        for (var e : r.images().entrySet()) {
            string(o, e.getKey());
            string(o, e.getValue().toString());
        }
        varint(o, r.where().size());
        for (var e : r.where().entrySet()) {
            string(o, e.getKey());
            writePosition(o, e.getValue());
        }
    }

    /** Reads what {@link #writeText} wrote (after the language's code): the text, made when given its language. */
    private java.util.function.Function<Language, ContentLoader.Read> readText(DataInputStream in, long bodiesEnd) throws IOException {
        String slug = string(in);
        String file = string(in);
        String title = nullable(in);
        String day = nullable(in);
        LocalDate date = day == null ? null : LocalDate.parse(day);
        String summary = nullable(in);
        Article.Byline byline = new Article.Byline(strings(in), strings(in), strings(in), strings(in));
        List<String> tags = strings(in);
        long bodyAt = in.readLong();
        int bodyLength = in.readInt();
        if (bodyAt < 0 || bodyLength < 0 || bodyAt + bodyLength > bodiesEnd) throw new IOException("a body outside the store");
        int count = varint(in);
        List<Article.Image> images = new ArrayList<>();
        for (int i = 0; i < count; i++) images.add(new Article.Image(string(in), in.readInt(), in.readInt()));
        Position dateAt = readPosition(in);
        boolean draft = in.readBoolean();
        String at = nullable(in);
        Instant publishAt = at == null ? null : Instant.parse(at);
        boolean featured = in.readBoolean();
        List<String> tagIds = strings(in);
        count = varint(in);
        List<Article.Ref> links = new ArrayList<>();
        for (int i = 0; i < count; i++) links.add(new Article.Ref(string(in), nullable(in), in.readInt(), in.readInt()));
        Article.Source source = in.readBoolean() ? new Article.Source(nullable(in), nullable(in)) : null;
        count = varint(in);
        Map<String, Path> imageFiles = new TreeMap<>();
        for (int i = 0; i < count; i++) imageFiles.put(string(in), Path.of(string(in)));
        count = varint(in);
        Map<String, Position> where = new TreeMap<>();
        for (int i = 0; i < count; i++) where.put(string(in), readPosition(in));
        Article.Body body = new Stored(this, bodyAt, bodyLength);
        return lang -> new ContentLoader.Read(new Article(slug, lang, file, title, date, summary, byline, tags, body, images, dateAt, draft,
                publishAt, featured, tagIds, links, source), imageFiles, where);
    }

    private static void writePosition(DataOutputStream o, Position p) throws IOException {
        o.writeBoolean(p != null);
        if (p == null) return;
        nullable(o, p.file());
        o.writeInt(p.line());
        o.writeInt(p.column());
    }

    private static Position readPosition(DataInputStream in) throws IOException {
        return in.readBoolean() ? new Position(nullable(in), in.readInt(), in.readInt()) : null;
    }

}
