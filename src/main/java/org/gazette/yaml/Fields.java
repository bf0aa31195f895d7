package org.gazette.yaml;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gazette.problem.Position;
import org.gazette.problem.Problems;

/**
 * Typed, position-aware access to the fields of one YAML mapping. Every field a reader asks
 * for is remembered; {@link #finish()} reports the rest as unknown, with the nearest known name.
 * Problems are collected, never thrown: a wrong field yields an empty value and reading goes on.
 */
public final class Fields {

    private final Node.MapNode node;
    private final Problems problems;
    private final String what;
    private final Set<String> asked = new HashSet<>();

    private Fields(Node.MapNode node, Problems problems, String what) {
        this.node = node;
        this.problems = problems;
        this.what = what;
    }

    /** Fields of {@code node}, or empty (with a problem) if it is not a mapping. {@code what} names it in messages. */
    public static Optional<Fields> of(Node node, Problems problems, String what) {
        if (node instanceof Node.MapNode map) {
            return Optional.of(new Fields(map, problems, what));
        }
        problems.error(node.at(), what + " must be a group of fields (name: value on separate lines), not " + Node.kind(node),
                "write each field on its own line, indented under it");
        return Optional.empty();
    }

    public Position at() {
        return node.at();
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String key) {
        asked.add(key);
        Node.Entry e = node.entries().get(key);
        return e != null && !(e.value() instanceof Node.Scalar s && s.isNull());
    }

    /** The raw node of an optional field. */
    public Optional<Node> node(String key) {
        asked.add(key);
        Node.Entry e = node.entries().get(key);
        if (e == null || (e.value() instanceof Node.Scalar s && s.isNull())) return Optional.empty();
        return Optional.of(e.value());
    }

    /** The raw node of a required field; reports it missing otherwise. */
    public Optional<Node> required(String key, String example) {
        Optional<Node> n = node(key);
        if (n.isEmpty()) {
            problems.error(node.at(), "missing required field '" + key + "' in " + what,
                    "add a line '" + key + ": " + example + "'");
        }
        return n;
    }

    public Optional<String> string(String key) {
        return node(key).flatMap(this::scalarText);
    }

    public Optional<String> requiredString(String key, String example) {
        return required(key, example).flatMap(this::scalarText);
    }

    public Optional<Integer> integer(String key, int min, int max) {
        return node(key).flatMap(n -> toInteger(n, key, min, max));
    }

    public Optional<Integer> requiredInteger(String key, int min, int max, String example) {
        return required(key, example).flatMap(n -> toInteger(n, key, min, max));
    }

    public Optional<LocalDate> date(String key) {
        return node(key).flatMap(n -> toDate(n, key));
    }

    public Optional<LocalDate> requiredDate(String key) {
        return required(key, "2018-02-27").flatMap(n -> toDate(n, key));
    }

    /** An optional yes/no field: {@code true} or {@code false}. */
    public Optional<Boolean> bool(String key) {
        return node(key).flatMap(n -> scalarText(n).flatMap(text -> {
            String t = fold(text.trim());
            if (t.equals("true") || t.equals("yes")) return Optional.of(true);
            if (t.equals("false") || t.equals("no")) return Optional.of(false);
            problems.error(n.at(), "'" + key + "' must be true or false, not '" + text.trim() + "'", "write " + key + ": true");
            return Optional.empty();
        }));
    }

