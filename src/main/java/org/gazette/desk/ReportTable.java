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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.config.SiteConfigLoader;
import org.gazette.format.QuantityParser;
import org.gazette.format.Units;
import org.gazette.i18n.Language;
import org.gazette.i18n.StringsLoader;
import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Problems;
import org.gazette.render.Localizer;
import org.gazette.yaml.Node;
import org.gazette.yaml.SourceText;
import org.gazette.yaml.YamlReader;

/**
 * A year's key figures as the desk's table shows them, and its edits written back into
 * {@code report.yaml} in place: each changed value on its own line, where it stands (a value the
 * figure did not have goes after the figure's last line, at its fields' indentation); every other
 * byte — comments, order, the values nobody touched — stays as it was. A value is checked as it is
 * typed: read as Gazette reads quantities, and shown as each language prints it.
 */
public final class ReportTable {

    /** The parts of a figure the table edits: its label in each language, and its numbers. */
    static final List<String> NUMBERS = List.of("value", "target", "growth", "attainment");

    private final Path content;
    private final Path templates;
    private final Articles articles;

    public ReportTable(Path content, Path templates, Articles articles) {
        this.content = content.toAbsolutePath().normalize();
        this.templates = templates;
        this.articles = articles;
    }

    /** One editable part of a figure: where its key stands (1-based line; 0 when the figure has none) and its text. */
    public record Cell(int line, String text) {}

    public record Figure(String id, int firstLine, int lastLine, int indent, Map<String, Cell> cells) {}

    public record Table(String file, String version, List<Figure> figures) {}

