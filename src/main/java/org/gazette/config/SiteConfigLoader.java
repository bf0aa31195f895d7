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
import org.gazette.problem.Msg;
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
            problems.error(Position.of(FILE), Msg.NO_SITE_YAML.with(), Msg.NO_SITE_YAML_FIX.with());
            return Optional.empty();
        }
        Node root = yaml.read(SourceText.read(path, FILE), problems);
        if (root == null) return Optional.empty();
        return Fields.of(root, problems, Msg.NAMED.with(FILE)).flatMap(f -> read(f, problems, contentDir));
    }

    private static Optional<SiteConfig> read(Fields f, Problems problems, Path dir) {
        List<Language> languages = f.list("languages", n -> language(n, problems));
        if (!f.has("languages")) {
            f.required("languages", "[{code: zh, name: 中文, locale: zh-CN}]");
        }
        Set<String> seen = new HashSet<>();
        for (Language l : languages) {
            if (!seen.add(l.code())) {
                problems.error(f.at(), Msg.LANGUAGE_TWICE.with(l.code()), Msg.LANGUAGE_TWICE_FIX.with());
            }
        }
        List<Language> langs = languages;
        Optional<Localized> title = f.required("title", "{zh: …, en: …}").flatMap(n -> Localized.read(n, f, langs, "title"));
        Optional<Localized> office = f.required("office", "{zh: …, en: …}").flatMap(n -> Localized.read(n, f, langs, "office"));
        Optional<Localized> district = f.required("district", "{zh: …, en: …}").flatMap(n -> Localized.read(n, f, langs, "district"));
        Optional<String> baseUrl = f.requiredString("baseUrl", "https://news.example.gov.cn/");
        baseUrl.filter(u -> !u.matches("https?://[^\\s/]+(/\\S*)?"))
                .ifPresent(u -> problems.error(f.node("baseUrl").get().at(), Msg.NOT_WEB_ADDRESS.with(u),
                        Msg.WRITE_LIKE.with("https://news.example.gov.cn/")));
        ZoneId zone = f.string("timeZone").flatMap(z -> zone(z, f)).orElse(ZoneId.of("Asia/Shanghai"));
        SiteConfig.News news = f.node("news").flatMap(n -> Fields.of(n, problems, Msg.PART.with("news"))).map(SiteConfigLoader::news).orElse(SiteConfig.News.DEFAULT);
        SiteConfig.Fonts fonts = f.node("fonts").flatMap(n -> Fields.of(n, problems, Msg.PART.with("fonts"))).map(ff -> fonts(ff, dir)).orElse(SiteConfig.Fonts.NONE);
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
            f.problems().error(f.node("timeZone").get().at(), Msg.NOT_TIME_ZONE.with(z), Msg.WRITE_LIKE.with("Asia/Shanghai"));
            return Optional.empty();
        }
    }

    private static Optional<Language> language(Node n, Problems problems) {
        return Fields.of(n, problems, Msg.IN_LANGUAGE.with()).flatMap(f -> {
            Optional<String> code = f.requiredString("code", "zh");
            Optional<String> name = f.requiredString("name", "中文");
            Optional<String> tag = f.requiredString("locale", "zh-CN");
            f.finish();
            code.filter(c -> !c.matches("[a-z]{2,3}")).ifPresent(c ->
                    problems.error(f.node("code").get().at(), Msg.NOT_LANGUAGE_CODE.with(c), Msg.NOT_LANGUAGE_CODE_FIX.with()));
            Optional<Locale> locale = tag.flatMap(t -> {
                try {
                    return Optional.of(new Locale.Builder().setLanguageTag(t).build());
                } catch (IllformedLocaleException e) {
                    problems.error(f.node("locale").get().at(), Msg.NOT_LOCALE.with(t), Msg.NOT_LOCALE_FIX.with());
                    return Optional.empty();
                }
            });
            if (code.isEmpty() || name.isEmpty() || locale.isEmpty() || !code.get().matches("[a-z]{2,3}")) return Optional.empty();
            return Optional.of(new Language(code.get(), name.get(), locale.get()));
        });
    }
}
