package org.gazette.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The search index of a built site, written beside its pages under {@code search/<lang>/}: per
 * language, for the articles and reports (the pages that can be results), which documents hold
 * each term ({@link Terms}) and how often, and each document's address, title, date and text (for
 * the excerpt and to check that a Chinese phrase is really there, not only its pairs).
 * <p>
 * Layout, so that a query loads only what it needs:
 * <ul>
 * <li>{@code search/<lang>/index.json} — small, fetched first: for each bundle (at most
 * {@link #BUNDLE} documents, newest first) its documents' lengths (a character each, see
 * {@link #lengths}), the ranges of terms in each term file and the names of its text files;</li>
 * <li>{@code t-<bundle>-<k>.json.gz} — the k-th sorted run of terms, each with its postings
 * {@code [doc, count, doc gap, count, …]};</li>
 * <li>{@code d-<bundle>-<k>.json.gz} — the k-th {@link #PER_FILE} documents: {@code [address, title, date, text]}.</li>
 * </ul>
 * Files are named by their bundle's content ({@code <bundle>}: 64 bits of all its pieces), so a
 * browser never mixes a cached old piece with a new index;
 * they are gzip-compressed (the search page inflates them), and the same site gives the same bytes.
 */
public final class SearchIndex {

    /** A page that can be a result: a report (zh/2017/index.html) or an article (zh/2017/news/meeting.html). */
    static final Pattern RESULT = Pattern.compile("([a-z]{2,3})/[0-9]{4}/(index\\.html|news/(?!index\\.html)[^/]+\\.html)");

    /** Documents a bundle holds at most: the build's memory grows with one bundle's postings, not the archive. */
    static final int BUNDLE = Integer.getInteger("gazette.searchBundle", 10_000);
    /**
     * Documents a text file holds. Few, because a query's twenty excerpts come from twenty scattered
     * documents, each read with its file: on 10,000 realistic articles a cold query read a median of
     * 393 KB (zh) / 578 KB (en) with 10 a file, 288 / 358 KB with 5, 263 / 295 KB with 3, in the same
     * time; the list of file names in index.json grows as the files shrink (74 → 142 KB for zh).
     */
    static final int PER_FILE = Integer.getInteger("gazette.searchPerFile", 3);
    /** Bytes of terms and postings a term file holds at most (UTF-8, before compression), unless one term alone is longer. */
    static final int TERM_FILE = 64 * 1024;
    /** Documents a shard of a bundle holds at least: below, one thread counts them all. */
    static final int SHARD = Integer.getInteger("gazette.searchShard", 1_000);
    /**
     * A term in the title counts this much, so that a document's count of a term says both how
     * often the text holds it (the count modulo this, at most 99,999) and how often the title does
     * (the count divided by this): the search page ranks first the pages whose title holds the
     * whole query, whatever a longer text repeats.
     */
    static final int TITLE_WEIGHT = Postings.TITLE;

    private SearchIndex() {
    }

    /** The search index of the site {@code files} (path → bytes): the files to add, path → bytes. */
    public static SortedMap<String, byte[]> of(SortedMap<String, byte[]> files) {
        return of(files, BUNDLE);
    }

    /** With bundles of at most {@code bundle} documents (tests use tiny ones). */
    public static SortedMap<String, byte[]> of(SortedMap<String, byte[]> files, int bundle) {
        return of(files, bundle, SHARD);
    }

    /** With bundles of at most {@code bundle} documents counted in shards of at least {@code shard} (tests: the same bytes for any). */
    static SortedMap<String, byte[]> of(SortedMap<String, byte[]> files, int bundle, int shard) {
        return of(files.keySet(), path -> document(path, files.get(path)), bundle, shard);
    }

    /**
     * The index of a site whose pages are no longer at hand: {@code paths} are all its files (in
     * order), {@code documents} gives each result page's document as {@link #document} read it when
     * the page was made (or null). The same bytes as from the pages themselves.
     */
    public static SortedMap<String, byte[]> of(Collection<String> paths, Function<String, Doc> documents) {
        return of(paths, documents, BUNDLE, SHARD);
    }

    static SortedMap<String, byte[]> of(Collection<String> paths, Function<String, Doc> documents, int bundle, int shard) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        write(paths, documents, (path, bytes) -> {
            synchronized (out) {
                out.put(path, bytes);
            }
        }, bundle, shard);
        return out;
    }

    /**
     * Makes the index as {@link #of(Collection, Function)} does, but
     * gives each file to {@code sink} (from any thread) as soon as its bundle is done, so that a
     * build holds one bundle's index at a time per language, not the whole index of an archive.
     */
    public static void write(Collection<String> paths, Function<String, Doc> documents,
                             BiConsumer<String, byte[]> sink) {
        write(paths, documents, sink, BUNDLE, SHARD);
    }

    static void write(Collection<String> paths, Function<String, Doc> documents,
                      BiConsumer<String, byte[]> sink, int bundle, int shard) {
        SortedMap<String, List<String>> byLang = new TreeMap<>();
        for (String path : paths) {
            var m = RESULT.matcher(path);
            if (m.matches()) byLang.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(path);
        }
        // The languages side by side (a list splits evenly; a map's entries may not be split at
        // all); each bundle's files are compressed side by side as soon as the bundle is counted.
        new ArrayList<>(byLang.entrySet()).parallelStream().forEach(e -> language(e.getKey(), e.getValue(), documents, bundle, shard, sink));
    }

    /**
     * What the index keeps of the page at {@code path}: its document (url, title, date, text), or
     * null — not a result page, not marked, or an untranslated page showing another language's text.
     * Read when the page is made, so the index needs no page afterwards.
     */
    public static Doc document(String path, byte[] html) {
        var m = RESULT.matcher(path);
        return m.matches() ? Doc.of(path, html, m.group(1)) : null;
    }

    /** Whether {@code path} is a result page that marks no element {@code data-search-body} (see {@link #unmarked(SortedMap)}). */
    public static boolean unmarked(String path, byte[] html) {
        return RESULT.matcher(path).matches() && !PageText.marked(html);
    }

    /**
     * The result pages (articles, reports) that mark no element {@code data-search-body}: search
     * cannot find them — an office's template without the mark. Empty with Gazette's templates.
     */
    public static List<String> unmarked(SortedMap<String, byte[]> files) {
        List<String> out = new ArrayList<>();
        for (var e : files.entrySet()) {
            if (RESULT.matcher(e.getKey()).matches() && !PageText.marked(e.getValue())) out.add(e.getKey());
        }
        return out;
    }

    /** One language's index: its bundles in path order (so years stay together), each sorted newest first. */
    private static void language(String lang, List<String> paths, Function<String, Doc> documents, int size, int shard,
                                 BiConsumer<String, byte[]> sink) {
        String dir = "search/" + lang + "/";
        StringBuilder index = new StringBuilder("{\"version\":2,\"bundles\":[");
        for (int b = 0; b * size < paths.size(); b++) {
            List<String> part = paths.subList(b * size, Math.min(paths.size(), (b + 1) * size));
            List<Doc> docs = new ArrayList<>(part.parallelStream().map(documents).filter(d -> d != null).toList());
            docs.sort(Doc.NEWEST_FIRST);
            if (b > 0) index.append(',');
            bundle(docs, dir, sink, index, shard);
        }
        index.append("]}\n");
        sink.accept(dir + "index.json", index.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A document: where it is, what it is called, when, and its text. */
    public record Doc(String url, String title, String date, String text) {

        static final Comparator<Doc> NEWEST_FIRST = Comparator.comparing((Doc d) -> d.date == null ? "" : d.date).reversed().thenComparing(Doc::url);

        /**
         * The page at {@code path} as a document of the {@code lang} index, or null: not a result, or
         * an untranslated page showing another language's text (found in that language's index, not
         * as a page of this one that its reader cannot read).
         */
        static Doc of(String path, byte[] html, String lang) {
            PageText t = PageText.of(html);
            if (t == null) return null;
            if (t.lang() != null && !t.lang().isEmpty() && !t.lang().toLowerCase(java.util.Locale.ROOT).split("-")[0].equals(lang)) return null;
            String url = path.endsWith("/index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
            return new Doc(url, t.title().isEmpty() ? url : t.title(), t.date(), t.text());
        }
    }

    private static void bundle(List<Doc> docs, String dir, BiConsumer<String, byte[]> sink, StringBuilder index, int shard) {
        // Terms are counted here, one document at a time, not kept per document: a term's string
        // then lives once (in the postings), which is most of the index's memory at 10,000 documents.
        // The documents are cut into consecutive shards counted side by side, then merged term by
        // term: the same bytes whatever the number of shards (a test checks), in half the time on two cores.
        int shards = Math.max(1, Math.min(Math.min(4, Runtime.getRuntime().availableProcessors()), docs.size() / Math.max(1, shard)));
        List<Postings> parts = java.util.stream.IntStream.range(0, shards).parallel()
                .mapToObj(k -> count(docs.subList(k * docs.size() / shards, (k + 1) * docs.size() / shards))).toList();
        // The bundle's pieces are kept until all are made: they are named after the whole bundle.
        List<byte[]> termFiles = new ArrayList<>();
        StringBuilder ranges = new StringBuilder();
        JsonBytes chunk = new JsonBytes(TERM_FILE + 1024);
        String from = null;
        String to = null;
        int[][] order = parts.parallelStream().map(Postings::sorted).toArray(int[][]::new);
        int[] at = new int[shards];
        int[] base = new int[shards];
        for (int k = 1; k < shards; k++) base[k] = base[k - 1] + parts.get(k - 1).documents();
        while (true) {
            // The smallest term at any shard's cursor (by its prefix first: no string read for most), then its
            // lists from every shard that has it, in document order.
            String t = null;
            long tp = 0;
            for (int k = 0; k < shards; k++) {
                if (at[k] == order[k].length) continue;
                Postings p = parts.get(k);
                int id = order[k][at[k]];
                long up = p.prefix(id);
                if (t != null && up > tp) continue;
                String u = p.term(id);
                if (t == null || up < tp || u.compareTo(t) < 0) {
                    t = u;
                    tp = up;
                }
            }
            if (t == null) break;
            if (from == null) {
                from = t;
                chunk.ascii('{');
            } else {
                chunk.ascii(',');
            }
            chunk.string(t).ascii(':').ascii('[');
            int last = -1;
            for (int k = 0; k < shards; k++) {
                if (at[k] == order[k].length) continue;
                Postings p = parts.get(k);
                int id = order[k][at[k]];
                if (p.prefix(id) != tp || !p.term(id).equals(t)) continue;
                at[k]++;
                int[] list = p.list(id);
                for (int i = 0, n = p.length(id); i < n; i++) {
                    if (last >= 0 || i > 0) chunk.ascii(',');
                    // A shard's first document is a number of its own: here a gap from the last shard's last.
                    chunk.number(i == 0 ? list[0] + base[k] - Math.max(0, last) : list[i]);
                }
                last = p.lastDoc(id) + base[k];
            }
            chunk.ascii(']');
            to = t;
            if (chunk.size() >= TERM_FILE) {
                termFile(chunk, from, to, termFiles, ranges);
                from = null;
            }
        }
        if (from != null) termFile(chunk, from, to, termFiles, ranges);
        List<byte[]> textFiles = new ArrayList<>();
        JsonBytes texts = new JsonBytes(64 * 1024);
        for (int f = 0; f * PER_FILE < docs.size(); f++) {
            texts.clear();
            texts.ascii('[');
            for (int d = f * PER_FILE; d < Math.min(docs.size(), (f + 1) * PER_FILE); d++) {
                Doc doc = docs.get(d);
                if (d > f * PER_FILE) texts.ascii(',');
                texts.ascii('[').string(doc.url).ascii(',').string(doc.title).ascii(',')
                        .string(doc.date == null ? "" : doc.date).ascii(',').string(doc.text).ascii(']');
            }
            texts.ascii(']').ascii('\n');
            textFiles.add(texts.toByteArray());
        }
        // One name for the bundle, made of all its pieces: index.json then lists a range per term file
        // and a count of text files, not 3,000 names (at 10,000 articles those were half of what a cold
        // query read). A new article changes every piece of its bundle anyway (documents are numbered
        // newest first), so names per piece would let a browser keep nothing more.
        var a = new java.util.zip.CRC32C();
        var c = new java.util.zip.CRC32();
        for (List<byte[]> list : List.of(termFiles, textFiles)) {
            for (byte[] b : list) {
                a.update(b);
                c.update(b);
            }
        }
        String id = String.format("%08x%08x", a.getValue(), c.getValue());
        List<Map.Entry<String, byte[]>> files = new ArrayList<>(termFiles.size() + textFiles.size());
        for (int k = 0; k < termFiles.size(); k++) files.add(Map.entry(dir + "t-" + id + "-" + k + ".json.gz", termFiles.get(k)));
        for (int k = 0; k < textFiles.size(); k++) files.add(Map.entry(dir + "d-" + id + "-" + k + ".json.gz", textFiles.get(k)));
        files.parallelStream().forEach(f -> sink.accept(f.getKey(), gzip(f.getValue())));
        index.append("{\"id\":\"").append(id).append("\",\"docs\":").append(docs.size()).append(",\"perFile\":").append(PER_FILE)
                .append(",\"lengths\":\"").append(lengths(docs)).append("\",\"terms\":[").append(ranges)
                .append("],\"texts\":").append(textFiles.size()).append('}');
    }

    /** One character per document for the length of its text, 2^(k/4) characters for the k-th of {@link #LENGTH_DIGITS}. */
    static final String LENGTH_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    /**
     * The documents' text lengths, each in one character (a quarter of a power of two: enough for
     * the search page to weigh a repeat in a long report less than in a short article, BM25's length
     * normalisation, in one byte a document).
     */
    static String lengths(List<Doc> docs) {
        StringBuilder sb = new StringBuilder(docs.size());
        for (Doc d : docs) {
            int k = (int) Math.round(4 * Math.log(d.text.length() + 1) / Math.log(2));
            sb.append(LENGTH_DIGITS.charAt(Math.max(0, Math.min(LENGTH_DIGITS.length() - 1, k))));
        }
        return sb.toString();
    }

    /** The terms of {@code docs}, counted: their text, and their title with more weight. */
    private static Postings count(List<Doc> docs) {
        Postings postings = new Postings();
        for (Doc doc : docs) {
            postings.document();
            postings.weight(1);
            Terms.eachChars(doc.text, postings);
            postings.weight(TITLE_WEIGHT);
            Terms.eachChars(doc.title, postings);
        }
        return postings;
    }

    /** Closes the term file in {@code chunk}, keeps it and lists its range of terms. */
    private static void termFile(JsonBytes chunk, String from, String to, List<byte[]> files, StringBuilder ranges) {
        chunk.ascii('}').ascii('\n');
        if (ranges.length() > 0) ranges.append(',');
        ranges.append('[');
        string(ranges, from).append(',');
        string(ranges, to).append(']');
        files.add(chunk.toByteArray());
        chunk.clear();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream gz = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (var z = new GZIPOutputStream(gz, 8192) {
            {
                // The fastest level: a quarter larger than the default, four times quicker (measured on 10,000 articles).
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gz.toByteArray();
    }

    /** {@code s} as a JSON string. */
    static StringBuilder string(StringBuilder out, String s) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x2028 && c != 0x2029) continue;
            out.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append(s, plain, s.length()).append('"');
    }
}
