package org.gazette.yaml;

import java.util.List;
import java.util.Map;

import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;

/** A YAML value with the position where the user wrote it. Scalars keep their exact text. */
public sealed interface Node {

    Position at();

    /** A plain or quoted value, kept as written ({@code 26.56} stays "26.56"); {@code text} is null for an empty value. */
    record Scalar(String text, Position at) implements Node {
        public boolean isNull() {
            return text == null;
        }
    }

    /** A key of a mapping, with its own position (for "unknown field" messages). */
    record Key(String name, Position at) {}

    record Entry(Key key, Node value) {}

    /** A mapping in the order written. */
    record MapNode(Map<String, Entry> entries, Position at) implements Node {}

    record SeqNode(List<Node> items, Position at) implements Node {}

    /** What the user would call this kind of value, for "wrong type" messages. */
    static Message kind(Node node) {
        if (node instanceof MapNode) return Msg.KIND_GROUP.with();
        if (node instanceof SeqNode) return Msg.KIND_LIST.with();
        Scalar s = (Scalar) node;
        return s.isNull() ? Msg.KIND_EMPTY.with() : Msg.QUOTED.with(s.text());
    }
}
