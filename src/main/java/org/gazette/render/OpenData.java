package org.gazette.render;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gazette.content.Figure;
import org.gazette.content.Report;
import org.gazette.format.Quantity;
import org.gazette.i18n.Language;
import org.gazette.i18n.Localized;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A year's key figures for open-data users, beside the report: JSON and CSV, UTF-8, with every
 * language's labels and printed forms, and the exact values (decimal strings, never floating point).
 */
public final class OpenData {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Language> languages;
    private final Map<String, Localizer> localizers;

    public OpenData(List<Language> languages, Map<String, Localizer> localizers) {
        this.languages = languages;
        this.localizers = localizers;
    }

    public static String jsonPath(int year) {
        return "data/" + year + "/key-figures-" + year + ".json";
    }

    public static String csvPath(int year) {
        return "data/" + year + "/key-figures-" + year + ".csv";
    }

    public byte[] json(Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("year", report.year());
        root.put("title", texts(report.title()));
        List<Object> figures = new ArrayList<>();
        for (Figure f : report.figures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("field", f.field());
            m.put("label", texts(f.label()));
            put(m, "value", f.value());
            put(m, "target", f.effectiveTarget());
            put(m, "overTarget", f.overTarget());
            put(m, "attainment", f.effectiveAttainment());
            put(m, "growth", f.growth(), true);
            if (f.rank() != null) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("position", f.rank().position());
                r.put("of", f.rank().of());
                r.put("peers", texts(f.rank().peers()));
                m.put("rank", r);
            }
            figures.add(m);
        }
        root.put("figures", figures);
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180 CSV with a byte-order mark, so spreadsheet programs open the Chinese text as UTF-8. */
    public byte[] csv(Report report) {
        List<String> header = new ArrayList<>(List.of("year", "id", "field"));
        for (Language l : languages) header.add("label_" + l.code());
        for (String q : List.of("value", "target", "attainment", "growth")) {
            header.add(q + "_amount");
            header.add(q + "_unit");
            header.add(q + "_qualifier");
            for (Language l : languages) header.add(q + "_" + l.code());
        }
        header.addAll(List.of("rank_position", "rank_of"));
        for (Language l : languages) header.add("rank_peers_" + l.code());
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, header);
        for (Figure f : report.figures()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(report.year()), f.id(), f.field()));
            for (Language l : languages) row.add(f.label().byLanguage().getOrDefault(l.code(), ""));
            List<Quantity> parts = java.util.Arrays.asList(f.value(), f.effectiveTarget(), f.effectiveAttainment(), f.growth());
            for (int i = 0; i < parts.size(); i++) {
                Quantity q = parts.get(i);
                boolean change = i == 3;
                row.add(q == null ? "" : plain(q.amount()));
                row.add(q == null ? "" : q.unit().id());
                row.add(q == null ? "" : q.qualifier().name().toLowerCase(Locale.ROOT));
                for (Language l : languages) row.add(q == null ? "" : change ? localizers.get(l.code()).growth(q) : localizers.get(l.code()).q(q));
            }
            row.add(f.rank() == null ? "" : String.valueOf(f.rank().position()));
            row.add(f.rank() == null ? "" : String.valueOf(f.rank().of()));
            for (Language l : languages) row.add(f.rank() == null ? "" : f.rank().peers().byLanguage().getOrDefault(l.code(), ""));
            line(sb, row);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void put(Map<String, Object> m, String key, Quantity q) {
        put(m, key, q, false);
    }

    /** A quantity for machines and, per language, as printed; a change is printed signed (+7%, −2.3%). */
    private void put(Map<String, Object> m, String key, Quantity q, boolean change) {
        if (q == null) return;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("written", q.written());
        v.put("amount", plain(q.amount()));
        v.put("unit", q.unit().id());
        if (!q.unit().id().isEmpty()) v.put("kind", q.unit().kind().id());
        v.put("qualifier", q.qualifier().name().toLowerCase(Locale.ROOT));
        for (Language l : languages) v.put(l.code(), change ? localizers.get(l.code()).growth(q) : localizers.get(l.code()).q(q));
        m.put(key, v);
    }

    private Map<String, String> texts(Localized t) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Language l : languages) {
            String s = t.byLanguage().get(l.code());
            if (s != null) m.put(l.code(), s);
        }
        return m;
    }

    private static String plain(BigDecimal amount) {
        BigDecimal s = amount.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** A number as a spreadsheet reads one (signed, with a decimal point or a percent sign): never a formula. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+\\-\u2212]?\\d+(\\.\\d+)?%?");

    /**
     * A cell as a spreadsheet may safely open it: a text starting with = + - @, a tab or a carriage
     * return would be run as a formula ({@code =cmd|' /C calc'!A0}), so it gets a leading apostrophe,
     * which spreadsheets read as "this is text" (OWASP, CSV injection). Numbers stay numbers.
     */
    static String inert(String cell) {
        String t = cell.stripLeading();
        if (t.isEmpty() || NUMBER.matcher(cell).matches()) return cell;
        char first = t.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20' || first == '\u2212';
        return formula || cell.startsWith("\t") || cell.startsWith("\r") ? "'" + cell : cell;
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            String c = inert(cells.get(i));
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append("\r\n");
    }
}
