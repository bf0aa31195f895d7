package org.gazette.content;

import java.util.Set;

import org.gazette.safety.SafeUrl;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;

/**
 * A direct HTML writer for the Markdown press officers write: paragraphs, headings, emphasis,
 * lists, links, images, quotes, code and tables. It writes what flexmark's HtmlRenderer writes
 * with Gazette's options (a test compares the two on every sample text), in a single pass into one
 * StringBuilder: flexmark's general renderer was most of a large build's time. A document using
 * anything else returns null, and the caller uses flexmark's renderer. Every address it writes
 * passes {@link SafeUrl} (the tree has been filtered already: this is the second line of defence).
 * It recurses once per level of the tree: the reader refuses trees deeper than {@link #MAX_DEPTH}.
 */
final class MarkdownHtml {

    private static final Set<Class<?>> KNOWN = Set.of(Document.class, Paragraph.class, Heading.class, Text.class, TextBase.class,
            Emphasis.class, StrongEmphasis.class, Code.class, SoftLineBreak.class, HardLineBreak.class, BulletList.class,
            OrderedList.class, BulletListItem.class, OrderedListItem.class, Link.class, Image.class, AutoLink.class,
            BlockQuote.class, ThematicBreak.class, FencedCodeBlock.class, IndentedCodeBlock.class, HtmlBlock.class,
            HtmlInline.class, TableBlock.class, TableHead.class, TableBody.class, TableRow.class, TableCell.class,
            TableSeparator.class, TableCaption.class, HtmlEntity.class, MailLink.class, Reference.class, LinkRef.class, ImageRef.class);

    /** The deepest tree this writer is given (Nesting.MAX levels of containers and of emphasis, and some). */
    static final int MAX_DEPTH = 4 * Nesting.MAX + 16;

    private final ListOptions listOptions;
    private final DataHolder options;
    private final String tableClass;

    MarkdownHtml(DataHolder options, String tableClass) {
        this.options = options;
        this.listOptions = ListOptions.get(options);
        this.tableClass = tableClass;
    }

    /** The HTML of {@code document}, or null if it uses a construct this writer leaves to flexmark. */
    String render(Document document) {
        for (Node n : document.getDescendants()) {
            if (!KNOWN.contains(n.getClass())) return null;
            // An undefined [reference] is written back as the text it was, which flexmark does well.
            if (n instanceof RefNode r && !r.isDefined()) return null;
        }
        StringBuilder out = new StringBuilder(document.getChars().length() + 256);
        children(document, out);
        return out.toString();
    }

