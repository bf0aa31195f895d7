package org.gazette.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import org.gazette.problem.Message;
import org.gazette.problem.Msg;

/**
 * A Word or WPS draft (.docx) as an article: its title (the first heading or Title paragraph) and
 * its text in Markdown — headings, paragraphs, bold and italic, lists (1. 2., bullets, and Chinese
 * numbering 一、（一） written out as text, as official documents print it), tables, links,
 * footnotes (numbered at the end), pictures (handed to {@link Pictures} to store) — with its
 * full-width punctuation as typed. What cannot be carried over is listed, never dropped silently:
 * comments, tracked changes not accepted, text boxes, equations, charts and drawings, a picture
 * without a description. Apache POI reads the file; it is loaded only when a draft is imported.
 */
public final class WordImport {

    /** Stores a picture of the draft and gives the address the article writes for it (images/…). */
    public interface Pictures {
        String store(String suggestedName, byte[] bytes) throws IOException;
    }

    /** The draft as an article: title, Markdown body, and what could not be carried over (one line each). */
    public record Article(String title, String markdown, List<Message> notCarried) {}

    /** A file that cannot be imported, and why. */
    public static final class NotWord extends IOException {
        public final transient Message why;

        NotWord(Message why) {
            super(why.toString());
            this.why = why;
        }
    }

    /** Larger drafts are refused: a press release with photos is a few MB. */
    public static final int MAX_BYTES = 50 * 1024 * 1024;

    private WordImport() {}

    public static Article read(byte[] docx, Pictures pictures) throws IOException {
        if (docx.length > MAX_BYTES) throw new NotWord(Msg.WORD_TOO_LARGE.with());
        if (docx.length < 4 || docx[0] != 'P' || docx[1] != 'K') {
            throw new NotWord(Msg.WORD_NOT_DOCX.with());
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return new Reader(doc, pictures).read();
        } catch (org.apache.poi.ooxml.POIXMLException | IllegalArgumentException | IllegalStateException e) {
            // POI's own (a damaged or non-Word package: NotOfficeXmlFileException, UnsupportedFileFormatException) are IllegalArgumentExceptions.
            throw new NotWord(Msg.WORD_UNREADABLE.with(String.valueOf(e.getMessage())));
        }
    }

    private static final class Reader {
        final XWPFDocument doc;
        final Pictures pictures;
        final StringBuilder md = new StringBuilder();
        final List<Message> notCarried = new ArrayList<>();
        final List<String> footnotes = new ArrayList<>();
        final Map<String, Integer> counters = new HashMap<>();
        String title;
        int pictureCount;
        int unDescribed;

        Reader(XWPFDocument doc, Pictures pictures) {
            this.doc = doc;
            this.pictures = pictures;
        }

