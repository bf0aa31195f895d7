package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.gazette.Generated;
import org.gazette.TestSites;
import org.gazette.cli.Main;
import org.gazette.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A character no page, feed or PDF can carry is refused where it was written, in every content and
 * template file, never an unreadable feed or an "internal error"; and nothing a user wrote reaches
 * the terminal as a command to it.
 */
class ForbiddenCharactersTest {

    /** Files of the sample a writer (or a template author) edits, with a line of each to put a character into. */
    private static final List<String[]> PLACES = List.of(
            new String[] {"content/2017/news/meeting.en.md", "title: "},
            new String[] {"content/2017/news/meeting.zh.md", "---"},
            new String[] {"content/2017/report.en.md", ""},
            new String[] {"content/2017/report.yaml", "  zh: "},
            new String[] {"content/site.yaml", "title:"},
            new String[] {"templates/i18n/en.yaml", ""},
            new String[] {"templates/article.ftlh", "<"},
            new String[] {"templates/bulletin/bulletin.ftlh", "<"});

    /** A character XML 1.0 refuses, a noncharacter, or a C1 control — each kind in turn. */
    static int forbidden(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> Generated.pick(r, List.of(0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F));
            case 1 -> 0x7F + r.nextInt(0x21); // DEL and C1 (U+009B is a terminal's CSI)
            case 2 -> 0xFDD0 + r.nextInt(0x20);
            case 3 -> (r.nextInt(17) << 16) | 0xFFFE | r.nextInt(2);
            case 4 -> 0xFFFE;
            default -> 0x01;
        };
    }

    record Case(String file, int line, int column, int character) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + " U+" + Integer.toHexString(character);
        }
    }

    @Test
    void refusedAtTheirPlaceInEveryFile(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("base");
        TestSites.copyTree(TestSites.CONTENT, base.resolve("content"));
        TestSites.copyTree(TestSites.TEMPLATES, base.resolve("templates"));
        int[] n = {0};
        Generated.check(24, r -> {
            String[] place = PLACES.get(r.nextInt(PLACES.size()));
            try {
                List<String> lines = Files.readAllLines(base.resolve(place[0]));
                List<Integer> candidates = new java.util.ArrayList<>();
                for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(place[1]) && !lines.get(i).isEmpty()) candidates.add(i);
                int line = candidates.get(r.nextInt(candidates.size()));
                int column = 1 + r.nextInt(lines.get(line).codePointCount(0, lines.get(line).length()) + 1);
                return new Case(place[0], line + 1, column, forbidden(r));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, c -> {
            try {
                Path dir = tmp.resolve("try-" + n[0]++);
                TestSites.copyTree(base, dir);
                Path file = dir.resolve(c.file());
                List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
                String l = lines.get(c.line() - 1);
                int at = l.offsetByCodePoints(0, c.column() - 1);
                lines.set(c.line() - 1, l.substring(0, at) + new String(Character.toChars(c.character())) + l.substring(at));
                Files.writeString(file, String.join("\n", lines) + "\n");
                StringWriter err = new StringWriter();
                int code = Main.run(new String[] {"check", "--content", dir.resolve("content").toString(), "--templates", dir.resolve("templates").toString()},
                        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
                String stderr = err.toString();
                assertEquals(1, code, stderr);
                assertFalse(stderr.contains("internal error"), stderr);
                String where = c.file().replaceFirst("^content/", "") + ":" + c.line() + ":" + c.column() + ": ";
                assertTrue(stderr.contains(where) && stderr.contains(String.format("U+%04X", c.character())), "expected " + where + " in\n" + stderr);
                assertTrue(stderr.chars().allMatch(ch -> ch >= 0x20 || ch == '\n'), "no control character reaches the terminal");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void charactersAFeedCanCarryStillBuildAWellFormedFeed(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Path md = content.resolve("2017/news/meeting.en.md");
        // Characters that look odd but are allowed: a no-break space, a zero-width no-break space, an emoji, CJK Extension B, a tab.
        Files.writeString(md, Files.readString(md).replaceFirst("title: ", "title: \u00A0\uFEFF😀𠀀\t"));
        var r = TestSites.pages(content, tmp.resolve("out"));
        assertTrue(r.ok(), r.problems().toString());
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.newDocumentBuilder().parse(tmp.resolve("out/en/atom.xml").toFile()); // throws if not well-formed
    }

    @Test
    void aFileNameWithTerminalCommandsIsShownAsCodes(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Files.writeString(content.resolve("2017/news/\u001b]0;pwned\u0007\u001b[2J.md"), "x");
        StringWriter err = new StringWriter();
        Main.run(new String[] {"check", "--content", content.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertFalse(err.toString().chars().anyMatch(ch -> ch == 0x1B || ch == 0x07), err.toString());
        assertTrue(err.toString().contains("\\x1B]0;pwned\\x07\\x1B[2J.md"), err.toString());
    }

    @Test
    void visibleWritesEveryControlAndOverrideAsItsCode() {
        assertEquals("a\\x1B[2Jb\\x9Bc\\u202Ed\\x0A", Problem.visible("a\u001b[2Jb\u009bc\u202ed\n"));
        assertEquals("管城区 2017", Problem.visible("管城区 2017"));
    }
}
