package org.gazette.bulletin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.gazette.config.SiteConfig;
import org.gazette.problem.Msg;
import org.gazette.problem.Problems;

/**
 * The office's own fonts for the bulletin, named in site.yaml ({@code fonts:}): each checked once
 * (a TrueType face PDFBox can embed, whose glyphs copy back out as the characters written) and
 * registered under a CSS family the bulletin stylesheet names before the bundled faces:
 * {@code "Office Body"}, {@code "Office Masthead"}, …, {@code "Office Fallback 1"} … {@code 4}.
 */
public final class OfficeFonts {

    /** How many fallback fonts the stylesheet lists. */
    public static final int MAX_FALLBACK = 4;

    /** A face ready to register: its CSS family, the file's bytes, which face of a collection, what it covers. */
    record Face(String family, String file, byte[] bytes, String collectionFace, BitSet coverage, String name) {}

    public static final OfficeFonts NONE = new OfficeFonts(List.of(), new BitSet(), java.util.Set.of());

    private final List<Face> faces;
    private final BitSet fallbackCoverage;
    private final java.util.Set<Integer> accepted;

    private OfficeFonts(List<Face> faces, BitSet fallbackCoverage, java.util.Set<Integer> accepted) {
        this.faces = List.copyOf(faces);
        this.fallbackCoverage = fallbackCoverage;
        this.accepted = accepted;
    }

