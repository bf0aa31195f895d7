package org.gazette;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;

/** Reading PDFs the way their readers do: PDFBox's text stripper, poppler's pdftotext, the fonts inside. */
public final class PdfText {

    private PdfText() {}

    /** Whether the tests run in CI (.ci/run sets CI=true; so do the usual CI services): there a missing tool fails, never skips. */
    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    public static String pdfbox(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * poppler's pdftotext. CI installs poppler-utils (.ci/run), so there a missing pdftotext fails
     * the test; on a developer's machine without it the test is skipped with a message.
     */
    public static String poppler(byte[] pdf) {
        if (!onPath("pdftotext")) {
            if (inCi()) throw new AssertionError("pdftotext is missing: .ci/run must install poppler-utils");
            Assumptions.abort("pdftotext not installed (apt-get install poppler-utils)");
        }
        try {
            Path tmp = Files.createTempFile("gazette", ".pdf");
            try {
                Files.write(tmp, pdf);
                Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", tmp.toString(), "-").redirectErrorStream(false).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("pdftotext failed");
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The base font names of every font used on any page (e.g. "ABCDEF+NotoSerifSC-Regular"), with embedding. */
    public static List<String> fonts(byte[] pdf) {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    String entry = f.getName() + (f.isEmbedded() ? "" : " (NOT EMBEDDED)");
                    if (!out.contains(entry)) out.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }

    public static String withoutWhitespace(String s) {
        return s.replaceAll("[\\s\\u00a0\\u3000]+", "");
    }

    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    /** The alternative texts of the tagged Figures, in the order of the structure tree. */
    public static List<String> figureAlts(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> out = new ArrayList<>();
            figures(doc.getDocumentCatalog().getStructureTreeRoot(), out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void figures(org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode node, List<String> out) {
        if (node == null) return;
        for (Object kid : node.getKids()) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("Figure".equals(e.getStructureType())) out.add(String.valueOf(e.getAlternateDescription()));
                figures(e, out);
            }
        }
    }
}
