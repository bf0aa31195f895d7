package org.gazette.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gazette.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Honours, commendations, highlights and plans edited at the desk: in place, as a person would write them, and it still loads. */
class ReportListsTest {

    @Test
    void editRemoveAndAddKeepEveryOtherLine(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Path file = content.resolve("2017/report.yaml");
        String before = Files.readString(file);
        List<ReportLists.Section> sections = ReportLists.read(content, "2017");
        ReportLists.Section honours = sections.get(0);
        assertEquals("honours", honours.name());
        int count = honours.entries().size();
        assertTrue(count >= 3, honours.toString());
        ReportLists.Entry second = honours.entries().get(1);
        String title = second.cells().get("title.zh").text();
        String removedHolder = honours.entries().get(2).cells().get("holder.zh").text();
        String version = org.gazette.desk.Articles.versionOf(before.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ReportLists.save(content, "2017", version,
                List.of(new ReportLists.Edit("honours", 1, "title.zh", title + "（复核）")),
                List.of(new ReportLists.Added("honours", Map.of("holder.zh", "管城区", "holder.en", "Guancheng District",
                        "title.zh", "全国科普示范区", "title.en", "National Model District for Science Popularisation", "level", "national", "field", "education"))),
                List.of(new ReportLists.Removed("honours", 2)));
        String after = Files.readString(file);
        assertTrue(after.contains(title + "（复核）"));
        assertFalse(after.contains("zh: " + removedHolder + "\n      en") && before.indexOf(removedHolder) == before.lastIndexOf(removedHolder), "the removed entry's lines are gone");
        assertTrue(after.contains("  - holder:\n      zh: 管城区\n      en: Guancheng District\n    title:\n      zh: 全国科普示范区\n"), after);
        assertEquals(count, ReportLists.read(content, "2017").get(0).entries().size(), "one removed, one added");
        // Everything before the honours is as it was, byte for byte.
        int honoursAt = before.indexOf("\nhonours:");
        assertEquals(before.substring(0, honoursAt), after.substring(0, honoursAt));
        var r = TestSites.check(content);
        assertTrue(r.ok(), r.problems()::toString);
    }

    @Test
    void aNewYearGetsItsFirstHighlightsAsANewSection(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        org.gazette.content.NewText.year(content, 2018, java.time.Instant.parse("2018-12-20T02:00:00Z"));
        Path file = content.resolve("2018/report.yaml");
        String before = Files.readString(file);
        assertEquals(0, ReportLists.read(content, "2018").get(2).entries().size(), "kept only as comments in a new year");
        ReportLists.save(content, "2018", org.gazette.desk.Articles.versionOf(before.getBytes(java.nio.charset.StandardCharsets.UTF_8)), List.of(),
                List.of(new ReportLists.Added("highlights", Map.of("field", "economy", "text.zh", "2018年全区经济总量突破350亿元。", "text.en", "In 2018 the economy passed 35 billion yuan."))),
                List.of());
        String after = Files.readString(file);
        assertTrue(after.startsWith(before.stripTrailing()), "added at the end, nothing else changed");
        assertTrue(after.contains("\nhighlights:\n  - field: economy\n    text:\n      zh: 2018年全区经济总量突破350亿元。\n      en: In 2018 the economy passed 35 billion yuan.\n"), after);
        var r = OptionalFieldsCheck.check(content);
        assertTrue(r.ok(), r.problems()::toString);
    }

    @Test
    void onlyTheListsPartsAndWordsAreTaken(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        String v = org.gazette.desk.Articles.versionOf(Files.readAllBytes(content.resolve("2017/report.yaml")));
        assertThrows(Articles.Refused.class, () -> ReportLists.save(content, "2017", v, List.of(new ReportLists.Edit("honours", 99, "title.zh", "x")), List.of(), List.of()));
        assertThrows(Articles.Refused.class, () -> ReportLists.save(content, "2017", v, List.of(),
                List.of(new ReportLists.Added("honours", Map.of("level", "national\nfigures: []"))), List.of()));
        assertThrows(Articles.Refused.class, () -> ReportLists.save(content, "2017", v, List.of(), List.of(new ReportLists.Added("figures", Map.of())), List.of()));
        assertThrows(Articles.Conflict.class, () -> ReportLists.save(content, "2017", "0000", List.of(), List.of(), List.of()));
    }
}