    private void children(Node parent, StringBuilder out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) node(n, out);
    }

    private void node(Node n, StringBuilder out) {
        if (n instanceof Paragraph p) {
            boolean bare = p.getParent() instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, listOptions, options);
            if (bare) {
                children(p, out);
                if (p.getNext() != null) out.append('\n'); // a nested list follows on its own line
            } else {
                out.append("<p>");
                children(p, out);
                out.append("</p>\n");
            }
        } else if (n instanceof Text || n instanceof TextBase && n.getFirstChild() == null) {
            // Most text has nothing to unescape: skip flexmark's regular-expression unescaping then.
            String raw = n.getChars().toString();
            String text = raw.indexOf('\\') >= 0 || raw.indexOf('&') >= 0 ? n.getChars().unescape() : raw;
            // flexmark's writer starts every line outside <pre> without its indentation (after a hard break: "foo\\\n   bar").
            if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') text = stripIndent(text);
            escape(text, out);
        } else if (n instanceof TextBase) {
            children(n, out);
        } else if (n instanceof Heading h) {
            out.append("<h").append(h.getLevel()).append('>');
            children(h, out);
            out.append("</h").append(h.getLevel()).append(">\n");
        } else if (n instanceof StrongEmphasis) {
            wrap(n, "strong", out);
        } else if (n instanceof Emphasis) {
            wrap(n, "em", out);
        } else if (n instanceof Code c) {
            // As flexmark writes a code span: runs of spaces and line ends as one space, trimmed.
            out.append("<code>");
            escape(com.vladsch.flexmark.util.sequence.Escaping.collapseWhitespace(c.getText(), true), out);
            out.append("</code>");
        } else if (n instanceof SoftLineBreak) {
            out.append('\n');
        } else if (n instanceof HardLineBreak) {
            out.append("<br />\n");
        } else if (n instanceof BulletList) {
            out.append("<ul>\n");
            children(n, out);
            out.append("</ul>\n");
        } else if (n instanceof OrderedList o) {
            out.append(o.getStartNumber() == 1 ? "<ol>\n" : "<ol start=\"" + o.getStartNumber() + "\">\n");
            children(n, out);
            out.append("</ol>\n");
        } else if (n instanceof ListItem item) {
            boolean tight = item.getFirstChild() == null
                    || item.getFirstChild() instanceof Paragraph first && item.isParagraphWrappingDisabled(first, listOptions, options);
            out.append(tight ? "<li>" : "<li>\n");
            children(item, out);
            out.append("</li>\n");
        } else if (n instanceof Link l) {
            link(l.getUrl(), l.getTitle(), l, out);
        } else if (n instanceof AutoLink a) {
            String url = a.getText().toString(); // as written: flexmark does not unescape an autolink
            if (SafeUrl.allowed(url)) {
                out.append("<a");
                attribute("href", url, out);
                out.append('>');
                escape(url, out);
                out.append("</a>");
            } else {
                escape(url, out);
            }
        } else if (n instanceof MailLink m) {
            String address = m.getText().unescape();
            out.append("<a");
            attribute("href", "mailto:" + address, out);
            out.append('>');
            escape(address, out);
            out.append("</a>");
        } else if (n instanceof HtmlEntity) {
            escape(n.getChars().unescape(), out);
        } else if (n instanceof Reference) {
            // a [name]: address definition writes nothing where it stands
        } else if (n instanceof LinkRef r) {
            Reference ref = r.getReferenceNode(r.getDocument()); // no per-call state: one writer serves parallel threads
            link(ref.getUrl(), ref.getTitle(), r, out);
        } else if (n instanceof ImageRef r) {
            Reference ref = r.getReferenceNode(r.getDocument()); // no per-call state: one writer serves parallel threads
            image(ref.getUrl(), ref.getTitle(), r, out);
        } else if (n instanceof Image img) {
            image(img.getUrl(), img.getTitle(), img, out);
        } else if (n instanceof BlockQuote) {
            out.append("<blockquote>\n");
            children(n, out);
            out.append("</blockquote>\n");
        } else if (n instanceof ThematicBreak) {
            out.append("<hr />\n");
        } else if (n instanceof FencedCodeBlock f) {
            String info = f.getInfo().unescape().strip();
            out.append(info.isEmpty() ? "<pre><code>" : "<pre><code class=\"language-" + escape(info.split("\\s+")[0]) + "\">");
            escape(f.getContentChars().normalizeEOL(), out);
            out.append("</code></pre>\n");
        } else if (n instanceof IndentedCodeBlock c) {
            out.append("<pre><code>");
            escape(c.getContentChars().trimTailBlankLines().normalizeEndWithEOL(), out);
            out.append("</code></pre>\n");
        } else if (n instanceof HtmlBlock) {
            // Raw HTML is shown as text, never interpreted: its content (without a quote's '>' markers), one
            // line end less. flexmark's writer drops the indentation of every line but the first (which follows <p>).
            String html = ((HtmlBlock) n).getContentChars().normalizeEOL();
            if (html.endsWith("\n")) html = html.substring(0, html.length() - 1);
            out.append("<p>");
            int nl = html.indexOf('\n');
            escape(nl < 0 ? html : html.substring(0, nl + 1) + html.substring(nl + 1).replaceAll("(?m)^[ \t]+", ""), out);
            out.append("</p>\n");
        } else if (n instanceof HtmlInline) {
            escape(n.getChars().toString(), out);
        } else if (n instanceof TableBlock) {
            out.append(tableClass.isEmpty() ? "<table>\n" : "<table class=\"" + tableClass + "\">\n");
            children(n, out);
            out.append("</table>\n");
        } else if (n instanceof TableHead) {
            out.append("<thead>\n");
            children(n, out);
            out.append("</thead>\n");
        } else if (n instanceof TableBody) {
            out.append("<tbody>\n");
            children(n, out);
            out.append("</tbody>\n");
        } else if (n instanceof TableRow) {
            out.append("<tr>");
            children(n, out);
            out.append("</tr>\n");
        } else if (n instanceof TableCell c) {
            String tag = c.isHeader() ? "th" : "td";
            out.append('<').append(tag);
            if (c.getAlignment() != null) out.append(" align=\"").append(c.getAlignment().cellAlignment().name().toLowerCase(java.util.Locale.ROOT)).append('"');
            out.append('>');
            children(c, out);
            out.append("</").append(tag).append('>');
        } else if (n instanceof TableCaption) {
            // flexmark writes the caption last; Figures moves it to the top, where HTML wants it.
            out.append("<caption>");
            children(n, out);
            out.append("</caption>\n");
        } else if (n instanceof TableSeparator) {
            // the |---| line: nothing to write
        } else {
            children(n, out);
        }
    }

    /** {@code <a href title>text</a>}, or the text alone where the address is refused. */
    private void link(com.vladsch.flexmark.util.sequence.BasedSequence url, com.vladsch.flexmark.util.sequence.BasedSequence title,
                      Node text, StringBuilder out) {
        String href = url.unescape();
        if (!SafeUrl.allowed(href)) {
            children(text, out);
            return;
        }
        out.append("<a");
        attribute("href", href, out);
        if (title.isNotNull()) {
            out.append(" title=\"");
            escape(title.unescape(), out);
            out.append('"');
        }
        out.append('>');
        children(text, out);
        out.append("</a>");
    }

    /** {@code <img src alt title />}, or the description as text where the address is refused. */
    private static void image(com.vladsch.flexmark.util.sequence.BasedSequence url, com.vladsch.flexmark.util.sequence.BasedSequence title,
                              Node description, StringBuilder out) {
        String src = url.unescape();
        if (!SafeUrl.allowed(src)) {
            escape(text(description), out);
            return;
        }
        out.append("<img");
        attribute("src", src, out);
        out.append(" alt=\"");
        escape(text(description), out);
        out.append('"');
        if (title.isNotNull()) {
            out.append(" title=\"");
            escape(title.unescape(), out);
            out.append('"');
        }
        out.append(" />");
    }

    /** An address attribute: the one way this writer emits a URL. */
    private static void attribute(String name, String url, StringBuilder out) {
        if (!SafeUrl.allowed(url)) return;
        out.append(' ').append(name).append("=\"");
        escape(url, out);
        out.append('"');
    }

    private void wrap(Node n, String tag, StringBuilder out) {
        out.append('<').append(tag).append('>');
        children(n, out);
        out.append("</").append(tag).append('>');
    }

    private static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        for (Node d : n.getDescendants()) {
            if (d instanceof Text || d instanceof HtmlEntity) sb.append(d.getChars().unescape());
        }
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        escape(s, sb);
        return sb.toString();
    }

    /** What flexmark escapes: &amp; &lt; &gt; &quot; (not the apostrophe). */
    private static void escape(CharSequence chars, StringBuilder out) {
        String s = chars.toString();
        int first = 0;
        while (first < s.length() && "&<>\"".indexOf(s.charAt(first)) < 0) first++;
        if (first == s.length()) {
            out.append(s);
            return;
        }
        out.append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    private static String stripIndent(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i == 0 ? s : s.substring(i);
    }
}
