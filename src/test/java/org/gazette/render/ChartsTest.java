package org.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.gazette.PdfText;
import org.gazette.TestSites;
import org.gazette.problem.Problem;
import org.gazette.site.Build;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/** Charts drawn from the report's data: on the page as accessible SVG, in the bulletin as real text. */
class ChartsTest {

    static final Path TWO_YEARS = Path.of("src/test/resources/sites/two-years");

    @Test
    void aFigureAcrossTheYearsOnThePageAndInTheBulletin(@TempDir Path tmp) throws Exception {
        Build.Result site = TestSites.build(TWO_YEARS, tmp.resolve("out"));
        assertTrue(site.ok(), () -> site.problems().toString());
        for (String lang : List.of("zh", "en")) {
            Document page = Jsoup.parse(new String(site.files().get(lang + "/2017/index.html"), StandardCharsets.UTF_8));
            Element chart = page.selectFirst("figure.chart#chart-1");
            Element svg = chart.selectFirst("svg");
            assertEquals("img", svg.attr("role"));
            for (String id : svg.attr("aria-labelledby").split(" ")) assertEquals(1, page.select("#" + id).size(), "text alternative " + id);
            // Well-formed SVG, as an XML parser reads it.
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg.outerHtml()
                    .replace("<svg ", "<svg xmlns:x=\"urn:x\" "))));
            List<String> labels = svg.select("text.chart-label").eachText();
            List<String> values = svg.select("text.chart-value").eachText();
            if (lang.equals("zh")) {
                assertEquals(List.of("2016年", "2017年"), labels);
                assertEquals("图2 经济总量（2016—2017年）", chart.selectFirst("figcaption").text(), "numbered after the text's image (图1)");
                assertTrue(svg.selectFirst("desc").text().startsWith("2016年："), svg.selectFirst("desc").text());
            } else {
                assertEquals(List.of("2016", "2017"), labels);
                assertEquals("Figure 2. Economic output, 2016–2017", chart.selectFirst("figcaption").text());
                assertEquals("10 billion yuan", values.get(1));
            }
            assertEquals(values, chart.select("details table td").eachText(), "the data one click away");
            assertEquals(2, svg.select("rect.chart-bar").size());
            String pdf = PdfText.withoutWhitespace(PdfText.poppler(site.files().get(lang + "/2017/bulletin-2017-" + lang + ".pdf")));
            if (lang.equals("zh")) {
                assertTrue(pdf.contains("2016年93.5亿元2017年100亿元图2经济总量（2016—2017年）"), pdf);
            } else {
                assertTrue(pdf.contains("20169.35billionyuan201710billionyuanFigure2.Economicoutput,2016–2017"), pdf);
            }
        }
    }

    @Test
    void theReportSaysWhichCharts(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report) + "\ncharts:\n  - type: attainment\n    figures: [budget-revenue]\n");
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), () -> r.problems().toString());
        Document page = Jsoup.parse(new String(r.files().get("en/2017/index.html"), StandardCharsets.UTF_8));
        assertEquals(List.of("Local general public budget revenue"), page.select("#chart-1 text.chart-label").eachText());
        assertEquals("target", page.select("#chart-1 text.chart-value").last().text(), "the target line is labelled");
        assertTrue(page.select("#chart-2").isEmpty());

        TestSites.write(report, TestSites.read(report).replace("figures: [budget-revenue]", "figures: [budget-revenu]"));
        Build.Result bad = TestSites.check(content);
        assertFalse(bad.ok());
        assertTrue(bad.problems().stream().map(Problem::format).anyMatch(m -> m.contains(
                "2017/report.yaml:457:5: the chart names the figure 'budget-revenu', which this report does not have — did you mean 'budget-revenue'?")),
                bad.problems()::toString);
    }

    @Test
    void noChartsWhenTheReportSaysNone(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report) + "\ncharts: []\n");
        Build.Result r = TestSites.build(content, tmp.resolve("out"));
        assertTrue(r.ok(), () -> r.problems().toString());
        assertFalse(new String(r.files().get("zh/2017/index.html"), StandardCharsets.UTF_8).contains("<svg"));
    }

    /**
     * The sample by default: attainment against target, and next year's targets — not its places among
     * peers, all first (three equal full bars say nothing the table does not). Places that differ are drawn,
     * long labels on two lines.
     */
    @Test
    void placesAreChartedOnlyWhenTheyDiffer(@TempDir Path tmp) throws Exception {
        Build.Result r = TestSites.build(TestSites.CONTENT, tmp.resolve("out"));
        for (String lang : List.of("zh", "en")) {
            Document page = Jsoup.parse(new String(r.files().get(lang + "/2017/index.html"), StandardCharsets.UTF_8));
            assertEquals(2, page.select("figure.chart").size(), "attainment and plans");
            assertTrue(page.select("figure.chart text.chart-value").eachText().stream().noneMatch(v -> v.contains("/6") || v.contains("of 6")), lang);
        }
        String pdf = PdfText.withoutWhitespace(PdfText.poppler(r.files().get("zh/2017/bulletin-2017-zh.pdf")));
        assertTrue(pdf.contains("市内六区第1名") && !pdf.contains("第1名/6"), "the places in the table, no chart of them");

        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path report = content.resolve("2017/report.yaml");
        String yaml = TestSites.read(report);
        int at = yaml.indexOf("  - id: provincial-key-projects");
        String rest = yaml.substring(at).replaceFirst("position: 1", "position: 3");
        TestSites.write(report, yaml.substring(0, at) + rest);
        Build.Result d = TestSites.build(content, tmp.resolve("differ"));
        assertTrue(d.ok(), () -> d.problems().toString());
        Document en = Jsoup.parse(new String(d.files().get("en/2017/index.html"), StandardCharsets.UTF_8));
        Document zh = Jsoup.parse(new String(d.files().get("zh/2017/index.html"), StandardCharsets.UTF_8));
        assertEquals(List.of("1st of 6", "3rd of 5", "1st of 8"), en.select("#chart-2 text.chart-value").eachText());
        assertEquals(List.of("第1名/6", "第3名/5", "第1名/8"), zh.select("#chart-2 text.chart-value").eachText());
        assertEquals(2, en.select("#chart-2 text.chart-label").get(1).select("tspan").size(), "a long label on two lines");
        assertTrue(en.selectFirst("#chart-2-desc").text().contains("1st among the six urban districts of Zhengzhou"), "the peers in the text alternative");
        String drawn = PdfText.withoutWhitespace(PdfText.poppler(d.files().get("zh/2017/bulletin-2017-zh.pdf")));
        assertTrue(drawn.contains("第3名/5") && drawn.contains("图2"), drawn);
    }

    /**
     * In the bulletin each chart is a tagged Figure whose Alt gives every value in words, with its bars
     * and labels inside it, and the bulletin stays PDF/A-3a and PDF/UA-1.
     */
    @Test
    void inTheBulletinEachChartIsATaggedFigureWithAltText(@TempDir Path tmp) throws Exception {
        Build.Result site = TestSites.build(TWO_YEARS, tmp.resolve("out"));
        for (String lang : List.of("zh", "en")) {
            byte[] bytes = site.files().get(lang + "/2017/bulletin-2017-" + lang + ".pdf");
            List<PDStructureElement> figures = new java.util.ArrayList<>();
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                collect(pdf.getDocumentCatalog().getStructureTreeRoot(), "Figure", figures);
                List<String> alts = figures.stream().map(PDStructureElement::getAlternateDescription).toList();
                // The text's photograph (图1) and the chart (图2), both with their alternative text.
                assertEquals(2, figures.size(), alts::toString);
                String chartAlt = alts.get(1);
                if (lang.equals("zh")) assertEquals("2016年：93.5亿元、2017年：100亿元", chartAlt);
                else assertEquals("2016: 9.35 billion yuan, 2017: 10 billion yuan", chartAlt);
                List<PDStructureElement> inside = new java.util.ArrayList<>();
                collect(figures.get(1), "Table", inside);
                assertEquals(1, inside.size(), "the bars are inside the figure");
            }
            assertEquals(List.of(), org.gazette.VeraPdf.failures(bytes, org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_3_A));
            assertEquals(List.of(), org.gazette.VeraPdf.failures(bytes, org.verapdf.pdfa.flavours.PDFAFlavour.PDFUA_1));
        }
    }

    private static void collect(PDStructureNode node, String type, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if (type.equals(e.getStructureType())) out.add(e);
                collect(e, type, out);
            }
        }
    }

    /** A plan target that names its figure: next year's target set beside this year's result, on the page and on paper. */
    @Test
    void nextYearsTargetsBesideThisYearsResults(@TempDir Path tmp) {
        Build.Result r = TestSites.build(TestSites.CONTENT, tmp.resolve("out"));
        assertTrue(r.ok(), () -> r.problems().toString());
        for (String lang : List.of("zh", "en")) {
            Document page = Jsoup.parse(new String(r.files().get(lang + "/2017/index.html"), StandardCharsets.UTF_8));
            Element chart = page.selectFirst("figure.chart#chart-2");
            Element svg = chart.selectFirst("svg");
            assertEquals(List.of("146个", "220个").stream().map(v -> lang.equals("zh") ? v : v.replace("个", "")).toList(),
                    svg.select("text.chart-value").eachText());
            assertEquals(List.of(svg.select("rect").get(0).attr("width"), svg.select("rect").get(1).attr("width")), List.of("133", "200"),
                    "146 of 220: the target the full width");
            if (lang.equals("zh")) {
                assertEquals(List.of("谋划实施重大项目"), svg.select("text.chart-group").eachText());
                assertEquals(List.of("2017年完成", "2018年目标"), svg.select("text.chart-label").eachText());
                assertEquals("图2 2018年目标与2017年完成情况", chart.selectFirst("figcaption").text());
                assertEquals("谋划实施重大项目：2017年完成146个，2018年目标220个", svg.selectFirst("desc").text());
            } else {
                assertEquals(List.of("2017 result", "2018 target"), svg.select("text.chart-label").eachText());
                assertEquals("Major projects planned and under way: 146 in 2017, 220 targeted for 2018", svg.selectFirst("desc").text());
            }
            assertEquals(3, chart.select("details table th").size(), "the group and its two rows in the data table");
            String pdf = PdfText.withoutWhitespace(PdfText.poppler(r.files().get(lang + "/2017/bulletin-2017-" + lang + ".pdf")));
            if (lang.equals("zh")) assertTrue(pdf.contains("谋划实施重大项目2017年完成146个2018年目标220个图22018年目标与2017年完成情况"), pdf);
            else assertTrue(pdf.contains("2017result1462018target220Figure2.Targetsfor2018besideresultsfor2017"), pdf);
        }
    }

    /** A target naming a figure the report lacks, or one counted in another unit, is refused at its line. */
    @Test
    void aTargetsFigureMustExistAndCountTheSameThing(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path report = content.resolve("2017/report.yaml");
        String text = TestSites.read(report);
        TestSites.write(report, text.replace("figure: major-projects", "figure: major-project"));
        List<String> messages = TestSites.check(content).problems().stream().map(Problem::format).toList();
        assertTrue(messages.stream().anyMatch(m -> m.matches(".*2017/report\\.yaml:\\d+:19: the target names the figure 'major-project', which this report does not have — did you mean 'major-projects'\\?.*")),
                messages::toString);
        TestSites.write(report, text.replace("figure: major-projects", "figure: signed-value"));
        messages = TestSites.check(content).problems().stream().map(Problem::format).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("the target is counted in '个' but the figure 'signed-value' in '元'")), messages::toString);
    }

    /**
     * Marks keep a contrast of at least 3:1 with the paper (WCAG 1.4.11): the bars and the target
     * line on the page (colours read from the built stylesheet, variables resolved) and the bulletin's
     * grey bars and dashed line.
     */
    @Test
    void chartMarksContrastWithThePaper(@TempDir Path tmp) throws Exception {
        Build.Result r = TestSites.build(TWO_YEARS, tmp.resolve("out"));
        String css = new String(r.files().get("assets/style.css"), StandardCharsets.UTF_8);
        String paper = colour(css, ":root", "--paper");
        for (String[] mark : new String[][] {{".chart-bar", "fill"}, {".chart-reference", "stroke"}, {".chart-label, .chart-value", "fill"}}) {
            double ratio = contrast(colour(css, mark[0], mark[1]), paper);
            assertTrue(ratio >= 3, mark[0] + " " + ratio);
        }
        String bulletin = java.nio.file.Files.readString(Path.of("templates/bulletin/bulletin.css"), StandardCharsets.UTF_8);
        assertTrue(contrast(colour(bulletin, ".chart-bars .bar", "background"), "#ffffff") >= 3);
        assertTrue(bulletin.contains("border-right: 0.9pt dashed #000"), "the target line is black and dashed");
        assertTrue(contrast("#777777", "#ffffff") < 4.5 && contrast("#999999", "#ffffff") < 3, "the ratio itself is computed");
    }

    /** A property's colour in a rule of {@code css} ({@code selector { … property: value; … }}), with var(--x) resolved from :root. */
    private static String colour(String css, String selector, String property) {
        var rule = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(selector) + "\\s*\\{([^}]*)\\}").matcher(css);
        assertTrue(rule.find(), "rule " + selector);
        var decl = java.util.regex.Pattern.compile("(?:^|[;\\s])" + java.util.regex.Pattern.quote(property) + "\\s*:\\s*([^;]+);").matcher(rule.group(1));
        assertTrue(decl.find(), selector + " " + property);
        String value = decl.group(1).trim();
        var v = java.util.regex.Pattern.compile("var\\((--[a-z-]+)\\)").matcher(value);
        return v.matches() ? colour(css, ":root", v.group(1)) : value.split("\\s+")[0];
    }

    private static double contrast(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** The two-year site's chart, byte for byte (the same data gives the same SVG; -Dgazette.updateGolden=true rewrites it). */
    @Test
    void goldenSvg(@TempDir Path tmp) throws Exception {
        Build.Result site = TestSites.build(TWO_YEARS, tmp.resolve("out"));
        for (String lang : List.of("zh", "en")) {
            String html = new String(site.files().get(lang + "/2017/index.html"), StandardCharsets.UTF_8);
            String svg = html.substring(html.indexOf("<svg class=\"chart-svg\""), html.indexOf("</svg>") + 6) + "\n";
            Path golden = Path.of("src/test/resources/golden/charts/two-years-2017-" + lang + ".svg");
            if (Boolean.getBoolean("gazette.updateGolden")) {
                java.nio.file.Files.createDirectories(golden.getParent());
                java.nio.file.Files.writeString(golden, svg, StandardCharsets.UTF_8);
            }
            assertEquals(java.nio.file.Files.readString(golden, StandardCharsets.UTF_8), svg, golden + " (rerun with -Dgazette.updateGolden=true after an intended change)");
        }
    }
}
