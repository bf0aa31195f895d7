package org.gazette.content;

import java.util.ArrayList;
import java.util.List;

import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problems;
import org.gazette.safety.SafeUrl;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * Markdown to HTML, configured once and shared (flexmark's parser and renderer are thread-safe).
 * Policy on raw HTML: it is escaped, so it shows as text and is never lost, and no {@code <script>}
 * or event handler can reach a page. Links and images whose address {@link SafeUrl} refuses are
 * taken out of the tree before rendering (their text kept, a warning given). Output is well-formed
 * XHTML ({@code <br />}), which the PDF renderer needs.
 */
public final class Markdown {

    private final Parser parser;
    private final com.vladsch.flexmark.util.data.DataHolder options;
    /** The same without tables, for texts with no '|' (no table is possible): flexmark's table step costs ~10 % of parsing otherwise. */
    private final Parser plain;
    private final HtmlRenderer renderer;
    private final MarkdownHtml direct;

    /** A text's HTML and the images it shows. */
    public record Html(String html, List<Article.Image> images, List<Article.Ref> links) {}

    public Markdown() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(TablesExtension.CLASS_NAME, "data");
        // A line [like this] right after a table is its caption.
        options.set(TablesExtension.WITH_CAPTION, true);
        this.options = options.toImmutable();
        this.parser = Parser.builder(options).build();
        MutableDataSet noTables = new MutableDataSet(options);
        noTables.set(Parser.EXTENSIONS, List.of());
        this.plain = Parser.builder(noTables).build();
        // flexmark writes what Gazette's writer leaves to it; its links pass the same filter.
        this.renderer = HtmlRenderer.builder(options).attributeProviderFactory(new SafeAttributes()).build();
        this.direct = new MarkdownHtml(options.toImmutable(), "data");
    }

    /**
     * Reads the Markdown body of {@code file}, which starts on line {@code firstLine} of that file.
     * Problems (nesting too deep: error; links not published: warning) go to {@code problems} with
     * their position; null when the text cannot be published.
     */
    public Html read(String body, String file, int firstLine, Problems problems) {
        Nesting.Deep deep = Nesting.scan(body);
        if (deep != null) {
            tooDeep(problems, new Position(file, firstLine + deep.line() - 1, deep.column()), deep.depth(), deep.what(), deep.emphasis());
            return null;
        }
        Sizes.TooLarge large = Sizes.scan(body);
        if (large != null) {
            problems.error(new Position(file, firstLine + large.line() - 1, large.column()), large.message(), large.hint());
            return null;
        }
        Document document;
        try {
            document = parse(body);
        } catch (StackOverflowError e) {
            // A nesting the scan does not foresee; refused all the same, never a crash.
            tooDeep(problems, new Position(file, firstLine, 1), 0, "text", false);
            return null;
        }
        int depth = depth(document);
        if (depth > MarkdownHtml.MAX_DEPTH) {
            tooDeep(problems, new Position(file, firstLine, 1), depth, "text", false);
            return null;
        }
        for (LinkFilter.Dropped d : LinkFilter.apply(document)) {
            Position at = position(body, d.offset(), file, firstLine);
            problems.warning(at, (d.image() ? Msg.IMAGE_NOT_PUBLISHED : Msg.LINK_NOT_PUBLISHED).with(shorten(d.url())),
                    d.image() ? Msg.IMAGE_NOT_PUBLISHED_FIX.with() : Msg.LINK_NOT_PUBLISHED_FIX.with());
        }
        CjkBreaks.apply(document);
        List<Article.Ref> links = new ArrayList<>();
        for (SourceLinks.Found f : SourceLinks.apply(document)) {
            Position at = position(body, f.offset(), file, firstLine);
            links.add(new Article.Ref(f.written(), f.published(), at.line(), at.column()));
        }
        List<Article.Image> images = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.Image img) {
                Position at = position(body, img.getStartOffset(), file, firstLine);
                images.add(new Article.Image(img.getUrl().toString(), at.line(), at.column()));
            }
        }
        return new Html(Figures.number(render(document)), images, links);
    }

    private static void tooDeep(Problems problems, Position at, int depth, String what, boolean emphasis) {
        Message kind = emphasis ? Msg.NESTING_EMPHASIS.with(what.substring(what.indexOf('\'') + 1, what.lastIndexOf('\'')))
                : what.equals("text") ? Msg.NESTING_TEXT.with() : Msg.NESTING_QUOTE.with();
        problems.error(at, depth > 0 ? Msg.NESTING_DEPTH.with(depth, kind, Nesting.MAX) : Msg.NESTING_UNREADABLE.with(Nesting.MAX),
                emphasis ? Msg.NESTING_EMPHASIS_FIX.with() : Msg.NESTING_QUOTE_FIX.with());
    }

    /** The depth of the deepest node, counted without recursion (the tree may be arbitrarily deep). */
    static int depth(Document document) {
        int max = 0;
        int depth = 0;
        Node n = document;
        while (n != null) {
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                depth++;
                max = Math.max(max, depth);
                continue;
            }
            while (n != null && n != document && n.getNext() == null) {
                n = n.getParent();
                depth--;
            }
            n = n == null || n == document ? null : n.getNext();
        }
        return max;
    }

    private static Position position(String body, int offset, String file, int firstLine) {
        int line = firstLine;
        int lineStart = 0;
        for (int i = body.indexOf('\n'); i >= 0 && i < offset; i = body.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        return new Position(file, line, offset - lineStart + 1);
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }

    /** The parser's and renderer's options (tests build a second parser from them). */
    com.vladsch.flexmark.util.data.DataHolder options() {
        return options;
    }

    Document parse(String markdown) {
        return (markdown.indexOf('|') >= 0 ? parser : plain).parse(markdown);
    }

    /** The document's HTML: written directly where it can be (the fast path), else by flexmark's renderer. */
    String render(Document document) {
        String html = direct.render(document);
        return html != null ? html : renderer.render(document);
    }

    /** The fast writer's HTML, or null where it leaves the document to flexmark (for tests). */
    String renderFast(Document document) {
        return direct.render(document);
    }

    /** flexmark's own rendering, which the direct writer must match (tests compare them). */
    String renderWithFlexmark(Document document) {
        return renderer.render(document);
    }

    /** The last word on flexmark's output: an {@code href} or {@code src} SafeUrl refuses is not written. */
    private static final class SafeAttributes extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return (Node node, AttributablePart part, MutableAttributes attributes) -> {
                for (String name : new String[] {"href", "src"}) {
                    var a = attributes.get(name);
                    if (a != null && !SafeUrl.allowed(a.getValue())) attributes.remove(name);
                }
            };
        }
    }
}