        Article read() throws IOException {
            String previousList = null;
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    String kind = paragraph(p, previousList);
                    previousList = kind;
                } else if (e instanceof XWPFTable t) {
                    table(t);
                    previousList = null;
                } else {
                    notCarried.add(Msg.WORD_OTHER_PART.with(String.valueOf(e.getElementType())));
                }
            }
            if (!footnotes.isEmpty()) {
                md.append("\n注释：\n\n");
                for (int i = 0; i < footnotes.size(); i++) md.append(i + 1).append(". ").append(footnotes.get(i)).append('\n');
            }
            int comments = doc.getComments() == null ? 0 : doc.getComments().length;
            if (comments > 0) notCarried.add(Msg.WORD_COMMENTS.with(comments));
            if (unDescribed > 0) {
                notCarried.add(Msg.WORD_NO_ALT.with(unDescribed));
            }
            String body = md.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
            return new Article(title == null ? "" : title, body, List.copyOf(notCarried));
        }

        /** Writes one paragraph; returns the kind of list it belongs to (null when none), so a list is kept together. */
        private String paragraph(XWPFParagraph p, String previousList) throws IOException {
            String xml = p.getCTP().xmlText();
            if (xml.contains("<w:ins ") || xml.contains("<w:del ") || xml.contains("<w:moveFrom") || xml.contains("<w:moveTo")) {
                notCarried.add(Msg.WORD_TRACKED.with(clip(p.getText())));
            }
            if (xml.contains("txbxContent")) notCarried.add(Msg.WORD_TEXT_BOX.with(clip(p.getText())));
            if (xml.contains("oMath")) notCarried.add(Msg.WORD_EQUATION.with(clip(p.getText())));
            if (xml.contains("drawingml/2006/chart") || xml.contains("drawingml/2006/diagram")) {
                notCarried.add(Msg.WORD_CHART.with(clip(p.getText())));
            }
            String text = runs(p).strip();
            int heading = heading(p);
            if (heading == 1 && title == null && !text.isEmpty()) {
                title = plain(p.getText()).strip();
                return null;
            }
            BigInteger numId = p.getNumID();
            String listKind = null;
            String prefix = "";
            if (numId != null && !text.isEmpty()) {
                String fmt = p.getNumFmt() == null ? "decimal" : p.getNumFmt();
                int level = p.getNumIlvl() == null ? 0 : p.getNumIlvl().intValue();
                int n = count(numId + "/" + level, numId.toString(), level);
                if (fmt.equals("bullet")) {
                    listKind = "bullet";
                    prefix = "  ".repeat(level) + "- ";
                } else if (fmt.equals("decimal") && heading == 0) {
                    listKind = "decimal";
                    prefix = "   ".repeat(level) + "1. ";
                } else if (!fmt.equals("none")) {
                    // Chinese numbering (一、（一）…) and the like are part of the text in official documents.
                    String levelText = p.getNumLevelText() == null ? "%" + (level + 1) + "、" : p.getNumLevelText();
                    prefix = levelText.replace("%" + (level + 1), number(n, fmt)).replaceAll("%\\d", "");
                }
            }
            if (text.isEmpty()) return previousList;
            if (previousList != null && listKind == null) md.append('\n');
            if (listKind == null) {
                if (heading > 0) md.append("#".repeat(Math.min(6, heading + 1))).append(' ');
                md.append(prefix).append(text).append("\n\n");
            } else {
                if (previousList == null) md.append('\n');
                md.append(prefix).append(text).append('\n');
            }
            return listKind;
        }

        /** The heading level of a paragraph by its style (Heading 1 … 6, 标题 1, Title as 1), 0 for body text. */
        private int heading(XWPFParagraph p) {
            String id = p.getStyleID();
            if (id == null) return 0;
            XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
            String name = (style != null && style.getName() != null ? style.getName() : id).toLowerCase(Locale.ROOT).replace(" ", "");
            if (name.equals("title") || name.equals("标题")) return 1;
            var m = java.util.regex.Pattern.compile("(?:heading|标题)(\\d)").matcher(name);
            return m.find() ? Math.min(6, Integer.parseInt(m.group(1))) : 0;
        }

        /** The count of a list level, restarting the levels under it. */
        private int count(String key, String list, int level) {
            for (int deeper = level + 1; deeper < 9; deeper++) counters.remove(list + "/" + deeper);
            return counters.merge(key, 1, Integer::sum);
        }

        /** The runs of a paragraph as Markdown: bold and italic kept (runs Word split are joined first), links, pictures, footnote marks. */
        private String runs(XWPFParagraph p) throws IOException {
            StringBuilder out = new StringBuilder();
            StringBuilder pending = new StringBuilder();
            String pendingMark = "";
            for (IRunElement e : p.getIRuns()) {
                if (!(e instanceof XWPFRun r)) continue;
                StringBuilder before = new StringBuilder();
                for (XWPFPicture pic : r.getEmbeddedPictures()) before.append(picture(pic));
                var notes = r.getCTR().getFootnoteReferenceList();
                for (var ref : notes) {
                    XWPFFootnote note = doc.getFootnoteByID(ref.getId().intValue());
                    footnotes.add(note == null ? "" : plain(noteText(note)));
                    before.append("（注").append(footnotes.size()).append("）");
                }
                String t = notes.isEmpty() ? r.text() : ""; // a footnote's run is the mark alone (POI reads it as "[footnoteRef:n]")
                String mark;
                String text = t == null ? "" : escape(t);
                if (r instanceof XWPFHyperlinkRun link && link.getHyperlink(doc) != null && !text.isEmpty()) {
                    text = "[" + text + "](" + link.getHyperlink(doc).getURL().replace(" ", "%20").replace(")", "%29") + ")";
                    mark = "";
                } else {
                    mark = r.isBold() && r.isItalic() ? "***" : r.isBold() ? "**" : r.isItalic() ? "*" : "";
                }
                if (before.length() > 0 || !mark.equals(pendingMark)) {
                    out.append(wrap(pending.toString(), pendingMark));
                    pending.setLength(0);
                    out.append(before);
                }
                pendingMark = mark;
                pending.append(text);
            }
            out.append(wrap(pending.toString(), pendingMark));
            return out.toString();
        }

        private static String noteText(XWPFFootnote note) {
            StringBuilder b = new StringBuilder();
            for (XWPFParagraph p : note.getParagraphs()) b.append(p.getText().strip()).append(' ');
            return b.toString().strip();
        }

        private String picture(XWPFPicture pic) throws IOException {
            var data = pic.getPictureData();
            if (data == null) return "";
            pictureCount++;
            String alt = pic.getDescription() == null ? "" : pic.getDescription().strip();
            if (alt.isEmpty()) unDescribed++;
            String name = data.getFileName() == null ? "picture-" + pictureCount : data.getFileName();
            String src = pictures.store(name, data.getData());
            return "\n\n![" + alt.replace("[", "").replace("]", "") + "](" + src + ")\n\n";
        }

        private void table(XWPFTable t) throws IOException {
            List<XWPFTableRow> rows = t.getRows();
            if (rows.isEmpty()) return;
            int columns = 0;
            for (XWPFTableRow row : rows) columns = Math.max(columns, row.getTableCells().size());
            md.append('\n');
            for (int i = 0; i < rows.size(); i++) {
                List<XWPFTableCell> cells = rows.get(i).getTableCells();
                md.append('|');
                for (int c = 0; c < columns; c++) {
                    String cell = c < cells.size() ? cellText(cells.get(c)) : "";
                    md.append(' ').append(cell.replace("|", "\\|")).append(" |");
                }
                md.append('\n');
                if (i == 0) md.append("|").append("---|".repeat(columns)).append('\n');
            }
            md.append('\n');
        }

        private String cellText(XWPFTableCell cell) throws IOException {
            List<String> parts = new ArrayList<>();
            for (XWPFParagraph p : cell.getParagraphs()) {
                String s = runs(p).strip();
                if (!s.isEmpty()) parts.add(s);
            }
            if (!cell.getTables().isEmpty()) notCarried.add(Msg.WORD_NESTED_TABLE.with());
            return String.join(" ", parts).replace("\n", " ");
        }
    }

    private static String wrap(String text, String mark) {
        String core = text.strip();
        if (core.isEmpty() || mark.isEmpty()) return text;
        int lead = text.indexOf(core);
        return text.substring(0, lead) + mark + core + mark + text.substring(lead + core.length());
    }

    /** Text Markdown would otherwise read as markup: escaped. Full-width punctuation is left as it is. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>#".indexOf(c) >= 0) b.append('\\');
            if (c == '\t' || c == '\u000B') {
                b.append(' ');
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    private static String plain(String s) {
        return s.replace('\t', ' ').replace('\u000B', ' ');
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() <= 20 ? t : t.substring(0, 20) + "…";
    }

    private static final String CHINESE = "〇一二三四五六七八九";

    /** A list number in its format: decimal, Chinese (一 … 九十九), letters, roman; decimal for others. */
    static String number(int n, String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (f.contains("chinese") || f.contains("counting") || f.contains("ideograph") || f.contains("taiwanese")) return chinese(n);
        if (f.equals("lowerletter")) return String.valueOf((char) ('a' + (n - 1) % 26));
        if (f.equals("upperletter")) return String.valueOf((char) ('A' + (n - 1) % 26));
        if (f.equals("lowerroman") || f.equals("upperroman")) {
            String r = roman(n);
            return f.equals("lowerroman") ? r.toLowerCase(Locale.ROOT) : r;
        }
        return String.valueOf(n);
    }

    static String chinese(int n) {
        if (n <= 0 || n >= 100) return String.valueOf(n);
        if (n < 10) return String.valueOf(CHINESE.charAt(n));
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(CHINESE.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(CHINESE.charAt(ones)));
    }

    private static String roman(int n) {
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] s = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) while (n >= v[i]) {
            b.append(s[i]);
            n -= v[i];
        }
        return b.toString();
    }
}
