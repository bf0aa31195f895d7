package org.gazette.i18n;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.gazette.problem.GazetteException;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problems;
import org.gazette.yaml.Fields;
import org.gazette.yaml.Node;
import org.gazette.yaml.SourceText;
import org.gazette.yaml.YamlReader;

/**
 * Reads {@code i18n/<code>.yaml} from the templates folder, one flat file of interface strings per
 * language. Every language must define the same keys, and every key the code needs.
 */
public final class StringsLoader {

    public static final String DIR = "i18n";

    /** Keys Gazette's own formatting code reads; templates may add any others. */
    public static final List<String> REQUIRED = List.of(
            "number_compact_from", "number_compact_style", "number_grouping",
            "figure_label", "table_label", "change_up", "change_down", "change_up_points", "change_down_points", "change_zero",
            "qualifier_exact", "qualifier_nearly", "qualifier_about", "qualifier_over",
            "rank", "rank_short", "list_separator", "untranslated_text", "plural_rule");

    /** How a language chooses among a counted string's forms. */
    static final List<String> PLURAL_RULES = List.of("one-other", "other");

    private StringsLoader() {}

    public static Map<String, Strings> load(Path templatesDir, List<Language> languages, Problems problems) {
        YamlReader yaml = new YamlReader();
        Map<String, Strings> out = new LinkedHashMap<>();
        for (Language lang : languages) {
            String display = "templates/" + DIR + "/" + lang.code() + ".yaml";
            Path file = templatesDir.resolve(DIR).resolve(lang.code() + ".yaml");
            if (!Files.isRegularFile(file)) {
                problems.error(Position.of(display), Msg.NO_STRINGS.with(lang.code()), Msg.NO_STRINGS_FIX.with("templates/" + DIR + "/", lang.code() + ".yaml"));
                continue;
            }
            SourceText source;
            try {
                source = SourceText.read(file, display);
            } catch (GazetteException e) {
                e.problems().forEach(problems::add);
                continue;
            }
            Node root = yaml.read(source, problems);
            if (root == null) continue;
            Optional<Fields> f = Fields.of(root, problems, Msg.NAMED.with(display));
            if (f.isEmpty()) continue;
            Map<String, String> map = new LinkedHashMap<>();
            for (Node.Entry e : ((Node.MapNode) root).entries().values()) {
                String key = e.key().name();
                if (e.value() instanceof Node.MapNode forms) {
                    // A counted string: {one: …, other: …}; "other" is required, "one" where the language has it.
                    Optional<Fields> pf = Fields.of(forms, problems, Msg.QUOTED.with(key));
                    if (pf.isEmpty()) continue;
                    pf.get().requiredString("other", "\"{n} items\"").ifPresent(v -> map.put(key, v));
                    pf.get().string("one").ifPresent(v -> map.put(key + ".one", v));
                    pf.get().finish();
                    continue;
                }
                f.get().scalarText(e.value()).ifPresent(v -> map.put(key, v));
                if (key.equals("plural_rule") && !PLURAL_RULES.contains(map.get(key))) {
                    problems.error(e.value().at(), Msg.NOT_PLURAL_RULE.with(map.get(key)), Msg.NOT_PLURAL_RULE_FIX.with());
                }
            }
            out.put(lang.code(), new Strings(lang, map));
        }
        TreeSet<String> all = new TreeSet<>(REQUIRED);
        out.values().forEach(s -> all.addAll(s.map().keySet()));
        for (Strings s : out.values()) {
            // A singular form is each language's own business (Chinese has none): not a missing key.
            List<String> missing = all.stream().filter(k -> !k.endsWith(".one") && !s.map().containsKey(k)).toList();
            if (!missing.isEmpty()) {
                problems.error(Position.of("templates/" + DIR + "/" + s.language().code() + ".yaml"),
                        Msg.MISSING_STRINGS.with(List.copyOf(missing)), Msg.MISSING_STRINGS_FIX.with());
            }
        }
        return out;
    }
}
