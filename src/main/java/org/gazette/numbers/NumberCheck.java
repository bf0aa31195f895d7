package org.gazette.numbers;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gazette.content.Article;
import org.gazette.content.Content;
import org.gazette.content.ContentLoader;
import org.gazette.content.Figure;
import org.gazette.content.Translations;
import org.gazette.content.Year;
import org.gazette.format.Quantity.Qualifier;
import org.gazette.format.Quantity;
import org.gazette.format.QuantityFormat;
import org.gazette.format.Unit;
import org.gazette.i18n.Language;
import org.gazette.i18n.Strings;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problem;
import org.gazette.problem.Problems;
import org.gazette.yaml.Node;
import org.gazette.yaml.SourceText;
import org.gazette.yaml.YamlReader;

/**
 * Numbers that agree in every language. Each translation (every language after the site's first) is
 * read for the quantities it states and compared, as a multiset, with the text it translates:
 * articles, report prose, and the report's texts in {@code report.yaml}. A quantity with no equal in
 * the other language is a warning at its own line and column, saying what the other text has and, for
 * the slips translators make (亿 read as billion, a dropped 万, transposed digits, percent for
 * percentage points), what was meant. Honest roundings (2.656 billion → 2.66 billion) and qualifiers
 * (近, nearly, over) loosen the comparison in their direction. The report's prose is also compared with
 * the year's figures: a number close to a figure but not equal to it (ten times, a 万/亿 slip, a
 * rounding that changes a digit) names the figure. A line holding {@code gazette: numbers ok} (in
 * Markdown on the line before, as {@code [//]: # (gazette: numbers ok)}) is not checked.
 */
public final class NumberCheck {

    static final String OPT_OUT = "gazette: numbers ok";

    private final Content content;
    private final Map<String, Strings> strings;
    /** Where the run's warnings go, at most {@link #PER_FILE} for a file (the rest summed up in one). */
    private final Problems out;
    /** The warnings as found, before they are capped per file. */
    private final Problems problems = new Problems();
    private final Map<String, ProseReader> readers = new LinkedHashMap<>();
    private final Map<String, QuantityFormat> formats = new LinkedHashMap<>();

    /**
     * What each piece of the check (a text and its translations, a report against its figures, a
     * report's texts) found, with the versions of the files it read: the preview checks again only
     * the pieces whose files changed (20,000 texts took 1–1.7 s; a save changes one).
     */
    public static final class Memo {
        private record Piece(long version, List<Problem> found) {}

        private final Map<String, Piece> pieces = new java.util.concurrent.ConcurrentHashMap<>();
        private long settings;

        /**
         * What a build keeps for the next (see the site's manifest): the pieces that found nothing,
         * each with the version of the files it read, and the settings they were checked under. A
         * piece that found something is checked again, so its warnings are said again in full.
         */
        public Map<String, Long> clean() {
            Map<String, Long> clean = new java.util.TreeMap<>();
            pieces.forEach((key, piece) -> {
                if (piece.found().isEmpty()) clean.put(key, piece.version());
            });
            return clean;
        }

        public long settings() {
            return settings;
        }

        /** A memo that starts with what {@link #clean} kept under {@code settings}. */
        public static Memo of(long settings, Map<String, Long> clean) {
            Memo memo = new Memo();
            memo.settings = settings;
            clean.forEach((key, version) -> memo.pieces.put(key, new Piece(version, List.of())));
            return memo;
        }
    }

    private final Memo memo;
    /** Where the piece running on this thread puts its warnings. */
    private final ThreadLocal<Problems> into = new ThreadLocal<>();

    public NumberCheck(Content content, Map<String, Strings> strings, Problems problems) {
        this(content, strings, problems, null, 0);
    }

    /** With the findings of earlier runs ({@code memo}, or null), valid while {@code settings} (units, strings, site) stay the same. */
    public NumberCheck(Content content, Map<String, Strings> strings, Problems problems, Memo memo, long settings) {
        this.memo = memo;
        if (memo != null && memo.settings != settings) {
            memo.pieces.clear();
            memo.settings = settings;
        }
        this.content = content;
        this.strings = strings;
        this.out = problems;
        for (Language l : content.site().languages()) {
            readers.put(l.code(), new ProseReader(content.units(), l.code()));
            if (strings.containsKey(l.code())) formats.put(l.code(), new QuantityFormat(strings.get(l.code()), content.units()));
        }
    }

