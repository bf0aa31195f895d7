package org.gazette.content;

import java.util.ArrayList;
import java.util.List;

import org.gazette.safety.SafeUrl;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Takes out of a parsed text every link and image whose address {@link SafeUrl} refuses, before
 * any writer sees the tree, keeping what the reader would have read: a link's text, an image's
 * description, an autolink's address as plain text. Inline links, autolinks, images and reference
 * links all pass here, so both HTML writers (Gazette's and flexmark's) publish the same safe tree.
 */
final class LinkFilter {

    /** A link or image that was not published: where it starts (offset in the text) and its address. */
    record Dropped(int offset, String url, boolean image) {}

    private LinkFilter() {}

    static List<Dropped> apply(Document document) {
        List<Node> refused = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (Node n : document.getDescendants()) {
            String url = url(n, document);
            if (url != null && !SafeUrl.allowed(url)) {
                refused.add(n);
                dropped.add(new Dropped(n.getStartOffset(), url, n instanceof Image || n instanceof ImageRef));
            }
        }
        for (Node n : refused) {
            if (n instanceof AutoLink a) {
                n.insertBefore(new Text(a.getText()));
            } else {
                // The link's text, or the image's description, stays where the link was.
                Node child = n.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    n.insertBefore(child);
                    child = next;
                }
            }
            n.unlink();
        }
        return dropped;
    }

    /** The address a node publishes, as the writers will read it (references resolved); null for other nodes. */
    private static String url(Node n, Document document) {
        if (n instanceof Link l) return l.getUrl().unescape();
        if (n instanceof Image i) return i.getUrl().unescape();
        if (n instanceof AutoLink a) return a.getText().unescape();
        if (n instanceof LinkRef r && r.isDefined()) return target(r.getReferenceNode(document));
        if (n instanceof ImageRef r && r.isDefined()) return target(r.getReferenceNode(document));
        return null;
    }

    private static String target(Reference ref) {
        return ref == null ? null : ref.getUrl().unescape();
    }
}
