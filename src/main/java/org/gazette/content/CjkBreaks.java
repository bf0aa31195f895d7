package org.gazette.content;

import java.util.ArrayList;
import java.util.List;

import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import org.gazette.html.Wide;

/**
 * Writers paste Chinese text with hard line breaks. In Markdown a line break inside a paragraph is
 * a space, and a browser shows one between two Chinese characters ("要进一 步完善"), where Chinese
 * has none. Between two wide characters — Han, kana, bopomofo, and the full-width punctuation and
 * quotes set with them — such a break is taken out of the tree before any writer sees it, so the
 * page, the bulletin, the feed and the search index all read the words whole (the rule of Pandoc's
 * {@code east_asian_line_breaks} and markdown-it's cjk-breaks). Between Latin words, and between a
 * Chinese and a Latin word, the break stays a space.
 */
final class CjkBreaks {

    private CjkBreaks() {}

    static void apply(Document document) {
        List<Node> breaks = new ArrayList<>();
        for (Node n : document.getDescendants()) {
            if (n instanceof SoftLineBreak && wide(last(n.getPrevious())) && wide(first(n.getNext()))) breaks.add(n);
        }
        breaks.forEach(Node::unlink);
    }

    /** The last character a node shows (inside emphasis or a link too), or -1. */
    private static int last(Node n) {
        while (n != null && n.getLastChild() != null) n = n.getLastChild();
        if (n == null) return -1;
        String s = n.getChars().toString().stripTrailing();
        return s.isEmpty() ? -1 : s.codePointBefore(s.length());
    }

    /** The first character a node shows, or -1. */
    private static int first(Node n) {
        while (n != null && n.getFirstChild() != null) n = n.getFirstChild();
        if (n == null) return -1;
        String s = n.getChars().toString().stripLeading();
        return s.isEmpty() ? -1 : s.codePointAt(0);
    }

    static boolean wide(int c) {
        return Wide.is(c);
    }
}
