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

import org.gazette.problem.Message;
import org.gazette.problem.Msg;
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
    private final Message what;
    private final Set<String> asked = new HashSet<>();

    private Fields(Node.MapNode node, Problems problems, Message what) {
        this.node = node;
        this.problems = problems;
        this.what = what;
    }

    /** Fields of {@code node}, or empty (with a problem) if it is not a mapping. {@code what} names it in messages. */
    public static Optional<Fields> of(Node node, Problems problems, Message what) {
        if (node instanceof Node.MapNode map) {
            return Optional.of(new Fields(map, problems, what));
        }
        problems.error(node.at(), Msg.NOT_A_GROUP.with(what, Node.kind(node)), Msg.NOT_A_GROUP_FIX.with());
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
            problems.error(node.at(), Msg.MISSING_FIELD.with(key, what), Msg.ADD_LINE.with(key + ": " + example));
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
            problems.error(n.at(), Msg.NOT_BOOLEAN.with(key, text.trim()), Msg.WRITE.with(key + ": true"));
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
                problems.error(n.at(), Msg.NOT_REAL_MOMENT.with(text.trim()), Msg.NOT_REAL_MOMENT_FIX.with());
                return Optional.empty();
            }
            problems.error(n.at(), Msg.NOT_MOMENT.with(key, text.trim()), Msg.NOT_MOMENT_FIX.with());
            return Optional.empty();
        }));
    }

    /** Items of an optional list field, each converted; items that fail are reported and left out. */
    public <T> List<T> list(String key, Function<Node, Optional<T>> item) {
        Optional<Node> n = node(key);
        if (n.isEmpty()) return List.of();
        if (!(n.get() instanceof Node.SeqNode seq)) {
            problems.error(n.get().at(), Msg.NOT_A_LIST.with(key, Node.kind(n.get())), Msg.NOT_A_LIST_FIX.with());
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
            problems.error(at, Msg.NOT_VALID.with(s.get(), key),
                    near != null ? Msg.DID_YOU_MEAN_OR_ONE_OF.with(near, allowed) : Msg.USE_ONE_OF.with(allowed));
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
            problems.error(e.key().at(), Msg.UNKNOWN_FIELD.with(name, what),
                    near != null ? Msg.DID_YOU_MEAN.with(near) : Msg.REMOVE_KNOWN_FIELDS.with(sorted(asked)));
        }
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }

    public Optional<String> scalarText(Node n) {
        if (n instanceof Node.Scalar s && !s.isNull()) return Optional.of(s.text());
        problems.error(n.at(), Msg.NOT_SINGLE_VALUE.with(Node.kind(n)), Msg.NOT_SINGLE_VALUE_FIX.with());
        return Optional.empty();
    }

    private Optional<Integer> toInteger(Node n, String key, int min, int max) {
        return scalarText(n).flatMap(text -> {
            try {
                int v = Integer.parseInt(text.trim());
                if (v < min || v > max) {
                    problems.error(n.at(), Msg.OUT_OF_RANGE.with(key, v, min, max), Msg.CHECK_NUMBER.with());
                    return Optional.empty();
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                problems.error(n.at(), Msg.NOT_WHOLE_NUMBER.with(key, text), Msg.DIGITS_ONLY.with(min));
                return Optional.empty();
            }
        });
    }

    private Optional<LocalDate> toDate(Node n, String key) {
        return scalarText(n).flatMap(text -> {
            String t = text.trim();
            if (!t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                problems.error(n.at(), Msg.NOT_DATE.with(key, t), Msg.NOT_DATE_FIX.with());
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(t));
            } catch (DateTimeException e) {
                problems.error(n.at(), Msg.NOT_REAL_DATE.with(t), lengthOfMonth(t) == null ? Msg.NO_SUCH_MONTH.with()
                        : Msg.DAYS_IN_MONTH.with(t.substring(0, 7), lengthOfMonth(t)));
                return Optional.empty();
            }
        });
    }

    private static String lengthOfMonth(String t) {
        try {
            return String.valueOf(LocalDate.parse(t.substring(0, 7) + "-01").lengthOfMonth());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Lower-casing for comparisons that must not depend on the machine's locale (Turkish i). */
    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
