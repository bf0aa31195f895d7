package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * A template error is always Gazette's bug, never the writer's message. The rule over the schemas:
 * for every optional field of the report, of an article's front matter and of site.yaml, the sample
 * without it — and without all of them at once — builds, or fails with a problem in the content;
 * never with one in a template, never with an internal error. With and without drafts.
 */
class OptionalFieldsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /** Optional fields of a schema, as paths ("figures[].value", "meeting.place"). */
    static List<String> optional(Path schemaFile) throws Exception {
        JsonNode schema = JSON.readTree(schemaFile.toFile());
        JsonNode defs = schema.has("$defs") ? schema.get("$defs") : schema.path("definitions");
        List<String> out = new ArrayList<>();
        walk(schema, "", defs, new HashSet<>(), out);
        return out;
    }

    private static void walk(JsonNode node, String path, JsonNode defs, Set<String> seen, List<String> out) {
        if (node.has("$ref")) {
            String name = node.get("$ref").asText().replaceAll(".*/", "");
            if (!seen.add(name + "@" + path)) return;
            walk(defs.get(name), path, defs, seen, out);
            return;
        }
        if (node.has("properties")) {
            Set<String> required = new HashSet<>();
            node.path("required").forEach(r -> required.add(r.asText()));
            node.get("properties").fields().forEachRemaining(e -> {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (!required.contains(e.getKey())) out.add(p);
                walk(e.getValue(), p, defs, seen, out);
            });
        }
        if (node.has("items")) walk(node.get("items"), path + "[]", defs, seen, out);
        for (String k : List.of("oneOf", "anyOf", "allOf")) node.path(k).forEach(alt -> walk(alt, path, defs, seen, out));
    }

    /** Removes the field at {@code path} wherever it stands in {@code node}; whether anything was removed. */
    static boolean remove(JsonNode node, String path) {
        return change(node, path, false);
    }

    /** Empties the field at {@code path} ("value:" with nothing after it) wherever it stands; whether anything was emptied. */
    static boolean empty(JsonNode node, String path) {
        return change(node, path, true);
    }

    private static boolean change(JsonNode node, String path, boolean empty) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        boolean list = head.endsWith("[]");
        String key = list ? head.substring(0, head.length() - 2) : head;
        if (!(node instanceof ObjectNode o) || !o.has(key)) return false;
        if (rest == null && !list) {
            if (empty) o.putNull(key);
            else o.remove(key);
            return true;
        }
        JsonNode child = o.get(key);
        if (list) {
            boolean any = false;
            if (child instanceof ArrayNode a && rest != null) for (JsonNode item : a) any |= change(item, rest, empty);
            return any;
        }
        return change(child, rest, empty);
    }

    /** Problems that blame Gazette's templates, or none. */
    static List<String> templateProblems(Build.Result r) {
        return r.problems().stream().filter(p -> p.file().startsWith("templates/") || p.file().startsWith("(Gazette)")).map(Problem::format).toList();
    }

    static Build.Result check(Path content, boolean drafts) {
        var publishing = new org.gazette.content.Publishing(java.time.Instant.parse("2026-12-07T00:00:00Z"), drafts);
        return new Build(new Build.Options(content, TestSites.TEMPLATES, content.resolveSibling("unused-out"), false, publishing, true, false)).run(false);
    }

    static void assertGazettesFaultNever(Path content, String what) {
        for (boolean drafts : List.of(false, true)) {
            Build.Result r;
            try {
                r = check(content, drafts);
            } catch (RuntimeException e) {
                throw new AssertionError(what + ": internal error " + e, e);
            }
            assertEquals(List.of(), templateProblems(r), what + (drafts ? " (with drafts)" : ""));
            // Either it builds, or what stops it is a problem in the content, with its file.
            if (!r.ok()) assertTrue(r.problems().stream().filter(Problem::isError).allMatch(p -> !p.file().isEmpty()), what + ": " + r.problems());
        }
    }

    @Test
    void everyOptionalFieldOfTheReportMayBeLeftOut(@TempDir Path tmp) throws Exception {
        List<String> fields = optional(TestSites.CONTENT.resolve("schema/report.schema.json"));
        assertTrue(fields.size() > 30, fields::toString);
        JsonNode sample = YAML.readTree(TestSites.CONTENT.resolve("2017/report.yaml").toFile());
        int n = 0;
        List<String> removedAll = new ArrayList<>();
        for (String field : fields) {
            JsonNode copy = sample.deepCopy();
            if (!remove(copy, field)) continue;
            removedAll.add(field);
            Path content = TestSites.copyOfSample(tmp.resolve("field-" + n++));
            Files.writeString(content.resolve("2017/report.yaml"), YAML.writeValueAsString(copy));
            assertGazettesFaultNever(content, "report.yaml without " + field);
        }
        assertTrue(removedAll.size() > 25, "the sample has most optional fields: " + removedAll);
        // And all of them at once, deepest first: the smallest report there is.
        JsonNode minimal = sample.deepCopy();
        List<String> deepestFirst = new ArrayList<>(fields);
        deepestFirst.sort((a, b) -> Integer.compare(b.length(), a.length()));
        // (A text keeps its languages: a text with none is a content error, which would stop the check before any template.)
        // Leaves only: a list of figures stays, each figure without any optional part.
        for (String field : deepestFirst) {
            boolean container = fields.stream().anyMatch(f -> f.startsWith(field + ".") || f.startsWith(field + "[]"));
            if (!container && !field.matches(".*\\.(zh|en)$")) remove(minimal, field);
        }
        Path content = TestSites.copyOfSample(tmp.resolve("minimal"));
        Files.writeString(content.resolve("2017/report.yaml"), YAML.writeValueAsString(minimal));
        assertGazettesFaultNever(content, "report.yaml with no optional field");
    }

    @Test
    void everyOptionalFieldOfAnArticleAndOfSiteYamlMayBeLeftOut(@TempDir Path tmp) throws Exception {
        int n = 0;
        for (String field : optional(TestSites.CONTENT.resolve("schema/article.schema.json"))) {
            Path content = TestSites.copyOfSample(tmp.resolve("article-" + n++));
            for (String lang : List.of("zh", "en")) {
                Path md = content.resolve("2017/news/meeting." + lang + ".md");
                String text = Files.readString(md);
                int end = text.indexOf("\n---", 4);
                ObjectNode front = (ObjectNode) YAML.readTree(text.substring(4, end));
                remove(front, field);
                Files.writeString(md, "---\n" + YAML.writeValueAsString(front) + text.substring(end + 1));
            }
            assertGazettesFaultNever(content, "an article without " + field);
        }
        for (String field : optional(TestSites.CONTENT.resolve("schema/site.schema.json"))) {
            Path content = TestSites.copyOfSample(tmp.resolve("site-" + n++));
            JsonNode site = YAML.readTree(content.resolve("site.yaml").toFile());
            if (!remove(site, field)) continue;
            Files.writeString(content.resolve("site.yaml"), YAML.writeValueAsString(site));
            assertGazettesFaultNever(content, "site.yaml without " + field);
        }
    }

    /** A part left empty ("value:" and nothing more: how a new year starts) is to be filled in; it prints as —, it never breaks a page. */
    @Test
    void everyOptionalFieldOfTheReportMayBeLeftEmpty(@TempDir Path tmp) throws Exception {
        List<String> fields = optional(TestSites.CONTENT.resolve("schema/report.schema.json"));
        JsonNode sample = YAML.readTree(TestSites.CONTENT.resolve("2017/report.yaml").toFile());
        int n = 0;
        JsonNode all = sample.deepCopy();
        for (String field : fields) {
            boolean container = fields.stream().anyMatch(f -> f.startsWith(field + ".") || f.startsWith(field + "[]"));
            if (container || field.matches(".*\\.(zh|en)$")) continue;
            JsonNode copy = sample.deepCopy();
            if (!empty(copy, field)) continue;
            empty(all, field);
            Path content = TestSites.copyOfSample(tmp.resolve("empty-" + n++));
            Files.writeString(content.resolve("2017/report.yaml"), YAML.writeValueAsString(copy));
            assertGazettesFaultNever(content, "report.yaml with " + field + " empty");
        }
        Path content = TestSites.copyOfSample(tmp.resolve("all-empty"));
        Files.writeString(content.resolve("2017/report.yaml"), YAML.writeValueAsString(all));
        assertGazettesFaultNever(content, "report.yaml with every optional field empty");
    }

    /** What `gazette new year` writes builds at once, with and without drafts, and after 'draft: true' is taken out. */
    @Test
    void aNewYearBuildsAtEveryStep(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        org.gazette.content.NewText.year(content, 2018, java.time.Instant.parse("2019-01-10T02:00:00Z"));
        assertGazettesFaultNever(content, "a new year as written");
        for (String lang : List.of("zh", "en")) {
            Path prose = content.resolve("2018/report." + lang + ".md");
            Files.writeString(prose, Files.readString(prose).replace("draft: true\n", ""));
        }
        assertGazettesFaultNever(content, "a new year with its prose no longer a draft");
        Build.Result r = check(content, false);
        assertTrue(r.ok(), r.problems()::toString);
    }
}
