package org.gazette.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gazette.i18n.Language;
import org.gazette.i18n.Localized;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problems;
import org.gazette.yaml.Fields;
import org.gazette.yaml.Node;
import org.gazette.yaml.SourceText;
import org.gazette.yaml.Suggest;
import org.gazette.yaml.YamlReader;

/**
 * The site's tags, declared once in {@code tags.yaml} with an id (its address: {@code tags/assessment/})
 * and a name per language. An article may name a tag by its id or by its name in any language, so
 * the zh and en versions of an article pair their tags; an undeclared tag is a warning with the
 * nearest declared one, and is shown as written, without a page.
 */
public final class Tags {

    public static final String FILE = "tags.yaml";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A declared tag. */
    public record Tag(String id, Localized name) {}

    private final Map<String, Tag> byId;
    private final Map<String, String> idByName = new LinkedHashMap<>();
    private final boolean declared;

    private Tags(Map<String, Tag> byId, boolean declared) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        this.declared = declared;
        for (Tag t : byId.values()) {
            idByName.put(fold(t.id()), t.id());
            for (String name : t.name().byLanguage().values()) idByName.putIfAbsent(fold(name), t.id());
        }
    }

    /** The tags in the order declared. */
    public List<Tag> all() {
        return List.copyOf(byId.values());
    }

    public Tag get(String id) {
        return byId.get(id);
    }

    /** Whether the content folder has a tags.yaml at all. */
    public boolean declared() {
        return declared;
    }

    /** The id of the tag written {@code text} (an id or a name in any language), if declared. */
    public Optional<String> resolve(String text) {
        return Optional.ofNullable(idByName.get(fold(text)));
    }

    /** The declared tag nearest to {@code text}, for "did you mean". */
    public String nearest(String text) {
        List<String> names = new ArrayList<>();
        for (Tag t : byId.values()) names.addAll(t.name().byLanguage().values());
        return Suggest.nearest(text, names);
    }

    private static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    public static Tags load(Path contentDir, YamlReader yaml, List<Language> languages, Problems problems) {
        Path path = contentDir.resolve(FILE);
        if (!Files.isRegularFile(path)) return new Tags(Map.of(), false);
        Node root;
        try {
            root = yaml.read(SourceText.read(path, FILE), problems);
        } catch (GazetteException e) {
            e.problems().forEach(problems::add);
            return new Tags(Map.of(), true);
        }
        if (root == null) return new Tags(Map.of(), true);
        Optional<Fields> fields = Fields.of(root, problems, Msg.NAMED.with(FILE));
        if (fields.isEmpty()) return new Tags(Map.of(), true);
        Map<String, Tag> tags = new LinkedHashMap<>();
        Map<String, Position> names = new LinkedHashMap<>();
        for (Node.Entry e : ((Node.MapNode) root).entries().values()) {
            String id = e.key().name();
            if (!ID.matcher(id).matches()) {
                problems.error(e.key().at(), Msg.TAG_BAD_ID.with(id), Msg.TAG_BAD_ID_FIX.with("tags/" + id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "/"));
                continue;
            }
            Optional<Localized> name = Localized.read(e.value(), fields.get(), languages, id);
            if (name.isEmpty()) continue;
            for (String n : name.get().byLanguage().values()) {
                Position before = names.putIfAbsent(fold(n), e.value().at());
                if (before != null) {
                    problems.error(e.value().at(), Msg.TAG_NAME_TWICE.with(n, before.line()), Msg.TAG_NAME_TWICE_FIX.with());
                }
            }
            tags.put(id, new Tag(id, name.get()));
        }
        return new Tags(tags, true);
    }
}
