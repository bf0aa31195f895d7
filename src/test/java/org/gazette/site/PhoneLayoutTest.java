package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gazette.BrowserScripts;
import org.gazette.PdfText;
import org.gazette.TestSites;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The site as a reader holds it: pages of the sample in headless Chromium at 390 px (a phone) and
 * 1280 px (tools/a11y/phone.mjs). Nothing is cut off at the right, runs past its own box, or makes the
 * page scroll sideways; the 404 page's stylesheet is found from any address of the site;
 * on a phone the key figures are cards — each value under its column's name, the parts a figure does
 * not have left out — and on a desk screen a table. A column no figure of the year fills is left out
 * of the table, on the page and in the bulletin.
 */
class PhoneLayoutTest {

    static final List<String> PAGES = List.of("zh/index.html", "en/index.html", "zh/2017/", "en/2017/", "zh/2017/news/meeting.html",
            "en/2017/news/meeting.html", "zh/archive.html", "zh/search.html");

    static List<JsonNode> look(Path site, List<String> pages) throws Exception {
        List<String> args = new ArrayList<>(List.of(site.toString()));
        args.addAll(pages);
        return BrowserScripts.run("phone.mjs", args, 120);
    }

    @Test
    void nothingIsCutOffAndTheKeyFiguresAreCardsOnAPhone(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertTrue(TestSites.build(TestSites.CONTENT, out).ok());
        List<JsonNode> seen = look(out, PAGES);
        assertEquals(2 * PAGES.size(), seen.size());
        for (JsonNode s : seen) {
            String where = s.get("page").asText() + " at " + s.get("width").asInt() + " px";
            assertFalse(s.get("scrollsSideways").asBoolean(), where + " scrolls sideways");
            assertEquals(0, s.get("cut").size(), where + ": cut off at the right: " + s.get("cut"));
        }
        // The home page's key figures: two to a row on a Chinese phone, one in English (its values are longer
        // and never break), several on a desk screen.
        assertEquals(2, at(seen, "zh/index.html", 390).get("cardsPerRow").asInt());
        assertEquals(1, at(seen, "en/index.html", 390).get("cardsPerRow").asInt());
        assertTrue(at(seen, "zh/index.html", 1280).get("cardsPerRow").asInt() >= 3);
        // A card's value is one line as tall as its neighbours' whether it has a unit or not ("146" sat 3 px higher
        // than "2.656 billion yuan": the unit's span, in its own fallback font, made its line taller).
        for (String page : List.of("zh/index.html", "en/index.html")) {
            for (int width : new int[] {390, 1280}) {
                assertEquals(1, at(seen, page, width).get("cardValueHeights").size(), page + " at " + width + " px: " + at(seen, page, width).get("cardValueHeights"));
            }
        }
        // The charts' labels and values at the body's size, phone and desk alike (a drawing scaled down to a
        // phone's column had set them at 13 px, one scaled up at 18 px).
        for (String page : List.of("zh/2017/", "en/2017/")) {
            for (int width : new int[] {390, 1280}) {
                JsonNode s = at(seen, page, width);
                double body = s.get("bodyPx").asDouble();
                assertTrue(s.get("chartTextPx").size() >= 4, page + " has its charts");
                for (JsonNode px : s.get("chartTextPx")) {
                    assertTrue(Math.abs(px.asDouble() - body) <= 1.0, page + " at " + width + " px: chart text " + px + " px, body " + body + " px");
                }
            }
        }
        for (String lang : List.of("zh", "en")) {
            JsonNode phone = seen.stream().filter(s -> s.get("page").asText().equals(lang + "/2017/") && s.get("width").asInt() == 390).findFirst().orElseThrow();
            JsonNode desk = seen.stream().filter(s -> s.get("page").asText().equals(lang + "/2017/") && s.get("width").asInt() == 1280).findFirst().orElseThrow();
            List<String> columns = new ArrayList<>();
            desk.get("columns").forEach(c -> columns.add(c.asText()));
            assertEquals(6, columns.size(), "the sample fills every column: " + columns);
            assertEquals(11, phone.get("cards").size());
            for (JsonNode card : phone.get("cards")) {
                assertTrue(card.get("cells").size() >= 1, card.toString());
                for (JsonNode cell : card.get("cells")) {
                    // Each value under its column's name; a part the figure lacks is not shown as a dash.
                    assertTrue(columns.contains(cell.get("label").asText()), card.toString());
                    assertFalse(cell.get("text").asText().equals("—"), card.toString());
                }
            }
            JsonNode revenue = phone.get("cards").get(1);
            assertEquals(lang.equals("zh") ? "[数值, 目标, 完成情况]" : "[Value, Target, Attainment]",
                    labels(revenue).toString(), revenue.toString());
        }
    }

    private static JsonNode at(List<JsonNode> seen, String page, int width) {
        return seen.stream().filter(s -> s.get("page").asText().equals(page) && s.get("width").asInt() == width).findFirst().orElseThrow();
    }

    private static List<String> labels(JsonNode card) {
        List<String> out = new ArrayList<>();
        card.get("cells").forEach(c -> out.add(c.get("label").asText()));
        return out;
    }

    /** The 404 page links from the site's root, not its absolute address: styled on a test server too. */
    @Test
    void theNotFoundPageLinksFromTheSitesRoot(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertTrue(TestSites.build(TestSites.CONTENT, out).ok());
        var page = Jsoup.parse(out.resolve("zh/404.html").toFile(), "UTF-8");
        assertEquals("/assets/style.css", page.selectFirst("link[rel=stylesheet]").attr("href"));
        // Every link into the site from its root; links out (the filing sites, the error-report platform, tel:, mailto:) as they are.
        assertTrue(page.select("a[href]").stream().map(a -> a.attr("href")).allMatch(h -> h.startsWith("/") && !h.startsWith("//") || h.startsWith("#")
                        || h.startsWith("https://") && !h.startsWith("https://news.guancheng.example.gov.cn") || h.startsWith("tel:") || h.startsWith("mailto:")),
                page.select("a[href]").eachAttr("href")::toString);
    }

    /** A year whose figures give no growth: the growth column is left out of the page's table and the bulletin's. */
    @Test
    void aColumnNoFigureFillsIsLeftOut(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp.resolve("content"));
        Path report = content.resolve("2017/report.yaml");
        TestSites.write(report, TestSites.read(report).replace("    growth: 7%\n", ""));
        Path out = tmp.resolve("out");
        var r = TestSites.build(content, out);
        assertTrue(r.ok(), r.problems()::toString);
        for (String lang : List.of("zh", "en")) {
            var table = Jsoup.parse(out.resolve(lang + "/2017/index.html").toFile(), "UTF-8").selectFirst("table.figures");
            List<String> heads = table.select("thead th").eachText();
            assertEquals(5, heads.size(), heads.toString());
            assertFalse(heads.contains(lang.equals("zh") ? "同比增长" : "Growth"), heads.toString());
            assertTrue(table.select("tbody tr").stream().allMatch(tr -> tr.select("th, td").size() == 5), "every row has the table's cells");
        }
        String zh = PdfText.poppler(Files.readAllBytes(out.resolve("zh/2017/bulletin-2017-zh.pdf")));
        String header = zh.lines().filter(l -> l.contains("数值") && l.contains("指标")).findFirst().orElseThrow(() -> new AssertionError(zh));
        assertTrue(header.contains("完成情况") && header.contains("排名"), "the bulletin's table has its other columns: " + header);
        assertFalse(header.contains("同比增长"), "but not the empty one: " + header);
    }
}
