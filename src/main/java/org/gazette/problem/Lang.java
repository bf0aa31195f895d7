package org.gazette.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The language Gazette speaks to its user in: its messages, help and panels. Not the site's
 * languages (those are {@code site.yaml}'s); a press office reads Chinese, a developer may prefer English.
 */
public enum Lang {
    EN("en"), ZH("zh");

    private final String code;
    private volatile Map<Msg, String> texts;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The language named {@code code} ("zh", "zh-CN", "en_GB", "EN"); null when it is neither Chinese nor English. */
    public static Lang of(String code) {
        if (code == null) return null;
        String c = code.trim().toLowerCase(Locale.ROOT);
        if (c.equals("zh") || c.startsWith("zh-") || c.startsWith("zh_") || c.startsWith("zh.")) return ZH;
        if (c.equals("en") || c.startsWith("en-") || c.startsWith("en_") || c.startsWith("en.")) return EN;
        return null;
    }

    /**
     * Which language to speak: {@code --lang} first, then {@code GAZETTE_LANG}, then the system's locale
     * ({@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}, as POSIX orders them; {@code C} and {@code POSIX}
     * say nothing), then the site's first language, then English.
     */
    public static Lang choose(String option, Map<String, String> env, Supplier<String> siteFirst) {
        Lang chosen = of(option);
        if (chosen != null) return chosen;
        chosen = of(env.get("GAZETTE_LANG"));
        if (chosen != null) return chosen;
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = env.get(name);
            if (v == null || v.isBlank()) continue;
            String base = v.trim();
            if (base.equals("C") || base.equals("POSIX") || base.startsWith("C.") || base.startsWith("POSIX.")) break;
            return of(base) == ZH ? ZH : EN;
        }
        chosen = of(siteFirst.get());
        return chosen != null ? chosen : EN;
    }

    /** The text of {@code kind} in this language, with its {@code {parameters}} still in it. */
    public String text(Msg kind) {
        Map<Msg, String> t = texts;
        if (t == null) texts = t = load();
        return t.get(kind);
    }

    private Map<Msg, String> load() {
        Properties p = new Properties();
        String name = "messages." + code + ".properties";
        try (InputStream in = Lang.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from Gazette's jar");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
        Map<Msg, String> m = new EnumMap<>(Msg.class);
        for (Msg k : Msg.values()) {
            String v = p.getProperty(k.name());
            // A missing text is a bug the catalogue test catches; at run time the English one stands in.
            m.put(k, v != null ? v : this == EN ? k.name() : EN.text(k));
        }
        return m;
    }

    /** The catalogue's keys as written in its file, for the test that every language has every message. */
    public Properties catalogue() {
        Properties p = new Properties();
        try (InputStream in = Lang.class.getResourceAsStream("messages." + code + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read the " + code + " messages", e);
        }
        return p;
    }
}
