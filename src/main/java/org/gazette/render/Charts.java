package org.gazette.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gazette.content.ChartSpec;
import org.gazette.content.Content;
import org.gazette.content.Figure;
import org.gazette.content.Plans;
import org.gazette.content.Report;
import org.gazette.content.Year;
import org.gazette.format.Quantity;
import org.gazette.format.Unit;

/**
 * A report's charts, drawn from its data: one description per chart (its bars, labels and the
 * values as the language prints them), rendered as inline SVG on the website and as a table of bars
 * in the bulletin, where every label stays real, selectable text. Charts are what report.yaml
 * declares ({@code charts:}), or by default: each figure that several years report, across those
 * years (at most four), and attainment against target when two figures or more have one.
 */
public final class Charts {

    /**
     * One bar: the group it opens or belongs to (a plan's figure; null: none), its label, its value
     * as printed, its length as a share of the longest in its group (0–1).
     */
    public record Bar(String group, String label, String printed, double share) {

        public Bar(String label, String printed, double share) {
            this(null, label, printed, share);
        }
    }

    /**
     * A chart in one language: {@code id} unique on its page, its title, a description of its data
     * in words (the text alternative), its bars, and where a reference line stands (share; -1: none).
     */
    public record Chart(String id, String title, String description, List<Bar> bars, double reference, String referenceLabel) {

        /** The drawing's width in SVG units, and its largest width on the page in CSS pixels. */
        public static final int WIDTH = 340;

