package org.gazette.bulletin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.gazette.format.Units;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.render.NoBreak;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * XHTML to PDF with openhtmltopdf: bundled fonts only, no network, no library chatter on the
 * console, and the same bytes for the same input (fixed dates and document ID).
 */
public final class BulletinRenderer {

    private final OfficeFonts office;
    private final NoBreak noBreak;

    /** With the bundled fonts only and Gazette's unit table. */
    public BulletinRenderer() {
        this(OfficeFonts.NONE, Units.shipped());
    }

    /** With the office's own fonts (site.yaml {@code fonts:}) before the bundled ones, and its unit table (quantities never break). */
    public BulletinRenderer(OfficeFonts office, Units units) {
        PdfEngines.quietPdf();
        this.office = office;
        this.noBreak = new NoBreak(units);
    }

    static final String PRODUCER = "Gazette";

    /** The sRGB output intent PDF/A asks for, from the JDK (the same bytes on every machine). */
    private static final byte[] SRGB = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData();

    /** A rendered PDF and what the renderer refused (remote or missing resources). */
    public record Result(byte[] pdf, int pages, List<String> refused) {}

    /** Document metadata written into the PDF's info dictionary. */
    public record Metadata(String title, String author, String subject, String keywords, String language, java.time.ZonedDateTime date,
                           List<Attachment> attachments) {

        public Metadata(String title, String author, String subject, String keywords, String language, java.time.ZonedDateTime date) {
            this(title, author, subject, keywords, language, date, List.of());
        }
    }

    /** A source file carried inside the PDF (PDF/A-3 associated file, relationship Source). */
    public record Attachment(String name, byte[] data, String mimeType, String description) {}

    /** Where an element landed: its page (0-based) and the empty space, in points, between it and the foot of the type area. */
    public record Placement(int page, float roomBelow) {}

    /**
     * What the renderer may read: the base URI relative references resolve against, and which
     * resolved URIs are allowed (images inside the content folder). Everything else is refused.
     */
    public record Access(String baseUri, java.util.function.Predicate<String> allowed) {
        public static final Access NONE = new Access("about:blank", uri -> false);
    }

    /**
     * A document laid out once, before it is painted: where an element landed can be read, an element
     * can be moved down into the room under it on its page, and then the PDF is painted from the same
     * layout — one layout per bulletin, not one to measure and one to paint.
     */
    public final class Laid implements AutoCloseable {
        private final PdfBoxRenderer renderer;
        private final List<String> refused;
        private final List<String> read;
        private final String file;
        private boolean closed;

        private Laid(PdfBoxRenderer renderer, List<String> refused, List<String> read, String file) {
            this.renderer = renderer;
            this.refused = refused;
            this.read = read;
            this.file = file;
        }

        /** The files the renderer was allowed to read (images), as absolute paths, in a fixed order. */
        public List<java.nio.file.Path> read() {
            java.util.TreeSet<java.nio.file.Path> paths = new java.util.TreeSet<>();
            synchronized (read) {
                for (String uri : read) {
                    try {
                        paths.add(java.nio.file.Path.of(java.net.URI.create(uri)).toAbsolutePath().normalize());
                    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                        // only file: URIs are ever allowed
                    }
                }
            }
            return List.copyOf(paths);
        }

        /** Where the element with {@code id} landed; null when there is none or it runs past the last page. */
        public Placement placement(String id) {
            com.openhtmltopdf.render.Box box = find(renderer.getRootBox(), id);
            if (box == null) return null;
            float dpp = renderer.getDotsPerPoint();
            int bottom = box.getAbsY() + box.getHeight();
            List<com.openhtmltopdf.render.PageBox> pages = renderer.getRootBox().getLayer().getPages();
            for (int i = 0; i < pages.size(); i++) {
                var page = pages.get(i);
                if (bottom <= page.getBottom()) {
                    // Document coordinates, in dots: pages are stacked; page.getBottom() is the foot of its type area.
                    return new Placement(i, (page.getBottom() - bottom) / dpp);
                }
            }
            return null;
        }