    private Path file(String year) throws IOException {
        if (year == null || !Articles.YEAR.matcher(year).matches()) throw new Articles.Refused(400, Msg.DESK_NOT_YEAR.with(year));
        Path f = content.resolve(year).resolve("report.yaml");
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) throw new Articles.Refused(404, Msg.DESK_NO_REPORT_START.with(year + "/report.yaml", "gazette new year " + year));
        if (!f.toRealPath().startsWith(content.toRealPath())) throw new Articles.Refused(400, Msg.DESK_OUTSIDE.with(year + "/report.yaml"));
        return f;
    }

    public Table read(String year) throws IOException {
        Path f = file(year);
        byte[] bytes = Files.readAllBytes(f);
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new Table(year + "/report.yaml", Articles.versionOf(bytes), figures(text, year + "/report.yaml"));
    }

    static List<Figure> figures(String text, String name) {
        List<Figure> out = new ArrayList<>();
        Node root = new YamlReader().read(SourceText.decode(text.getBytes(StandardCharsets.UTF_8), name), new Problems());
        if (!(root instanceof Node.MapNode map) || !map.entries().containsKey("figures")) return out;
        if (!(map.entries().get("figures").value() instanceof Node.SeqNode seq)) return out;
        List<Node> items = seq.items();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Node.MapNode fig)) continue;
            Map<String, Cell> cells = new LinkedHashMap<>();
            String id = "";
            var idEntry = fig.entries().get("id");
            if (idEntry != null && idEntry.value() instanceof Node.Scalar s && !s.isNull()) id = s.text();
            var label = fig.entries().get("label");
            if (label != null && label.value() instanceof Node.MapNode lm) {
                for (var e : lm.entries().values()) cells.put("label." + e.key().name(), new Cell(e.key().at().line(), scalar(e.value())));
            }
            int indent = -1;
            for (String part : NUMBERS) {
                var e = fig.entries().get(part);
                cells.put(part, e == null ? new Cell(0, "") : new Cell(e.key().at().line(), scalar(e.value())));
            }
            int first = Integer.MAX_VALUE;
            for (var e : fig.entries().values()) {
                first = Math.min(first, e.key().at().line());
                if (indent < 0) indent = e.key().at().column() - 1;
            }
            // The figure's last line: the last line any of its keys or values stands on.
            int end = last(fig);
            out.add(new Figure(id, first, end, Math.max(indent, 0), cells));
        }
        return out;
    }

    static int last(Node n) {
        int max = n.at().line();
        if (n instanceof Node.MapNode m) {
            for (var e : m.entries().values()) max = Math.max(max, Math.max(e.key().at().line(), last(e.value())));
        } else if (n instanceof Node.SeqNode q) {
            for (Node i : q.items()) max = Math.max(max, last(i));
        }
        return max;
    }

    private static String scalar(Node n) {
        return n instanceof Node.Scalar s && !s.isNull() ? s.text() : "";
    }

    /** A quantity as typed: how each language prints it, or what is wrong and what to do. */
    public record Checked(boolean ok, Map<String, String> shown, Message message, Message hint) {}

    public Checked check(String text) {
        Problems problems = new Problems();
        var site = SiteConfigLoader.load(content, new YamlReader(), problems);
        List<Language> languages = site.map(s -> s.languages()).orElse(List.of());
        Units units = site.isPresent() ? Units.load(content, new YamlReader(), languages, problems) : Units.shipped();
        if (text == null || text.isBlank()) return new Checked(true, Map.of(), null, null);
        QuantityParser.Result r = units.parse(text, 1);
        if (r instanceof QuantityParser.Error e) return new Checked(false, Map.of(), e.message(), e.hint());
        var q = ((QuantityParser.Ok) r).quantity();
        Map<String, String> shown = new LinkedHashMap<>();
        var strings = StringsLoader.load(templates, languages, problems);
        for (Language l : languages) {
            if (!strings.containsKey(l.code())) continue;
            shown.put(l.code(), new Localizer(l, languages, strings.get(l.code()), units).q(q));
        }
        return new Checked(true, shown, null, null);
    }

    /** One change: a figure's part ("value", "label.zh" …) and its new text ("" empties it). */
    public record Edit(String figure, String part, String text) {}

    /** Writes {@code edits} into the year's report.yaml, if it is still at {@code version}; returns the new version. */
    public String save(String year, String version, List<Edit> edits) throws IOException {
        return save(year, version, edits, List.of(), List.of(), List.of());
    }

    /** The year's lists (honours, commendations, highlights, plans) as the desk edits them. */
    public List<ReportLists.Section> lists(String year) throws IOException {
        file(year);
        return ReportLists.read(content, year);
    }

    /** Writes the figures' edits and the lists' changes in one write, if the file is still at {@code version}. */
    public String save(String year, String version, List<Edit> edits, List<ReportLists.Edit> listEdits,
                       List<ReportLists.Added> added, List<ReportLists.Removed> removed) throws IOException {
        Path f = file(year);
        byte[] now = Files.readAllBytes(f);
        String rel = year + "/report.yaml";
        if (!Articles.versionOf(now).equals(version)) throw new Articles.Conflict(rel, new String(now, StandardCharsets.UTF_8), Articles.versionOf(now));
        String text = new String(now, StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        // Bottom-up, so the line numbers of what is still to change stay true.
        List<Edit> sorted = new ArrayList<>(edits);
        List<Figure> figures = figures(text, rel);
        Map<String, Figure> byId = new LinkedHashMap<>();
        for (Figure fig : figures) byId.put(fig.id(), fig);
        sorted.sort((a, b) -> Integer.compare(line(byId, b), line(byId, a)));
        for (Edit e : sorted) {
            Figure fig = byId.get(e.figure());
            if (fig == null) throw new Articles.Refused(400, Msg.DESK_NO_FIGURE.with(e.figure(), rel));
            if (!e.part().startsWith("label.") && !NUMBERS.contains(e.part())) throw new Articles.Refused(400, Msg.DESK_NOT_EDITED.with(e.part()));
            if (e.text().indexOf('\n') >= 0 || e.text().length() > 2000) throw new Articles.Refused(400, Msg.DESK_ONE_LINE.with());
            Cell cell = fig.cells().get(e.part());
            String key = e.part().startsWith("label.") ? e.part().substring(6) : e.part();
            String value = e.text().strip();
            if (cell != null && cell.line() > 0) {
                int at = cell.line() - 1;
                if (value.isEmpty() && (key.equals("target") || key.equals("growth"))) {
                    lines.remove(at); // an optional part emptied: taken out
                } else {
                    lines.set(at, replace(lines.get(at), key, value));
                }
            } else if (!value.isEmpty()) {
                if (e.part().startsWith("label.")) throw new Articles.Refused(400, Msg.DESK_NO_LABEL.with(e.figure()));
                lines.add(fig.lastLine(), " ".repeat(fig.indent()) + key + ": " + FrontMatter.scalar(value));
            }
        }
        String result = ReportLists.apply(String.join("\n", lines), rel, listEdits, added, removed);
        byte[] bytes = result.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(f, bytes, true);
        return Articles.versionOf(bytes);
    }

    private static int line(Map<String, Figure> byId, Edit e) {
        Figure f = byId.get(e.figure());
        if (f == null) return 0;
        Cell c = f.cells().get(e.part());
        return c != null && c.line() > 0 ? c.line() : f.lastLine();
    }

    private static final Pattern LINE = Pattern.compile("^(\\s*(?:-\\s+)?)([A-Za-z][A-Za-z0-9_-]*):(.*)$");

    /** The line of {@code key} with its value replaced; a comment at its end is kept. */
    static String replace(String line, String key, String value) {
        Matcher m = LINE.matcher(line);
        if (!m.matches() || !m.group(2).equals(key)) return line;
        String rest = m.group(3);
        String comment = "";
        int hash = commentStart(rest);
        if (hash >= 0) comment = rest.substring(hash);
        String written = value.isEmpty() ? "" : " " + FrontMatter.scalar(value);
        String padding = comment.isEmpty() ? "" : rest.substring(0, hash).replaceAll("^.*?(\\s*)$", "$1");
        if (!comment.isEmpty() && padding.isEmpty()) padding = "  ";
        return m.group(1) + key + ":" + written + (comment.isEmpty() ? "" : (value.isEmpty() ? "            " : padding) + comment);
    }

    /** Where a comment starts in a value (a '#' after white space, outside quotes), or -1. */
    private static int commentStart(String rest) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"' && !single) dbl = !dbl;
            else if (c == '\'' && !dbl) single = !single;
            else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(rest.charAt(i - 1)))) return i;
        }
        return -1;
    }

    Articles articles() {
        return articles;
    }
}
