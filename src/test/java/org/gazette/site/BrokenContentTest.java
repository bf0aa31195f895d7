package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gazette.ChineseText;
import org.gazette.TestSites;
import org.gazette.cli.Main;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per mistake a press officer can make, under src/test/resources/broken/<case>/: the
 * files that differ from a small valid site (_base/), and expected.txt, exactly what
 * {@code gazette check} must print on stderr (expected.zh.txt: the same in Chinese). ${content} stands for the content folder's path.
 * Cases whose input cannot live in git as text (a GBK file, a symlink, a 6 MB file) are made here.
 * After an intended change of wording, rewrite with -Dgazette.updateGolden=true and review the diff.
 */
class BrokenContentTest {

    static final Path BROKEN = Path.of("src/test/resources/broken");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(BROKEN)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(60)
    void checkReportsExactly(String name, @TempDir Path tmp) throws IOException {
        check(name, tmp, Map.of("GAZETTE_LANG", "en"), "expected.txt");
    }

    /**
     * The same mistakes told to an office whose system speaks Chinese ({@code LANG=zh_CN.UTF-8}): every
     * problem in Chinese, at the same file, line and column as in English, with no English sentence
     * left outside quotation marks.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(60)
    void checkReportsExactlyInChinese(String name, @TempDir Path tmp) throws IOException {
        String zh = check(name, tmp, Map.of("LANG", "zh_CN.UTF-8"), "expected.zh.txt");
        String en = Files.readString(BROKEN.resolve(name).resolve("expected.txt"), StandardCharsets.UTF_8);
        List<String> zhLines = zh.lines().toList();
        List<String> enLines = en.lines().toList();
        assertEquals(enLines.size(), zhLines.size(), "one line per problem, as in English");
        for (int i = 0; i < zhLines.size(); i++) {
            var enAt = ChineseText.POSITION.matcher(enLines.get(i));
            var zhAt = ChineseText.POSITION.matcher(zhLines.get(i));
            assertTrue(enAt.find() && zhAt.find(), zhLines.get(i));
            assertEquals(enAt.group(), zhAt.group(), "the same position in both languages");
            assertEquals(List.of(), ChineseText.englishIn(zhLines.get(i)), zhLines.get(i));
            assertTrue(zhLines.get(i).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), zhLines.get(i));
        }
    }

    /** Runs {@code gazette check} on the case with {@code env}; compares its stderr with {@code expected} (the case's file). */
    private static String check(String name, Path tmp, Map<String, String> env, String expected) throws IOException {
        Path fixture = BROKEN.resolve(name);
        Path content = tmp.resolve("content");
        TestSites.copyTree(BROKEN.resolve("_base"), content);
        if (Files.isDirectory(fixture.resolve("content"))) TestSites.copyTree(fixture.resolve("content"), content);
        Path templates = TestSites.TEMPLATES;
        if (Files.isDirectory(fixture.resolve("templates"))) {
            templates = tmp.resolve("templates");
            TestSites.copyTree(TestSites.TEMPLATES, templates);
            TestSites.copyTree(fixture.resolve("templates"), templates);
        }
        prepare(name, content);

        var before = TestSites.snapshot(tmp, Path.of("site-out"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", "--content", content.toString(), "--templates", templates.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true), env);
        String stderr = err.toString().replace(content.toString(), "${content}")
                .replaceAll("\\d+\\.\\d\\d s", "T s").replaceAll("\\d+\\.\\d\\d 秒", "T 秒");
        Path expectedFile = fixture.resolve(expected);
        if (Boolean.getBoolean("gazette.updateGolden")) Files.writeString(expectedFile, stderr, StandardCharsets.UTF_8);
        String want = Files.readString(expectedFile, StandardCharsets.UTF_8);
        assertEquals(want, stderr, name);
        assertEquals(want.isEmpty() ? 0 : 1, code, "exit code");
        assertFalse(stderr.contains("\tat "), "never a stack trace");
        // check would write to ./site-out (the default --out) or beside the content: neither changes.
        assertEquals(before, TestSites.snapshot(tmp, Path.of("site-out")), "check writes nothing");
        return stderr;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }

    /** Inputs made by the test: encodings, links and sizes that a text fixture cannot hold. */
    static void prepare(String name, Path content) throws IOException {
        switch (name) {
            case "not-utf8-gbk" -> {
                Path f = content.resolve("2017/news/meeting.zh.md");
                Files.write(f, Files.readString(f).getBytes(Charset.forName("GB18030")));
            }
            case "bom-and-crlf" -> {
                try (Stream<Path> s = Files.walk(content)) {
                    for (Path f : s.filter(Files::isRegularFile).toList()) {
                        String crlf = Files.readString(f).replace("\n", "\r\n");
                        byte[] body = crlf.getBytes(StandardCharsets.UTF_8);
                        byte[] withBom = new byte[body.length + 3];
                        withBom[0] = (byte) 0xEF;
                        withBom[1] = (byte) 0xBB;
                        withBom[2] = (byte) 0xBF;
                        System.arraycopy(body, 0, withBom, 3, body.length);
                        Files.write(f, withBom);
                    }
                }
            }
            case "symlink-outside" -> {
                Path outside = content.resolveSibling("outside.md");
                Files.writeString(outside, "---\ntitle: secret\ndate: 2018-02-27\n---\n\nsecret\n");
                Files.createSymbolicLink(content.resolve("2017/news/leak.zh.md"), outside);
            }
            case "oversized-file" -> {
                StringBuilder sb = new StringBuilder("---\ntitle: big\ndate: 2018-02-27\n---\n\n");
                String line = "这是一行很长的测试文字。".repeat(20) + "\n";
                while (sb.length() * 3 < 6 * 1024 * 1024) sb.append(line);
                Files.writeString(content.resolve("2017/news/big.zh.md"), sb.toString());
            }
            case "empty-content-folder" -> {
                OutputFolder.deleteTree(content);
                Files.createDirectories(content);
            }
            case "missing-content-folder" -> OutputFolder.deleteTree(content);
            // 20,000 levels: each of these overflowed the stack (an "internal error") before they were refused.
            case "markdown-nesting-quote" -> append(content.resolve("2017/news/meeting.en.md"), "\n" + ">".repeat(20_000) + " deep\n");
            case "markdown-nesting-list" -> append(content.resolve("2017/news/meeting.en.md"), "\n" + "- ".repeat(20_000) + "deep\n");
            case "markdown-nesting-emphasis" -> append(content.resolve("2017/news/meeting.en.md"),
                    "\n" + "*".repeat(20_000) + "deep\ndeep" + "*".repeat(20_000) + "\n");
            case "yaml-nesting-depth" -> {
                StringBuilder sb = new StringBuilder("notes:\n");
                for (int i = 1; i < 1000; i++) sb.append("  ".repeat(i)).append("k:\n");
                append(content.resolve("2017/report.yaml"), sb.toString());
            }
            case "yaml-nesting-flow" -> append(content.resolve("2017/report.yaml"), "notes: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
            case "line-too-long-markdown" -> append(content.resolve("2017/news/meeting.zh.md"), "\n" + "很长的一段话。".repeat(20_000) + "\n");
            case "line-too-long-yaml" -> {
                Path f = content.resolve("2017/report.yaml");
                Files.writeString(f, Files.readString(f).replace("value: 100亿元", "value: 100亿元" + "0".repeat(100_000)));
            }
            // A 20,000 × 20,000 PNG (400 megapixels) whose pixels compress to next to nothing: its header is enough to refuse it.
            case "image-too-many-pixels" -> {
                Files.createDirectories(content.resolve("2017/news/images"));
                Files.write(content.resolve("2017/news/images/aerial.png"), TestSites.pngHeader(20_000, 20_000));
            }
            // Measured where flexmark's time grows with the square (Sizes): refused at the first row or link past the limit.
            case "markdown-table-too-long" -> append(content.resolve("2017/news/meeting.en.md"),
                    "\n| Street | Households |\n|---|---|\n" + "| Beixiajie | 1,204 |\n".repeat(40_000));
            case "markdown-too-many-links" -> append(content.resolve("2017/news/meeting.en.md"), "\n" + "[a](".repeat(16_000) + "\n");
            case "quantity-too-large" -> {
                Path f = content.resolve("2017/report.yaml");
                Files.writeString(f, Files.readString(f).replace("value: 100亿元", "value: 超1000000000000亿元"));
            }
            default -> { }
        }
    }

}
