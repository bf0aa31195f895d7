package org.gazette.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gazette.i18n.Language;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problem;
import org.gazette.problem.Problems;
import org.gazette.yaml.Fields;
import org.gazette.yaml.Node;
import org.gazette.yaml.SourceText;
import org.gazette.yaml.Suggest;
import org.gazette.yaml.YamlReader;

/**
 * The unit table: every unit a quantity may carry, with the words written after the number, its
 * kind, whether 万/亿 may precede it, and its printed form per language. Gazette ships a table
 * ({@code org/gazette/format/units.yaml}, covering what Chinese government work reports use); an
 * office adds its own units, or its own printed forms for a language, in {@code units.yaml} in the
 * content folder. Parsing ({@link #parse}) and printing ({@link QuantityFormat}) both read this one
 * table, and so do open data and the JSON Schema's pattern ({@link #schemaPattern}).
 */
public final class Units {

    /** The office's own table, in the content folder. */
    public static final String FILE = "units.yaml";

    private static final String SHIPPED = "units.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*|\\p{IsHan}+");
    private static final List<String> SHIPPED_LANGUAGES = List.of("zh", "en");

    /** A unit's printed form in one language: {@code other}, and {@code one} where the language has a singular. */
    public record Forms(String one, String other) {
        public String pick(boolean isOne) {
            return isOne && one != null ? one : other;
        }
    }

    private final Map<String, Unit> byId;
    private final Map<String, Unit> byWord;
    private final Map<String, Map<String, Forms>> forms;
    private final List<String> words;

    private Units(Map<String, Unit> byId, Map<String, Map<String, Forms>> forms) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        this.forms = Collections.unmodifiableMap(new LinkedHashMap<>(forms));
        Map<String, Unit> w = new LinkedHashMap<>();
        for (Unit u : byId.values()) for (String word : u.written()) w.put(word, u);
        this.byWord = Collections.unmodifiableMap(w);
        List<String> sorted = new ArrayList<>(w.keySet());
        // Longest first, so 平方公里 is found before 公里 and 个百分点 before 个.
        sorted.sort((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
        this.words = List.copyOf(sorted);
    }

    private static volatile Units shipped;

    /** Gazette's own table, read once. */
    public static Units shipped() {
        Units u = shipped;
        if (u == null) {
            Problems problems = new Problems();
            Map<String, Unit> byId = new LinkedHashMap<>();
            Map<String, Map<String, Forms>> forms = new LinkedHashMap<>();
            Node root = readShipped(problems);
            if (root != null) read(root, "Gazette's unit table", SHIPPED_LANGUAGES, byId, forms, Map.of(), problems);
            if (problems.hasErrors()) {
                throw new IllegalStateException("Gazette's unit table is broken: " + problems.sorted().stream().map(Problem::toString).toList());
            }
            shipped = u = new Units(byId, forms);
        }
        return u;
    }

    private static Node readShipped(Problems problems) {
        try (InputStream in = Units.class.getResourceAsStream(SHIPPED)) {
            if (in == null) throw new IllegalStateException("Gazette's unit table is missing from the jar");
            return new YamlReader().read(SourceText.decode(in.readAllBytes(), "(Gazette) " + SHIPPED), problems);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Gazette's table with the content folder's {@code units.yaml}, if there is one: new units, and
     * printed forms for a language (a site language the shipped table does not print, or the office's
     * preference, e.g. {@code yuan: {en: "RMB {n}"}}). Every unit must print in every site language.
     */
    public static Units load(Path contentDir, YamlReader yaml, List<Language> languages, Problems problems) {
        Units base = shipped();
        Map<String, Unit> byId = new LinkedHashMap<>(base.byId);
        Map<String, Map<String, Forms>> forms = new LinkedHashMap<>();
        base.forms.forEach((id, f) -> forms.put(id, new LinkedHashMap<>(f)));
        List<String> codes = languages.stream().map(Language::code).toList();
        Path path = contentDir.resolve(FILE);
        if (Files.isRegularFile(path)) {
            try {
                Node root = yaml.read(SourceText.read(path, FILE), problems);
                if (root != null) read(root, FILE, codes, byId, forms, base.byId, problems);
            } catch (GazetteException e) {
                e.problems().forEach(problems::add);
            }
        }
        for (Unit u : byId.values()) {
            for (String code : codes) {
                if (!forms.getOrDefault(u.id(), Map.of()).containsKey(code)) {
                    problems.error(Position.of(FILE), Msg.UNIT_NO_FORM.with(u.id(), code),
                            Msg.UNIT_NO_FORM_FIX.with(FILE, u.id() + ": {" + code + ": \"{n} …\"}"));
                }
            }
        }
        return new Units(byId, forms);
    }

    /** Reads one table into {@code byId}/{@code forms}; {@code fixed} are units whose words and kind may not change. */
    private static void read(Node root, String display, List<String> languages, Map<String, Unit> byId,
                             Map<String, Map<String, Forms>> forms, Map<String, Unit> fixed, Problems problems) {
        Optional<Fields> top = Fields.of(root, problems, Msg.NAMED.with(display));
        if (top.isEmpty()) return;
        Map<String, Position> wordAt = new LinkedHashMap<>();
        for (Unit u : byId.values()) for (String w : u.written()) wordAt.put(w, Position.of(""));
        for (Node.Entry e : ((Node.MapNode) root).entries().values()) {
            String id = e.key().name();
            if (!ID.matcher(id).matches()) {
                problems.error(e.key().at(), Msg.UNIT_BAD_ID.with(id), Msg.UNIT_BAD_ID_FIX.with());
                continue;
            }
            Optional<Fields> of = Fields.of(e.value(), problems, Msg.IN_UNIT.with(id));
            if (of.isEmpty()) continue;
            Fields f = of.get();
            Map<String, Forms> printed = new LinkedHashMap<>(forms.getOrDefault(id, Map.of()));
            for (String code : languages) f.node(code).flatMap(n -> forms(n, code, problems)).ifPresent(p -> printed.put(code, p));
            if (fixed.containsKey(id)) {
                for (String key : List.of("written", "kind", "magnitude")) {
                    if (f.has(key)) {
                        problems.error(f.node(key).get().at(), Msg.UNIT_FIXED.with(id, key),
                                Msg.UNIT_FIXED_FIX.with(id + ": {en: \"…{n}…\"}"));
                    }
                }
                f.finish();
                forms.put(id, printed);
                continue;
            }
            List<String> written = f.list("written", n -> f.scalarText(n).map(String::strip));
            if (!f.has("written")) {
                problems.error(f.at(), Msg.UNIT_NO_WORDS.with(id), Msg.UNIT_NO_WORDS_FIX.with());
            }
            Optional<String> kind = f.choice("kind", Unit.Kind.ids(), true);
            boolean scalable = f.bool("magnitude").orElse(true);
            f.finish();
            boolean ok = kind.isPresent() && !written.isEmpty();
            for (String w : written) {
                if (w.isEmpty() || w.chars().anyMatch(c -> Character.isDigit(c) || Character.isWhitespace(c))) {
                    problems.error(f.at(), Msg.UNIT_BAD_WORD.with(w, id), Msg.UNIT_BAD_WORD_FIX.with());
                    ok = false;
                    continue;
                }
                Position first = wordAt.putIfAbsent(w, f.at());
                if (first != null) {
                    problems.error(f.at(), first.file().isEmpty() ? Msg.UNIT_WORD_BUILT_IN.with(w)
                            : first.line() > 0 ? Msg.UNIT_WORD_TWICE_AT.with(w, first.file(), first.line()) : Msg.UNIT_WORD_TWICE.with(w, first.file()),
                            Msg.UNIT_WORD_TWICE_FIX.with());
                    ok = false;
                }
            }
            if (!ok) continue;
            if (byId.containsKey(id)) {
                problems.error(e.key().at(), Msg.UNIT_TWICE.with(id), Msg.KEEP_ONE.with());
                continue;
            }
            byId.put(id, new Unit(id, Unit.Kind.valueOf(kind.get().toUpperCase(java.util.Locale.ROOT)), written, scalable));
            forms.put(id, printed);
        }
        Unit percent = byId.get(Unit.PERCENT.id());
        if (percent != null && percent.kind() != Unit.Kind.PERCENT) {
            problems.error(Position.of(display), Msg.UNIT_PERCENT_KIND.with(), Msg.UNIT_PERCENT_KIND_FIX.with());
        }
    }

    private static Optional<Forms> forms(Node n, String code, Problems problems) {
        if (n instanceof Node.MapNode) {
            Optional<Fields> pf = Fields.of(n, problems, Msg.IN_PRINTED_FORMS.with(code));
            if (pf.isEmpty()) return Optional.empty();
            Optional<String> other = pf.get().requiredString("other", "\"{n} tonnes\"");
            Optional<String> one = pf.get().string("one");
            pf.get().finish();
            if (other.isEmpty() || !placeholder(n, other.get(), problems) || (one.isPresent() && !placeholder(n, one.get(), problems))) {
                return Optional.empty();
            }
            return Optional.of(new Forms(one.orElse(null), other.get()));
        }
        if (n instanceof Node.Scalar s && !s.isNull()) {
            return placeholder(n, s.text(), problems) ? Optional.of(new Forms(null, s.text())) : Optional.empty();
        }
        problems.error(n.at(), Msg.UNIT_FORM_KIND.with(code), Msg.UNIT_FORM_KIND_FIX.with());
        return Optional.empty();
    }

    private static boolean placeholder(Node n, String form, Problems problems) {
        if (form.contains("{n}")) return true;
        problems.error(n.at(), Msg.UNIT_FORM_NO_N.with(form), Msg.UNIT_FORM_NO_N_FIX.with());
        return false;
    }

    /** Every unit, in the order declared (Gazette's first). */
    public List<Unit> all() {
        return List.copyOf(byId.values());
    }

    public Unit byId(String id) {
        return byId.get(id);
    }

    /** The unit written {@code word} (exactly), or null. */
    public Unit byWord(String word) {
        return byWord.get(word);
    }

    /** Every word accepted after a number, longest first. */
    public List<String> words() {
        return words;
    }

    /** How {@code unit} prints in the language {@code code}; a bare number ({n}) for no unit. */
    public Forms forms(Unit unit, String code) {
        if (unit.id().isEmpty()) return new Forms(null, "{n}");
        Forms f = forms.getOrDefault(unit.id(), Map.of()).get(code);
        if (f == null) throw new IllegalStateException("no printed form of '" + unit.id() + "' for " + code + " (the loader checks this)");
        return f;
    }

    /** Reads a quantity as the office writes it (see {@link QuantityParser}). */
    public QuantityParser.Result parse(String written, int column) {
        return QuantityParser.parse(this, written, column);
    }

    /** The unit nearest to a word that is not one, for "did you mean". */
    String nearest(String word) {
        // One character from another one-character unit is no guess at all (园 is as near to % as to 元): say nothing then.
        if (word.codePointCount(0, word.length()) <= 1) return null;
        return Suggest.nearest(word, words);
    }

    /**
     * The regular expression the JSON Schema gives for a quantity, made from this table, so an editor
     * with a YAML language server accepts exactly what Gazette accepts (the schema tests compare).
     */
    public String schemaPattern() {
        StringBuilder units = new StringBuilder();
        for (String w : words) {
            if (units.length() > 0) units.append('|');
            units.append(escape(w));
        }
        return "^(超过|将近|近|约|超|逾)?\\s*[+-]?[0-9][0-9,]*(\\.[0-9]+)?\\s*(万亿|亿|万|千)?\\s*(" + units + ")?$";
    }

    private static String escape(String w) {
        StringBuilder sb = new StringBuilder();
        for (char c : w.toCharArray()) {
            if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }
}
