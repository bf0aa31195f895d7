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
        var pdf = build.bulletin(2017, code);
        assertNotNull(pdf, build.problems()::toString);
        List<String> lines = PdfText.poppler(pdf.getKey()).lines().map(String::strip).toList();

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
}
