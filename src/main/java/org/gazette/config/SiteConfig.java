package org.gazette.config;

import java.time.ZoneId;
import java.util.List;

import org.gazette.i18n.Language;
import org.gazette.i18n.Localized;
import org.gazette.problem.Position;

/** The site settings of {@code content/site.yaml}. The first language is the default. */
public record SiteConfig(Localized title, Localized office, Localized district, List<Language> languages,
                         String baseUrl, ZoneId timeZone, News news, Fonts fonts, Government government) {

    /**
     * What a government website shows in every page's footer (《政府网站发展指引》): 主办单位 and 承办单位,
     * contact, 网站标识码, ICP备案编号, 公安机关备案号 with its badge, the 党政机关 sponsor mark and the
     * "我为政府网站找错" link. Each may be absent (null): absent, not shown.
     */
    public record Government(Localized sponsor, Localized operator, Localized address, String telephone, String email,
                             String siteCode, String icp, String security, Picture securityBadge,
                             Picture partyMark, String partyMarkLink, String errorReport) {
        public static final Government NONE = new Government(null, null, null, null, null, null, null, null, null, null, null, null);

        public boolean isEmpty() {
            return equals(NONE);
        }

        /** The 14 digits of the 公安机关备案号 (what its filing site looks up), or null. */
        public String securityDigits() {
            return security == null ? null : security.replaceAll("\\D", "");
        }

        /** The pictures to publish, by the name they are published under (assets/site/…). */
        public java.util.Map<String, Picture> pictures() {
            java.util.Map<String, Picture> m = new java.util.TreeMap<>();
            if (securityBadge != null) m.put(securityBadge.published(), securityBadge);
            if (partyMark != null) m.put(partyMark.published(), partyMark);
            return m;
        }
    }

    /** A picture site.yaml names (a file in the content folder), and where it is published. */
    public record Picture(java.nio.file.Path file, String published, Position at) {}

    /**
     * The office's own fonts for the bulletin ({@code fonts:} in site.yaml), by role as GB/T 9704 names
     * them — masthead (方正小标宋), title, body (仿宋_GB2312), heading1 (黑体), heading2 (楷体), latin —
     * plus fallback fonts for characters no other face has (CJK Extension B and beyond), and the
     * characters the office accepts to print as '#'. Roles not given use the bundled faces.
     */
    public record Fonts(java.util.Map<String, FontFile> roles, List<FontFile> fallback, java.util.SortedSet<Integer> accept) {
        public static final List<String> ROLES = List.of("masthead", "title", "body", "heading1", "heading2", "latin");
        public static final Fonts NONE = new Fonts(java.util.Map.of(), List.of(), new java.util.TreeSet<>());

        public Fonts {
            roles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(roles));
            fallback = List.copyOf(fallback);
            accept = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(accept));
        }

        /** Every file named, roles first, then fallbacks, in order. */
        public List<FontFile> files() {
            List<FontFile> all = new java.util.ArrayList<>(roles.values());
            all.addAll(fallback);
            return all;
        }
    }

    /** A font file (absolute, or resolved against the content folder), the face within a collection (index or name; null for the first), and where site.yaml names it. */
    public record FontFile(java.nio.file.Path path, String face, Position at) {}

    /** How news is listed: articles a listing page, on the home page, in each feed; full text or summary in feeds. */
    public record News(int perPage, int onHome, int inFeed, boolean feedFullText) {
        public static final News DEFAULT = new News(20, 10, 20, true);
    }

    public SiteConfig {
        languages = List.copyOf(languages);
    }

    public Language defaultLanguage() {
        return languages.get(0);
    }

    /** Languages to fall back to, in order: the default first. */
    public List<Language> fallbackOrder() {
        return languages;
    }
}
