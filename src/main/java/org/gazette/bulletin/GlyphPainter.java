package org.gazette.bulletin;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Text drawn into a picture as outlines read from Gazette's own fonts, not with Java2D's fonts: the
 * JDK's font manager cannot even start on a machine with no system fonts (a fresh server, a
 * container), and its rasteriser differs between JDKs. Outlines filled as shapes need neither, so a
 * chart picture has the same pixels everywhere. A character the first face lacks comes from the next.
 */
final class GlyphPainter {

    private record Face(TrueTypeFont font, CmapLookup cmap, float unitsPerEm) {}

    /** A glyph ready to fill: its outline at 1 unit per em, y downwards, and its advance. */
    private record Glyph(GeneralPath outline, float advance) {}

    private final List<Face> faces = new ArrayList<>();
    private final Map<Integer, Glyph> glyphs = new HashMap<>();

    private GlyphPainter(String... resources) {
        for (String resource : resources) {
            try (InputStream in = GlyphPainter.class.getResourceAsStream("/org/gazette/fonts/" + resource)) {
                if (in == null) throw new IllegalStateException(resource + " is missing from Gazette's jar");
                TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
                faces.add(new Face(f, f.getUnicodeCmapLookup(false), f.getUnitsPerEm()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static GlyphPainter sans;

    /** The bundled sans-serif face (Noto Sans SC Bold), then Droid Sans Fallback for what it lacks. */
    static synchronized GlyphPainter sans() {
        if (sans == null) sans = new GlyphPainter("NotoSansSC-Bold.ttf", "DroidSansFallbackFull.ttf");
        return sans;
    }

    /** The width of {@code text} at {@code size} pixels per em. */
    synchronized float width(String text, float size) {
        float w = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) w += glyph(text.codePointAt(i)).advance();
        return w * size;
    }

    /** {@code text} filled in {@code g}'s colour, its baseline starting at ({@code x}, {@code y}). */
    synchronized void draw(Graphics2D g, String text, float x, float y, float size) {
        float at = x;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            Glyph glyph = glyph(text.codePointAt(i));
            AffineTransform t = new AffineTransform(size, 0, 0, size, at, y);
            g.fill(t.createTransformedShape(glyph.outline()));
            at += glyph.advance() * size;
        }
    }

    /** {@code text} cut with "…" to fit {@code width} pixels. */
    String fit(String text, float size, float width) {
        if (width(text, size) <= width) return text;
        String t = text;
        while (t.length() > 1 && width(t + "…", size) > width) t = t.substring(0, t.offsetByCodePoints(t.length(), -1));
        return t + "…";
    }

    private Glyph glyph(int codePoint) {
        return glyphs.computeIfAbsent(codePoint, c -> {
            try {
                for (Face face : faces) {
                    int gid = face.cmap().getGlyphId(c);
                    if (gid == 0) continue;
                    return glyph(face, gid);
                }
                Face first = faces.get(0);
                return glyph(first, 0); // the first face's "missing" box: a character no face has is seen, not dropped
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Glyph glyph(Face face, int gid) throws IOException {
        GlyphData data = face.font().getGlyph().getGlyph(gid);
        GeneralPath outline = data == null ? new GeneralPath() : new GeneralPath(data.getPath());
        // Font units, y upwards, to ems, y downwards.
        outline.transform(new AffineTransform(1 / face.unitsPerEm(), 0, 0, -1 / face.unitsPerEm(), 0, 0));
        return new Glyph(outline, face.font().getAdvanceWidth(gid) / face.unitsPerEm());
    }
}
