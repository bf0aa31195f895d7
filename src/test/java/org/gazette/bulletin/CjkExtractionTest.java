package org.gazette.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.gazette.PdfText;
import org.gazette.TestSites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance that matters most: Chinese text in the bulletin's PDF extracts exactly as written —
 * no Kangxi radicals or compatibility ideographs in place of the characters, no missing glyphs —
 * with PDFBox and with poppler, in each of the bundled CJK faces (Song, bold title, 黑体, 仿宋 body, 楷体 heading).
 */
class CjkExtractionTest {

    static String gb2312;

    @BeforeAll
    static void allOfGb2312() throws CharacterCodingException {
        var decoder = Charset.forName("GB2312").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder sb = new StringBuilder();
        for (int hi = 0xB0; hi <= 0xF7; hi++) {
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                try {
                    String c = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) hi, (byte) lo})).toString();
                    if (Character.isIdeographic(c.codePointAt(0))) sb.append(c);
                } catch (CharacterCodingException e) {
                    // an empty cell of the table
                }
            }
        }
        gb2312 = sb.toString();
        assertEquals(6763, gb2312.length(), "GB2312 has 6,763 hanzi");
    }

    /** The text in the five CJK faces the bulletin uses: Song and its bold (titles), 黑体, 仿宋 (body), 楷体 (level 2). */
    static byte[] render(String text) {
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><style>"
                + "body { font-family: 'Noto Serif SC', 'Liberation Serif', 'Droid Sans Fallback'; font-size: 11pt; }"
                + "p { margin: 0 0 12pt 0; } .bold { font-weight: 700; } .hei { font-family: 'Noto Sans SC', 'Droid Sans Fallback'; }"
                + ".fang { font-family: 'Zhuque Fangsong', 'Droid Sans Fallback'; } .kai { font-family: 'AR PL KaitiM GB', 'Droid Sans Fallback'; }"
                + "</style></head><body>"
                + "<p>" + escape(text) + "</p><p class=\"bold\">" + escape(text) + "</p><p class=\"hei\">" + escape(text) + "</p>"
                + "<p class=\"fang\">" + escape(text) + "</p><p class=\"kai\">" + escape(text) + "</p>"
                + "</body></html>";
        var meta = new BulletinRenderer.Metadata("test", "test", "test", "test", "zh-CN",
                ZonedDateTime.of(2018, 2, 27, 0, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        return new BulletinRenderer().render(xhtml, meta, "test").pdf();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static void assertExtractsExactly(String text, String extracted, String tool) {
        String want = PdfText.withoutWhitespace(text).repeat(5);
        String got = PdfText.withoutWhitespace(extracted);
        if (!want.equals(got)) {
            int i = 0;
            while (i < Math.min(want.length(), got.length()) && want.charAt(i) == got.charAt(i)) i++;
            String w = i < want.length() ? want.substring(i, Math.min(want.length(), i + 10)) : "(end)";
            String g = i < got.length() ? got.substring(i, Math.min(got.length(), i + 10)) : "(end)";
            throw new AssertionError(tool + ": extraction differs at character " + i + ": expected '" + w + "' but got '" + g
                    + "' (U+" + (i < got.length() ? Integer.toHexString(got.codePointAt(i)).toUpperCase() : "-") + ")");
        }
        assertTrue(got.codePoints().noneMatch(c -> (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF)),
                tool + ": no radical or compatibility ideograph");
    }

    @Test
    void allOfGb2312ExtractsExactlyWithPdfbox() {
        byte[] pdf = render(gb2312);
        assertExtractsExactly(gb2312, PdfText.pdfbox(pdf), "PDFBox");
        assertTrue(PdfText.fonts(pdf).stream().allMatch(f -> f.matches("[A-Z]{6}\\+(NotoSerifSC-Regular|NotoSerifSC-Bold|NotoSansSC-Bold|ZhuqueFangsong-Regular|GBZenKai-Medium)")),
                () -> "every GB2312 character is drawn by the bundled subsets, none by the fallback: " + PdfText.fonts(pdf));
        assertEquals(5, PdfText.fonts(pdf).size(), PdfText.fonts(pdf)::toString);
    }

    @Test
    void allOfGb2312ExtractsExactlyWithPoppler() {
        byte[] pdf = render(gb2312);
        assertExtractsExactly(gb2312, PdfText.poppler(pdf), "pdftotext");
    }

    @Test
    void everyCharacterOfTheSampleContentExtractsExactly() throws IOException {
        TreeSet<Integer> chars = new TreeSet<>();
        try (Stream<Path> s = Files.walk(TestSites.CONTENT)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".md")).toList()) {
                Files.readString(p).codePoints().filter(c -> !Character.isWhitespace(c) && c != '#').forEach(chars::add);
            }
        }
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::appendCodePoint);
        String text = sb.toString();
        assertTrue(text.contains("柴") && text.contains("璞") && text.contains("岱"), "the names are in the set");
        byte[] pdf = render(text);
        assertExtractsExactly(text, PdfText.pdfbox(pdf), "PDFBox");
        assertExtractsExactly(text, PdfText.poppler(pdf), "pdftotext");
    }

    @Test
    void aCharacterOutsideTheSubsetsFallsBackToTheSecondFontNotToAHash() {
        // 㐀 (U+3400, CJK Extension A), 龘 and 堃 are not in GB2312, so not in the Noto subsets.
        String rare = "㐀龘堃";
        byte[] pdf = render(rare);
        assertExtractsExactly(rare, PdfText.pdfbox(pdf), "PDFBox");
        List<String> fonts = PdfText.fonts(pdf);
        assertTrue(fonts.stream().anyMatch(f -> f.endsWith("DroidSansFallback")), fonts::toString);
    }

    @Test
    void aCharacterNoBundledFontHasIsNamed() {
        assertEquals(java.util.Set.of(), Bulletins.uncovered("<p>管城回族区 32 billion yuan 㐀</p>", OfficeFonts.NONE));
        assertEquals(java.util.Set.of(0x20000), Bulletins.uncovered("<p>管城\uD840\uDC00区</p>", OfficeFonts.NONE));
    }
}
