package org.gazette.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gazette.ChineseText;
import org.junit.jupiter.api.Test;

/** The message catalogues: every kind said in both languages, with its values, and called with them. */
class MessagesTest {

    private static final Pattern PLACE = Pattern.compile("\\{([a-zA-Z]+)(?::[^|{}]*\\|[^{}]*)?\\}");

    private static Set<String> places(String text, Msg kind) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACE.matcher(text);
        while (m.find()) if (kind.parameters().contains(m.group(1))) out.add(m.group(1));
        return out;
    }

    @Test
    void everyKindIsSaidInEveryLanguageWithEveryValue() {
        List<String> wrong = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            Properties p = lang.catalogue();
            for (Msg kind : Msg.values()) {
                String text = p.getProperty(kind.name());
                if (text == null) {
                    wrong.add(lang.code() + ": no text for " + kind);
                    continue;
                }
                Set<String> used = places(text, kind);
                if (!used.equals(new TreeSet<>(kind.parameters()))) {
                    wrong.add(lang.code() + ": " + kind + " uses " + used + ", declares " + kind.parameters());
                }
            }
            for (String key : p.stringPropertyNames()) {
                boolean known = false;
                for (Msg kind : Msg.values()) known |= kind.name().equals(key);
                if (!known) wrong.add(lang.code() + ": " + key + " is no kind of message (a typo, or a kind removed?)");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void literalBracesAreTheSameInBothLanguages() {
        // {n} in "write {n} where the number goes" is text the user types: a translation keeps it.
        Pattern braces = Pattern.compile("\\{[a-z]+\\}");
        List<String> wrong = new ArrayList<>();
        for (Msg kind : Msg.values()) {
            Set<String> en = new TreeSet<>();
            Set<String> zh = new TreeSet<>();
            braces.matcher(Lang.EN.text(kind)).results().map(r -> r.group()).forEach(en::add);
            braces.matcher(Lang.ZH.text(kind)).results().map(r -> r.group()).forEach(zh::add);
            for (String p : kind.parameters()) {
                en.remove("{" + p + "}");
                zh.remove("{" + p + "}");
            }
            if (!en.equals(zh)) wrong.add(kind + ": " + en + " / " + zh);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void chineseTextsAreChineseAndQuoteAsChineseDoes() {
        List<String> wrong = new ArrayList<>();
        for (Msg kind : Msg.values()) {
            String zh = Lang.ZH.text(kind);
            if (!ChineseText.englishIn(zh).isEmpty()) wrong.add(kind + ": " + ChineseText.englishIn(zh));
            if (zh.contains("'")) wrong.add(kind + ": quotes with ' — Chinese text quotes with “…”");
            if (zh.equals(Lang.EN.text(kind)) && zh.matches(".*[A-Za-z]{3,}.*") && !zh.matches("[{}a-zA-Z ]*")) wrong.add(kind + ": not translated");
        }
        assertEquals(List.of(), wrong);
    }

    /** Every {@code Msg.KIND.with(…)} in Gazette's sources gives as many values as the kind declares. */
    @Test
    void everyCallGivesTheValuesItsKindDeclares() throws IOException {
        Pattern call = Pattern.compile("Msg\\.([A-Z0-9_]+)\\.with\\(");
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher m = call.matcher(src);
                while (m.find()) {
                    Msg kind = Msg.valueOf(m.group(1));
                    int n = arguments(src, m.end());
                    calls++;
                    if (n != kind.parameters().size()) {
                        wrong.add(f.getFileName() + ":" + (src.substring(0, m.start()).split("\n", -1).length) + ": " + kind
                                + " given " + n + " values, declares " + kind.parameters());
                    }
                }
            }
        }
        assertTrue(calls > 400, "calls found: " + calls);
        assertEquals(List.of(), wrong);
    }

    /** The number of arguments of the call whose "(" ends just before {@code at}. */
    private static int arguments(String src, int at) {
        int depth = 0;
        int commas = 0;
        boolean any = false;
        for (int i = at; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"') {
                for (i++; i < src.length() && src.charAt(i) != '"'; i++) if (src.charAt(i) == '\\') i++;
                any = true;
                continue;
            }
            if (c == '\'') {
                for (i++; i < src.length() && src.charAt(i) != '\''; i++) if (src.charAt(i) == '\\') i++;
                any = true;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) return any ? commas + 1 : 0;
                depth--;
            } else if (c == ',' && depth == 0) commas++;
            else if (!Character.isWhitespace(c)) any = true;
        }
        throw new IllegalStateException("unclosed call");
    }

    @Test
    void aMessageSaysItsValuesInTheLanguageSpoken() {
        Message m = Msg.UNKNOWN_FIELD.with("grwoth", Msg.IN_FIGURE.with());
        assertEquals("unknown field 'grwoth' in a figure", m.in(Lang.EN));
        assertEquals("指标中没有“grwoth”这个字段", m.in(Lang.ZH));
        assertEquals("a, b", Msg.NAMED.with(List.of("a", "b")).in(Lang.EN));
        assertEquals("a、b", Msg.NAMED.with(List.of("a", "b")).in(Lang.ZH));
        assertEquals("1 error, 2 warnings", Msg.SUM_BUILD_FAILED.with(1, 2, Msg.NOTHING.with()).in(Lang.EN).replaceAll("^build failed: |; nothing was written$", ""));
        assertEquals("English", Msg.NAMED.with(java.util.Locale.ENGLISH).in(Lang.EN));
        assertEquals("英语", Msg.NAMED.with(java.util.Locale.ENGLISH).in(Lang.ZH));
    }

    @Test
    void aProblemLineKeepsItsPositionInEitherLanguage() {
        Problem warning = new Position("2017/report.yaml", 3, 7).warning(Msg.MEETING_UNDATED.with(), null);
        assertEquals("2017/report.yaml:3:7: warning: the meeting has no date yet", warning.format(Lang.EN));
        assertEquals("2017/report.yaml:3:7: 警告：会议还没有日期", warning.format(Lang.ZH));
        Problem error = Position.of("site.yaml").error(Msg.NO_SITE_YAML.with(), Msg.NO_SITE_YAML_FIX.with());
        assertTrue(error.format(Lang.ZH).startsWith("site.yaml: 内容文件夹中没有 site.yaml。请新建 site.yaml"), error.format(Lang.ZH));
        // What the user wrote is shown as written, its control characters as codes, in both languages.
        Problem quoted = new Position("2017/news/a.zh.md", 1, 1).error(Msg.TAG_UNDECLARED.with("标签\u001b[2J", "tags.yaml"), null);
        assertEquals("2017/news/a.zh.md:1:1: 标签“标签\\x1B[2J”没有在 tags.yaml 中声明", quoted.format(Lang.ZH));
        assertEquals("2017/news/a.zh.md:1:1: tag '标签\\x1B[2J' is not declared in tags.yaml", quoted.format(Lang.EN));
    }

    @Test
    void theLanguageIsChosenByOptionThenGazetteLangThenLocaleThenSite() {
        java.util.function.Supplier<String> site = () -> "zh";
        java.util.function.Supplier<String> none = () -> null;
        assertEquals(Lang.EN, Lang.choose("en", Map.of("GAZETTE_LANG", "zh", "LANG", "zh_CN.UTF-8"), site));
        assertEquals(Lang.ZH, Lang.choose(null, Map.of("GAZETTE_LANG", "zh-CN", "LANG", "en_GB.UTF-8"), () -> "en"));
        assertEquals(Lang.ZH, Lang.choose(null, Map.of("LANG", "zh_CN.UTF-8"), () -> "en"));
        assertEquals(Lang.ZH, Lang.choose(null, Map.of("LANG", "zh_TW.UTF-8"), () -> "en"));
        // POSIX order: LC_ALL over LC_MESSAGES over LANG.
        assertEquals(Lang.EN, Lang.choose(null, Map.of("LC_ALL", "en_US.UTF-8", "LANG", "zh_CN.UTF-8"), site));
        assertEquals(Lang.ZH, Lang.choose(null, Map.of("LC_MESSAGES", "zh_CN.UTF-8", "LANG", "en_US.UTF-8"), () -> "en"));
        // A locale that is neither: English, Gazette's other language.
        assertEquals(Lang.EN, Lang.choose(null, Map.of("LANG", "de_DE.UTF-8"), site));
        // C and POSIX say nothing: the site's first language decides.
        assertEquals(Lang.ZH, Lang.choose(null, Map.of("LANG", "C.UTF-8"), site));
        assertEquals(Lang.ZH, Lang.choose(null, Map.of("LC_ALL", "POSIX"), site));
        assertEquals(Lang.ZH, Lang.choose(null, Map.of(), site));
        assertEquals(Lang.EN, Lang.choose(null, Map.of(), none));
        // An option that names neither (a bulletin in French) leaves the choice to the rest.
        assertEquals(Lang.ZH, Lang.choose("fr", Map.of("LANG", "zh_CN.UTF-8"), none));
        assertEquals(Lang.EN, Lang.choose(null, Map.of("GAZETTE_LANG", "EN"), site));
    }
}