    public void run() {
        List<Language> langs = content.site().languages();
        if (langs.size() < 2) return;
        // Texts are compared in parallel (an archive has thousands); Problems sorts what they report.
        List<Runnable> work = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Year y : content.years()) {
            String report = y.year() + "/" + ContentLoader.REPORT;
            if (y.prose() != null) {
                work.add(piece("pair:" + y.year() + "/prose", files(y.prose()), () -> pair(y.prose()), keys));
                if (y.report() != null) {
                    List<String> read = new ArrayList<>(files(y.prose()));
                    read.add(report);
                    work.add(piece("data:" + y.year(), read, () -> againstData(y), keys));
                }
            }
            for (Translations t : y.news()) work.add(piece("pair:" + y.year() + "/" + t.slug(), files(t), () -> pair(t), keys));
            if (y.report() != null) work.add(piece("yaml:" + report, List.of(report), () -> yamlTexts(report), keys));
        }
        work.parallelStream().forEach(Runnable::run);
        if (memo != null) memo.pieces.keySet().retainAll(keys);
        capped();
    }

    private static List<String> files(Translations t) {
        List<String> out = new ArrayList<>();
        for (Article a : t.byLanguage().values()) out.add(a.file());
        return out;
    }

    /** One piece of the check: what it found last time if the files it reads are as they were, else run now. */
    private Runnable piece(String key, List<String> read, Runnable check, java.util.Set<String> keys) {
        keys.add(key);
        return () -> {
            long version = 17;
            for (String f : read) version = version * 31 + f.hashCode() * 7L + content.version(f);
            Memo.Piece before = memo == null ? null : memo.pieces.get(key);
            if (before != null && before.version() == version) {
                before.found().forEach(problems::add);
                return;
            }
            Problems found = new Problems();
            into.set(found);
            try {
                check.run();
            } finally {
                into.remove();
            }
            List<Problem> list = found.sorted();
            if (memo != null) memo.pieces.put(key, new Memo.Piece(version, list));
            list.forEach(problems::add);
        };
    }

    /** The first warnings of a file: a file of pasted data can hold a hundred thousand numbers that disagree. */
    static final int PER_FILE = 20;

    /** Passes on at most {@link #PER_FILE} warnings per file, in order, and one more that says how many are left out. */
    private void capped() {
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        for (var p : problems.sorted()) byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
        for (var e : byFile.entrySet()) {
            List<Problem> list = e.getValue();
            list.subList(0, Math.min(PER_FILE, list.size())).forEach(out::add);
            if (list.size() > PER_FILE) {
                var next = list.get(PER_FILE);
                out.warning(new Position(next.file(), next.line(), next.column()), Msg.NUMBERS_MORE.with(list.size() - PER_FILE),
                        Msg.NUMBERS_MORE_FIX.with("[//]: # (" + OPT_OUT + ")"));
            }
        }
    }

    /** A text and each of its translations, file against file. */
    private void pair(Translations t) {
        Language source = content.site().defaultLanguage();
        Article original = t.byLanguage().get(source.code());
        if (original == null) return;
        List<Stated> a = markdown(original);
        for (var e : t.byLanguage().entrySet()) {
            if (e.getKey().equals(source.code())) continue;
            compare(original.file(), source.code(), a, e.getValue().file(), e.getKey(), markdown(e.getValue()));
        }
    }

    /** The quantities of a Markdown file: title and summary of its front matter, and its body; links, code and opted-out lines left out. */
    private List<Stated> markdown(Article a) {
        List<String> lines = lines(a.file());
        ProseReader reader = readers.get(a.language().code());
        List<Stated> out = new ArrayList<>();
        boolean front = !lines.isEmpty() && lines.get(0).strip().equals("---");
        boolean fence = false;
        boolean skipNext = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (front) {
                if (i > 0 && line.strip().equals("---")) {
                    front = false;
                    continue;
                }
                for (String key : new String[] {"title:", "summary:"}) {
                    if (line.startsWith(key) && !line.contains(OPT_OUT)) out.addAll(reader.read(line.substring(key.length()), i + 1, key.length() + 1));
                }
                continue;
            }
            if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
                fence = !fence;
                continue;
            }
            if (fence) continue;
            if (line.stripLeading().startsWith("[//]:")) {
                skipNext = line.contains(OPT_OUT);
                continue;
            }
            List<Stated> found = reader.read(withoutLinks(line), i + 1, 1);
            if (line.contains(OPT_OUT) || (skipNext && !line.isBlank())) {
                found = found.stream().map(Stated::exempted).toList();
                skipNext = false;
            }
            out.addAll(found);
        }
        return out;
    }

    /** Link targets, autolinks and code spans blanked out (same length, so columns stay right). */
    static String withoutLinks(String line) {
        StringBuilder sb = new StringBuilder(line);
        blank(sb, "](", ")");
        blank(sb, "<http", ">");
        blank(sb, "`", "`");
        return sb.toString();
    }

    private static void blank(StringBuilder sb, String open, String close) {
        int from = 0;
        while (true) {
            int a = sb.indexOf(open, from);
            if (a < 0) return;
            int b = sb.indexOf(close, a + open.length());
            if (b < 0) return;
            for (int k = a + open.length(); k < b; k++) sb.setCharAt(k, ' ');
            from = b + 1;
        }
    }

    /** Every {zh: …, en: …} text of report.yaml: each translation against its original, scalar against scalar. */
    private void yamlTexts(String file) {
        Problems ignored = new Problems();
        Node root;
        try {
            root = new YamlReader().read(SourceText.read(content.folder().resolve(file), file), ignored);
        } catch (RuntimeException e) {
            return; // the loader reported it
        }
        if (root == null) return;
        List<String> lines = lines(file);
        walk(root, file, lines);
    }

    private void walk(Node n, String file, List<String> lines) {
        if (n instanceof Node.SeqNode s) {
            s.items().forEach(i -> walk(i, file, lines));
            return;
        }
        if (!(n instanceof Node.MapNode m)) return;
        String source = content.site().defaultLanguage().code();
        Map<String, Node.Scalar> texts = new LinkedHashMap<>();
        for (var e : m.entries().values()) {
            if (readers.containsKey(e.key().name()) && e.value() instanceof Node.Scalar sc && !sc.isNull()) texts.put(e.key().name(), sc);
        }
        if (texts.size() == m.entries().size() && texts.containsKey(source) && texts.size() > 1) {
            List<Stated> a = scalar(texts.get(source), source, lines);
            for (var e : texts.entrySet()) {
                if (!e.getKey().equals(source)) compare(file, source, a, file, e.getKey(), scalar(e.getValue(), e.getKey(), lines));
            }
            return;
        }
        for (var e : m.entries().values()) walk(e.value(), file, lines);
    }

    private List<Stated> scalar(Node.Scalar s, String lang, List<String> lines) {
        int line = s.at().line();
        String raw = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
        if (raw.contains(OPT_OUT)) return scalarQuantities(s, lang, lines, raw, line).stream().map(Stated::exempted).toList();
        return scalarQuantities(s, lang, lines, raw, line);
    }

    private List<Stated> scalarQuantities(Node.Scalar s, String lang, List<String> lines, String raw, int line) {
        int col = s.at().column();
        // A one-line scalar: read it where it stands, for exact columns; otherwise its text at its first line.
        String first = s.text().strip().split("\n")[0];
        int at = col >= 1 && col - 1 < raw.length() ? raw.indexOf(first, col - 1) : -1;
        if (at >= 0) return readers.get(lang).read(first, line, at + 1);
        return readers.get(lang).read(s.text(), line, Math.max(col, 1));
    }

    private void compare(String fileA, String langA, List<Stated> a, String fileB, String langB, List<Stated> b) {
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];
        // Equal first, then honest roundings and qualified amounts, so that a loose match never takes an exact one's partner.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < a.size(); i++) {
                if (usedA[i]) continue;
                for (int j = 0; j < b.size(); j++) {
                    if (usedB[j] || !compatible(a.get(i), b.get(j))) continue;
                    if (pass == 0 ? a.get(i).amount().compareTo(b.get(j).amount()) == 0 : agree(a.get(i), b.get(j))) {
                        usedA[i] = usedB[j] = true;
                        break;
                    }
                }
            }
        }
        // What is left. A slip (a leftover related to one of the other side) is reported once, at the translation;
        // a quantity the office exempted excuses its counterpart; anything else alone is reported where it stands.
        boolean[] doneA = new boolean[a.size()];
        boolean[] doneB = new boolean[b.size()];
        for (int i = 0; i < a.size(); i++) {
            if (usedA[i] || a.get(i).soft()) continue;
            int k = slip(a.get(i), b, usedB, doneB);
            if (k < 0) continue;
            doneA[i] = doneB[k] = true;
            if (!b.get(k).exempt()) translationSlip(fileA, langA, a.get(i), fileB, langB, b.get(k));
        }
        for (int j = 0; j < b.size(); j++) {
            if (usedB[j] || doneB[j] || b.get(j).soft()) continue;
            int k = slip(b.get(j), a, usedA, doneA);
            if (k >= 0) {
                doneA[k] = doneB[j] = true;
                if (!a.get(k).exempt()) translationSlip(fileA, langA, a.get(k), fileB, langB, b.get(j));
                continue;
            }
            Stated odd = b.get(j);
            into.get().warning(new Position(fileB, odd.line(), odd.column()), Msg.NO_COUNTERPART.with(odd.written(), fileA),
                    Msg.NO_COUNTERPART_CHECK_FIX.with(name(langA)));
        }
        for (int i = 0; i < a.size(); i++) {
            if (usedA[i] || doneA[i] || a.get(i).soft()) continue;
            Stated odd = a.get(i);
            into.get().warning(new Position(fileA, odd.line(), odd.column()), Msg.NO_COUNTERPART.with(odd.written(), fileB),
                    Msg.NO_COUNTERPART_TRANSLATE_FIX.with(name(langB)));
        }
    }

    /** {@code odd} in the translation where the original has {@code meant}: say what it has, and what was meant. */
    private void translationSlip(String fileA, String langA, Stated meant, String fileB, String langB, Stated odd) {
        String inB = formats.containsKey(langB) ? print(meant, langB) : meant.written();
        into.get().warning(new Position(fileB, odd.line(), odd.column()), Msg.NO_COUNTERPART.with(odd.written(), fileA),
                Msg.TRANSLATION_SLIP_FIX.with(name(langA), meant.written(), inB));
    }

    /** The language, named in the language the message is said in. */
    private Object name(String lang) {
        for (Language l : content.site().languages()) {
            if (l.code().equals(lang)) return l.locale();
        }
        return lang;
    }

    /** Same claim, dimension-wise: percent is not percentage points; a bare number may stand for any unit. */
    static boolean compatible(Stated x, Stated y) {
        if (x.dimension().equals(y.dimension())) return true;
        return (x.unit() == null && !pointsOrPercent(y)) || (y.unit() == null && !pointsOrPercent(x));
    }

    private static boolean pointsOrPercent(Stated s) {
        return s.unit() != null && (s.unit().kind() == Unit.Kind.PERCENT || s.unit().kind() == Unit.Kind.POINTS);
    }

    /** Equal within the coarser one's rounding, or as its qualifier allows (近 / nearly: a little under; 超 / over: above; 约 / about: near). */
    static boolean agree(Stated x, Stated y) {
        BigDecimal tolerance = x.step().max(y.step()).divide(BigDecimal.valueOf(2));
        BigDecimal diff = x.amount().subtract(y.amount()).abs();
        if (diff.compareTo(tolerance) <= 0) return true;
        Qualifier q = x.qualifier() != Qualifier.EXACT ? x.qualifier() : y.qualifier();
        if (q == Qualifier.EXACT || x.qualifier() == y.qualifier()) return false;
        // The bound is the qualified one; the other is the amount it speaks of.
        Stated bound = x.qualifier() != Qualifier.EXACT ? x : y;
        Stated exact = bound == x ? y : x;
        BigDecimal b = bound.amount();
        BigDecimal e = exact.amount();
        return switch (q) {
            case NEARLY -> e.compareTo(b.add(tolerance)) <= 0 && e.compareTo(b.multiply(new BigDecimal("0.85"))) >= 0;
            case OVER -> e.compareTo(b.subtract(tolerance)) >= 0 && e.compareTo(b.multiply(new BigDecimal("1.5"))) <= 0;
            case ABOUT -> diff.compareTo(b.abs().multiply(new BigDecimal("0.1")).add(tolerance)) <= 0;
            default -> false;
        };
    }

    /** The leftover of {@code others} that {@code odd} is a slip of, or -1. */
    private static int slip(Stated odd, List<Stated> others, boolean[] used, boolean[] done) {
        for (int k = 0; k < others.size(); k++) {
            if (used[k] || done[k]) continue;
            Stated o = others.get(k);
            if (relation(odd, o) != null || (o.exempt() && compatible(odd, o))) return k;
        }
        return -1;
    }

    /** How {@code odd} went wrong from {@code meant}: a power of ten, transposed digits, percent for points, a rounding that changed a digit; null when unrelated. */
    static String relation(Stated odd, Stated meant) {
        if (odd.amount().signum() == 0 || meant.amount().signum() == 0) return null;
        boolean pctPoints = pointsOrPercent(odd) && pointsOrPercent(meant) && odd.unit().kind() != meant.unit().kind();
        if (pctPoints) return odd.amount().compareTo(meant.amount()) == 0 ? "percent and percentage points" : null;
        if (!compatible(odd, meant)) return null;
        BigDecimal ratio = odd.amount().divide(meant.amount(), MathContext.DECIMAL64).abs().stripTrailingZeros();
        for (int p = -8; p <= 8; p++) {
            if (p != 0 && ratio.compareTo(BigDecimal.ONE.movePointRight(p)) == 0) return "a factor of ten";
        }
        if (sameDigits(odd.amount(), meant.amount())) return "transposed digits";
        BigDecimal step = odd.step().max(meant.step());
        if (odd.amount().subtract(meant.amount()).abs().compareTo(step.multiply(BigDecimal.valueOf(3))) <= 0) return "a rounding";
        return null;
    }

    private static boolean sameDigits(BigDecimal x, BigDecimal y) {
        // Both at the same scale, so 302亿 and 320亿 compare as 30200000000 and 32000000000.
        int scale = Math.max(0, Math.max(x.stripTrailingZeros().scale(), y.stripTrailingZeros().scale()));
        String a = x.abs().setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString();
        String b = y.abs().setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString();
        if (a.length() != b.length() || a.equals(b)) return false;
        char[] ca = a.toCharArray();
        char[] cb = b.toCharArray();
        Arrays.sort(ca);
        Arrays.sort(cb);
        return Arrays.equals(ca, cb);
    }

    /** The report's prose against its year's figures: close to a figure, yet not it. */
    private void againstData(Year y) {
        List<Map.Entry<String, Stated>> data = new ArrayList<>();
        for (Figure f : y.report().figures()) {
            for (Quantity q : new Quantity[] {f.value(), f.effectiveTarget(), f.overTarget(), f.effectiveAttainment(), f.growth()}) {
                if (q != null) data.add(Map.entry(f.id(), fromData(q)));
            }
        }
        if (data.isEmpty()) return;
        for (Article a : y.prose().byLanguage().values()) {
            for (Stated s : markdown(a)) {
                if (s.soft()) continue;
                boolean matches = data.stream().anyMatch(d -> compatible(s, d.getValue()) && (s.amount().compareTo(d.getValue().amount()) == 0 || agree(s, d.getValue())));
                if (matches) continue;
                for (var d : data) {
                    String how = relation(s, d.getValue());
                    if (how == null || how.equals("percent and percentage points") && !pointsOrPercent(s)) continue;
                    if (how.equals("a rounding") && s.unit() == null) continue;
                    String shown = formats.containsKey(a.language().code()) ? print(d.getValue(), a.language().code()) : d.getValue().written();
                    Msg kind = switch (how) {
                        case "percent and percentage points" -> Msg.HOW_PERCENT_POINTS;
                        case "a factor of ten" -> Msg.HOW_FACTOR_TEN;
                        case "transposed digits" -> Msg.HOW_TRANSPOSED;
                        default -> Msg.HOW_ROUNDING;
                    };
                    into.get().warning(new Position(a.file(), s.line(), s.column()), Msg.CLOSE_TO_FIGURE.with(s.written(), d.getKey(),
                                    y.year() + "/" + ContentLoader.REPORT, d.getValue().written(), kind.with()),
                            Msg.CLOSE_TO_FIGURE_FIX.with(shown));
                    break;
                }
            }
        }
    }

    private static Stated fromData(Quantity q) {
        String written = q.written();
        int point = written.indexOf('.');
        int decimals = 0;
        if (point >= 0) {
            int k = point + 1;
            while (k < written.length() && Character.isDigit(written.charAt(k))) k++;
            decimals = k - point - 1;
        }
        BigDecimal magnitude = written.contains("万亿") ? new BigDecimal("1000000000000") : written.contains("亿") ? new BigDecimal("100000000")
                : written.contains("万") ? new BigDecimal("10000") : BigDecimal.ONE;
        BigDecimal step = BigDecimal.ONE.movePointLeft(decimals).multiply(magnitude);
        return new Stated(written, 0, 0, q.amount(), q.unit().id().isEmpty() ? null : q.unit(), q.qualifier(), step, false);
    }

    /** A quantity as the language prints it (2.656 billion yuan), for "did you mean". */
    private String print(Stated s, String lang) {
        Unit unit = s.unit() == null ? Unit.NONE : s.unit();
        return formats.get(lang).format(new Quantity(Qualifier.EXACT, s.amount(), unit, "", s.written()));
    }

    private List<String> lines(String file) {
        try {
            return Files.readAllLines(content.folder().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