        /**
         * The chart as inline SVG: labels over bars, values at their ends, in the page's own font. It is
         * {@link #WIDTH} units wide and the page shows it at most that many pixels wide, so its text is
         * the body's 16 px on a desk and on a phone alike (a 390 px phone's column is 350 px): a wider
         * drawing scaled down to a phone set its labels at 13 px.
         */
        public String svg() {
            int width = WIDTH;
            int barMax = 200;
            int top = reference >= 0 ? 26 : 8;
            // A label too long for the width is set on more lines (SVG text does not wrap by itself).
            List<List<String>> labels = new ArrayList<>();
            int height = top + 4;
            List<List<String>> groups = new ArrayList<>();
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                List<String> lines = lines(b.label(), width - 4);
                labels.add(lines);
                height += 52 + 19 * (lines.size() - 1);
                List<String> group = opensGroup(i) ? lines(b.group(), width - 4) : List.of();
                groups.add(group);
                if (!group.isEmpty()) height += (i == 0 ? 0 : 12) + 19 * group.size();
            }
            StringBuilder s = new StringBuilder();
            s.append("<svg class=\"chart-svg\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\" viewBox=\"0 0 ")
                    .append(width).append(' ').append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
            s.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
            s.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
            int y = top;
            int marker = (int) Math.round(reference * barMax);
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                List<String> lines = labels.get(i);
                List<String> group = groups.get(i);
                if (!group.isEmpty()) {
                    // A group's heading (the figure a plan carries on) above its bars, a little apart from the group before.
                    if (i > 0) y += 12;
                    s.append("<text x=\"0\" y=\"").append(y + 15).append("\" class=\"chart-group\">");
                    for (int k = 0; k < group.size(); k++) {
                        if (group.size() == 1) s.append(escape(group.get(0)));
                        else s.append("<tspan x=\"0\" dy=\"").append(k == 0 ? 0 : 19).append("\">").append(escape(group.get(k))).append("</tspan>");
                    }
                    s.append("</text>");
                    y += 19 * group.size();
                }
                int w = Math.max((int) Math.round(Math.max(b.share(), 0) * barMax), 2);
                s.append("<text x=\"0\" y=\"").append(y + 17).append("\" class=\"chart-label\">");
                for (int k = 0; k < lines.size(); k++) {
                    if (lines.size() == 1) s.append(escape(lines.get(0)));
                    else s.append("<tspan x=\"0\" dy=\"").append(k == 0 ? 0 : 19).append("\">").append(escape(lines.get(k))).append("</tspan>");
                }
                s.append("</text>");
                int barY = y + 25 + 19 * (lines.size() - 1);
                s.append("<rect x=\"0\" y=\"").append(barY).append("\" width=\"").append(w).append("\" height=\"18\" class=\"chart-bar\"/>");
                s.append("<text x=\"").append(w + 8).append("\" y=\"").append(barY + 15).append("\" class=\"chart-value\">")
                        .append(escape(b.printed())).append("</text>");
                // The target marked across each bar, not through the labels above them.
                if (reference >= 0) {
                    s.append("<line x1=\"").append(marker).append("\" y1=\"").append(barY - 4).append("\" x2=\"").append(marker).append("\" y2=\"").append(barY + 22)
                            .append("\" class=\"chart-reference\"/>");
                }
                y += 52 + 19 * (lines.size() - 1);
            }
            if (reference >= 0) {
                s.append("<text x=\"").append(marker).append("\" y=\"13\" text-anchor=\"middle\" class=\"chart-value\">").append(escape(referenceLabel)).append("</text>");
            }
            return s.append("</svg>").toString();
        }

        /** Whether bar {@code i} opens a group (its group differs from the bar before it). */
        public boolean opensGroup(int i) {
            String group = bars.get(i).group();
            return group != null && (i == 0 || !group.equals(bars.get(i - 1).group()));
        }

        /** A label in lines that fit {@code max} units at 16 px (an ideograph 16, a Latin letter about 8.5), broken at spaces where there are some. */
        private static List<String> lines(String label, int max) {
            List<String> out = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            double w = 0;
            int lastSpace = -1;
            for (int i = 0; i < label.length(); ) {
                int cp = label.codePointAt(i);
                double cw = cp >= 0x2E80 ? 16 : 8.5;
                if (w + cw > max && line.length() > 0) {
                    if (lastSpace > 0) {
                        String rest = line.substring(lastSpace + 1);
                        out.add(line.substring(0, lastSpace));
                        line = new StringBuilder(rest);
                    } else {
                        out.add(line.toString());
                        line = new StringBuilder();
                    }
                    w = line.codePoints().mapToDouble(c -> c >= 0x2E80 ? 16 : 8.5).sum();
                    lastSpace = -1;
                }
                if (cp == ' ') lastSpace = line.length();
                line.appendCodePoint(cp);
                w += cw;
                i += Character.charCount(cp);
            }
            if (line.length() > 0) out.add(line.toString());
            return out;
        }

        /** Where the reference line (the target) stands in the bulletin's bar column, in percent. */
        public String referenceAt() {
            return String.format(Locale.ROOT, "%.1f%%", Math.max(reference, 0) * 100);
        }

        /** The bar's length for the bulletin's table, in percent of the bar column. */
        public String width(Bar b) {
            return String.format(Locale.ROOT, "%.1f%%", Math.max(b.share(), 0.005) * 100);
        }
    }

    private Charts() {}

    /** The charts of {@code year}'s report in one language; ids are {@code chart-1} … in order. */
    public static List<Chart> of(Content content, Year year, Localizer l) {
        Report report = year.report();
        List<ChartSpec> specs = report.charts() != null ? report.charts() : defaults(content, year);
        List<Chart> out = new ArrayList<>();
        for (ChartSpec spec : specs) {
            String id = "chart-" + (out.size() + 1);
            Chart c = switch (spec.type()) {
                case "years" -> years(content, year, spec.figure(), l, id);
                case "rank" -> rank(report, spec.figures(), l, id);
                case "plans" -> plans(report, spec.figures(), l, id);
                default -> attainment(report, spec.figures(), l, id);
            };
            if (c != null && !c.bars().isEmpty()) out.add(c);
        }
        return out;
    }

    /** The reports a chart of {@code year} reads (for the render cache: a change in any of them redraws it). */
    public static List<Report> sources(Content content, Year year) {
        List<Report> out = new ArrayList<>();
        for (Year y : content.years()) if (y.hasReport() && y.year() <= year.year()) out.add(y.report());
        return out;
    }

    private static List<ChartSpec> defaults(Content content, Year year) {
        List<ChartSpec> specs = new ArrayList<>();
        for (Figure f : year.report().figures()) {
            if (specs.size() < 4 && series(content, year, f.id()).size() >= 2) specs.add(new ChartSpec("years", f.id(), List.of()));
        }
        long withAttainment = year.report().figures().stream().filter(f -> percent(f.effectiveAttainment()) != null).count();
        if (withAttainment >= 2) specs.add(new ChartSpec("attainment", null, List.of()));
        // Places are drawn only when they differ: a row of equal bars (every figure first) says nothing a sentence does not.
        var places = year.report().figures().stream().filter(f -> f.rank() != null && f.rank().of() > 0)
                .map(f -> (f.rank().of() - f.rank().position() + 1) / (double) f.rank().of()).toList();
        if (places.size() >= 2 && places.stream().distinct().count() > 1) specs.add(new ChartSpec("rank", null, List.of()));
        if (!pairs(year.report(), List.of()).isEmpty()) specs.add(new ChartSpec("plans", null, List.of()));
        return specs;
    }

    private record Point(int year, Quantity value) {}

    /** The figure's value in every year up to this one that reports it in the same unit, oldest first. */
    private static List<Point> series(Content content, Year year, String id) {
        Figure here = year.report().figures().stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
        if (here == null || here.value() == null) return List.of();
        List<Point> points = new ArrayList<>();
        for (Year y : content.years()) {
            if (!y.hasReport() || y.year() > year.year()) continue;
            for (Figure f : y.report().figures()) {
                if (f.id().equals(id) && f.value() != null && f.value().unit().equals(here.value().unit())) points.add(0, new Point(y.year(), f.value()));
            }
        }
        return points;
    }

    private static Chart years(Content content, Year year, String id, Localizer l, String chartId) {
        List<Point> points = series(content, year, id);
        if (points.isEmpty()) return null;
        Figure f = year.report().figures().stream().filter(x -> x.id().equals(id)).findFirst().get();
        BigDecimal max = points.stream().map(p -> p.value().amount().abs()).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        List<Bar> bars = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (Point p : points) {
            String label = l.t("chart_year", "year", String.valueOf(p.year()));
            String printed = l.q(p.value());
            bars.add(new Bar(label, printed, share(p.value().amount(), max)));
            words.add(l.t("chart_point", "label", label, "value", printed));
        }
        String title = l.t("chart_years_title", "label", l.plain(f.label()), "from", String.valueOf(points.get(0).year()),
                "to", String.valueOf(points.get(points.size() - 1).year()));
        return new Chart(chartId, title, l.join(words), bars, -1, "");
    }

    private static Chart attainment(Report report, List<String> only, Localizer l, String chartId) {
        List<Figure> figures = new ArrayList<>();
        for (Figure f : report.figures()) {
            if ((only.isEmpty() || only.contains(f.id())) && percent(f.effectiveAttainment()) != null) figures.add(f);
        }
        if (figures.isEmpty()) return null;
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal max = hundred;
        for (Figure f : figures) max = max.max(percent(f.effectiveAttainment()));
        List<Bar> bars = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (Figure f : figures) {
            String label = l.plain(f.label());
            String printed = l.q(f.effectiveAttainment());
            bars.add(new Bar(label, printed, share(percent(f.effectiveAttainment()), max)));
            words.add(l.t("chart_point", "label", label, "value", printed));
        }
        return new Chart(chartId, l.t("chart_attainment_title", "year", String.valueOf(report.year())), l.join(words), bars,
                share(hundred, max), l.t("chart_target"));
    }

    /** Each ranked figure's place among its peers: first of six draws the full bar, sixth of six a sixth of it. */
    private static Chart rank(Report report, List<String> only, Localizer l, String chartId) {
        List<Bar> bars = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (Figure f : report.figures()) {
            if (f.rank() == null || (!only.isEmpty() && !only.contains(f.id())) || f.rank().of() <= 0) continue;
            String label = l.plain(f.label());
            String printed = l.rankOf(f.rank());
            double share = (f.rank().of() - f.rank().position() + 1) / (double) f.rank().of();
            bars.add(new Bar(label, printed, share));
            words.add(l.t("chart_point", "label", label, "value", l.rank(f.rank())));
        }
        if (bars.isEmpty()) return null;
        return new Chart(chartId, l.t("chart_rank_title", "year", String.valueOf(report.year())), l.join(words), bars, -1, "");
    }

    private record Pair(Figure result, Plans.Target target) {}

    /** Next year's targets that name a figure of this year with a value (those listed, or all). */
    private static List<Pair> pairs(Report report, List<String> only) {
        List<Pair> out = new ArrayList<>();
        for (var plan : report.plans().items()) {
            for (var target : plan.targets()) {
                if (target.figure() == null || (!only.isEmpty() && !only.contains(target.figure()))) continue;
                report.figures().stream().filter(f -> f.id().equals(target.figure()) && f.value() != null).findFirst()
                        .ifPresent(f -> out.add(new Pair(f, target)));
            }
        }
        return out;
    }

    /** Each paired figure as a group of two bars: this year's result, next year's target, the longer the full width. */
    private static Chart plans(Report report, List<String> only, Localizer l, String chartId) {
        List<Pair> pairs = pairs(report, only);
        if (pairs.isEmpty()) return null;
        String year = String.valueOf(report.year());
        String next = String.valueOf(report.plans().year());
        List<Bar> bars = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (Pair p : pairs) {
            String group = l.plain(p.result().label());
            BigDecimal max = p.result().value().amount().abs().max(p.target().value().amount().abs());
            String result = l.q(p.result().value());
            String target = l.q(p.target().value());
            bars.add(new Bar(group, l.t("chart_result", "year", year), result, share(p.result().value().amount(), max)));
            bars.add(new Bar(group, l.t("chart_plan", "year", next), target, share(p.target().value().amount(), max)));
            words.add(l.fill("chart_plan_point", "label", group, "year", year, "result", result, "next", next, "target", target));
        }
        return new Chart(chartId, l.t("chart_plans_title", "year", year, "next", next), l.join(words), bars, -1, "");
    }

    /** Attainment in percent: 96.48% as it is, 1.25倍 as 125; null for anything else. */
    private static BigDecimal percent(Quantity q) {
        if (q == null || !q.exact()) return null;
        if (q.unit().kind() == Unit.Kind.PERCENT) return q.amount();
        if (q.unit().kind() == Unit.Kind.MULTIPLE) return q.amount().multiply(BigDecimal.valueOf(100));
        return null;
    }

    private static double share(BigDecimal value, BigDecimal max) {
        if (max.signum() == 0) return 0;
        return value.abs().divide(max, MathContext.DECIMAL64).doubleValue();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
