package org.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.site.Build;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The key figures as open data: exact values, both languages, linked from the report pages. */
class OpenDataTest {

    static Build.Result site;

    @BeforeAll
    static void build(@TempDir Path tmp) {
        site = TestSites.build(TestSites.CONTENT, tmp.resolve("out"));
        assertTrue(site.ok());
    }

    @Test
    void jsonHasExactValuesAndBothLanguages() throws Exception {
        JsonNode root = new ObjectMapper().readTree(site.files().get("data/2017/key-figures-2017.json"));
        assertEquals(2017, root.get("year").asInt());
        assertEquals(11, root.get("figures").size());
        JsonNode revenue = root.get("figures").get(1);
        assertEquals("budget-revenue", revenue.get("id").asText());
        assertEquals("地方财政一般公共预算收入", revenue.get("label").get("zh").asText());
        assertEquals("Local general public budget revenue", revenue.get("label").get("en").asText());
        assertEquals("2656000000", revenue.get("value").get("amount").asText(), "exact, as a decimal string");
        assertEquals("2.656 billion yuan", revenue.get("value").get("en").asText());
        assertEquals("2528000000", revenue.get("target").get("amount").asText());
        assertEquals("128000000", revenue.get("overTarget").get("amount").asText());
        assertEquals("105.06", revenue.get("attainment").get("amount").asText());
        JsonNode quality = root.get("figures").get(2);
        assertEquals(1, quality.get("rank").get("position").asInt());
        assertEquals(6, quality.get("rank").get("of").asInt());
        assertEquals("over", root.get("figures").get(0).get("value").get("qualifier").asText());
    }

    @Test
    void csvOpensAsUtf8InSpreadsheets() {
        String csv = new String(site.files().get("data/2017/key-figures-2017.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFyear,id,field,label_zh,label_en,value_amount,"), "BOM, then the header");
        List<String> lines = csv.lines().toList();
        assertEquals(12, lines.size(), "header + 11 figures");
        assertTrue(lines.get(2).startsWith("2017,budget-revenue,economy,地方财政一般公共预算收入,Local general public budget revenue,2656000000,yuan,exact,26.56亿元,2.656 billion yuan,"), lines.get(2));
        assertTrue(csv.contains("\r\n"), "RFC 4180 line ends");
    }

    @Test
    void reportPagesLinkToTheData() {
        for (String lang : List.of("zh", "en")) {
            String page = new String(site.files().get(lang + "/2017/index.html"), StandardCharsets.UTF_8);
            assertTrue(page.contains("href=\"../../data/2017/key-figures-2017.json\""), lang);
            assertTrue(page.contains("href=\"../../data/2017/key-figures-2017.csv\""), lang);
        }
    }

    /** Cells of a file made for spreadsheets that a spreadsheet would run as formulas, from hostile labels, and numbers that must stay numbers. */
    @Test
    void csvCellsAreNeverFormulasAndNumbersStayNumbers(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Path report = content.resolve("2017/report.yaml");
        String yaml = TestSites.read(report)
                .replace("zh: 全区经济总量", "zh: \"=cmd|' /C calc'!A0\"")
                .replace("en: Economic output of the district", "en: \"@SUM(1+1)*cmd|' /C calc'!A0\"")
                .replace("zh: 地方财政一般公共预算收入", "zh: \"+1+cmd|' /C calc'!A0\"")
                .replace("en: Local general public budget revenue", "en: \"-2+3+cmd|' /C calc'!A0\"")
                .replace("growth: 7%", "growth: -2.3%");
        TestSites.write(report, yaml);
        Build.Result r = TestSites.pages(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems()::toString);
        String csv = new String(r.files().get("data/2017/key-figures-2017.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(csv.lines().toList().get(0).substring(1).split(","));
        for (String line : csv.lines().skip(1).toList()) {
            for (String cell : cells(line)) {
                String t = cell.stripLeading();
                boolean number = t.matches("[+\\-\u2212]?\\d+(\\.\\d+)?%?");
                assertTrue(number || t.isEmpty() || "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\u2212".indexOf(t.charAt(0)) < 0, "a formula cell: " + cell);
            }
        }
        List<String> first = cells(csv.lines().toList().get(1));
        assertEquals("'=cmd|' /C calc'!A0", first.get(header.indexOf("label_zh")));
        assertEquals("'@SUM(1+1)*cmd|' /C calc'!A0", first.get(header.indexOf("label_en")));
        assertEquals("-2.3", first.get(header.indexOf("growth_amount")), "a negative number is still a number");
        JsonNode root = new ObjectMapper().readTree(r.files().get("data/2017/key-figures-2017.json"));
        assertEquals("-2.3", root.get("figures").get(0).get("growth").get("amount").asText());
        assertEquals("=cmd|' /C calc'!A0", root.get("figures").get(0).get("label").get("zh").asText(), "JSON keeps the text as written");
    }

    /** RFC 4180 cells of one line. */
    static List<String> cells(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
