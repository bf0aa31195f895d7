package org.gazette.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key figures edited as a table write back into report.yaml in place: the changed values on
 * their lines, every other byte as it was; a value is checked and shown in each language as typed.
 */
class ReportTableTest {

    static ReportTable table(Path content) {
        return new ReportTable(content, TestSites.TEMPLATES, new Articles(content, List.of("zh", "en")));
    }

    @Test
    void editsChangeOnlyTheirLines(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Path file = content.resolve("2017/report.yaml");
        String before = Files.readString(file);
        ReportTable t = table(content);
        ReportTable.Table read = t.read("2017");
        ReportTable.Figure revenue = read.figures().stream().filter(f -> f.id().equals("budget-revenue")).findFirst().orElseThrow();
        assertEquals("26.56亿元", revenue.cells().get("value").text());
        assertEquals("地方财政一般公共预算收入", revenue.cells().get("label.zh").text());
        t.save("2017", read.version(), List.of(
                new ReportTable.Edit("budget-revenue", "value", "26.57亿元"),
                new ReportTable.Edit("budget-revenue", "growth", "12.3%"),
                new ReportTable.Edit("economic-output", "label.en", "Output of the district: all of it")));
        String after = Files.readString(file);
        List<String> was = before.lines().toList();
        List<String> now = after.lines().toList();
        assertEquals(was.size() + 1, now.size(), "one line added (the growth), none lost");
        long changed = 0;
        for (int i = 0, j = 0; i < was.size(); i++, j++) {
            if (now.get(j).equals("    growth: 12.3%")) j++;
            if (!was.get(i).equals(now.get(j))) changed++;
        }
        assertEquals(2, changed, "the value's and the label's lines, nothing else");
        assertTrue(after.contains("    value: 26.57亿元\n    overTarget: 1.28亿元\n    growth: 12.3%\n"), after);
        assertTrue(after.contains("      en: \"Output of the district: all of it\"\n"), after);
        // And it still loads, with the new value.
        var r = TestSites.check(content);
        assertTrue(r.ok(), r.problems()::toString);
    }

    @Test
    void aNewYearsEmptyValueIsFilledBesideItsComment(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        org.gazette.content.NewText.year(content, 2018, java.time.Instant.parse("2018-12-20T02:00:00Z"));
        ReportTable t = table(content);
        ReportTable.Table read = t.read("2018");
        t.save("2018", read.version(), List.of(new ReportTable.Edit("economic-output", "value", "超350亿元")));
        String after = Files.readString(content.resolve("2018/report.yaml"));
        assertTrue(after.contains("    value: 超350亿元            # 2017: 超320亿元\n"), after);
        assertThrows(Articles.Conflict.class, () -> t.save("2018", read.version(), List.of(new ReportTable.Edit("economic-output", "value", "1亿元"))),
                "refused over a file changed since it was read");
    }

    @Test
    void aValueIsShownInEachLanguageOrSaidWhatIsWrong(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        ReportTable t = table(content);
        ReportTable.Checked ok = t.check("26.56亿元");
        assertTrue(ok.ok());
        assertEquals("26.56亿元", ok.shown().get("zh"));
        assertEquals("2.656 billion yuan", ok.shown().get("en"));
        ReportTable.Checked bad = t.check("26.56亿园");
        assertFalse(bad.ok());
        assertTrue(bad.message().toString().contains("unknown unit '园'"), bad.message()::toString);
    }

    @Test
    void onlyTheTablesPartsAreEdited(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        ReportTable t = table(content);
        String v = t.read("2017").version();
        assertThrows(Articles.Refused.class, () -> t.save("2017", v, List.of(new ReportTable.Edit("budget-revenue", "id", "x"))));
        assertThrows(Articles.Refused.class, () -> t.save("2017", v, List.of(new ReportTable.Edit("no-such", "value", "1"))));
        assertThrows(Articles.Refused.class, () -> t.save("2017", v, List.of(new ReportTable.Edit("budget-revenue", "value", "1\nhonours: []"))));
        assertThrows(Articles.Refused.class, () -> t.read("../2017"));
    }
}