        /**
         * Moves the element with {@code id} (the last thing on its page) down by {@code points}, as a
         * top margin of that size would have placed it: the caller keeps it within the room below it,
         * so it stays on its page and nothing else moves.
         */
        public void pushDown(String id, int points) {
            com.openhtmltopdf.render.Box box = find(renderer.getRootBox(), id);
            if (box == null || points <= 0) return;
            int dots = Math.round(points * renderer.getDotsPerPoint());
            box.setY(box.getY() + dots);
            box.calcCanvasLocation();
            box.calcChildLocations();
        }

        /** Paints the laid-out document into an archive-grade PDF; {@code source} is the XHTML the document ID is made from. */
        public Result paint(Metadata meta, String source) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            try {
                renderer.createPDFWithoutClosing();
                PDDocument doc = renderer.getPdfDocument();
                fix(doc, meta, source);
                int pages = doc.getNumberOfPages();
                doc.save(out);
                return new Result(out.toByteArray(), pages, refused);
            } catch (IOException | RuntimeException e) {
                throw new GazetteException(Position.of(file).error(Msg.BULLETIN_RENDER.with(String.valueOf(e.getMessage())), Msg.BULLETIN_XHTML_FIX.with()));
            }
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            renderer.close();
        }
    }

    /** Lays {@code xhtml} out for an archive-grade PDF, to be measured, adjusted and painted ({@link Laid}). */
    public Laid layout(String xhtml, String file, Access access) {
        List<String> refused = new ArrayList<>();
        List<String> read = new ArrayList<>();
        PdfRendererBuilder builder = builder(xhtml, refused, read, access, true);
        PdfBoxRenderer renderer = builder.buildPdfRenderer();
        try {
            renderer.layout();
            return new Laid(renderer, refused, read, file);
        } catch (RuntimeException e) {
            try {
                renderer.close();
            } catch (RuntimeException ignored) {
                // the layout's own error is the one to report
            }
            throw new GazetteException(Position.of(file).error(Msg.BULLETIN_LAYOUT.with(String.valueOf(e.getMessage())), Msg.BULLETIN_XHTML_FIX.with()));
        }
    }

    /** The box of the element with {@code id}, depth first. */
    private static com.openhtmltopdf.render.Box find(com.openhtmltopdf.render.Box box, String id) {
        if (box.getElement() != null && id.equals(box.getElement().getAttribute("id"))) return box;
        for (int i = 0; i < box.getChildCount(); i++) {
            var found = find(box.getChild(i), id);
            if (found != null) return found;
        }
        return null;
    }

    public Result render(String xhtml, Metadata meta, String file) {
        return render(xhtml, meta, file, Access.NONE);
    }

    public Result render(String xhtml, Metadata meta, String file, Access access) {
        try (Laid laid = layout(xhtml, file, access)) {
            return laid.paint(meta, xhtml);
        }
    }

    private PdfRendererBuilder builder(String xhtml, List<String> refused, List<String> read, Access access, boolean archive) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.withHtmlContent(xhtml, access.baseUri());
        builder.withProducer(PRODUCER);
        builder.useFastMode();
        if (archive) {
            // Archive grade: PDF/A-3a (sources can be attached) and PDF/UA-1 (tagged for screen readers).
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A);
            builder.usePdfUaAccessibility(true);
            builder.useColorProfile(SRGB);
        }
        // Nothing is fetched from the network; from disk only what the access allows. Every refusal is reported.
        builder.useExternalResourceAccessControl((uri, type) -> {
            if (uri != null && access.allowed().test(uri)) {
                synchronized (read) {
                    read.add(uri);
                }
                return true;
            }
            synchronized (refused) {
                refused.add(uri);
            }
            return false;
        }, com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        // A picture the renderer could not draw (damaged, too large for memory, SVG) is reported, never left out silently.
        builder.withDiagnosticConsumer(d -> {
            String id = d.getLogMessageId() == null ? "" : d.getLogMessageId().toString();
            if (id.contains("IMAGE") && d.getArgs() != null && d.getArgs().length > 0 && d.getArgs()[0] != null) {
                synchronized (refused) {
                    refused.add(String.valueOf(d.getArgs()[0]));
                }
            }
        });
        org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
        builder.usePDDocument(doc);
        Fonts.register(builder, doc);
        office.register(builder, doc);
        // A quantity (320亿元, 32 billion yuan) is never broken across lines.
        builder.useUnicodeLineBreaker(new QuantityBreaker(noBreak));
        return builder;
    }

    /**
     * Fixed dates and document ID, so the same input gives the same bytes; the info dictionary and
     * the XMP metadata say the same things (PDF/A checks that they agree).
     */
    private static void fix(PDDocument doc, Metadata meta, String xhtml) throws IOException {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(meta.title());
        info.setAuthor(meta.author());
        info.setSubject(meta.subject());
        info.setKeywords(meta.keywords());
        info.setProducer(PRODUCER);
        Calendar when = Calendar.getInstance(TimeZone.getTimeZone(meta.date().getZone()), Locale.ROOT);
        when.setTimeInMillis(meta.date().toInstant().toEpochMilli());
        info.setCreationDate(when);
        doc.setDocumentInformation(info);
        var metadata = doc.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8)
                    .replaceAll("<xmp:CreateDate>[^<]*</xmp:CreateDate>", "<xmp:CreateDate>"
                            + meta.date().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            + "</xmp:CreateDate>");
            var fixed = new org.apache.pdfbox.pdmodel.common.PDMetadata(doc, new java.io.ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8)));
            doc.getDocumentCatalog().setMetadata(fixed);
        }
        attach(doc, meta.attachments(), when);
        figures(doc.getDocumentCatalog().getStructureTreeRoot());
        doc.getDocumentCatalog().setLanguage(meta.language());
        // Viewers show the title, not the file name, in the window.
        org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences prefs =
                new org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
        COSString id = new COSString(md5(xhtml));
        COSArray ids = new COSArray();
        ids.add(id);
        ids.add(id);
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /**
     * A chart is a Figure with its alternative text. The renderer tags a block by its element
     * (a {@code div} becomes a Div) and writes a {@code title} attribute as its Alt; in the bulletin
     * template only a chart's drawing is a block with a title, so each Div that carries an Alt is
     * retagged as the Figure it is (PDF/UA: a figure needs Alt; its bars and labels stay inside it).
     */
    static void figures(org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode node) {
        if (node == null) return;
        for (Object kid : node.getKids()) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("Div".equals(e.getStructureType()) && e.getAlternateDescription() != null && !e.getAlternateDescription().isBlank()) {
                    e.setStructureType(org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes.Figure);
                }
                figures(e);
            }
        }
    }

    /** The sources as PDF/A-3 associated files: in the EmbeddedFiles name tree and the catalog's /AF, relationship Source. */
    private static void attach(PDDocument doc, List<Attachment> attachments, Calendar when) throws IOException {
        if (attachments.isEmpty()) return;
        java.util.Map<String, org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification> specs = new java.util.TreeMap<>();
        COSArray af = new COSArray();
        for (Attachment a : attachments) {
            var file = new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(doc,
                    new java.io.ByteArrayInputStream(a.data()), COSName.FLATE_DECODE);
            file.setSubtype(a.mimeType());
            file.setSize(a.data().length);
            file.setModDate(when);
            var spec = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
            spec.setFile(a.name());
            spec.setFileUnicode(a.name());
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.setFileDescription(a.description());
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");
            specs.put(a.name(), spec);
            af.add(spec);
        }
        var tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
        tree.setNames(specs);
        var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), af);
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
