package org.gazette.bulletin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The fonts bundled inside Gazette (src/main/resources/org/gazette/fonts, licences beside them).
 * The PDF never depends on the machine's fonts: every face the bulletin stylesheet names is here.
 * TrueType outlines only (PDFBox cannot embed CFF). The CJK files are subsets prepared by
 * tools/fonts/build-fonts.sh so that every glyph extracts as the character written.
 */
public final class Fonts {

    /** A face: file, CSS family, the weights it is registered for. */
    record Face(String file, String family, List<Integer> weights) {}

    static final List<Face> FACES = List.of(
            new Face("NotoSerifSC-Regular.ttf", "Noto Serif SC", List.of(400)),
            new Face("NotoSerifSC-Bold.ttf", "Noto Serif SC", List.of(700)),
            // The 黑体 face for level-1 headings: bold glyphs whatever weight is asked.
            new Face("NotoSansSC-Bold.ttf", "Noto Sans SC", List.of(400, 700)),
            new Face("LiberationSerif-Regular.ttf", "Liberation Serif", List.of(400)),
            new Face("LiberationSerif-Bold.ttf", "Liberation Serif", List.of(700)),
            new Face("LiberationSans-Bold.ttf", "Liberation Sans", List.of(400, 700)),
            // The 仿宋 GB/T 9704 sets the body in (朱雀仿宋, built from its sources; GB 2312 complete; one weight: never a synthetic bold).
            new Face("ZhuqueFangsong-Regular.ttf", "Zhuque Fangsong", List.of(400, 700)),
            // The 楷体 GB/T 9704 sets second-level headings in (AR PL KaitiM GB, GB 2312 complete; one weight: never a synthetic bold).
            new Face("ARPLKaitiMGB.ttf", "AR PL KaitiM GB", List.of(400, 700)),
            // Fallback for characters outside the subsets: all URO ideographs and Extension A (one weight: never a synthetic bold).
            new Face("DroidSansFallbackFull.ttf", "Droid Sans Fallback", List.of(400, 700)));

    private static volatile List<byte[]> loaded;

    private Fonts() {}

    /**
     * Registers every bundled face with the builder for {@code doc}. A face is loaded into the
     * document only when the layout first needs it, from a TrueType font parsed once per thread
     * (parsed fonts are not safe to share between threads; bulletins render in parallel).
     */
    static void register(PdfRendererBuilder builder, org.apache.pdfbox.pdmodel.PDDocument doc) {
        for (int i = 0; i < FACES.size(); i++) {
            Face face = FACES.get(i);
            int index = i;
            var supplier = lazy(doc, () -> parsed(index));
            for (int weight : face.weights()) {
                builder.useFont(supplier, face.family(), weight, FontStyle.NORMAL, true);
            }
        }
    }

    /** A parsed TrueType font, read when first needed. */
    interface Source {
        org.apache.fontbox.ttf.TrueTypeFont get() throws IOException;
    }

    /** A face loaded into {@code doc} (embedded as a subset) only when the layout first asks for it. */
    static com.openhtmltopdf.pdfboxout.PDFontSupplier lazy(org.apache.pdfbox.pdmodel.PDDocument doc, Source source) {
        return new com.openhtmltopdf.pdfboxout.PDFontSupplier(null) {
            private org.apache.pdfbox.pdmodel.font.PDFont font;

            @Override
            public org.apache.pdfbox.pdmodel.font.PDFont supply() {
                if (font == null) {
                    try {
                        font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc, source.get(), true);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return font;
            }
        };
    }

    private static final ThreadLocal<org.apache.fontbox.ttf.TrueTypeFont[]> PARSED =
            ThreadLocal.withInitial(() -> new org.apache.fontbox.ttf.TrueTypeFont[FACES.size()]);

    private static org.apache.fontbox.ttf.TrueTypeFont parsed(int index) throws IOException {
        var fonts = PARSED.get();
        if (fonts[index] == null) {
            fonts[index] = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(bytes().get(index)));
        }
        return fonts[index];
    }

    private static List<byte[]> bytes() {
        List<byte[]> b = loaded;
        if (b == null) {
            synchronized (Fonts.class) {
                if (loaded == null) {
                    loaded = FACES.stream().map(f -> read(f.file())).toList();
                }
                b = loaded;
            }
        }
        return b;
    }

    /**
     * PDFBox looks for system fonts whenever a standard PDF font is named (openhtmltopdf names the
     * base-14 fonts as defaults), scanning every font folder and writing ~/.pdfbox.cache. Gazette
     * never draws with those fonts, so PDFBox is given a mapper that answers with a bundled face:
     * no scan, no cache file, the same result on every machine.
     */
    static void useOnlyBundledFonts() {
        org.apache.pdfbox.pdmodel.font.FontMappers.set(new org.apache.pdfbox.pdmodel.font.FontMapper() {
            private volatile org.apache.fontbox.ttf.TrueTypeFont fallback;

            private org.apache.fontbox.ttf.TrueTypeFont fallback() {
                if (fallback == null) {
                    synchronized (this) {
                        if (fallback == null) {
                            try {
                                fallback = new org.apache.fontbox.ttf.TTFParser().parse(
                                        new org.apache.pdfbox.io.RandomAccessReadBuffer(read("LiberationSerif-Regular.ttf")));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                }
                return fallback;
            }

            @Override
            public org.apache.pdfbox.pdmodel.font.FontMapping<org.apache.fontbox.ttf.TrueTypeFont> getTrueTypeFont(
                    String name, org.apache.pdfbox.pdmodel.font.PDFontDescriptor descriptor) {
                return new org.apache.pdfbox.pdmodel.font.FontMapping<>(fallback(), false);
            }

            @Override
            public org.apache.pdfbox.pdmodel.font.FontMapping<org.apache.fontbox.FontBoxFont> getFontBoxFont(
                    String name, org.apache.pdfbox.pdmodel.font.PDFontDescriptor descriptor) {
                return new org.apache.pdfbox.pdmodel.font.FontMapping<>(fallback(), false);
            }

            @Override
            public org.apache.pdfbox.pdmodel.font.CIDFontMapping getCIDFont(String name,
                    org.apache.pdfbox.pdmodel.font.PDFontDescriptor descriptor, org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo info) {
                return new org.apache.pdfbox.pdmodel.font.CIDFontMapping(null, fallback(), false);
            }
        });
    }

    /** The characters the bundled faces can draw, computed when the fonts were built (tools/fonts/build-fonts.sh). */
    private static volatile java.util.BitSet covered;

    /** Whether some bundled face has a glyph for {@code codePoint}; otherwise the PDF would show '#'. */
    static boolean covers(int codePoint) {
        java.util.BitSet c = covered;
        if (c == null) {
            synchronized (Fonts.class) {
                if (covered == null) covered = java.util.BitSet.valueOf(read("coverage.bits"));
                c = covered;
            }
        }
        return c.get(codePoint);
    }

    private static byte[] read(String file) {
        try (InputStream in = Fonts.class.getResourceAsStream("/org/gazette/fonts/" + file)) {
            if (in == null) throw new IllegalStateException("bundled font missing from the jar: " + file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
