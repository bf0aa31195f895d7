package org.gazette;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Packages depend only on earlier pipeline stages (see docs/architecture.md): no stage reaches forward. */
class ArchitectureTest {

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("problem", Set.of()),
            Map.entry("safety", Set.of("problem")),
            Map.entry("yaml", Set.of("problem")),
            Map.entry("i18n", Set.of("problem", "yaml")),
            Map.entry("config", Set.of("problem", "safety", "yaml", "i18n")),
            Map.entry("format", Set.of("problem", "yaml", "i18n")),
            Map.entry("content", Set.of("problem", "safety", "yaml", "i18n", "config", "format", "html")),
            Map.entry("numbers", Set.of("problem", "yaml", "i18n", "config", "format", "content")),
            Map.entry("render", Set.of("problem", "safety", "yaml", "i18n", "config", "format", "content")),
            Map.entry("bulletin", Set.of("problem", "safety", "yaml", "i18n", "config", "format", "content", "render")),
            Map.entry("html", Set.of()),
            Map.entry("search", Set.of("html")),
            Map.entry("site", Set.of("problem", "safety", "yaml", "i18n", "config", "format", "content", "numbers", "render", "bulletin", "html", "search")),
            Map.entry("serve", Set.of("problem", "safety", "yaml", "i18n", "config", "format", "content", "numbers", "render", "bulletin", "html", "search", "site")),
            Map.entry("word", Set.of("problem")),
            Map.entry("desk", Set.of("word", "problem", "safety", "yaml", "i18n", "config", "format", "content", "numbers", "render", "bulletin", "html", "search", "site", "serve")),
            Map.entry("cli", Set.of("problem", "safety", "yaml", "i18n", "config", "format", "content", "numbers", "render", "bulletin", "html", "search", "site", "serve", "word", "desk")));

    static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.gazette\\.(\\w+)\\.", Pattern.MULTILINE);
    /** A class named in full where it is used ({@code org.gazette.site.Build.run(…)}), comments and javadoc links included. */
    static final Pattern NAMED = Pattern.compile("(?<![\\w.])org\\.gazette\\.(\\w+)\\.[A-Z]");

    /** Other packages' classes are imported, not named in full in the code: the table above reads the imports. */
    @Test
    void classesOfOtherPackagesAreImported() throws IOException {
        Path root = Path.of("src/main/java/org/gazette");
        List<String> named = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i).strip();
                    if (l.startsWith("import ") || l.startsWith("package ") || l.startsWith("*") || l.startsWith("/*") || l.startsWith("//")) continue;
                    if (NAMED.matcher(l).find()) named.add(root.relativize(p) + ":" + (i + 1) + ": " + l);
                }
            }
        }
        assertEquals(List.of(), named);
    }

    @Test
    void importsRespectTheStageOrder() throws IOException {
        Path root = Path.of("src/main/java/org/gazette");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String pkg = root.relativize(p).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(p + ": package '" + pkg + "' is not in the stage table");
                    continue;
                }
                String src = Files.readString(p);
                for (Pattern use : List.of(IMPORT, NAMED)) {
                    Matcher m = use.matcher(src);
                    while (m.find()) {
                        String used = m.group(1);
                        if (!used.equals(pkg) && !allowed.contains(used)) violations.add(p + " uses " + used);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
