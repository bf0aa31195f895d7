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
}
