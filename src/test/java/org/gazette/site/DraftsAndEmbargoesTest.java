package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.gazette.PdfText;
import org.gazette.TestSites;
import org.gazette.content.Publishing;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing unpublished leaks: a draft and an embargoed article (with an image each) are kept out of
 * every file a build writes — pages, listings, feeds, sitemaps, open data, the bulletins' text and
 * their attached sources — until the embargo ends; a --drafts preview shows both with a banner.
 */
class DraftsAndEmbargoesTest {

    static final String DRAFT_MARK = "DRAFTSECRET草稿机密";
    static final String EMBARGO_MARK = "EMBARGOSECRET禁发内容";
    static final OffsetDateTime BEFORE = OffsetDateTime.parse("2019-02-26T09:59+08:00");
    static final OffsetDateTime AFTER = OffsetDateTime.parse("2019-02-26T10:00+08:00");

    static Path content(Path tmp) throws IOException {
        Path content = TestSites.copyOfSample(tmp);
        Path news = content.resolve("2017/news");
        Files.createDirectories(news.resolve("images"));
        Files.write(news.resolve("images/draft-photo.png"), png());
        Files.write(news.resolve("images/embargo-photo.png"), png());
        for (String lang : List.of("zh", "en")) {
            TestSites.write(news.resolve("plans-draft." + lang + ".md"), """
                    ---
                    title: %s title
                    date: 2018-02-20
                    summary: %s summary
                    draft: true
                    ---

                    %s body. ![photo](images/draft-photo.png)
                    """.formatted(DRAFT_MARK, DRAFT_MARK, DRAFT_MARK));
            TestSites.write(news.resolve("release-embargo." + lang + ".md"), """
                    ---
                    title: %s title
                    date: 2018-02-26
                    summary: %s summary
                    publish: 2019-02-26 10:00
                    ---

                    %s body. ![photo](images/embargo-photo.png)
                    """.formatted(EMBARGO_MARK, EMBARGO_MARK, EMBARGO_MARK));
        }
        return content;
    }

    static Build.Result build(Path content, Path out, OffsetDateTime now, boolean drafts) {
        return new Build(new Build.Options(content, TestSites.TEMPLATES, out, false, new Publishing(now.toInstant(), drafts))).run(true);
    }

    @Test
    void aPublishedBuildCarriesNeitherDraftsNorEmbargoedArticles(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Build.Result r = build(content(tmp), out, BEFORE, false);
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals(List.of(), r.problems(), "held texts and their images are neither warned about nor published");
        List<String> leaks = new ArrayList<>();
        for (Path f : TestSites.files(out)) {
            String name = out.relativize(f).toString();
            if (name.contains("draft") || name.contains("embargo")) leaks.add(name + " (file name)");
            for (String text : readable(f)) {
                if (text.contains(DRAFT_MARK) || text.contains("plans-draft") || text.contains("draft-photo")) leaks.add(name + " has the draft");
                if (text.contains(EMBARGO_MARK) || text.contains("release-embargo") || text.contains("embargo-photo")) leaks.add(name + " has the embargoed article");
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(Files.isRegularFile(out.resolve("zh/2017/bulletin-2017-zh.pdf")), "the bulletins were checked too");
        assertTrue(Files.isRegularFile(out.resolve("search/zh/index.json")) && Files.isRegularFile(out.resolve("search/en/index.json")), "the search index was checked too");
    }

    @Test
    void theEmbargoLiftsAtItsMinute(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Build.Result r = build(content(tmp), out, AFTER, false);
        assertTrue(r.ok(), r.problems()::toString);
        String page = Files.readString(out.resolve("en/2017/news/release-embargo.html"));
        assertTrue(page.contains(EMBARGO_MARK + " body"));
        assertFalse(Jsoup.parse(page).select(".hold").size() > 0, "a published article has no banner");
        assertTrue(Files.isRegularFile(out.resolve("en/2017/news/images/embargo-photo.png")));
        assertTrue(Files.readString(out.resolve("en/atom.xml")).contains(EMBARGO_MARK + " title"));
        assertFalse(Files.exists(out.resolve("en/2017/news/plans-draft.html")), "the draft stays out");
    }

    @Test
    void aPreviewShowsBothWithABanner(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Build.Result r = build(content(tmp), out, BEFORE, true);
        assertTrue(r.ok(), r.problems()::toString);
        var draft = Jsoup.parse(Files.readString(out.resolve("zh/2017/news/plans-draft.html")));
        assertEquals("草稿：本文尚未发布，仅在预览中显示。", draft.select(".hold").text());
        var embargoed = Jsoup.parse(Files.readString(out.resolve("en/2017/news/release-embargo.html")));
        assertEquals("Embargoed: to be published at 2019-02-26 10:00 (Asia/Shanghai); shown only in the preview until then.",
                embargoed.select(".hold").text());
        var list = Jsoup.parse(Files.readString(out.resolve("en/news/index.html")));
        assertEquals(List.of("Draft", "Embargoed"), list.select(".hold-tag").eachText().stream().sorted().toList());
    }

    /** What a reader (or a search engine, or a PDF viewer) can get out of a file: its bytes as text; for a PDF its text and attachments. */
    static List<String> readable(Path f) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        List<String> out = new ArrayList<>();
        out.add(new String(bytes, StandardCharsets.UTF_8));
        if (bytes.length > 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
            // The search index's pieces are gzip-compressed: read them as the browser does.
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        if (f.toString().endsWith(".pdf")) {
            out.add(PdfText.pdfbox(bytes));
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                var names = doc.getDocumentCatalog().getNames();
                if (names != null && names.getEmbeddedFiles() != null) {
                    for (Map.Entry<String, ?> e : names.getEmbeddedFiles().getNames().entrySet()) {
                        out.add(e.getKey());
                        var spec = (org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification) e.getValue();
                        out.add(new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }

    /** A 1×1 PNG. */
    static byte[] png() throws IOException {
        var img = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", b);
        return b.toByteArray();
    }
}
