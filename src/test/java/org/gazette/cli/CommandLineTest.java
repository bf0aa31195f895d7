package org.gazette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gazette.cli.CommandLine.Command;
import org.gazette.cli.CommandLine.Option;
import org.gazette.problem.Lang;
import org.gazette.problem.Msg;
import org.junit.jupiter.api.Test;

/** The command-line parser on its own: what each command is given, and what a mistyped line is told. */
class CommandLineTest {

    /** What the last command was given (option → value), and the lines it printed. */
    record Run(int code, String out, String err, Map<String, String> given) {}

    static final List<Option> OPTIONS = List.of(
            Option.value("--content", "DIR", Msg.NAMED.with("content folder"), "content"),
            Option.flag("--strict", Msg.NAMED.with("warnings are errors")),
            Option.value("--now", "TIME", Msg.NAMED.with("publish as of this moment"), null),
            Option.required("--year", "YEAR", Msg.NAMED.with("the year")));

    static Run run(String... args) {
        Map<String, String> given = new java.util.TreeMap<>();
        Command root = Command.group("gz", Msg.NAMED.with("A tool."), List.of(
                Command.of("make", Msg.NAMED.with("Makes it."), OPTIONS, a -> {
                    for (String k : List.of("--content", "--strict", "--now", "--year", "NAME")) if (a.get(k) != null) given.put(k, a.get(k));
                    return 7;
                }).withArguments(Option.required("NAME", "NAME", Msg.NAMED.with("what to make"))),
                Command.group("new", Msg.NAMED.with("Starts things."), List.of(Command.of("article", Msg.NAMED.with("An article."), List.of(), a -> 3)))));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(root, "gz 1.0", Lang.EN).run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString(), given);
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
        Run r = run("make", "--content=news/2026", "--year", "2026", "--strict", "spring");
        assertEquals(7, r.code(), r.err());
        assertEquals(Map.of("--content", "news/2026", "--year", "2026", "--strict", "true", "NAME", "spring"), r.given());
    }

    @Test
    void defaultsFillWhatIsNotGivenAndOptionsMayComeAfterArguments() {
        Run r = run("make", "spring", "--year", "2026");
        assertEquals(Map.of("--content", "content", "--year", "2026", "NAME", "spring"), r.given());
    }

    @Test
    void valuesMayLookLikeOptionsOnlyWhenTheyCannotBeOne() {
        // A time zone offset or a folder named "-x" is a value; a word starting with -- is the next option.
        assertEquals("-05:00", run("make", "x", "--year", "1", "--now", "-05:00").given().get("--now"));
        assertEquals("=a=b", run("make", "x", "--year", "1", "--content==a=b").given().get("--content"));
        Run r = run("make", "x", "--now", "--year", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--now needs a value: --now TIME"), r.err());
        assertTrue(r.given().isEmpty(), "nothing runs after a usage error");
    }

    @Test
    void doubleDashEndsTheOptions() {
        Run r = run("make", "--year", "1", "--", "--strict");
        assertEquals(7, r.code(), r.err());
        assertEquals("--strict", r.given().get("NAME"));
        assertNull(r.given().get("--strict"));
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatWasMeant() {
        assertEquals("gz make: unknown option '--contnet' — did you mean --content? (see gz make --help)\n", err("make", "x", "--year", "1", "--contnet", "a"));
        assertEquals("gz make: unknown option '--CONTENT' — did you mean --content? (see gz make --help)\n", err("make", "x", "--year", "1", "--CONTENT", "a"));
        assertEquals("gz make: unknown option '--stri' — did you mean --strict? (see gz make --help)\n", err("make", "x", "--year", "1", "--stri"));
        assertEquals("gz make: unknown option '--colour' (see gz make --help)\n", err("make", "x", "--year", "1", "--colour"));
        assertEquals("gz make: unknown option '-s' (see gz make --help)\n", err("make", "x", "--year", "1", "-s"));
        assertTrue(err("mkae").startsWith("gz: unknown command 'mkae' — did you mean 'gz make'? (commands: make, new;"), err("mkae"));
        assertTrue(err("publish").startsWith("gz: unknown command 'publish' (commands: make, new;"), err("publish"));
        assertEquals("gz make: missing --year YEAR (the year) (see gz make --help)\n", err("make", "x"));
        assertEquals("gz make: missing NAME: gz make NAME (what to make) (see gz make --help)\n", err("make", "--year", "1"));
        assertEquals("gz make: unexpected 'y z' (options start with --, e.g. --content) (see gz make --help)\n", err("make", "x", "y", "z", "--year", "1"));
        assertEquals("gz make: --strict takes no value (remove '=no') (see gz make --help)\n", err("make", "x", "--year", "1", "--strict=no"));
        for (String[] args : List.of(new String[] {"make", "--contnet"}, new String[] {"mkae"}, new String[] {"make"}, new String[] {"new"})) {
            assertEquals(2, run(args).code(), String.join(" ", args));
        }
    }

    private static String err(String... args) {
        Run r = run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        return r.err().replace(System.lineSeparator(), "\n");
    }

    @Test
    void helpAndVersionWorkAtEveryLevelAndWinOverMistakes() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"make", "--help"}, new String[] {"make", "--bad", "-h"},
                new String[] {"help", "make"}, new String[] {"new", "article", "--help"}, new String[] {"help", "new", "article"})) {
            Run r = run(args);
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: gz"), r.out());
            assertEquals("", r.err());
        }
        assertEquals("gz 1.0", run("-V").out().strip());
        assertEquals("gz 1.0", run("make", "--version").out().strip());
        Run group = run("new");
        assertEquals(2, group.code());
        assertTrue(group.err().startsWith("Usage: gz new COMMAND"), group.err());
        assertEquals(2, run("help", "mkae").code());
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndFitsEightyColumns() {
        String help = run("make", "--help").out();
        assertTrue(help.startsWith("Usage: gz make [OPTIONS] --year YEAR NAME"), help);
        assertTrue(help.contains("  --content DIR  content folder (default: content)"), help);
        assertTrue(help.contains("  --year YEAR    the year (required)"), help);
        assertTrue(help.contains("  NAME  what to make"), help);
        for (String line : help.split("\\R")) assertTrue(line.length() <= 80, line);
        // Gazette's own help, every command
        List<String> pages = new ArrayList<>();
        pages.add(run0("--help"));
        for (Command c : Main.COMMANDS.commands()) {
            pages.add(run0(c.name(), "--help"));
            for (Command sub : c.commands()) pages.add(run0(c.name(), sub.name(), "--help"));
        }
        assertEquals(11, pages.size());
        assertTrue(pages.stream().anyMatch(p -> p.startsWith("Usage: gazette import [OPTIONS] --year YEAR --name NAME FILE")), pages::toString);
        assertTrue(pages.stream().anyMatch(p -> p.startsWith("Usage: gazette explain [OPTIONS] PATH")), pages::toString);
        for (String page : pages) for (String line : page.split("\\R")) assertTrue(line.length() <= 80, line);
    }

    private static String run0(String... args) {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)), String.join(" ", args));
        return out.toString();
    }

    @Test
    void linesBreakAtSpacesAndALongWordStandsAlone() {
        assertEquals(List.of("aa bb", "cc"), CommandLine.lines("aa bb cc", 5));
        assertEquals(List.of("a", "verylongword", "b"), CommandLine.lines("a verylongword b", 5));
        assertEquals(List.of(""), CommandLine.lines("", 5));
    }

    @Test
    void closestFindsSwapsDropsAndNothingForAWordTooFar() {
        assertEquals("--content", CommandLine.closest("--contnet", List.of("--content", "--templates")));
        assertEquals("build", CommandLine.closest("bulid", List.of("build", "check")));
        assertEquals("check", CommandLine.closest("chek", List.of("build", "check")));
        assertNull(CommandLine.closest("x", List.of("build", "check")));
    }
}
