package org.gazette.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.gazette.i18n.Language;
import org.gazette.i18n.Localized;
import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problems;
import org.gazette.safety.SafeUrl;
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
        SiteConfig.Government government = f.node("government").flatMap(n -> Fields.of(n, problems, Msg.PART.with("government")))
                .map(g -> government(g, langs, dir)).orElse(SiteConfig.Government.NONE);
        f.finish();
        if (langs.isEmpty() || title.isEmpty() || office.isEmpty() || district.isEmpty() || baseUrl.isEmpty()) {
            return Optional.empty();
        }
        String base = baseUrl.get().endsWith("/") ? baseUrl.get() : baseUrl.get() + "/";
        return Optional.of(new SiteConfig(title.get(), office.get(), district.get(), langs, base, zone, news, fonts, government));
    }

    /** The short names of the provinces, as ICP and public-security filing numbers begin. */
    private static final String PROVINCE = "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台]";
    static final Pattern SITE_CODE = Pattern.compile("\\d{10}|bm\\d{8}");
    static final Pattern ICP = Pattern.compile(PROVINCE + "ICP[备证]\\d{6,10}号(-\\d{1,3})?");
    static final Pattern SECURITY = Pattern.compile(PROVINCE + "公网安备 ?\\d{14}号");
    private static final Pattern TELEPHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{4,22}[0-9](转\\d{1,6})?");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)+");

    /**
     * {@code government:} the identity marks of a government website, each optional, each checked
     * against the form its issuer gives it, at its line.
     */
    private static SiteConfig.Government government(Fields f, List<Language> langs, Path dir) {
        Localized sponsor = f.node("sponsor").flatMap(n -> Localized.read(n, f, langs, "sponsor")).orElse(null);
        Localized operator = f.node("operator").flatMap(n -> Localized.read(n, f, langs, "operator")).orElse(null);
        Localized address = f.node("address").flatMap(n -> Localized.read(n, f, langs, "address")).orElse(null);
        String telephone = checked(f, "telephone", TELEPHONE, Msg.GOV_TELEPHONE, Msg.GOV_TELEPHONE_FIX.with());
        String email = checked(f, "email", EMAIL, Msg.GOV_EMAIL, Msg.GOV_EMAIL_FIX.with());
        String siteCode = checked(f, "siteCode", SITE_CODE, Msg.GOV_SITE_CODE, Msg.GOV_SITE_CODE_FIX.with());
        String icp = checked(f, "icp", ICP, Msg.GOV_ICP, Msg.GOV_ICP_FIX.with());
        String security = checked(f, "security", SECURITY, Msg.GOV_SECURITY, Msg.GOV_SECURITY_FIX.with());
        SiteConfig.Picture badge = f.node("securityBadge").flatMap(n -> picture(n, f, dir, "security-badge")).orElse(null);
        if (badge != null && security == null && !f.has("security")) {
            f.problems().error(badge.at(), Msg.GOV_BADGE_ALONE.with(), Msg.GOV_BADGE_ALONE_FIX.with());
        }
        SiteConfig.Picture partyMark = null;
        String partyLink = null;
        var mark = f.node("partyMark").flatMap(n -> Fields.of(n, f.problems(), Msg.PART.with("partyMark")));
        if (mark.isPresent()) {
            Fields m = mark.get();
            partyMark = m.node("image").flatMap(n -> picture(n, m, dir, "party-mark")).orElse(null);
            if (!m.has("image")) m.required("image", "identity/dzjg.png");
            partyLink = link(m, "link", "https://bszs.conac.cn/sitename?method=show&id=…");
            m.finish();
        }
        String errorReport = link(f, "errorReport", "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={siteCode}&url={url}");
        if (errorReport != null && errorReport.contains("{siteCode}") && siteCode == null && !f.has("siteCode")) {
            f.problems().error(f.node("errorReport").get().at(), Msg.GOV_REPORT_CODE.with(), Msg.GOV_REPORT_CODE_FIX.with());
        }
        f.finish();
        return new SiteConfig.Government(sponsor, operator, address, telephone, email, siteCode, icp, security, badge, partyMark, partyLink, errorReport);
    }

    /** A text field that must have its issuer's form; null when absent or wrong (wrong: an error at its line). */
    private static String checked(Fields f, String key, Pattern form, Msg wrong, Message fix) {
        Optional<String> v = f.string(key).map(String::strip);
        if (v.isEmpty()) return null;
        if (form.matcher(v.get()).matches()) return v.get();
        f.problems().error(f.node(key).get().at(), wrong.with(v.get()), fix);
        return null;
    }

    /** An https:// address (the issuers' sites are https); null when absent or refused. */
    private static String link(Fields f, String key, String example) {
        Optional<String> v = f.string(key).map(String::strip);
        if (v.isEmpty()) return null;
        String u = v.get();
        boolean ok = u.regionMatches(true, 0, "https://", 0, 8) && u.length() > 8 && !u.matches("(?s).*[\\s<>\"\\\\].*")
                && SafeUrl.allowed(u.replace("{siteCode}", "0").replace("{url}", "0"));
        if (ok) return u;
        f.problems().error(f.node(key).get().at(), Msg.GOV_LINK.with(key, u), Msg.GOV_LINK_FIX.with(example));
        return null;
    }

    /** A picture in the content folder, published as assets/site/{@code name}.ext; null after an error at its line. */
    private static Optional<SiteConfig.Picture> picture(Node n, Fields f, Path dir, String name) {
        return f.scalarText(n).map(String::strip).flatMap(s -> {
            String ext = s.contains(".") ? s.substring(s.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            if (!List.of("png", "jpg", "jpeg", "gif", "webp", "svg").contains(ext)) {
                f.problems().error(n.at(), Msg.GOV_PICTURE_KIND.with(s), Msg.GOV_PICTURE_KIND_FIX.with());
                return Optional.empty();
            }
            Path root = dir.toAbsolutePath().normalize();
            Path p;
            try {
                p = root.resolve(s).normalize();
            } catch (InvalidPathException e) {
                f.problems().error(n.at(), Msg.GOV_PICTURE_MISSING.with(s), Msg.GOV_PICTURE_MISSING_FIX.with());
                return Optional.empty();
            }
            try {
                if (!p.startsWith(root) || Files.exists(p) && !p.toRealPath().startsWith(root.toRealPath())) {
                    f.problems().error(n.at(), Msg.GOV_PICTURE_OUTSIDE.with(s), Msg.GOV_PICTURE_OUTSIDE_FIX.with());
                    return Optional.empty();
                }
            } catch (IOException e) {
                f.problems().error(n.at(), Msg.GOV_PICTURE_MISSING.with(s), Msg.GOV_PICTURE_MISSING_FIX.with());
                return Optional.empty();
            }
            if (!Files.isRegularFile(p)) {
                f.problems().error(n.at(), Msg.GOV_PICTURE_MISSING.with(s), Msg.GOV_PICTURE_MISSING_FIX.with());
                return Optional.empty();
            }
            return Optional.of(new SiteConfig.Picture(p, "assets/site/" + name + "." + (ext.equals("jpeg") ? "jpg" : ext), n.at()));
        });
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
