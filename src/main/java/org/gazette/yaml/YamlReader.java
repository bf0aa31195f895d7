package org.gazette.yaml;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gazette.problem.GazetteException;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problem;
import org.gazette.problem.Problems;
import org.yaml.snakeyaml.LoaderOptions;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Parses YAML into a {@link Node} tree whose every value knows its file, line and column.
 * Jackson's streaming parser gives the positions; we never let it bind to objects, so no value
 * is coerced (numbers keep their exact text) and duplicate keys are reported, not overwritten.
 */
public final class YamlReader {

    /** More levels than any content file needs (a report is five deep); deeper is refused with its position. */
    public static final int MAX_DEPTH = 40;

    private final YAMLFactory factory;

    public YamlReader() {
        LoaderOptions options = new LoaderOptions();
        // Hand-written content never needs these many; an "alias bomb" is refused early.
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit((int) SourceText.MAX_BYTES);
        options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both positions
        // The streaming parser keeps its nesting in a list, not on the stack, so it can count any depth:
        // Gazette refuses past MAX_DEPTH itself, with a position and the real depth.
        this.factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
                .build();
    }

    /** Parses a whole file; syntax errors end this file's reading and are added to {@code problems}. */
    public Node read(SourceText source, Problems problems) {
        return read(source.text(), source.file(), 0, problems);
    }

