package org.gazette.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.gazette.i18n.Language;
import org.gazette.i18n.Localized;
import org.gazette.problem.Position;
import org.gazette.problem.Problems;
import org.gazette.yaml.Fields;
import org.gazette.yaml.Node;
import org.gazette.yaml.SourceText;
import org.gazette.yaml.YamlReader;

/** Reads and checks {@code site.yaml}. */
public final class SiteConfigLoader {

    public static final String FILE = "site.yaml";

    private SiteConfigLoader() {}

    public static Optional<SiteConfig> load(Path contentDir, YamlReader yaml, Problems problems) {
        Path path = contentDir.resolve(FILE);
        if (!Files.isRegularFile(path)) {
            problems.error(Position.of(FILE), "the content folder has no site.yaml",
                    "create " + FILE + " with the site's title, office, languages and baseUrl (see README, 'Content format')");
            return Optional.empty();
        }
        Node root = yaml.read(SourceText.read(path, FILE), problems);
        if (root == null) return Optional.empty();
        return Fields.of(root, problems, FILE).flatMap(f -> read(f, problems, contentDir));
    }

    private static Optional<SiteConfig> read(Fields f, Problems problems, Path dir) {
        List<Language> languages = f.list("languages", n -> language(n, problems));
        if (!f.has("languages")) {
            f.required("languages", "[{code: zh, name: 中文, locale: zh-CN}]");
        }
        Set<String> seen = new HashSet<>();
        for (Language l : languages) {
            if (!seen.add(l.code())) {
                problems.error(f.at(), "language '" + l.code() + "' is listed twice", "list each language once");
            }
        }
        List<Language> langs = languages;
        Optional<Localized> title = f.required("title", "{zh: …, en: …}").flatMap(n -> Localized.read(n, f, langs, "title"));
        Optional<Localized> office = f.required("office", "{zh: …, en: …}").flatMap(n -> Localized.read(n, f, langs, "office"));
        Optional<Localized> district = f.required("district", "{zh: …, en: …}").flatMap(n -> Localized.read(n, f, langs, "district"));
        Optional<String> baseUrl = f.requiredString("baseUrl", "https://news.example.gov.cn/");
        baseUrl.filter(u -> !u.matches("https?://[^\\s/]+(/\\S*)?"))
                .ifPresent(u -> problems.error(f.node("baseUrl").get().at(), "baseUrl '" + u + "' is not a web address",
                        "write it like https://news.example.gov.cn/"));
        ZoneId zone = f.string("timeZone").flatMap(z -> zone(z, f)).orElse(ZoneId.of("Asia/Shanghai"));
        SiteConfig.News news = f.node("news").flatMap(n -> Fields.of(n, problems, "news")).map(SiteConfigLoader::news).orElse(SiteConfig.News.DEFAULT);
        SiteConfig.Fonts fonts = f.node("fonts").flatMap(n -> Fields.of(n, problems, "fonts")).map(ff -> fonts(ff, dir)).orElse(SiteConfig.Fonts.NONE);
        f.finish();
        if (langs.isEmpty() || title.isEmpty() || office.isEmpty() || district.isEmpty() || baseUrl.isEmpty()) {
            return Optional.empty();
        }
        String base = baseUrl.get().endsWith("/") ? baseUrl.get() : baseUrl.get() + "/";
        return Optional.of(new SiteConfig(title.get(), office.get(), district.get(), langs, base, zone, news, fonts));
    }

    /** {@code fonts:} the office's fonts by role, fallbacks, accepted characters. The files are checked by the bulletin's font loader. */
    private static SiteConfig.Fonts fonts(Fields f, Path dir) {
        java.util.Map<String, SiteConfig.FontFile> roles = new java.util.LinkedHashMap<>();
        for (String role : SiteConfig.Fonts.ROLES) {
            f.node(role).flatMap(n -> fontFile(n, f, dir)).ifPresent(ff -> roles.put(role, ff));
        }
        List<SiteConfig.FontFile> fallback = f.list("fallback", n -> fontFile(n, f, dir));
        java.util.TreeSet<Integer> accept = new java.util.TreeSet<>();
        for (String s : f.list("accept", n -> f.scalarText(n))) s.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(accept::add);
        f.finish();
        return new SiteConfig.Fonts(roles, fallback, accept);
    }

    /** {@code path/to/font.ttf}, or a face of a collection: {@code fonts.ttc#1} (index) or {@code fonts.ttc#SimSun} (name). */
    private static Optional<SiteConfig.FontFile> fontFile(Node n, Fields f, Path dir) {
        return f.scalarText(n).map(String::strip).map(s -> {
            int hash = s.lastIndexOf('#');
            String file = hash > 0 ? s.substring(0, hash) : s;
            String face = hash > 0 ? s.substring(hash + 1) : null;
            Path p = Path.of(file);
            return new SiteConfig.FontFile(p.isAbsolute() ? p : dir.resolve(p).toAbsolutePath().normalize(), face, n.at());
        });
    }

    private static SiteConfig.News news(Fields f) {
        SiteConfig.News d = SiteConfig.News.DEFAULT;
        int perPage = f.integer("perPage", 1, 1000).orElse(d.perPage());
        int onHome = f.integer("onHome", 0, 100).orElse(d.onHome());
        int inFeed = f.integer("inFeed", 1, 1000).orElse(d.inFeed());
        boolean full = f.choice("feedContent", List.of("full", "summary"), false).map("full"::equals).orElse(d.feedFullText());
        f.finish();
        return new SiteConfig.News(perPage, onHome, inFeed, full);
    }

    private static Optional<ZoneId> zone(String z, Fields f) {
        try {
            return Optional.of(ZoneId.of(z));
        } catch (DateTimeException e) {
            f.problems().error(f.node("timeZone").get().at(), "'" + z + "' is not a time zone", "write it like Asia/Shanghai");
            return Optional.empty();
        }
    }

    private static Optional<Language> language(Node n, Problems problems) {
        return Fields.of(n, problems, "a language").flatMap(f -> {
            Optional<String> code = f.requiredString("code", "zh");
            Optional<String> name = f.requiredString("name", "中文");
            Optional<String> tag = f.requiredString("locale", "zh-CN");
            f.finish();
            code.filter(c -> !c.matches("[a-z]{2,3}")).ifPresent(c ->
                    problems.error(f.node("code").get().at(), "'" + c + "' is not a language code", "use a two-letter code such as zh or en"));
            Optional<Locale> locale = tag.flatMap(t -> {
                try {
                    return Optional.of(new Locale.Builder().setLanguageTag(t).build());
                } catch (IllformedLocaleException e) {
                    problems.error(f.node("locale").get().at(), "'" + t + "' is not a locale", "write it like zh-CN or en-GB");
                    return Optional.empty();
                }
            });
            if (code.isEmpty() || name.isEmpty() || locale.isEmpty() || !code.get().matches("[a-z]{2,3}")) return Optional.empty();
            return Optional.of(new Language(code.get(), name.get(), locale.get()));
        });
    }
}
