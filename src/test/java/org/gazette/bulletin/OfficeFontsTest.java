package org.gazette.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gazette.PdfText;
import org.gazette.TestSites;
import org.gazette.VeraPdf;
import org.gazette.problem.Problem;
import org.gazette.site.Build;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The office's own fonts in the bulletin, with freely licensed stand-ins from Debian (installed by
 * .ci/run): AR PL SungtiL GB for the body (仿宋's role), AR PL KaitiM GB for level-2 headings (楷体),
 * a face of the WenQuanYi Micro Hei collection for level-1 headings (黑体), and HanaMinB as the
 * fallback for names written with CJK Extension B, C and E characters.
 */
class OfficeFontsTest {

    static final Path SONG = Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf");
    static final Path KAI = Path.of("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf");
    static final Path HEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    static final Path HANA_B = Path.of("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf");

    /** Names with one character each of Extension B (U+2A6A5), C (U+2A700) and E (U+2B820). */
    static final String RARE_NAMES = "王\uD869\uDEA5、李\uD869\uDF00、张\uD86E\uDC20";

    static Path sample;

    @BeforeAll
    static void fontsInstalled(@TempDir Path tmp) {
        boolean all = Files.isRegularFile(SONG) && Files.isRegularFile(KAI) && Files.isRegularFile(HEI) && Files.isRegularFile(HANA_B);
        if (PdfText.inCi()) assertTrue(all, "CI installs fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-microhei fonts-hanazono");
        assumeTrue(all, "Debian's free CJK fonts are not installed here");
        sample = tmp.resolve("sample");
        TestSites.copyTree(TestSites.CONTENT, sample);
        Path report = sample.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report).replace("""
                    - zh: 辖区企业负责人
                      en: heads of enterprises based in the district
                """, """
                    - zh: 辖区企业负责人
                      en: heads of enterprises based in the district
                    - zh: 特邀代表%s
                      en: invited representatives Wang Long, Li Jie and Zhang Xiao
                """.formatted(RARE_NAMES)));
    }

    static Path site(Path dir, String fonts) {
        Path content = dir.resolve("content");
        TestSites.copyTree(sample, content);
        Path site = content.resolve("site.yaml");
        TestSites.write(site, TestSites.read(site) + fonts);
        return content;
    }

    static String all(Build.Result r) {
        return String.join("\n", r.problems().stream().map(Problem::format).toList());
    }

    @Test
    void officeFontsByRoleAreEmbeddedAndTheBulletinStaysArchiveGrade(@TempDir Path dir) {
        Path content = site(dir, """
                fonts:
                  body: %s
                  heading1: %s#1
                  heading2: %s
                  fallback:
                    - %s
                """.formatted(SONG, HEI, KAI, HANA_B));
        Build.Result r = TestSites.build(content, dir.resolve("out"));
        assertTrue(r.ok(), () -> all(r));
        byte[] zh = r.files().get("zh/2017/bulletin-2017-zh.pdf");
        List<String> fonts = PdfText.fonts(zh);
        // The body in the office's Song face, level-1 headings in the collection's second face, level 2 in Kai (the face
        // Gazette itself now ships for that role, so this line shows only that Kai is there), names in HanaMinB.
        assertTrue(fonts.stream().anyMatch(f -> f.contains("BousungEG-Light-GB")), fonts::toString);
        assertTrue(fonts.stream().anyMatch(f -> f.contains("GBZenKai-Medium")), fonts::toString);
        assertTrue(fonts.stream().anyMatch(f -> f.contains("WenQuanYiMicroHeiMono")), fonts::toString);
        assertTrue(fonts.stream().anyMatch(f -> f.contains("HanaMinB")), fonts::toString);
        assertTrue(fonts.stream().noneMatch(f -> f.contains("NOT EMBEDDED")), fonts::toString);
        assertEquals(List.of(), VeraPdf.failures(zh, PDFAFlavour.PDFA_3_A));
        assertEquals(List.of(), VeraPdf.failures(zh, PDFAFlavour.PDFUA_1));

        // The text copies out as written: the rare names, and ideographs that share a shape with a radical.
        String text = PdfText.withoutWhitespace(PdfText.poppler(zh));
        assertTrue(text.contains(RARE_NAMES), "pdftotext returns the Extension B, C and E characters exactly");
        assertTrue(text.contains("凝聚人心、提振精神，开创以商都历史文化区为引领的“四个管城”建设新局面"), text);
        assertTrue(text.contains("管城回族区2017年度综合目标考核总结表彰大会"), text);
        assertTrue(PdfText.withoutWhitespace(PdfText.pdfbox(zh)).contains(RARE_NAMES), "PDFBox too");
    }

    @Test
    void aCharacterNoFontHasFailsTheBuildAtItsLineUnlessAccepted(@TempDir Path dir) {
        Build.Result r = TestSites.build(site(dir.resolve("a"), ""), dir.resolve("a/out"));
        assertFalse(r.ok());
        String messages = all(r);
        assertTrue(messages.contains("2017/report.yaml:35:16: '\uD869\uDEA5' (U+2A6A5) has no glyph in the bulletin's fonts: it would print as '#' in zh/2017/bulletin-2017-zh.pdf"
                + " — add a font that has it under 'fonts: fallback:' in site.yaml"), messages);
        assertTrue(messages.contains("(U+2B820)"), messages);

        Build.Result accepted = TestSites.build(site(dir.resolve("b"), """
                fonts:
                  accept: ["\uD869\uDEA5\uD869\uDF00\uD86E\uDC20"]
                """), dir.resolve("b/out"));
        assertTrue(accepted.ok(), () -> all(accepted));
        assertTrue(all(accepted).contains("warning: '\uD869\uDEA5' (U+2A6A5) has no glyph in the bulletin's fonts and prints as '#'"), all(accepted));
    }

    @Test
    void fontsThatCannotServeAreErrorsAtTheirLine(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("PostScript.otf");
        Files.write(fake, new byte[] {'O', 'T', 'T', 'O', 0, 0, 0, 0});
        Path content = site(dir, """
                fonts:
                  body: fonts/missing.ttf
                  masthead: %s
                  heading1: %s#Nonesuch
                  heading2: %s#1
                """.formatted(fake, HEI, KAI));
        String messages = all(TestSites.check(content));
        int line = TestSites.read(content.resolve("site.yaml")).lines().toList().indexOf("fonts:") + 2;
        assertTrue(messages.contains("site.yaml:" + line + ":9: the font file '" + content.resolve("fonts/missing.ttf").toAbsolutePath().normalize()
                + "' does not exist — install the font, or correct the path (a relative path starts from the content folder)"), messages);
        assertTrue(messages.contains("site.yaml:" + (line + 1) + ":13: '" + fake + "' has PostScript (CFF) outlines"), messages);
        assertTrue(messages.contains("site.yaml:" + (line + 2) + ":13: no face 'Nonesuch' in '" + HEI
                + "' — name one of its faces after '#' by number (0, 1, …) or name: WenQuanYiMicroHei, WenQuanYiMicroHeiMono"), messages);
        assertTrue(messages.contains("site.yaml:" + (line + 3) + ":13: '" + KAI + "' is a single font, not a collection"), messages);
    }
}
