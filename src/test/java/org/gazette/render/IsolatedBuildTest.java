package org.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.gazette.PdfText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real `gazette build` in its own process, as on a fresh machine with no fonts: fontconfig sees
 * no font folder and the user home is empty. The bulletins must still carry only bundled fonts,
 * extract as Chinese, take their date from SOURCE_DATE_EPOCH, and the console must stay quiet.
 */
class IsolatedBuildTest {

    @Test
    void buildsWithoutSystemFontsAndWithSourceDateEpoch(@TempDir Path tmp) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path fontsConf = tmp.resolve("fonts.conf");
        Files.writeString(fontsConf, "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig>"
                + "<cachedir>" + tmp.resolve("fc-cache") + "</cachedir></fontconfig>");
        Path out = tmp.resolve("site-out");
        ProcessBuilder pb = new ProcessBuilder(org.gazette.TestSites.gazetteCommand(
                java.util.List.of("-Duser.home=" + home, "-Djava.awt.headless=true"), "build", "--out", out.toString()));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("FONTCONFIG_FILE", fontsConf.toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("SOURCE_DATE_EPOCH", "1519700400"); // 2018-02-27 03:00 UTC
        pb.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "build finishes");
        String stdout = Files.readString(tmp.resolve("stdout"), StandardCharsets.UTF_8);
        String stderr = Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);
        assertEquals("", stderr, "a normal build prints nothing on stderr: no library log lines");
        assertTrue(stdout.startsWith("gazette: built "), stdout);
        assertEquals(1, stdout.lines().count(), "one summary line: " + stdout);

        byte[] zh = Files.readAllBytes(out.resolve("zh/2017/bulletin-2017-zh.pdf"));
        for (String f : PdfText.fonts(zh)) {
            assertTrue(f.matches("[A-Z]{6}\\+(NotoSerifSC-Regular|NotoSerifSC-Bold|NotoSansSC-Bold|GBZenKai-Medium|ZhuqueFangsong-Regular|LiberationSerif|LiberationSerif-Bold"
                    + "|LiberationSans-Bold|DroidSansFallback)"), f);
        }
        assertTrue(PdfText.withoutWhitespace(PdfText.pdfbox(zh)).contains("地方财政一般公共预算收入"));
        try (PDDocument doc = Loader.loadPDF(zh)) {
            assertEquals(1519700400000L, doc.getDocumentInformation().getCreationDate().getTimeInMillis());
        }
        // The Word bulletin's charts are pictures whose text is drawn from Gazette's own fonts: Java2D's font
        // manager cannot start without system fonts, so the Word file must not need it.
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(out.resolve("zh/2017/bulletin-2017-zh.docx")))) {
            assertEquals(2, doc.getAllPictures().size(), "both charts drawn");
            assertEquals(1519700400000L, doc.getProperties().getCoreProperties().getCreated().getTime(), "dated by SOURCE_DATE_EPOCH");
        }
        try (Stream<Path> s = Files.walk(home)) {
            List<String> written = s.filter(Files::isRegularFile).map(Path::toString).toList();
            assertEquals(List.of(), written, "nothing written into the user's home (no font caches)");
        }
        assertFalse(Files.exists(home.resolve(".pdfbox.cache")));
    }

}
