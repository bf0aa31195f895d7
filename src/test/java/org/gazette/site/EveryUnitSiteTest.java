package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gazette.PdfText;
import org.gazette.TestSites;
import org.gazette.format.UnitsTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A report with a key figure in every unit of the shipped table, and changes in percent and in
 * percentage points: the report page in both languages, open data and both bulletins say what the
 * office wrote.
 */
class EveryUnitSiteTest {

    static Build.Result site;
    static final List<String[]> ROWS = new ArrayList<>();

    @BeforeAll
    static void build(@TempDir Path tmp) {
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        StringBuilder figures = new StringBuilder("figures:\n");
        for (String row : UnitsTest.EVERY_UNIT) {
            String[] c = row.split("\\|");
            for (int i = 0; i < c.length; i++) c[i] = c[i].strip().replace("''", "");
            ROWS.add(c);
            int n = ROWS.size();
            figures.append("  - id: unit-").append(n).append("\n    field: economy\n    label: {zh: 指标").append(n)
                    .append(", en: Indicator ").append(n).append("}\n    value: \"").append(c[0]).append("\"\n");
        }
        figures.append("""
                  - id: share-rose
                    field: economy
                    label: {zh: 研发投入占比, en: Share of R&D spending}
                    value: 2.6%
                    growth: 1.2个百分点
                  - id: share-fell
                    field: economy
                    label: {zh: 第一产业占比, en: Share of agriculture}
                    value: 3.1%
                    growth: -0.4个百分点
                  - id: output-fell
                    field: economy
                    label: {zh: 工业产值, en: Industrial output}
                    value: 58亿元
                    growth: -2.3%
                  - id: accidents
                    field: economy
                    label: {zh: 较大以上安全事故, en: Major accidents}
                    value: 0起
                    growth: 0%
                """);
        Path report = content.resolve("2017/report.yaml");
        String yaml = TestSites.read(report);
        int from = yaml.indexOf("\nfigures:\n") + 1;
        int to = yaml.indexOf("\nhonours:\n") + 1;
        // The sample's figures give way to one per unit, so its plan target no longer has a figure to carry on.
        TestSites.write(report, (yaml.substring(0, from) + figures + yaml.substring(to)).replace("          figure: major-projects\n", ""));
        site = TestSites.build(content, tmp.resolve("out"));
        assertTrue(site.ok(), () -> site.problems().toString());
    }

    static Document page(String path) {
        return Jsoup.parse(new String(site.files().get(path), StandardCharsets.UTF_8));
    }

    static Element cells(Document d, String id) {
        Element tr = d.getElementById("figure-" + id);
        assertTrue(tr != null, id);
        return tr;
    }

    @Test
    void everyUnitOnTheReportPageInBothLanguages() {
        Document zh = page("zh/2017/index.html");
        Document en = page("en/2017/index.html");
        for (int i = 0; i < ROWS.size(); i++) {
            String[] c = ROWS.get(i);
            assertEquals(c[3], cells(zh, "unit-" + (i + 1)).select("td").get(0).text(), c[0] + " in Chinese");
            assertEquals(c[4], cells(en, "unit-" + (i + 1)).select("td").get(0).text(), c[0] + " in English");
        }
    }

    @Test
    void changesInPercentAndInPercentagePointsAreDifferentClaims() {
        Document zh = page("zh/2017/index.html");
        Document en = page("en/2017/index.html");
        assertEquals("+1.2个百分点", cells(zh, "share-rose").select("td[data-label=同比增长]").text());
        assertEquals("+1.2 percentage points", cells(en, "share-rose").select("td[data-label=Growth]").text());
        assertEquals("\u22120.4个百分点", cells(zh, "share-fell").select("td[data-label=同比增长]").text());
        assertEquals("\u22122.3%", cells(en, "output-fell").select("td[data-label=Growth]").text());
        assertEquals("0起", cells(zh, "accidents").select("td").get(0).text(), "zero is a value, not an empty cell");
        assertEquals("0", cells(en, "accidents").select("td").get(0).text());
        assertEquals("0%", cells(en, "accidents").select("td[data-label=Growth]").text(), "no change carries no sign");
    }

    @Test
    void openDataNamesEachUnitByItsStableId() throws Exception {
        JsonNode data = new ObjectMapper().readTree(site.files().get("data/2017/key-figures-2017.json"));
        for (JsonNode f : data.get("figures")) {
            String id = f.get("id").asText();
            if (id.startsWith("unit-")) {
                String[] c = ROWS.get(Integer.parseInt(id.substring(5)) - 1);
                assertEquals(c[1], f.at("/value/unit").asText(), c[0]);
                if (!c[1].isEmpty()) assertEquals(c[2], f.at("/value/kind").asText(), c[0]);
                assertEquals(c[0], f.at("/value/written").asText());
                assertEquals(c[4], f.at("/value/en").asText());
            }
        }
        JsonNode rose = null;
        for (JsonNode f : data.get("figures")) if (f.get("id").asText().equals("share-rose")) rose = f;
        assertEquals("percentage_point", rose.at("/growth/unit").asText());
        assertEquals("points", rose.at("/growth/kind").asText());
        assertEquals("1.2", rose.at("/growth/amount").asText());
        String csv = new String(site.files().get("data/2017/key-figures-2017.csv"), StandardCharsets.UTF_8);
        // A signed change in words is text a spreadsheet would read as a formula: written with the apostrophe; its number is in growth_amount.
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("2017,share-rose,") && l.contains(",1.2,percentage_point,exact,'+1.2个百分点,'+1.2 percentage points,")), csv);
    }

    @Test
    void bothBulletinsPrintEveryValueWhole() {
        for (String lang : List.of("zh", "en")) {
            String text = PdfText.poppler(site.files().get(lang + "/2017/bulletin-2017-" + lang + ".pdf"));
            List<String> lines = text.lines().map(String::strip).toList();
            for (String[] c : ROWS) {
                String printed = lang.equals("zh") ? c[3] : c[4];
                if (printed.matches("[0-9,]+")) continue; // a bare number is found everywhere; its unit-bearing rows prove the rest
                assertTrue(lines.contains(printed) || lines.stream().anyMatch(l -> l.contains(printed)), lang + ": " + printed);
            }
            assertTrue(text.contains(lang.equals("zh") ? "+1.2个百分点" : "+1.2 percentage points"), lang);
        }
    }
}
