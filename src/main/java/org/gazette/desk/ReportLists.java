package org.gazette.desk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gazette.problem.Msg;
import org.gazette.problem.Problems;
import org.gazette.yaml.Node;
import org.gazette.yaml.SourceText;
import org.gazette.yaml.YamlReader;

/**
 * The lists of a year's report as the desk edits them — honours, commendations, highlights and
 * next year's plans — written back into {@code report.yaml} in place, as the figures are
 * ({@link ReportTable}): a changed text on its own line; a removed entry's lines taken out; a new
 * entry written after the list's last one (or, for a list the year does not have yet, as a new
 * section at the end of the file) the way a person would; every other byte kept.
 */
public final class ReportLists {

    /** The lists the desk edits, where they stand in report.yaml, and the parts of a new entry, in order. */
    static final Map<String, List<String>> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("honours", List.of("holder", "title", "level", "field"));
        LISTS.put("commendations", List.of("category", "recipients"));
        LISTS.put("highlights", List.of("field", "text"));
        LISTS.put("plans.items", List.of("id", "field", "title", "text"));
    }

    /** Parts written per language ({zh: …, en: …}); the others are one word. */
    static final java.util.Set<String> TEXTS = java.util.Set.of("holder", "title", "category", "text");

    private ReportLists() {}

    /** One entry: where its lines run (1-based, inclusive), and its one-line parts ("title.zh", "level" …). */
    public record Entry(int first, int last, Map<String, ReportTable.Cell> cells) {}

    /** A list: where it ends (0 when the year has none yet), the indentation of its entries' keys, and its entries. */
    public record Section(String name, int last, int keyIndent, List<Entry> entries) {}

    static List<Section> read(String text, String name) {
        Node root = new YamlReader().read(SourceText.decode(text.getBytes(StandardCharsets.UTF_8), name), new Problems());
        List<Section> out = new ArrayList<>();
        for (String list : LISTS.keySet()) {
            Node n = root;
            for (String key : list.split("\\.")) {
                n = n instanceof Node.MapNode m && m.entries().containsKey(key) ? m.entries().get(key).value() : null;
            }
            List<Entry> entries = new ArrayList<>();
            int last = 0;
            int keyIndent = list.equals("plans.items") ? 6 : 4;
            if (n instanceof Node.SeqNode seq) {
                for (Node item : seq.items()) {
                    if (!(item instanceof Node.MapNode m)) continue;
                    Map<String, ReportTable.Cell> cells = new LinkedHashMap<>();
                    int first = Integer.MAX_VALUE;
                    for (var e : m.entries().values()) {
                        first = Math.min(first, e.key().at().line());
                        keyIndent = e.key().at().column() - 1;
                        if (e.value() instanceof Node.MapNode texts) {
                            for (var t : texts.entries().values()) {
                                if (t.value() instanceof Node.Scalar s) cells.put(e.key().name() + "." + t.key().name(),
                                        new ReportTable.Cell(t.key().at().line(), s.isNull() ? "" : s.text()));
                            }
                        } else if (e.value() instanceof Node.Scalar s) {
                            cells.put(e.key().name(), new ReportTable.Cell(e.key().at().line(), s.isNull() ? "" : s.text()));
                        }
                    }
                    int end = ReportTable.last(item);
                    last = Math.max(last, end);
                    entries.add(new Entry(first, end, cells));
                }
            }
            out.add(new Section(list, last, keyIndent, entries));
        }
        return out;
    }

    /** A change to an entry's one-line part. */
    public record Edit(String list, int index, String part, String text) {}

    /** A new entry: its parts ("title.zh", "level" …) as typed. */
    public record Added(String list, Map<String, String> parts) {}

    /** An entry taken out. */
    public record Removed(String list, int index) {}

    /** Lines changes, applied from the bottom of the file up so the others' line numbers stay true. */
    private record Change(int line, int order, java.util.function.Consumer<List<String>> apply) {}

    static String apply(String text, String name, List<Edit> edits, List<Added> added, List<Removed> removed) throws IOException {
        List<Section> sections = read(text, name);
        Map<String, Section> byName = new LinkedHashMap<>();
        for (Section s : sections) byName.put(s.name(), s);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<Change> changes = new ArrayList<>();
        for (Edit e : edits) {
            Entry entry = entry(byName, e.list(), e.index());
            ReportTable.Cell cell = entry.cells().get(e.part());
            if (cell == null) throw new Articles.Refused(400, Msg.DESK_NOT_ONE_LINE_PART.with(e.part()));
            if (e.text().indexOf('\n') >= 0 || e.text().length() > 2000) throw new Articles.Refused(400, Msg.DESK_ONE_LINE.with());
            String key = e.part().contains(".") ? e.part().substring(e.part().indexOf('.') + 1) : e.part();
            changes.add(new Change(cell.line(), 1, l -> l.set(cell.line() - 1, ReportTable.replace(l.get(cell.line() - 1), key, e.text().strip()))));
        }
        for (Removed r : removed) {
            Entry entry = entry(byName, r.list(), r.index());
            changes.add(new Change(entry.first(), 0, l -> {
                for (int i = entry.last(); i >= entry.first(); i--) l.remove(i - 1);
            }));
        }
        for (Added a : added) {
            Section s = byName.get(a.list());
            if (s == null) throw new Articles.Refused(400, Msg.DESK_NOT_A_LIST.with(a.list()));
            List<String> block = block(a, s.keyIndent());
            if (s.last() > 0) {
                changes.add(new Change(s.last() + 1, 2, l -> l.addAll(s.last(), block)));
            } else if (a.list().equals("plans.items")) {
                throw new Articles.Refused(400, Msg.DESK_NO_PLANS.with());
            } else {
                List<String> section = new ArrayList<>();
                section.add("");
                section.add(a.list() + ":");
                section.addAll(block(a, 4));
                changes.add(new Change(Integer.MAX_VALUE, 2, l -> {
                    int end = l.size();
                    while (end > 0 && l.get(end - 1).isEmpty()) end--;
                    l.addAll(end, section);
                }));
            }
        }
        changes.sort((x, y) -> x.line() != y.line() ? Integer.compare(y.line(), x.line()) : Integer.compare(y.order(), x.order()));
        for (Change c : changes) c.apply().accept(lines);
        return String.join("\n", lines);
    }

    private static Entry entry(Map<String, Section> byName, String list, int index) throws Articles.Refused {
        Section s = byName.get(list);
        if (s == null || index < 0 || index >= s.entries().size()) throw new Articles.Refused(400, Msg.DESK_NO_ENTRY.with(index, list));
        return s.entries().get(index);
    }

    /** A new entry as a person writes it: each text per language on its own line, a word on its key's line. */
    static List<String> block(Added a, int keyIndent) throws Articles.Refused {
        List<String> parts = LISTS.get(a.list());
        List<String> out = new ArrayList<>();
        String pad = " ".repeat(keyIndent);
        boolean first = true;
        for (String part : parts) {
            String lead = first ? " ".repeat(Math.max(0, keyIndent - 2)) + "- " : pad;
            first = false;
            if (TEXTS.contains(part)) {
                out.add(lead + part + ":");
                for (String lang : List.of("zh", "en")) {
                    String v = a.parts().getOrDefault(part + "." + lang, "").strip();
                    if (v.indexOf('\n') >= 0) throw new Articles.Refused(400, Msg.DESK_ONE_LINE.with());
                    out.add(pad + "  " + lang + ":" + (v.isEmpty() ? "" : " " + FrontMatter.scalar(v)));
                }
            } else {
                String v = a.parts().getOrDefault(part, "").strip();
                if (!v.matches("[a-z0-9-]*")) throw new Articles.Refused(400, Msg.DESK_NOT_A_VALUE.with(v, part));
                out.add(lead + part + ":" + (v.isEmpty() ? "" : " " + v));
            }
        }
        return out;
    }

    /** The lists of {@code year}'s report.yaml. */
    public static List<Section> read(Path content, String year) throws IOException {
        return read(Files.readString(file(content, year), StandardCharsets.UTF_8), year + "/report.yaml");
    }

    /** Applies the changes to {@code year}'s report.yaml if it is still at {@code version}; returns the new version. */
    public static String save(Path content, String year, String version, List<Edit> edits, List<Added> added, List<Removed> removed) throws IOException {
        Path f = file(content, year);
        byte[] now = Files.readAllBytes(f);
        String rel = year + "/report.yaml";
        if (!Articles.versionOf(now).equals(version)) throw new Articles.Conflict(rel, new String(now, StandardCharsets.UTF_8), Articles.versionOf(now));
        byte[] bytes = apply(new String(now, StandardCharsets.UTF_8).replace("\r\n", "\n"), rel, edits, added, removed).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(f, bytes, true);
        return Articles.versionOf(bytes);
    }

    private static Path file(Path content, String year) throws IOException {
        if (year == null || !Articles.YEAR.matcher(year).matches()) throw new Articles.Refused(400, Msg.DESK_NOT_YEAR.with(year));
        Path c = content.toAbsolutePath().normalize();
        Path f = c.resolve(year).resolve("report.yaml");
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) throw new Articles.Refused(404, Msg.DESK_NO_REPORT.with(year + "/report.yaml"));
        if (!f.toRealPath().startsWith(c.toRealPath())) throw new Articles.Refused(400, Msg.DESK_OUTSIDE.with(year + "/report.yaml"));
        return f;
    }
}
