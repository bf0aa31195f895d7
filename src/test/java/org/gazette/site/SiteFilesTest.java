package org.gazette.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.gazette.TestSites;
import org.gazette.content.Publishing;
import org.gazette.problem.Problem;
import org.gazette.search.SearchIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build writes each file as it is made and keeps of each page only its facts (links, ids, search
 * document); a check keeps the pages in memory. Both must come to the same site and the same findings.
 */
class SiteFilesTest {

    @Test
    void aBuildWritingAsItGoesMakesWhatACheckMakesInMemory(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site-out");
        Build.Result built = new Build(new Build.Options(TestSites.CONTENT, TestSites.TEMPLATES, out, false, Publishing.live())).run(true);
        assertTrue(built.ok(), built.problems()::toString);
        Build.Result checked = new Build(new Build.Options(TestSites.CONTENT, TestSites.TEMPLATES, tmp.resolve("unused"), false,
                Publishing.live(), true, true)).run(false);
        assertTrue(checked.ok(), checked.problems()::toString);

        SortedMap<String, byte[]> onDisk = new TreeMap<>();
        for (Path p : TestSites.files(out)) onDisk.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        // Every file the check made in memory is on disk, byte for byte (the PDFs carry no time of making).
        for (var f : checked.files().entrySet()) {
            assertTrue(onDisk.containsKey(f.getKey()), f.getKey());
            assertArrayEquals(f.getValue(), onDisk.get(f.getKey()), f.getKey());
        }
        // The index made from what each page left as it was written equals the one made by reading the pages.
        SortedMap<String, byte[]> fromPages = SearchIndex.of(checked.files());
        SortedMap<String, byte[]> written = new TreeMap<>(onDisk.subMap("search/", "search0"));
        assertEquals(fromPages.keySet(), written.keySet());
        for (var f : fromPages.entrySet()) assertArrayEquals(f.getValue(), written.get(f.getKey()), f.getKey());
        // The same findings, said the same way.
        assertEquals(built.problems().stream().map(Problem::format).toList(), checked.problems().stream().map(Problem::format).toList());
        // What the build returns reads the files it wrote.
        assertEquals(onDisk.keySet().stream().filter(k -> !k.equals(OutputFolder.LIST)).toList(), List.copyOf(built.files().keySet()));
        assertArrayEquals(onDisk.get("zh/index.html"), built.files().get("zh/index.html"));
    }

    @Test
    void brokenLinksAreFoundFromTheFactsAsFromThePages(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Path text = content.resolve("2017/news/meeting.zh.md");
        TestSites.write(text, TestSites.read(text) + "\n\n见[另一篇](missing.md)和[本文第二节](meeting.md#no-such-part)。\n");
        Build.Result built = TestSites.build(content, tmp.resolve("site-out"));
        Build.Result checked = TestSites.check(content);
        List<String> warnings = built.problems().stream().map(Problem::format).filter(s -> s.contains("meeting.zh.md")).toList();
        assertEquals(2, warnings.size(), warnings::toString);
        assertEquals(warnings, checked.problems().stream().map(Problem::format).filter(s -> s.contains("meeting.zh.md")).toList());
    }

    @Test
    void aStoppedBuildLeavesThePreviousSiteAndNoHalfWrittenFolder(@TempDir Path tmp) throws Exception {
        Path content = TestSites.copyOfSample(tmp);
        Path out = tmp.resolve("site-out");
        assertTrue(TestSites.build(content, out).ok());
        var before = TestSites.snapshot(out);
        // A warning stops a strict build after every page has been written into the building folder.
        Path text = content.resolve("2017/news/meeting.zh.md");
        TestSites.write(text, TestSites.read(text) + "\n\n见[另一篇](missing.md)。\n");
        Build.Result r = new Build(new Build.Options(content, TestSites.TEMPLATES, out, true)).run(true);
        assertFalse(r.ok());
        assertEquals(before, TestSites.snapshot(out));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site-out.building")).toList());
        }
    }

    @Test
    void aFileThatCannotBeWrittenStopsTheWriterWithoutLeavingAnyoneWaiting(@TempDir Path tmp) {
        Path notAFolder = tmp.resolve("plain-file");
        TestSites.write(notAFolder, "not a folder");
        SiteFiles files = SiteFiles.into(notAFolder, false);
        byte[] page = new byte[1 << 20];
        // More than may wait at once: had the writer stopped taking files, this would block for ever.
        UncheckedIOException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(UncheckedIOException.class, () -> {
            for (int i = 0; i < 200; i++) files.put("zh/2017/p" + i + ".html", page);
            files.flush();
        }));
        assertTrue(e.getCause() != null);
    }
}
