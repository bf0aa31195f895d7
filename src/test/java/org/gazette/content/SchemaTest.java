package org.gazette.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gazette.TestSites;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schemas shipped in {@code content/schema/} (used by editors through the YAML language
 * server) accept the real sample and reject what the loader rejects, so editor and tool agree.
 */
class SchemaTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    static final Pattern NAMED = Pattern.compile("#\\s*yaml-language-server:\\s*\\$schema=(\\S+)");

    static JsonSchema schema(String name) throws IOException {
        try (var in = Files.newInputStream(TestSites.CONTENT.resolve("schema").resolve(name))) {
            return FACTORY.getSchema(in);
        }
    }

    @Test
    void everyYamlFileNamesItsSchemaAndValidates() throws IOException {
        List<Path> yamls;
        try (Stream<Path> s = Files.walk(TestSites.CONTENT)) {
            yamls = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(yamls.size() >= 2);
        for (Path p : yamls) {
            String text = Files.readString(p);
            Matcher m = NAMED.matcher(text);
            assertTrue(m.find(), p + " names its schema in a '# yaml-language-server: $schema=' line");
            Path schemaFile = p.getParent().resolve(m.group(1)).normalize();
            assertTrue(Files.isRegularFile(schemaFile), p + " names " + schemaFile);
            Set<ValidationMessage> errors = schema(schemaFile.getFileName().toString()).validate(YAML.readTree(text));
            assertEquals(Set.of(), errors, p.toString());
        }
    }

    @Test
    void articleFrontMatterValidates() throws IOException {
        JsonSchema schema = schema("article.schema.json");
        List<Path> articles = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TestSites.CONTENT)) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(articles::add);
        }
        for (Path p : articles) {
            String text = Files.readString(p);
            String fm = text.substring(4, text.indexOf("\n---", 4));
            assertEquals(Set.of(), schema.validate(YAML.readTree(fm)), p.toString());
        }
    }

    @Test
    void schemaRejectsATypoAndABadQuantity() throws IOException {
        JsonNode report = YAML.readTree(Files.readString(TestSites.CONTENT.resolve("2017/report.yaml"))
                .replace("    growth: 7%", "    grwoth: 7%")
                .replace("value: 26.56亿元", "value: 26.5６亿元"));
        Set<ValidationMessage> errors = schema("report.schema.json").validate(report);
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("grwoth")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.getInstanceLocation().toString().contains("figures[1].value")), errors::toString);
    }

    @Test
    void siteSchemaKnowsTheOfficeFonts() throws IOException {
        JsonSchema schema = schema("site.schema.json");
        String site = Files.readString(TestSites.CONTENT.resolve("site.yaml"));
        assertEquals(Set.of(), schema.validate(YAML.readTree(site + """
                fonts:
                  body: fonts/simfang.ttf
                  heading1: C:/Windows/Fonts/simhei.ttf
                  fallback: [/usr/share/fonts/truetype/hanazono/HanaMinB.ttf]
                  accept: ["\uD840\uDC00"]
                """)));
        assertFalse(schema.validate(YAML.readTree(site + "fonts:\n  bodyy: fonts/simfang.ttf\n")).isEmpty(), "a misspelt role");
    }
}
