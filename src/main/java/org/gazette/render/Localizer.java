package org.gazette.render;

import java.time.LocalDate;
import java.util.List;

import org.gazette.content.Figure;
import org.gazette.content.Rank;
import org.gazette.format.Quantity;
import org.gazette.format.QuantityFormat;
import org.gazette.format.Units;
import org.gazette.i18n.Language;
import org.gazette.i18n.Localized;
import org.gazette.i18n.Strings;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateModelException;

/**
 * What templates call to show the model in one language ({@code l.text(x)}, {@code l.q(x)}, …).
 * Text missing in this language is shown in another, marked with its {@code lang} and a notice,
 * so nothing is blank and nothing pretends to be translated.
 */
public final class Localizer {

    private final Language language;
    private final List<Language> fallbackOrder;
    private final Strings strings;
    private final QuantityFormat format;

    public Localizer(Language language, List<Language> fallbackOrder, Strings strings, Units units) {
        Engines.quietTemplates(); // FreeMarker's types are used here too, possibly before any Templates
        this.language = language;
        this.fallbackOrder = fallbackOrder;
        this.strings = strings;
        this.format = new QuantityFormat(strings, units);
    }

    public Language language() {
        return language;
    }

    /** An interface string with its {placeholders} filled: {@code l.t("report_title", "year", 2017)}. */
    public String t(String key) {
        return strings.get(key);
    }

    public String t(String key, String name, Object value) {
        return strings.fill(key, name, String.valueOf(value));
    }

    /** A counted string in the form {@code n} takes ({@code 1 category}, {@code 4 categories}), {@code {n}} printed as this language prints numbers. */
    public String count(String key, Number n) {
        java.math.BigDecimal d = new java.math.BigDecimal(n.toString());
        return strings.count(key, d, format.integer(d.longValue()));
    }

    public String count(String key, Number n, String name, Object value) {
        java.math.BigDecimal d = new java.math.BigDecimal(n.toString());
        return strings.count(key, d, format.integer(d.longValue()), name, String.valueOf(value));
    }

    /** The raw form of a counted string for {@code n}, {@code {n}} left in (for the search page's script). */
    public String form(String key, Number n) {
        return strings.plural(key, new java.math.BigDecimal(n.toString()));
    }

    public String t(String key, String name1, Object value1, String name2, Object value2, String name3, Object value3) {
        return strings.fill(key, name1, String.valueOf(value1), name2, String.valueOf(value2), name3, String.valueOf(value3));
    }

    /** How many numbered figures (images) a text's HTML has (the page numbers its charts after them). */
    public int figures(String html) {
        int n = 0;
        for (int i = html.indexOf(" data-figure=\""); i >= 0; i = html.indexOf(" data-figure=\"", i + 1)) n++;
        return n;
    }

    /** A string with any number of placeholders filled: {@code fill("key", "name", value, …)}. */
    public String fill(String key, String... namesAndValues) {
        return strings.fill(key, namesAndValues);
    }

    public String t(String key, String name1, Object value1, String name2, Object value2) {
        return strings.fill(key, name1, String.valueOf(value1), name2, String.valueOf(value2));
    }

    /** The text as HTML; a fallback is wrapped in a span naming its language, with a notice. */
    public TemplateHTMLOutputModel text(Localized text) throws TemplateModelException {
        Localized.Translation t = text.in(language, fallbackOrder);
        String escaped = escape(t.text());
        if (!t.fallback()) return markup(escaped);
        return markup("<span lang=\"" + t.language().code() + "\" class=\"untranslated\" title=\""
                + escape(strings.get("untranslated_text")) + "\">" + escaped + "</span>");
    }

    private static final java.util.regex.Pattern CAPTION_LABEL =
            java.util.regex.Pattern.compile("<span class=\"caption-label\" data-(figure|table)=\"(\\d+)\"></span>");

