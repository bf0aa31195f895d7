package org.gazette.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An article's front matter as the desk edits it, written back into the file the way a person
 * would: each field the form changed is rewritten on its own lines, where it stood; every other
 * line — comments, fields the desk does not know, blank lines — stays byte for byte; a new field
 * goes before the closing {@code ---}; a field emptied (or a flag turned off) is taken out.
 */
public final class FrontMatter {

    /** The fields of the form, in the order a new file lists them. */
    public static final List<String> FIELDS = List.of("title", "date", "summary", "byline", "tags", "featured", "draft", "publish");
    static final List<String> ROLES = List.of("reporter", "correspondent", "photographer");

    private FrontMatter() {}

    /** A text split at its front matter: the lines between the two {@code ---}, and the body after them. */
    record Split(List<String> lines, String body) {}

    static Split split(String text) {
        if (!text.startsWith("---\n")) return new Split(new ArrayList<>(), text);
        int end = text.indexOf("\n---\n", 3);
        int bodyFrom;
        if (end < 0) {
            if (text.endsWith("\n---")) {
                end = text.length() - 4;
                bodyFrom = text.length();
            } else {
                return new Split(new ArrayList<>(), text);
            }
        } else {
            bodyFrom = end + 5;
        }
        String block = text.substring(4, end + 1);
        List<String> lines = new ArrayList<>(List.of(block.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        String body = text.substring(bodyFrom);
        if (body.startsWith("\n")) body = body.substring(1);
        return new Split(lines, body);
    }

    /**
     * {@code text} with the fields in {@code values} set (a value of null, "", false or an empty
     * list takes the field out) and its body replaced by {@code body}. Fields not in {@code values} stay.
     */
    static String update(String text, Map<String, Object> values, String body) {
        Split s = split(text.replace("\r\n", "\n"));
        List<String> lines = s.lines();
        Map<String, Object> pending = new LinkedHashMap<>(values);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String key = key(line);
            if (key == null || !pending.containsKey(key)) {
                out.add(line);
                continue;
            }
            // The field's own lines: its key line and what is indented under it.
            int j = i + 1;
            while (j < lines.size() && (lines.get(j).startsWith(" ") || lines.get(j).startsWith("\t"))) j++;
            String comment = trailingComment(line);
            List<String> written = render(key, pending.remove(key));
            if (!written.isEmpty() && comment != null && written.size() == 1) written.set(0, written.get(0) + "  " + comment);
            out.addAll(written);
            i = j - 1;
        }
        for (String key : FIELDS) if (pending.containsKey(key)) out.addAll(render(key, pending.remove(key)));
        for (var e : pending.entrySet()) out.addAll(render(e.getKey(), e.getValue()));
        StringBuilder b = new StringBuilder("---\n");
        for (String l : out) b.append(l).append('\n');
        b.append("---\n\n").append(body.replace("\r\n", "\n").strip()).append('\n');
        return b.toString();
    }

    private static final Pattern KEY = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*):(?:\\s.*)?$");

    private static String key(String line) {
        var m = KEY.matcher(line);
        return m.matches() ? m.group(1) : null;
    }

    /** A comment at the end of a one-line field ("draft: true   # remove when …"), kept when the field is rewritten. */
    private static String trailingComment(String line) {
        int hash = line.indexOf(" #");
        if (hash < 0 || line.indexOf('"') >= 0 || line.indexOf('\'') >= 0) return null;
        return line.substring(hash + 1);
    }

    /** The lines a field is written as; none when it is to be taken out. */
    @SuppressWarnings("unchecked")
    static List<String> render(String key, Object value) {
        if (value == null || (value instanceof String s && s.isBlank()) || Boolean.FALSE.equals(value)
                || (value instanceof List<?> l && l.isEmpty())) {
            // An emptied summary stays as an empty line to fill, as a new article has it; other fields go.
            return key.equals("summary") ? List.of("summary: ") : List.of();
        }
        if (value instanceof Boolean) return List.of(key + ": true");
        if (value instanceof List<?> l) return List.of(key + ": " + flow((List<String>) l));
        if (value instanceof Map<?, ?> m) {
            List<String> lines = new ArrayList<>();
            for (String role : ROLES) {
                Object names = m.get(role);
                if (names instanceof List<?> l && !l.isEmpty()) lines.add("  " + role + ": " + flow((List<String>) l));
            }
            if (lines.isEmpty()) return List.of();
            lines.add(0, key + ":");
            return lines;
        }
        String v = value.toString().strip();
        // Dates and times as a person writes them: 2018-02-27, 2018-02-27 10:00, 2018-02-27T10:00+08:00.
        if ((key.equals("date") || key.equals("publish")) && v.matches("\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2})?([+-]\\d{2}:\\d{2}|Z)?)?")) {
            return List.of(key + ": " + v);
        }
        return List.of(key + ": " + scalar(v));
    }

    private static String flow(List<String> items) {
        List<String> written = new ArrayList<>();
        for (String i : items) if (!i.isBlank()) written.add(flowItem(i.strip()));
        return "[" + String.join(", ", written) + "]";
    }

    private static String flowItem(String s) {
        return s.matches(".*[,\\[\\]{}].*") ? quoted(s) : scalar(s);
    }

    /** A one-line value: plain when YAML reads it back unchanged, else double-quoted. */
    static String scalar(String s) {
        String t = s.replace('\n', ' ');
        boolean plain = !t.isEmpty()
                && "-?:,[]{}#&*!|>'\"%@`".indexOf(t.charAt(0)) < 0
                && !t.contains(": ") && !t.contains(" #") && !t.endsWith(":") && !t.endsWith(" ")
                && !t.matches("(?i)true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*");
        return plain ? t : quoted(t);
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