    /**
     * An optional moment: {@code 2019-02-26T10:00+08:00}, or {@code 2019-02-26 10:00} / {@code 2019-02-26T10:00}
     * in {@code zone}, or a date {@code 2019-02-26} (its first moment in {@code zone}).
     */
    public Optional<java.time.Instant> instant(String key, java.time.ZoneId zone) {
        return node(key).flatMap(n -> scalarText(n).flatMap(text -> {
            String t = text.trim().replace(' ', 'T');
            try {
                if (t.matches("\\d{4}-\\d{2}-\\d{2}")) return Optional.of(LocalDate.parse(t).atStartOfDay(zone).toInstant());
                if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")) {
                    return Optional.of(java.time.LocalDateTime.parse(t).atZone(zone).toInstant());
                }
                if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})")) {
                    return Optional.of(java.time.OffsetDateTime.parse(t).toInstant());
                }
            } catch (DateTimeException e) {
                problems.error(n.at(), "'" + text.trim() + "' is not a real date and time", "check the day, month, hour and minute");
                return Optional.empty();
            }
            problems.error(n.at(), "'" + key + "' must be a date and time, not '" + text.trim() + "'",
                    "write it like 2019-02-26 10:00 (in the site's time zone) or 2019-02-26T10:00+08:00");
            return Optional.empty();
        }));
    }

    /** Items of an optional list field, each converted; items that fail are reported and left out. */
    public <T> List<T> list(String key, Function<Node, Optional<T>> item) {
        Optional<Node> n = node(key);
        if (n.isEmpty()) return List.of();
        if (!(n.get() instanceof Node.SeqNode seq)) {
            problems.error(n.get().at(), "'" + key + "' must be a list, not " + Node.kind(n.get()),
                    "write each item on its own line starting with '- '");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (Node i : seq.items()) {
            item.apply(i).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** One of a closed set of words; suggests the nearest on a typo. */
    public Optional<String> choice(String key, List<String> allowed, boolean required) {
        Optional<String> s = required ? requiredString(key, allowed.get(0)) : string(key);
        if (s.isPresent() && !allowed.contains(s.get())) {
            Position at = node.entries().get(key).value().at();
            String near = Suggest.nearest(s.get(), allowed);
            problems.error(at, "'" + s.get() + "' is not a valid " + key,
                    (near != null ? "did you mean '" + near + "'? " : "") + "use one of: " + String.join(", ", allowed));
            return Optional.empty();
        }
        return s;
    }

    /** Reports every field that no reader asked for: a typo must not silently drop what the user wrote. */
    public void finish() {
        for (Node.Entry e : node.entries().values()) {
            String name = e.key().name();
            if (asked.contains(name)) continue;
            String near = Suggest.nearest(name, asked);
            problems.error(e.key().at(), "unknown field '" + name + "' in " + what,
                    near != null ? "did you mean '" + near + "'?" : "remove it; known fields are: " + String.join(", ", sorted(asked)));
        }
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }

    public Optional<String> scalarText(Node n) {
        if (n instanceof Node.Scalar s && !s.isNull()) return Optional.of(s.text());
        problems.error(n.at(), "expected a single value here, not " + Node.kind(n),
                "write the value on the same line after the colon");
        return Optional.empty();
    }

    private Optional<Integer> toInteger(Node n, String key, int min, int max) {
        return scalarText(n).flatMap(text -> {
            try {
                int v = Integer.parseInt(text.trim());
                if (v < min || v > max) {
                    problems.error(n.at(), "'" + key + "' is " + v + ", outside " + min + "–" + max, "check the number");
                    return Optional.empty();
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                problems.error(n.at(), "'" + key + "' must be a whole number, not '" + text + "'", "write digits only, e.g. " + min);
                return Optional.empty();
            }
        });
    }

    private Optional<LocalDate> toDate(Node n, String key) {
        return scalarText(n).flatMap(text -> {
            String t = text.trim();
            if (!t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                problems.error(n.at(), "'" + key + "' must be a date written YYYY-MM-DD, not '" + t + "'", "for example 2018-02-27");
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(t));
            } catch (DateTimeException e) {
                problems.error(n.at(), "'" + t + "' is not a real date", "check the day and month (" +
                        t.substring(0, 7) + " has " + lengthOfMonth(t) + " days)");
                return Optional.empty();
            }
        });
    }

    private static String lengthOfMonth(String t) {
        try {
            return String.valueOf(LocalDate.parse(t.substring(0, 7) + "-01").lengthOfMonth());
        } catch (DateTimeException e) {
            return "no such month; months are 01–12, so it";
        }
    }

    /** Lower-casing for comparisons that must not depend on the machine's locale (Turkish i). */
    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