    /** A text's HTML with its figure and table numbers in this language (图1 / Figure 1, 表1 / Table 1; see content.Figures). */
    public String captions(String html) {
        if (!html.contains("caption-label")) return html;
        java.util.regex.Matcher m = CAPTION_LABEL.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (m.find()) {
            String label = strings.fill(m.group(1) + "_label", "n", m.group(2));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement("<span class=\"caption-label\">" + escape(label) + "</span>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** How many numbered tables a text's HTML has (the page numbers its own tables after them). */
    public int tables(String html) {
        int n = 0;
        for (int i = html.indexOf(" data-table=\""); i >= 0; i = html.indexOf(" data-table=\"", i + 1)) n++;
        return n;
    }

    /** The text as plain text, for attributes and titles. */
    public String plain(Localized text) {
        return text.in(language, fallbackOrder).text();
    }

    public String q(Quantity q) {
        return format.format(q);
    }

    /** A change for tables, signed: +7%, −2.3%, +1.2个百分点. */
    public String growth(Quantity q) {
        return format.signed(q);
    }

    /** A change for running text: 增长7% / up 7%, 下降2.3% / down 2.3%, 提高1.2个百分点 / up 1.2 percentage points. */
    public String change(Quantity q) {
        return format.change(q);
    }

    public String date(LocalDate date) {
        return format.date(date);
    }

    /** A date for machines (the datetime attribute): 2018-02-27. */
    public String iso(LocalDate date) {
        return date.toString();
    }

    /** A place in a chart's few words: 第1名/6, 1st of 6. */
    public String rankOf(Rank rank) {
        int n = rank.position();
        return strings.fill("chart_rank_value", "n", format.integer(n), "nth", ordinal(n), "of", format.integer(rank.of()));
    }

    public String rank(Rank rank) {
        int n = rank.position();
        return strings.fill("rank", "n", format.integer(n), "nth", ordinal(n), "of", format.integer(rank.of()), "peers", plain(rank.peers()));
    }

    /** A figure's cells, formatted; absent parts are null (templates print a dash). */
    public FigureRow row(Figure f) {
        Quantity target = f.effectiveTarget();
        Quantity attainment = f.effectiveAttainment();
        String rankShort = f.rank() == null ? null
                : strings.fill("rank_short", "n", format.integer(f.rank().position()), "nth", ordinal(f.rank().position()));
        return new FigureRow(
                f.value() == null ? null : q(f.value()),
                target == null ? null : q(target),
                f.overTarget() == null ? null : q(f.overTarget()),
                attainment == null ? null : q(attainment),
                f.growth() == null ? null : growth(f.growth()),
                f.growth() == null ? null : change(f.growth()),
                f.rank() == null ? null : rank(f.rank()),
                rankShort);
    }

    /**
     * Which columns of the key-figures table the year's figures fill: a column empty in every row is
     * left out, on the page and on paper (a table of dashes says nothing). The value and the label
     * are always there.
     */
    public record FigureColumns(boolean target, boolean attainment, boolean growth, boolean rank) {
        /** The columns shown, label and value included. */
        public int count() {
            return 2 + (target ? 1 : 0) + (attainment ? 1 : 0) + (growth ? 1 : 0) + (rank ? 1 : 0);
        }
    }

    public FigureColumns columns(List<Figure> figures) {
        boolean target = false, attainment = false, growth = false, rank = false;
        for (Figure f : figures) {
            target |= f.effectiveTarget() != null;
            attainment |= f.effectiveAttainment() != null || f.overTarget() != null;
            growth |= f.growth() != null;
            rank |= f.rank() != null;
        }
        return new FigureColumns(target, attainment, growth, rank);
    }

    /** What a figure's place shows while it has nothing yet (a new year's report before the office fills it in). */
    public static final String EMPTY = "—";

    /**
     * {@code growth} is signed for tables (+7%), {@code change} worded for running text (增长7%);
     * {@code rankShort} is the place alone (第1名, 1st); {@code headline} what a card shows — the value,
     * else the attainment, else the place, else {@link #EMPTY}: never missing, so a template need not guard it.
     */
    public record FigureRow(String value, String target, String overTarget, String attainment, String growth, String change, String rank, String rankShort) {
        public String headline() {
            return value != null ? value : attainment != null ? attainment : rankShort != null ? rankShort : EMPTY;
        }
    }

    /** Names joined the way the language lists them (、 in Chinese, commas in English). */
    public String join(List<String> items) {
        return String.join(strings.get("list_separator"), items);
    }

    public String joinTexts(List<Localized> items) {
        return join(items.stream().map(this::plain).toList());
    }

    private static TemplateHTMLOutputModel markup(String html) throws TemplateModelException {
        return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** English ordinals (1st, 2nd, 23rd, 11th); the JDK has no CLDR ordinal rules. Languages that need them use {nth}. */
    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = (mod100 >= 11 && mod100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
