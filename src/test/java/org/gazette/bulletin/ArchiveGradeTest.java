package org.gazette.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.VeraPdf;
import org.gazette.site.Build;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** Every bulletin is PDF/A-3a and PDF/UA-1 by veraPDF, with 0 failed rules. */
class ArchiveGradeTest {

    static Build.Result site;

    @BeforeAll
    static void build(@TempDir Path tmp) {
        site = TestSites.build(TestSites.CONTENT, tmp.resolve("out"));
        assertTrue(site.ok(), () -> site.problems().toString());
    }

    @ParameterizedTest(name = "{0} PDF/A-3a")
    @ValueSource(strings = {"zh/2017/bulletin-2017-zh.pdf", "en/2017/bulletin-2017-en.pdf"})
    void pdfA3a(String pdf) {
        assertEquals(List.of(), VeraPdf.failures(site.files().get(pdf), PDFAFlavour.PDFA_3_A));
    }

    @org.junit.jupiter.api.Test
    void theValidatorCatchesANonConformingPdf() throws java.io.IOException {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            assertTrue(!VeraPdf.failures(out.toByteArray(), PDFAFlavour.PDFA_3_A).isEmpty());
            assertTrue(!VeraPdf.failures(out.toByteArray(), PDFAFlavour.PDFUA_1).isEmpty());
        }
    }

    /** The bulletin carries its year's sources; extracted, they are byte for byte the files in content/. */
    @ParameterizedTest(name = "{0} attachments")
    @ValueSource(strings = {"zh/2017/bulletin-2017-zh.pdf", "en/2017/bulletin-2017-en.pdf"})
    void sourcesAreAttached(String pdf) throws java.io.IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(site.files().get(pdf))) {
            var tree = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertEquals(List.of("2017/news/meeting.en.md", "2017/news/meeting.zh.md", "2017/report.en.md", "2017/report.yaml", "2017/report.zh.md"),
                    List.copyOf(tree.keySet()));
            for (var e : tree.entrySet()) {
                assertEquals("Source", e.getValue().getCOSObject().getNameAsString(org.apache.pdfbox.cos.COSName.getPDFName("AFRelationship")));
                byte[] attached = e.getValue().getEmbeddedFile().toByteArray();
                assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(TestSites.CONTENT.resolve(e.getKey())), attached), e.getKey());
            }
            var af = (org.apache.pdfbox.cos.COSArray) doc.getDocumentCatalog().getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.getPDFName("AF"));
            assertEquals(5, af.size(), "the catalog lists them as associated files");
        }
    }

    @ParameterizedTest(name = "{0} PDF/UA-1")
    @ValueSource(strings = {"zh/2017/bulletin-2017-zh.pdf", "en/2017/bulletin-2017-en.pdf"})
    void pdfUa1(String pdf) {
        assertEquals(List.of(), VeraPdf.failures(site.files().get(pdf), PDFAFlavour.PDFUA_1));
    }
}
