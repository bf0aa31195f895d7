package org.gazette.i18n;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.yaml.Fields;
import org.gazette.yaml.Node;
import org.gazette.yaml.Suggest;

/**
 * A text written once per language ({@code {zh: …, en: …}}). A missing language is allowed
 * (with a warning when read): {@link #in} then falls back to the first language that has it.
 */
public record Localized(Map<String, String> byLanguage, Position at) {

    public Localized {
        // Ordered as written: iteration reaches pages (a text missing a language shows the first it has).
        byLanguage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }

    public boolean has(String code) {
        return byLanguage.containsKey(code);
    }

    /** The text in {@code lang}, or the first of {@code order} that exists: a page is never left blank. */
    public Translation in(Language lang, List<Language> order) {
        String s = byLanguage.get(lang.code());
        if (s != null) return new Translation(s, lang, false);
        for (Language other : order) {
            s = byLanguage.get(other.code());
            if (s != null) return new Translation(s, other, true);
        }
        throw new IllegalStateException("empty text at " + at);
    }

    /** A text as shown in one language; {@code fallback} when it is shown in another language because no translation exists. */
    /** What a text still to be written prints as. */
    public static final String EMPTY = "—";

    public record Translation(String text, Language language, boolean fallback) {}

    /**
     * Reads {@code {zh: …, en: …}}. Missing languages are warned about (the page still builds);
     * a misspelled language code is an error.
     */
    public static Optional<Localized> read(Node node, Fields context, List<Language> languages, String field) {
        var problems = context.problems();
        if (node instanceof Node.Scalar s && !s.isNull()) {
            problems.error(node.at(), Msg.PER_LANGUAGE.with(field), Msg.PER_LANGUAGE_FIX.with("{" + codes(languages) + "}"));
            return Optional.empty();
        }
        Optional<Fields> f = Fields.of(node, problems, Msg.QUOTED.with(field));
        if (f.isEmpty()) return Optional.empty();
        Node.MapNode map = (Node.MapNode) node;
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> known = languages.stream().map(Language::code).toList();
        for (Node.Entry e : map.entries().values()) {
            String code = e.key().name();
            if (!known.contains(code)) {
                String near = Suggest.nearest(code, known);
                problems.error(e.key().at(), Msg.NOT_SITE_LANGUAGE_IN.with(code, field),
                        near != null ? Msg.DID_YOU_MEAN.with(near) : Msg.USE_SITE_LANGUAGES.with(known));
                continue;
            }
            f.get().scalarText(e.value()).map(String::strip).filter(t -> !t.isEmpty()).ifPresent(t -> texts.put(code, t));
        }
        if (texts.isEmpty()) {
            boolean toWrite = map.entries().keySet().stream().anyMatch(known::contains);
            if (!toWrite) {
                problems.error(node.at(), Msg.NO_TEXT.with(field), Msg.WRITE_LIKE.with("{" + codes(languages) + "}"));
                return Optional.empty();
            }
            // Its languages are there with nothing after them: still to be written (a new year starts so).
            problems.warning(node.at(), Msg.NO_TEXT_YET.with(field), Msg.NO_TEXT_YET_FIX.with(EMPTY));
            for (String code : known) texts.put(code, EMPTY);
            return Optional.of(new Localized(texts, node.at()));
        }
        for (String code : known) {
            if (!texts.containsKey(code)) {
                problems.warning(node.at(), Msg.NO_TRANSLATION.with(field, code), Msg.NO_TRANSLATION_FIX.with(code + ": …", texts.keySet().iterator().next()));
            }
        }
        return Optional.of(new Localized(texts, node.at()));
    }

    private static String codes(List<Language> languages) {
        return String.join(", ", languages.stream().map(l -> l.code() + ": …").toList());
    }
}
