package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gazette.TestSites;
import org.gazette.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A link that leaves its folder is never followed: not to publish what it points at, not to write where it points. */
class LinksLeavingTest {

    @Test
    void anAssetLinkedToAFileOutsideIsRefusedNotPublished(@TempDir Path tmp) throws Exception {
        Path templates = tmp.resolve("templates");
        TestSites.copyTree(TestSites.TEMPLATES, templates);
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "db password: hunter2");
        Files.createSymbolicLink(templates.resolve("assets/notes.txt"), secret);
        var r = new Build(new Build.Options(TestSites.CONTENT, templates, tmp.resolve("out"), false,
                org.gazette.content.Publishing.live(), false, false)).run(false);
        assertFalse(r.ok());
        assertTrue(r.problems().stream().anyMatch(p -> p.isError() && p.file().equals("templates/assets/notes.txt")), r.problems().toString());
        assertFalse(r.files().containsKey("assets/notes.txt"));
        assertTrue(r.files().values().stream().noneMatch(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8).contains("hunter2")));
    }

    @Test
    void newArticleDoesNotWriteThroughALinkedNewsFolder(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        Files.createDirectories(content.resolve(String.valueOf(year)));
        Files.createSymbolicLink(content.resolve(year + "/news"), elsewhere);
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"new", "article", "spring-planting", "--content", content.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains(year + "/news"), err.toString());
        try (var s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "nothing written outside the content folder");
        }
    }
}
