package org.gazette.bulletin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The bulletin as a Word document, for the offices that forward a bulletin as a .docx as often as a
 * PDF: made from the same XHTML as the PDF, so the same text in the same order — the masthead, the
 * title and summary, each section with its heading as a Word heading style (Heading 1 for 一、,
 * Heading 2 for （一）, so a reader's navigation pane lists them), paragraphs, tables as tables with
 * their captions, each chart as a picture with its text alternative, the numbered measures, the
 * distribution block (版记) with its rules, and page numbers in the footer. Fonts are named by their
 * GB/T 9704 role with the usual Windows names (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体), so the
 * document opens in the office's own faces.
 */
public final class WordBulletin {

    /** Font names by role, for East Asian text and for Latin text. */
    public record Faces(String masthead, String title, String body, String heading1, String heading2, String latin) {
        public static final Faces WINDOWS = new Faces("方正小标宋简体", "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "Times New Roman");
    }

    private final Faces faces;
    private final boolean chinese;
    private final BulletinRenderer.Metadata meta;
    private final XWPFDocument doc = new XWPFDocument();

    private WordBulletin(Faces faces, BulletinRenderer.Metadata meta) {
        this.faces = faces;
        this.meta = meta;
        this.chinese = meta.language().startsWith("zh");
    }

    /**
     * The .docx of the bulletin whose XHTML is {@code xhtml} (as the PDF is made from), with the PDF's
     * document properties (title, author, subject, keywords, date, language). The same input gives the
     * same bytes: the properties' date and every file's time in the package are the bulletin's date.
     */
    public static byte[] of(String xhtml, Faces faces, BulletinRenderer.Metadata meta) {
        WordBulletin w = new WordBulletin(faces, meta);
        try {
            return w.write(xhtml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the bulletin's XHTML could not be read as XML", e);
        }
    }

    private byte[] write(String xhtml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        Element html = f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        page();
        styles();
        Element body = child(html, "body");
        for (Element e : children(body)) block(e);
        footer();
        properties();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return stamped(out.toByteArray(), meta.date().toLocalDateTime());
    }

    /** The document's properties, as the PDF's info dictionary has them; no "Apache POI" as author, no time of writing. */
    private void properties() {
        var core = doc.getProperties().getCoreProperties();
        core.setTitle(meta.title());
        core.setCreator(meta.author());
        core.setLastModifiedByUser(meta.author());
        core.setSubjectProperty(meta.subject());
        core.setKeywords(meta.keywords());
        core.setCreated(Optional.of(Date.from(meta.date().toInstant())));
        core.setModified(Optional.of(Date.from(meta.date().toInstant())));
        core.getUnderlyingProperties().setLanguageProperty(meta.language());
        doc.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication("Gazette");
    }

    /** The package again, every entry in the same order with the same bytes, dated {@code time} (a zip stores local time). */
    static byte[] stamped(byte[] zip, LocalDateTime time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip));
             var z = new ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                var copy = new ZipEntry(e.getName());
                copy.setTimeLocal(time.isBefore(LocalDateTime.of(1980, 1, 1, 0, 0)) ? LocalDateTime.of(1980, 1, 1, 0, 0) : time);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A4 on GB/T 9704's grid: top 37 mm, left (binding) 28 mm, type area 156 × 225 mm. */
    private void page() {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(mm(210)));
        size.setH(BigInteger.valueOf(mm(297)));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(mm(37)));
        mar.setBottom(BigInteger.valueOf(mm(297 - 37 - 225)));
        mar.setLeft(BigInteger.valueOf(mm(28)));
        mar.setRight(BigInteger.valueOf(mm(210 - 28 - 156)));
    }

    private static long mm(double mm) {
        return Math.round(mm / 25.4 * 1440);
    }

    /** Heading 1 and Heading 2 as Word's own heading styles (outline levels 0 and 1): the navigation pane lists them. */
    private void styles() {
        XWPFStyles styles = doc.createStyles();
        for (int level = 1; level <= 2; level++) {
            CTStyle s = CTStyle.Factory.newInstance();
            s.setStyleId("Heading" + level);
            s.setType(STStyleType.PARAGRAPH);
            s.addNewName().setVal("heading " + level);
            s.addNewBasedOn().setVal("Normal");
            s.addNewNext().setVal("Normal");
            s.addNewQFormat();
            s.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
            styles.addStyle(new XWPFStyle(s));
        }
    }

    private void block(Element e) throws IOException {
        String tag = e.getTagName();
        String cls = e.getAttribute("class");
        switch (tag) {
            case "div" -> {
                if (cls.contains("running-head") || cls.contains("toc")) return; // Word has its own header and contents
                if (cls.contains("masthead")) {
                    for (Element p : children(e)) {
                        boolean name = p.getAttribute("class").contains("name");
                        XWPFParagraph par = paragraph(ParagraphAlignment.CENTER, 0);
                        run(par, text(p), name ? faces.masthead() : faces.body(), name ? 36 : 16, name, name ? "C00000" : null);
                    }
                    return;
                }
                if (cls.contains("distribution")) {
                    distribution(e);
                    return;
                }
                for (Element c : children(e)) block(c);
            }
            case "table" -> {
                if (cls.contains("issuer-line")) {
                    issuerLine(e);
                } else {
                    table(e);
                }
            }
            case "hr" -> {
                XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, 0);
                p.setBorderBottom(Borders.SINGLE);
                bottomColour(p, "C00000", 16);
            }
            case "h1" -> run(paragraph(ParagraphAlignment.CENTER, 0), text(e), faces.title(), 22, false, null);
            case "h2" -> {
                XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, 0);
                p.setStyle("Heading1");
                run(p, text(e), chinese ? faces.heading1() : faces.latin(), chinese ? 16 : 13, !chinese, null);
            }
            case "h3" -> {
                XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, chinese ? 2 : 0);
                p.setStyle("Heading2");
                run(p, text(e), chinese ? faces.heading2() : faces.latin(), chinese ? 16 : 13, !chinese, null);
            }
            case "p" -> run(paragraph(ParagraphAlignment.BOTH, chinese ? 2 : 0), text(e), faces.body(), chinese ? 16 : 13, false, null);
            case "ol", "ul" -> {
                int n = 0;
                for (Element li : children(e)) {
                    n++;
                    String mark = tag.equals("ol") ? n + ". " : "• ";
                    run(paragraph(ParagraphAlignment.LEFT, chinese ? 2 : 0), mark + text(li), faces.body(), chinese ? 16 : 13, false, null);
                }
            }
            case "figure" -> figure(e);
            default -> {
                String t = text(e);
                if (!t.isBlank()) run(paragraph(ParagraphAlignment.LEFT, 0), t, faces.body(), chinese ? 16 : 13, false, null);
            }
        }
    }

    private XWPFParagraph paragraph(ParagraphAlignment align, int indentChars) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        if (indentChars > 0) p.setIndentationFirstLine(indentChars * 16 * 20); // two characters of 16 pt, in twentieths of a point
        p.setSpacingAfter(0);
        // GB/T 9704's grid: 22 lines on the 225 mm type area (28.9 pt a line; English 13 pt text on the same grid).
        p.setSpacingBetween(LINE, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
        return p;
    }

    static final double LINE = 28.9;

    private XWPFRun run(XWPFParagraph p, String text, String eastAsian, int points, boolean bold, String colour) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(faces.latin(), XWPFRun.FontCharRange.ascii);
        r.setFontFamily(faces.latin(), XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(eastAsian, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(points);
        r.setBold(bold);
        if (colour != null) r.setColor(colour);
        return r;
    }

    private static void bottomColour(XWPFParagraph p, String colour, int eighthsOfPoint) {
        var b = p.getCTP().getPPr().getPBdr().getBottom();
        b.setColor(colour);
        b.setSz(BigInteger.valueOf(eighthsOfPoint));
    }

    /** The issuing unit on the left, the date on the right, on one line. */
    private void issuerLine(Element table) {
        List<String> cells = new ArrayList<>();
        for (Element td : descendants(table, "td")) cells.add(text(td));
        XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, 0);
        var tab = p.getCTP().addNewPPr().addNewTabs().addNewTab();
        tab.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(mm(156)));
        XWPFRun r = run(p, cells.isEmpty() ? "" : cells.get(0), faces.body(), chinese ? 16 : 13, false, null);
        if (cells.size() > 1) {
            r.addTab();
            r.setText(cells.get(1), 1);
        }
    }

    private void table(Element e) {
        Element caption = child(e, "caption");
        if (caption != null) run(paragraph(ParagraphAlignment.CENTER, 0), text(caption), faces.heading1(), 12, true, null);
        List<Element> rows = descendants(e, "tr");
        if (rows.isEmpty()) return;
        int columns = 0;
        for (Element tr : rows) columns = Math.max(columns, cells(tr).size());
        XWPFTable t = doc.createTable(rows.size(), columns);
        t.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            List<Element> cs = cells(rows.get(i));
            XWPFTableRow row = t.getRow(i);
            boolean head = rows.get(i).getParentNode() instanceof Element p && p.getTagName().equals("thead");
            if (head) row.setRepeatHeader(true);
            for (int c = 0; c < columns; c++) {
                XWPFTableCell cell = row.getCell(c);
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setAlignment(c == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
                run(p, c < cs.size() ? text(cs.get(c)) : "", faces.body(), chinese ? 11 : 10, head, null);
            }
        }
        paragraph(ParagraphAlignment.LEFT, 0);
    }

    /** A chart as a picture of its bars (labels, bars, values), its text alternative on the picture, its caption under it. */
    private void figure(Element e) throws IOException {
        Element caption = child(e, "figcaption");
        Element drawing = descendants(e, "div").stream().filter(d -> d.getAttribute("class").contains("chart-figure")).findFirst().orElse(null);
        if (drawing != null) {
            List<String[]> bars = new ArrayList<>();
            for (Element tr : descendants(drawing, "tr")) {
                if (tr.getAttribute("class").contains("reference-row")) continue;
                List<Element> cs = cells(tr);
                if (tr.getAttribute("class").contains("group")) {
                    bars.add(new String[] {text(tr), null, null});
                } else if (cs.size() >= 3) {
                    Element bar = descendants(cs.get(1), "div").stream().filter(d -> d.getAttribute("class").equals("bar")).findFirst().orElse(null);
                    String width = bar == null ? "0%" : bar.getAttribute("style").replaceAll(".*width:\\s*([0-9.]+)%.*", "$1");
                    bars.add(new String[] {text(cs.get(0)), width, text(cs.get(2))});
                }
            }
            byte[] png = chart(bars);
            XWPFParagraph p = paragraph(ParagraphAlignment.CENTER, 0);
            p.setSpacingBetween(1, org.apache.poi.xwpf.usermodel.LineSpacingRule.AUTO); // a picture is taller than a line of the grid
            XWPFRun r = p.createRun();
            int height = 24 * bars.size() + 16;
            try {
                r.addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "chart.png", Units.toEMU(440), Units.toEMU(height * 440.0 / 880));
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
                throw new IOException(ex);
            }
            // The text alternative, as Word's "alt text" of the picture.
            var inline = r.getCTR().getDrawingArray(0).getInlineArray(0);
            inline.getDocPr().setDescr(drawing.getAttribute("title"));
        }
        if (caption != null) run(paragraph(ParagraphAlignment.CENTER, 0), text(caption), faces.body(), 12, false, null);
    }

    /**
     * The bars drawn at 2× (880 px wide), the text as outlines of the bundled sans face (no system font
     * needed): labels left, bars, values right; a group's name in a row of its own.
     */
    private byte[] chart(List<String[]> bars) throws IOException {
        int w = 880;
        int rowH = 48;
        float size = 22f;
        GlyphPainter text = GlyphPainter.sans();
        BufferedImage img = new BufferedImage(w, rowH * bars.size() + 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        int y = 16;
        for (String[] b : bars) {
            g.setColor(Color.BLACK);
            if (b[1] == null) {
                text.draw(g, text.fit(b[0], size, w - 16), 8, y + 32, size);
            } else {
                text.draw(g, text.fit(b[0], size, 300), 8, y + 32, size);
                double share = Math.max(0.005, Math.min(1, Double.parseDouble(b[1]) / 100));
                g.setColor(new Color(0x44, 0x44, 0x44));
                g.fillRect(320, y + 12, (int) Math.round(400 * share), 26);
                g.setColor(Color.BLACK);
                text.draw(g, text.fit(b[2], size, w - 736 - 4), 736, y + 32, size);
            }
            y += rowH;
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** The 版记: its lines between a heavy first and last rule, thin rules between them. */
    private void distribution(Element e) {
        List<Element> lines = children(e);
        for (int i = 0; i < lines.size(); i++) {
            Element line = lines.get(i);
            boolean copies = line.getAttribute("class").contains("copies");
            XWPFParagraph p = paragraph(copies ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT, 0);
            if (i == 0) {
                p.setBorderTop(Borders.SINGLE);
                p.getCTP().getPPr().getPBdr().getTop().setSz(BigInteger.valueOf(8)); // 1 pt ≈ 0.35 mm
            } else {
                p.setBorderTop(Borders.SINGLE);
                p.getCTP().getPPr().getPBdr().getTop().setSz(BigInteger.valueOf(6)); // 0.75 pt ≈ 0.25 mm
            }
            if (i == lines.size() - 1) {
                p.setBorderBottom(Borders.SINGLE);
                p.getCTP().getPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(8));
            }
            run(p, text(line), faces.body(), 14, false, null);
        }
    }

    /** Page numbers in the footer, as the PDF prints them: — 1 —. */
    private void footer() {
        XWPFHeaderFooterPolicy policy = doc.createHeaderFooterPolicy();
        XWPFFooter footer = policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun before = p.createRun();
        before.setText("— ");
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        XWPFRun after = p.createRun();
        after.setText(" —");
    }

    // ---- reading the XHTML ----

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        if (e == null) return out;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) out.add(c);
        return out;
    }

    private static Element child(Element e, String tag) {
        for (Element c : children(e)) if (c.getTagName().equals(tag)) return c;
        return null;
    }

    private static List<Element> descendants(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        var list = e.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    private static List<Element> cells(Element tr) {
        List<Element> out = new ArrayList<>();
        for (Element c : children(tr)) if (c.getTagName().equals("td") || c.getTagName().equals("th")) out.add(c);
        return out;
    }

    /**
     * The element's text as read: white space collapsed, a line break (br) as a space; the PDF's
     * line-keeping marks (word joiners, non-breaking hyphens) as plain text — Word keeps its own lines.
     */
    private static String text(Element e) {
        StringBuilder sb = new StringBuilder();
        collect(e, sb);
        return sb.toString().replace("\u2060", "").replace('\u2011', '-').replaceAll("[ \\t\\n\\r\\f]+", " ").strip();
    }

    private static void collect(Node n, StringBuilder sb) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE) sb.append(c.getNodeValue());
            else if (c instanceof Element el) {
                if (el.getTagName().equals("br")) sb.append(' ');
                else if (!el.getTagName().equals("style") && !el.getTagName().equals("script")) collect(el, sb);
            }
        }
    }
}
