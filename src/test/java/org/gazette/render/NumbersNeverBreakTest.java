package org.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gazette.PdfText;
import org.gazette.TestSites;
import org.gazette.content.Content;
import org.gazette.content.ContentLoader;
import org.gazette.content.Figure;
import org.gazette.i18n.Language;
import org.gazette.i18n.Strings;
import org.gazette.i18n.StringsLoader;
import org.gazette.problem.Problems;
import org.gazette.site.Build;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number is never split across lines in the bulletin's key-figures table: every printed value,
 * target, attainment, growth and "above target" amount is found whole on one line of the text
 * pdftotext extracts — with a growth of +16.85%, which the narrow column used to break as "+16." / "85%".
 */
class NumbersNeverBreakTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void everyFigureStaysOnOneLine(String code, @TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp);
        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report).replaceFirst("    growth: 7%", "    growth: 16.85%"));
        Build build = new Build(new Build.Options(content, TestSites.TEMPLATES, tmp.resolve("out"), false));
        var pdf = build.bulletin(2017, code, false);
        assertNotNull(pdf, build.problems()::toString);
        List<String> lines = PdfText.poppler(pdf.result().pdf()).lines().map(String::strip).toList();

        Content c = new ContentLoader(new Problems()).load(content).orElseThrow();
        Language zh = new Language("zh", "中文", Locale.forLanguageTag("zh-CN"));
        Language en = new Language("en", "English", Locale.forLanguageTag("en-GB"));
        Map<String, Strings> strings = StringsLoader.load(TestSites.TEMPLATES, List.of(zh, en), new Problems());
        Language lang = code.equals("zh") ? zh : en;
        Localizer l = new Localizer(lang, List.of(zh, en), strings.get(code), c.units());
        List<String> split = new ArrayList<>();
        int checked = 0;
        for (Figure f : c.latestReport().report().figures()) {
            Localizer.FigureRow row = l.row(f);
            for (String printed : new String[] {row.value(), row.target(), row.attainment(), row.growth(), row.overTarget()}) {
                if (printed == null) continue;
                checked++;
                if (lines.stream().noneMatch(line -> line.contains(printed))) split.add(printed);
            }
        }
        assertEquals(List.of(), split, "printed figures not found whole on one line");
        assertEquals(true, checked >= 12, "figures checked: " + checked);
        assertEquals(true, lines.contains("+16.85%") || lines.stream().anyMatch(x -> x.contains("+16.85%")), "the long growth value");
    }

    /**
     * In running text too: every quantity of the bulletin's text (a number with a magnitude or unit of
     * the unit table: 320亿元, 1.25倍, 32 billion yuan, 5,000 mu) is found whole on one line of what
     * pdftotext extracts. Without the no-break spans the Chinese bulletin broke 320亿元 as "320亿" / "元".
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void everyQuantityOfTheRunningTextStaysOnOneLine(String code, @TempDir Path tmp) {
        Build build = new Build(new Build.Options(TestSites.CONTENT, TestSites.TEMPLATES, tmp.resolve("out"), false));
        var pdf = build.bulletin(2017, code, false);
        assertNotNull(pdf, build.problems()::toString);
        List<String> lines = PdfText.poppler(pdf.result().pdf()).lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
        String text = org.jsoup.Jsoup.parse(pdf.xhtml()).body().text();
        var units = org.gazette.format.Units.shipped();
        String words = String.join("|", units.words().stream().map(java.util.regex.Pattern::quote).toList());
        List<String> english = new ArrayList<>();
        for (var u : units.all()) {
            String other = units.forms(u, "en").other();
            if (other.startsWith("{n} ")) english.add(java.util.regex.Pattern.quote(other.substring(4)));
        }
        java.util.regex.Pattern quantity = java.util.regex.Pattern.compile(code.equals("zh")
                ? "(?<![0-9.,])[0-9][0-9,]*(\\.[0-9]+)?(万亿|亿|万|千)?(" + words + ")"
                : "(?<![0-9.,])[0-9][0-9,]*(\\.[0-9]+)?( (million|billion))?( (" + String.join("|", english) + "))(?![A-Za-z])");
        var m = quantity.matcher(text);
        List<String> split = new ArrayList<>();
        int checked = 0;
        while (m.find()) {
            String q = m.group();
            if (code.equals("zh") && m.group(2) == null && q.matches("[0-9]+[个名次]")) continue; // 第1名 and the like: ordinals
            checked++;
            if (lines.stream().noneMatch(l -> l.contains(q))) split.add(q);
        }
        assertEquals(List.of(), split, "quantities of the running text split across lines");
        assertEquals(true, checked >= 15, "quantities checked: " + checked);
    }

    /** On the website: every quantity in the text of every page sits in an element the stylesheet keeps on one line. */
    @org.junit.jupiter.api.Test
    void everyQuantityOnEveryPageIsKeptWhole(@TempDir Path tmp) {
        Build.Result site = TestSites.build(TestSites.CONTENT, tmp.resolve("out"));
        var units = org.gazette.format.Units.shipped();
        String words = String.join("|", units.words().stream().map(java.util.regex.Pattern::quote).toList());
        java.util.regex.Pattern zh = java.util.regex.Pattern.compile("(?<![0-9.,])[0-9][0-9,]*(\\.[0-9]+)?(万亿|亿|万|千)?(" + words + ")");
        java.util.regex.Pattern en = java.util.regex.Pattern.compile("(?<![0-9.,])[0-9][0-9,.]* (million|billion) yuan");
        List<String> loose = new ArrayList<>();
        int checked = 0;
        for (var f : site.files().entrySet()) {
            if (!f.getKey().endsWith(".html")) continue;
            var doc = org.jsoup.Jsoup.parse(new String(f.getValue(), java.nio.charset.StandardCharsets.UTF_8));
            for (var node : doc.body().select("*:not(script):not(style)").textNodes()) {
                if (((org.jsoup.nodes.Element) node.parent()).closest("svg") != null) continue; // a chart's text is placed, never wrapped
                var m = (f.getKey().startsWith("zh/") ? zh : en).matcher(node.text());
                while (m.find()) {
                    checked++;
                    boolean kept = false;
                    for (org.jsoup.nodes.Element e = (org.jsoup.nodes.Element) node.parent(); e != null; e = e.parent()) {
                        if (e.hasClass("nobr") || e.hasClass("num")) kept = true;
                    }
                    if (!kept) loose.add(f.getKey() + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), loose);
        assertEquals(true, checked >= 100, "quantities checked: " + checked);
    }
}
