package org.gazette.content;

import java.util.List;
import java.util.Optional;

import org.gazette.format.Quantity;
import org.gazette.format.QuantityParser;
import org.gazette.format.Unit;
import org.gazette.format.Units;
import org.gazette.i18n.Language;
import org.gazette.i18n.Localized;
import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problems;
import org.gazette.yaml.Fields;
import org.gazette.yaml.Node;
import org.gazette.yaml.Suggest;

/** Turns the YAML tree of {@code <year>/report.yaml} into a {@link Report}, reporting every problem on the way. */
final class ReportReader {

    private final List<Language> languages;
    private final Problems problems;
    private final Units units;

    ReportReader(List<Language> languages, Problems problems, Units units) {
        this.units = units;
        this.languages = languages;
        this.problems = problems;
    }

    Optional<Report> read(Node root, int folderYear) {
        return Fields.of(root, problems, Msg.IN_REPORT.with()).flatMap(f -> {
            Optional<Integer> year = f.requiredInteger("year", 1949, 2999, String.valueOf(folderYear));
            year.filter(y -> y != folderYear).ifPresent(y -> problems.error(f.node("year").get().at(),
                    Msg.YEAR_NOT_FOLDER.with(y, folderYear + "/"), Msg.YEAR_NOT_FOLDER_FIX.with("year: " + folderYear)));
            Optional<Localized> title = text(f, "title", true);
            Optional<Localized> summary = text(f, "summary", true);
            Optional<Meeting> meeting = f.required("meeting", "(the meeting's fields, indented)").flatMap(this::meeting);
            List<Commendation> commendations = f.list("commendations", this::commendation);
            List<Figure> figures = f.list("figures", this::figure);
            List<Honour> honours = f.list("honours", this::honour);
            List<Highlight> highlights = f.list("highlights", this::highlight);
            Optional<Plans> plans = f.node("plans").flatMap(n -> plans(n, folderYear, figures));
            Optional<FollowUp> followUp = f.node("followUp").flatMap(this::followUp);
            Optional<Bulletin> bulletin = f.node("bulletin").flatMap(this::bulletin);
            List<ChartSpec> charts = f.has("charts") ? f.list("charts", n -> chart(n, figures)) : null;
            f.finish();
            uniqueIds(figures);
            if (year.isEmpty() || title.isEmpty() || summary.isEmpty() || meeting.isEmpty()) return Optional.empty();
            return Optional.of(new Report(year.get(), title.get(), summary.get(), meeting.get(), commendations, figures,
                    honours, highlights, plans.orElse(new Plans(folderYear + 1, List.of())), followUp.orElse(null),
                    bulletin.orElse(null), charts));
        });
    }

    private Optional<ChartSpec> chart(Node n, List<Figure> figures) {
        return Fields.of(n, problems, Msg.IN_CHART.with()).flatMap(f -> {
            var type = f.choice("type", ChartSpec.TYPES, true);
            var figure = f.string("figure");
            var listed = f.list("figures", i -> f.scalarText(i));
            f.finish();
            List<String> ids = figures.stream().map(Figure::id).toList();
            for (String id : figure.map(List::of).orElse(listed)) {
                if (!ids.contains(id)) {
                    String near = Suggest.nearest(id, ids);
                    problems.error(f.at(), Msg.CHART_NO_FIGURE.with(id), near != null ? Msg.DID_YOU_MEAN.with(near) : Msg.CHART_NO_FIGURE_FIX.with());
                    return Optional.empty();
                }
            }
            if (type.isPresent() && type.get().equals("years") && figure.isEmpty()) {
                problems.error(f.at(), Msg.CHART_YEARS_FIGURE.with(), Msg.ADD.with("figure: economic-output"));
                return Optional.empty();
            }
            return type.map(t -> new ChartSpec(t, figure.orElse(null), listed));
        });
    }