    /**
     * Faces read before, by file, size, time and face: the preview server checks them once. At most
     * {@link #REMEMBERED}, the least recently used forgotten first (a long-running preview whose office
     * tries font after font must not keep every parsed file).
     */
    private static final Map<List<Object>, Face> READ = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Face> eldest) {
            return size() > REMEMBERED;
        }
    });
    static final int REMEMBERED = 32;

    /** Reads and checks the fonts site.yaml names; a font that cannot be used is an error at its line. */
    public static OfficeFonts load(SiteConfig.Fonts config, Problems problems) {
        if (config.files().isEmpty() && config.accept().isEmpty()) return NONE;
        List<Face> faces = new ArrayList<>();
        for (var role : config.roles().entrySet()) {
            String family = "Office " + Character.toUpperCase(role.getKey().charAt(0)) + role.getKey().substring(1);
            read(role.getValue(), family, problems).ifPresent(faces::add);
        }
        BitSet fallback = new BitSet();
        if (config.fallback().size() > MAX_FALLBACK) {
            problems.error(config.fallback().get(MAX_FALLBACK).at(), Msg.FONT_FALLBACKS.with(MAX_FALLBACK),
                    Msg.FONT_FALLBACKS_FIX.with(config.fallback().size() - MAX_FALLBACK));
        }
        for (int i = 0; i < Math.min(MAX_FALLBACK, config.fallback().size()); i++) {
            read(config.fallback().get(i), "Office Fallback " + (i + 1), problems).ifPresent(f -> {
                faces.add(f);
                fallback.or(f.coverage());
            });
        }
        return new OfficeFonts(faces, fallback, config.accept());
    }

    private static java.util.Optional<Face> read(SiteConfig.FontFile f, String family, Problems problems) {
        String shown = f.path().toString();
        if (!Files.isRegularFile(f.path())) {
            problems.error(f.at(), Msg.FONT_MISSING.with(shown), Msg.FONT_MISSING_FIX.with());
            return java.util.Optional.empty();
        }
        try {
            BasicFileAttributes a = Files.readAttributes(f.path(), BasicFileAttributes.class);
            List<Object> key = List.of(f.path().toString(), a.size(), a.lastModifiedTime().toMillis(), String.valueOf(f.face()));
            Face known = READ.get(key);
            if (known != null) return java.util.Optional.of(new Face(family, known.file(), known.bytes(), known.collectionFace(), known.coverage(), known.name()));
            byte[] bytes = Files.readAllBytes(f.path());
            if (bytes.length >= 4 && bytes[0] == 'O' && bytes[1] == 'T' && bytes[2] == 'T' && bytes[3] == 'O') {
                problems.error(f.at(), Msg.FONT_CFF.with(shown), Msg.FONT_CFF_FIX.with());
                return java.util.Optional.empty();
            }
            boolean collection = bytes.length >= 4 && bytes[0] == 't' && bytes[1] == 't' && bytes[2] == 'c' && bytes[3] == 'f';
            if (!collection && f.face() != null) {
                problems.error(f.at(), Msg.FONT_NOT_COLLECTION.with(shown, "#" + f.face()), Msg.REMOVE.with("#" + f.face()));
                return java.util.Optional.empty();
            }
            String face = collection ? faceOf(bytes, f, shown, problems) : null;
            if (collection && face == null) return java.util.Optional.empty();
            TrueTypeFont ttf = parse(bytes, face);
            if (!ttf.getTableMap().containsKey("glyf")) {
                problems.error(f.at(), Msg.FONT_NO_OUTLINES.with(shown), Msg.FONT_NO_OUTLINES_FIX.with());
                return java.util.Optional.empty();
            }
            var cmap = ttf.getUnicodeCmapLookup(false);
            if (cmap == null) {
                problems.error(f.at(), Msg.FONT_NO_CMAP.with(shown), Msg.FONT_NO_CMAP_FIX.with());
                return java.util.Optional.empty();
            }
            BitSet coverage = new BitSet();
            List<String> shared = new ArrayList<>();
            for (int gid = 1; gid < ttf.getNumberOfGlyphs(); gid++) {
                List<Integer> codes = cmap.getCharCodes(gid);
                if (codes == null) continue;
                for (int c : codes) coverage.set(c);
                // PDFBox writes the lowest character of a glyph into the text layer: a radical drawn like an
                // ideograph (⼀ and 一) would make every 一 copy out as ⼀, wrong for search and screen readers.
                if (codes.size() > 1 && radical(codes.get(0)) && codes.stream().anyMatch(c -> c >= 0x3400 && !radical(c))) {
                    if (shared.size() < 3) shared.add(new String(Character.toChars(codes.stream().filter(c -> !radical(c)).findFirst().get()))
                            + " and " + new String(Character.toChars(codes.get(0))));
                    else shared.add("");
                }
            }
            if (!shared.isEmpty()) {
                problems.error(f.at(), Msg.FONT_RADICALS.with(shown, shared.size(), shared.stream().filter(s -> !s.isEmpty()).toList()), Msg.FONT_RADICALS_FIX.with());
                return java.util.Optional.empty();
            }
            Face read = new Face(family, shown, bytes, face, coverage, familyName(ttf));
            READ.put(key, read);
            return java.util.Optional.of(read);
        } catch (IOException | RuntimeException e) {
            problems.error(f.at(), Msg.FONT_UNREADABLE.with(shown, Msg.reason(e)), Msg.FONT_UNREADABLE_FIX.with());
            return java.util.Optional.empty();
        }
    }

    /**
     * The face's family name as Word and WPS know it: the Simplified Chinese one where the font has it
     * (仿宋_GB2312, 方正小标宋简体 — what an office's documents name), else the English one.
     */
    static String familyName(TrueTypeFont ttf) throws IOException {
        var naming = ttf.getNaming();
        if (naming == null) return ttf.getName();
        String english = null;
        for (int id : new int[] {16, 1}) {
            for (var r : naming.getNameRecords()) {
                if (r.getNameId() != id || r.getString() == null || r.getString().isBlank()) continue;
                if (r.getPlatformId() == 3 && r.getLanguageId() == 0x0804) return r.getString().strip();
                if (english == null && (r.getPlatformId() == 3 && r.getLanguageId() == 0x0409 || r.getPlatformId() == 1 && r.getLanguageId() == 0)) {
                    english = r.getString().strip();
                }
            }
        }
        return english != null ? english : ttf.getName();
    }

    /** Word's faces by GB/T 9704 role: the office's own where site.yaml names them, the usual Windows names elsewhere. */
    public WordBulletin.Faces wordFaces() {
        Map<String, String> byRole = new java.util.HashMap<>();
        for (Face f : faces) byRole.put(f.family(), f.name());
        var w = WordBulletin.Faces.WINDOWS;
        String masthead = byRole.getOrDefault("Office Masthead", w.masthead());
        return new WordBulletin.Faces(masthead,
                byRole.getOrDefault("Office Title", byRole.containsKey("Office Masthead") ? masthead : w.title()),
                byRole.getOrDefault("Office Body", w.body()),
                byRole.getOrDefault("Office Heading1", w.heading1()),
                byRole.getOrDefault("Office Heading2", w.heading2()),
                byRole.getOrDefault("Office Latin", w.latin()));
    }

    private static boolean radical(int c) {
        return c >= 0x2E80 && c <= 0x2FDF;
    }

    /** The name of the face a collection entry names (by index or name), or null after an error. */
    private static String faceOf(byte[] bytes, SiteConfig.FontFile f, String shown, Problems problems) throws IOException {
        List<String> names = new ArrayList<>();
        try (TrueTypeCollection c = new TrueTypeCollection(new ByteArrayInputStream(bytes))) {
            c.processAllFonts(font -> names.add(font.getName()));
        }
        if (f.face() == null) return names.get(0);
        if (names.contains(f.face())) return f.face();
        if (f.face().matches("\\d+") && Integer.parseInt(f.face()) < names.size()) return names.get(Integer.parseInt(f.face()));
        problems.error(f.at(), Msg.FONT_NO_FACE.with(f.face(), shown), Msg.FONT_NO_FACE_FIX.with(List.copyOf(names)));
        return null;
    }

    private static TrueTypeFont parse(byte[] bytes, String face) throws IOException {
        if (face == null) return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        TrueTypeCollection c = new TrueTypeCollection(new ByteArrayInputStream(bytes));
        return c.getFontByName(face);
    }

    /** Registers every face with the builder for {@code doc}, regular and bold (the office's face is never made synthetic bold). */
    void register(com.openhtmltopdf.pdfboxout.PdfRendererBuilder builder, org.apache.pdfbox.pdmodel.PDDocument doc) {
        for (Face face : faces) {
            var supplier = Fonts.lazy(doc, () -> parsed(face));
            for (int weight : new int[] {400, 700}) {
                builder.useFont(supplier, face.family(), weight, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
            }
        }
    }

    /** Parsed fonts are not safe to share between threads (bulletins render in parallel): one parse per thread and face. */
    // Keyed by the file's bytes, which a face keeps from build to build while the file is unchanged.
    private static final ThreadLocal<Map<byte[], TrueTypeFont>> PARSED = ThreadLocal.withInitial(java.util.WeakHashMap::new);

    private static TrueTypeFont parsed(Face face) throws IOException {
        Map<byte[], TrueTypeFont> mine = PARSED.get();
        TrueTypeFont f = mine.get(face.bytes());
        if (f == null) {
            f = parse(face.bytes(), face.collectionFace());
            mine.put(face.bytes(), f);
        }
        return f;
    }

    /** Whether a fallback font has {@code codePoint} (the fallbacks stand in every font stack). */
    boolean covers(int codePoint) {
        return fallbackCoverage.get(codePoint);
    }

    /** Whether the office accepts that {@code codePoint} prints as '#'. */
    boolean accepts(int codePoint) {
        return accepted.contains(codePoint);
    }

    /** Adds what these fonts draw to a bulletin's cache key: each face's family, face name and bytes, in order. */
    void addTo(BulletinCache.Key key) {
        key.add(String.valueOf(faces.size()));
        for (Face face : faces) key.add(face.family()).add(face.collectionFace()).add(digest(face.bytes()));
    }

    /** A face's SHA-256, once per file read (a font is megabytes; bulletins are many). */
    private static byte[] digest(byte[] bytes) {
        synchronized (DIGESTS) {
            return DIGESTS.computeIfAbsent(bytes, b -> {
                try {
                    return java.security.MessageDigest.getInstance("SHA-256").digest(b);
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static final Map<byte[], byte[]> DIGESTS = new java.util.WeakHashMap<>();

    /** The font files in use, for `--verbose` and tests. */
    public List<String> families() {
        return faces.stream().map(Face::family).toList();
    }
}
