package org.gazette.content;

import java.util.List;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * Markdown to HTML, configured once and shared (flexmark's parser and renderer are thread-safe).
 * Policy on raw HTML: it is escaped, so it shows as text and is never lost, and no {@code <script>}
 * or event handler can reach a page; {@code javascript:} links are suppressed. Output is well-formed
 * XHTML ({@code <br />}), which the PDF renderer needs.
 */
public final class Markdown {

    private static final String SUPPRESSED = "(?i)\\s*(javascript|vbscript|data):.*";

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final MarkdownHtml direct;

    public Markdown() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SUPPRESSED_LINKS, SUPPRESSED);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(TablesExtension.CLASS_NAME, "data");
        options.set(TablesExtension.WITH_CAPTION, false);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.direct = new MarkdownHtml(options.toImmutable(), java.util.regex.Pattern.compile(SUPPRESSED), "data");
    }

    public Document parse(String markdown) {
        return parser.parse(markdown);
    }

    /** The document's HTML: written directly where it can be (the fast path), else by flexmark's renderer. */
    public String render(Document document) {
        String html = direct.render(document);
        return html != null ? html : renderer.render(document);
    }

    /** flexmark's own rendering, which the direct writer must match (tests compare them). */
    String renderWithFlexmark(Document document) {
        return renderer.render(document);
    }
}