    private void uniqueIds(List<Figure> figures) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Figure fig : figures) {
            if (!seen.add(fig.id())) {
                problems.error(fig.label().at(), Msg.FIGURE_ID_TWICE.with(fig.id()), Msg.FIGURE_ID_TWICE_FIX.with());
            }
        }
    }

    private Optional<Meeting> meeting(Node n) {
        return Fields.of(n, problems, Msg.PART.with("meeting")).flatMap(f -> {
            var title = text(f, "title", true);
            // "date:" left empty: the meeting is not set yet (a new year starts so): the report shows no date until it is.
            boolean undated = f.node("date").filter(ReportReader::blank).isPresent();
            if (undated) problems.warning(f.node("date").get().at(), Msg.MEETING_UNDATED.with(), Msg.MEETING_UNDATED_FIX.with());
            var date = undated ? Optional.<java.time.LocalDate>empty() : f.requiredDate("date");
            var session = f.choice("session", Meeting.SESSIONS, false).orElse(null);
            var place = text(f, "place", false).orElse(null);
            var attendance = f.node("attendance").flatMap(this::quantity).orElse(null);
            var attendees = f.list("attendees", i -> Localized.read(i, f, languages, "attendees"));
            var agenda = f.list("agenda", i -> Localized.read(i, f, languages, "agenda"));
            var theme = text(f, "theme", false).orElse(null);
            f.finish();
            if (title.isEmpty() || (date.isEmpty() && !undated)) return Optional.empty();
            return Optional.of(new Meeting(title.get(), date.orElse(null), session, place, attendance, attendees, agenda, theme));
        });
    }

    private Optional<Commendation> commendation(Node n) {
        return Fields.of(n, problems, Msg.IN_COMMENDATION.with()).flatMap(f -> {
            var category = text(f, "category", true);
            var recipients = f.choice("recipients", Commendation.RECIPIENTS, true);
            var names = f.list("names", i -> Localized.read(i, f, languages, "names"));
            f.finish();
            if (category.isEmpty() || recipients.isEmpty()) return Optional.empty();
            return Optional.of(new Commendation(category.get(), recipients.get(), names));
        });
    }

    private Optional<Figure> figure(Node n) {
        return Fields.of(n, problems, Msg.IN_FIGURE.with()).flatMap(f -> {
            var id = f.requiredString("id", "economic-output");
            id.filter(s -> !s.matches("[a-z0-9]+(-[a-z0-9]+)*")).ifPresent(s -> problems.error(f.node("id").get().at(),
                    Msg.FIGURE_BAD_ID.with(s), Msg.FOR_EXAMPLE.with("economic-output")));
            var field = f.choice("field", Report.FIELDS, true);
            var label = text(f, "label", true);
            // A part left empty ("value:" with nothing after it) is still to be filled in: a new year
            // started from the last one (gazette new year) keeps each figure that way until the office writes it.
            for (String part : List.of("value", "attainment", "rank")) {
                if (f.node(part).filter(ReportReader::blank).isPresent()) {
                    problems.warning(f.node(part).get().at(), Msg.FIGURE_EMPTY_PART.with(id.orElse("?"), part), Msg.FIGURE_EMPTY_PART_FIX.with(part));
                }
            }
            Quantity value = f.node("value").filter(v -> !blank(v)).flatMap(this::quantity).orElse(null);
            Quantity target = f.node("target").flatMap(this::quantity).orElse(null);
            Quantity overTarget = f.node("overTarget").flatMap(this::quantity).orElse(null);
            Quantity attainment = f.node("attainment").filter(v -> !blank(v)).flatMap(this::quantity).orElse(null);
            Quantity growth = f.node("growth").flatMap(this::change).orElse(null);
            Rank rank = f.node("rank").filter(v -> !blank(v)).flatMap(this::rank).orElse(null);
            if (!f.has("value") && !f.has("attainment") && !f.has("rank")) {
                problems.error(f.at(), Msg.FIGURE_NOTHING.with(id.orElse("?")), Msg.FIGURE_NOTHING_FIX.with());
            }
            if (target != null && overTarget != null) {
                problems.error(f.node("overTarget").get().at(), Msg.FIGURE_TWO_TARGETS.with(id.orElse("?")), Msg.FIGURE_TWO_TARGETS_FIX.with());
            }
            f.finish();
            if (id.isEmpty() || field.isEmpty() || label.isEmpty()) return Optional.empty();
            return Optional.of(new Figure(id.get(), field.get(), label.get(), value, target, overTarget, attainment, growth, rank));
        });
    }

    private Optional<Rank> rank(Node n) {
        return Fields.of(n, problems, Msg.PART.with("rank")).flatMap(f -> {
            var position = f.requiredInteger("position", 1, 10000, "1");
            var of = f.requiredInteger("of", 1, 10000, "6");
            var peers = text(f, "peers", true);
            f.finish();
            if (position.isPresent() && of.isPresent() && position.get() > of.get()) {
                problems.error(f.at(), Msg.RANK_IMPOSSIBLE.with(position.get(), of.get()), Msg.RANK_IMPOSSIBLE_FIX.with());
                return Optional.empty();
            }
            if (position.isEmpty() || of.isEmpty() || peers.isEmpty()) return Optional.empty();
            return Optional.of(new Rank(position.get(), of.get(), peers.get()));
        });
    }

    private Optional<Honour> honour(Node n) {
        return Fields.of(n, problems, Msg.IN_HONOUR.with()).flatMap(f -> {
            var holder = text(f, "holder", true);
            var title = text(f, "title", true);
            var level = f.choice("level", Honour.LEVELS, true);
            var field = f.choice("field", Report.FIELDS, true);
            f.finish();
            if (holder.isEmpty() || title.isEmpty() || level.isEmpty() || field.isEmpty()) return Optional.empty();
            return Optional.of(new Honour(holder.get(), title.get(), level.get(), field.get()));
        });
    }

    private Optional<Highlight> highlight(Node n) {
        return Fields.of(n, problems, Msg.IN_HIGHLIGHT.with()).flatMap(f -> {
            var field = f.choice("field", Report.FIELDS, true);
            var text = text(f, "text", true);
            f.finish();
            if (field.isEmpty() || text.isEmpty()) return Optional.empty();
            return Optional.of(new Highlight(field.get(), text.get()));
        });
    }

    private Optional<Plans> plans(Node n, int folderYear, List<Figure> figures) {
        return Fields.of(n, problems, Msg.PART.with("plans")).flatMap(f -> {
            var year = f.requiredInteger("year", 1949, 2999, String.valueOf(folderYear + 1));
            var items = f.list("items", i -> plan(i, figures));
            f.finish();
            return year.map(y -> new Plans(y, items));
        });
    }

    private Optional<Plans.Plan> plan(Node n, List<Figure> figures) {
        return Fields.of(n, problems, Msg.IN_PLAN.with()).flatMap(f -> {
            var id = f.requiredString("id", "major-projects");
            var field = f.choice("field", Report.FIELDS, true);
            var title = text(f, "title", true);
            var text = text(f, "text", true);
            var targets = f.list("targets", t -> target(t, figures));
            var places = f.list("places", i -> Localized.read(i, f, languages, "places"));
            f.finish();
            if (id.isEmpty() || field.isEmpty() || title.isEmpty() || text.isEmpty()) return Optional.empty();
            return Optional.of(new Plans.Plan(id.get(), field.get(), title.get(), text.get(), targets, places));
        });
    }

    private Optional<Plans.Target> target(Node n, List<Figure> figures) {
        return Fields.of(n, problems, Msg.IN_TARGET.with()).flatMap(f -> {
            var label = text(f, "label", true);
            var value = f.required("value", "220个").flatMap(this::quantity);
            var figure = f.string("figure");
            f.finish();
            if (label.isEmpty() || value.isEmpty()) return Optional.empty();
            if (figure.isPresent()) {
                // The result it carries on: a figure of this report, counted in the same unit.
                Figure result = figures.stream().filter(x -> x.id().equals(figure.get())).findFirst().orElse(null);
                Position at = f.node("figure").get().at();
                if (result == null) {
                    String near = Suggest.nearest(figure.get(), figures.stream().map(Figure::id).toList());
                    problems.error(at, Msg.TARGET_NO_FIGURE.with(figure.get()), near != null ? Msg.DID_YOU_MEAN.with(near) : Msg.TARGET_NO_FIGURE_FIX.with());
                    return Optional.empty();
                }
                if (result.value() != null && !result.value().unit().equals(value.get().unit())) {
                    problems.error(at, Msg.TARGET_OTHER_UNIT.with(unitName(value.get().unit()), figure.get(), unitName(result.value().unit())),
                            Msg.TARGET_OTHER_UNIT_FIX.with());
                    return Optional.empty();
                }
            }
            return Optional.of(new Plans.Target(label.get(), value.get(), figure.orElse(null)));
        });
    }

    private static Message unitName(Unit unit) {
        return unit.written().isEmpty() ? Msg.PLAIN_NUMBERS.with() : Msg.QUOTED.with(unit.written().get(0));
    }

    private Optional<FollowUp> followUp(Node n) {
        return Fields.of(n, problems, Msg.PART.with("followUp")).flatMap(f -> {
            var text = text(f, "text", true);
            var measures = f.list("measures", i -> Localized.read(i, f, languages, "measures"));
            f.finish();
            return text.map(t -> new FollowUp(t, measures));
        });
    }

    private Optional<Bulletin> bulletin(Node n) {
        return Fields.of(n, problems, Msg.PART.with("bulletin")).flatMap(f -> {
            var name = text(f, "name", true);
            var issue = f.requiredInteger("issue", 1, 100000, "1");
            var issuer = text(f, "issuer", false).orElse(null);
            var date = f.date("date").orElse(null);
            var distribution = f.list("distribution", this::distribution);
            var copies = f.integer("copies", 1, 1000000).orElse(null);
            f.finish();
            if (name.isEmpty() || issue.isEmpty()) return Optional.empty();
            return Optional.of(new Bulletin(name.get(), issue.get(), issuer, date, distribution, copies));
        });
    }

    private Optional<Bulletin.Distribution> distribution(Node n) {
        return Fields.of(n, problems, Msg.IN_DISTRIBUTION.with()).flatMap(f -> {
            var role = f.choice("role", Bulletin.ROLES, true);
            var recipients = f.list("recipients", i -> Localized.read(i, f, languages, "recipients"));
            f.finish();
            if (recipients.isEmpty() && role.isPresent()) {
                problems.error(f.at(), Msg.DISTRIBUTION_EMPTY.with(role.get()), Msg.DISTRIBUTION_EMPTY_FIX.with());
            }
            return role.map(r -> new Bulletin.Distribution(r, recipients));
        });
    }

    private Optional<Localized> text(Fields f, String key, boolean required) {
        Optional<Node> n = required ? f.required(key, "{zh: …, en: …}") : f.node(key);
        return n.flatMap(node -> Localized.read(node, f, languages, key));
    }

    private static boolean blank(Node n) {
        return n instanceof Node.Scalar s && (s.isNull() || s.text().isBlank());
    }

    private Optional<Quantity> quantity(Node n) {
        if (!(n instanceof Node.Scalar s) || s.isNull()) {
            problems.error(n.at(), Msg.NOT_A_QUANTITY_NODE.with(n instanceof Node.MapNode ? Msg.KIND_GROUP.with() : Msg.KIND_LIST.with()),
                    Msg.NOT_A_QUANTITY_NODE_FIX.with());
            return Optional.empty();
        }
        QuantityParser.Result result = units.parse(s.text(), n.at().column());
        if (result instanceof QuantityParser.Ok ok) return Optional.of(ok.quantity());
        QuantityParser.Error err = (QuantityParser.Error) result;
        problems.error(n.at(), err.message(), err.hint());
        return Optional.empty();
    }

    /** A change on the previous year: in percent (7%, -2.3%) or in percentage points (1.2个百分点), never the same thing. */
    private Optional<Quantity> change(Node n) {
        return quantity(n).filter(q -> {
            if (q.unit().kind() == Unit.Kind.PERCENT || q.unit().kind() == Unit.Kind.POINTS) return true;
            problems.error(n.at(), Msg.GROWTH_UNIT.with(q.written()), Msg.GROWTH_UNIT_FIX.with());
            return false;
        });
    }
}
