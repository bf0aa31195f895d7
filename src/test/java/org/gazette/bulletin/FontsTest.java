package org.gazette.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The bundled fonts' facts that Gazette relies on. */
class FontsTest {

    /** coverage.bits (made with the fonts) says exactly which characters the bundled faces can draw. */
    @Test
    void coverageMatchesTheFonts() throws Exception {
        List<CmapLookup> cmaps = new ArrayList<>();
        for (Fonts.Face face : Fonts.FACES) {
            try (InputStream in = Fonts.class.getResourceAsStream("/org/gazette/fonts/" + face.file())) {
                cmaps.add(new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes())).getUnicodeCmapLookup());
            }
        }
        int mismatches = 0;
        for (int cp = 0x20; cp < 0x30000; cp++) {
            final int c = cp;
            boolean has = cmaps.stream().anyMatch(m -> m.getGlyphId(c) > 0);
            if (has != Fonts.covers(cp)) mismatches++;
        }
        assertEquals(0, mismatches, "rerun tools/fonts/build-fonts.sh: coverage.bits does not match the fonts");
        assertTrue(Fonts.covers('管') && Fonts.covers('A') && Fonts.covers(0x3400) && !Fonts.covers(0x20000));
    }
}