    /** Parses YAML that starts {@code lineOffset} lines into the file (front matter). Null if the text is unreadable. */
    public Node read(String yaml, String file, int lineOffset, Problems problems) {
        try (JsonParser p = factory.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Node.MapNode(Map.of(), new Position(file, lineOffset + 1, 1));
            }
            return readValue(p, file, lineOffset, problems, 0);
        } catch (TooDeep e) {
            problems.error(e.at, Msg.YAML_TOO_DEEP.with(e.depth, MAX_DEPTH), Msg.YAML_TOO_DEEP_FIX.with());
            return null;
        } catch (AliasFound e) {
            problems.error(e.at, Msg.YAML_ALIAS.with(e.name), Msg.YAML_ALIAS_FIX.with());
            return null;
        } catch (JsonProcessingException e) {
            problems.add(syntaxProblem(e, yaml, file, lineOffset));
            return null;
        } catch (IOException e) {
            throw new GazetteException(Position.of(file).error(Msg.CANNOT_READ.with(Msg.reason(e)), null));
        }
    }

    private Node readValue(JsonParser p, String file, int lineOffset, Problems problems, int depth) throws IOException {
        Position at = position(p.currentTokenLocation(), file, lineOffset);
        JsonToken t = p.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
            throw new TooDeep(at, depth + deepest(p));
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Node.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Position keyAt = position(p.currentTokenLocation(), file, lineOffset);
                    p.nextToken();
                    Node value = readValue(p, file, lineOffset, problems, depth + 1);
                    Node.Entry previous = entries.get(name);
                    if (previous != null) {
                        problems.error(keyAt, Msg.YAML_DUPLICATE_KEY.with(name, previous.key().at().line()), Msg.YAML_DUPLICATE_KEY_FIX.with());
                        continue;
                    }
                    entries.put(name, new Node.Entry(new Node.Key(name, keyAt), value));
                }
                return new Node.MapNode(entries, at);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, file, lineOffset, problems, depth + 1));
                }
                return new Node.SeqNode(items, at);
            }
            case VALUE_NULL:
                return new Node.Scalar(null, at);
            default:
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    // Aliases are how "billion laughs" bombs work; content never needs them.
                    throw new AliasFound(at, p.getText());
                }
                return new Node.Scalar(p.getText(), at);
        }
    }

    /** How many levels the structure starting at the current token goes down, counted without recursion. */
    private static int deepest(JsonParser p) throws IOException {
        int depth = 1;
        int max = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) break;
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) max = Math.max(max, ++depth);
            else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
        }
        return max;
    }

    private static final class TooDeep extends RuntimeException {
        final Position at;
        final int depth;

        TooDeep(Position at, int depth) {
            super(null, null, false, false);
            this.at = at;
            this.depth = depth;
        }
    }

    private static final class AliasFound extends RuntimeException {
        final Position at;
        final String name;

        AliasFound(Position at, String name) {
            super(null, null, false, false);
            this.at = at;
            this.name = name;
        }
    }

    private static Position position(JsonLocation loc, String file, int lineOffset) {
        return new Position(file, loc.getLineNr() + lineOffset, loc.getColumnNr());
    }

    private static Problem syntaxProblem(JsonProcessingException e, String yaml, String file, int lineOffset) {
        JsonLocation loc = e.getLocation();
        Position at = loc == null ? Position.of(file) : position(loc, file, lineOffset);
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        // SnakeYAML knows where the problem is (not only where its context began): use that.
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                raw = (m.getContext() == null ? "" : m.getContext() + " ") + (m.getProblem() == null ? "" : m.getProblem());
                // An unclosed quote or bracket is found at the end of the file; where it was opened is what helps.
                boolean unclosed = raw.contains("quoted scalar");
                var mark = unclosed && m.getContextMark() != null ? m.getContextMark() : m.getProblemMark();
                at = new Position(file, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1);
                break;
            }
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        Msg message;
        Msg hint;
        if (lower.contains("'\\t'") || lower.contains("tab")) {
            message = Msg.YAML_TAB;
            hint = Msg.YAML_TAB_FIX;
        } else if (lower.contains("number of aliases") || lower.contains("aliases for non-scalar")) {
            message = Msg.YAML_TOO_MANY_ALIASES;
            hint = Msg.YAML_TOO_MANY_ALIASES_FIX;
        } else if (lower.contains("code point") || lower.contains("exceeds the limit")) {
            message = Msg.YAML_TOO_LARGE;
            hint = Msg.YAML_TOO_LARGE_FIX;
        } else if (lower.contains("nesting depth") || lower.contains("depth")) {
            message = Msg.YAML_NESTED;
            hint = Msg.YAML_NESTED_FIX;
        } else if (lower.contains("quoted scalar")) {
            message = Msg.YAML_UNCLOSED_QUOTE;
            hint = Msg.YAML_UNCLOSED_QUOTE_FIX;
        } else if (lower.contains("expected <block end>")) {
            message = Msg.YAML_INDENT;
            hint = Msg.YAML_INDENT_FIX;
        } else if (lower.contains("while parsing a flow") && (lower.contains("<stream end>") || lower.contains("expected ','"))) {
            int[] open = unclosedBracket(yaml);
            if (open != null) at = new Position(file, open[0] + lineOffset, open[1]);
            message = Msg.YAML_UNCLOSED_BRACKET;
            hint = Msg.YAML_UNCLOSED_BRACKET_FIX;
        } else if (lower.contains("mapping values are not allowed")) {
            message = Msg.YAML_COLON;
            hint = Msg.YAML_COLON_FIX;
        } else {
            return at.error(Msg.YAML_SYNTAX.with(firstLine(raw)), Msg.YAML_SYNTAX_FIX.with());
        }
        return at.error(message.with(), hint.with());
    }

    /**
     * Where the first bracket ([ or {) that is never closed was opened (line, column; 1-based), outside
     * quotes and comments; null when there is none. The parser finds such a bracket only at the end of the file.
     */
    static int[] unclosedBracket(String yaml) {
        java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>();
        int line = 1;
        int column = 0;
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
                comment = false;
                continue;
            }
            if (comment) continue;
            if (quote != 0) {
                if (c == quote) quote = 0;
                continue;
            }
            if (c == '"' || c == '\'') quote = c;
            else if (c == '#' && (i == 0 || Character.isWhitespace(yaml.charAt(i - 1)))) comment = true;
            else if (c == '[' || c == '{') open.push(new int[] {line, column});
            else if ((c == ']' || c == '}') && !open.isEmpty()) open.pop();
        }
        return open.isEmpty() ? null : open.peekLast();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
