package org.gazette.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gazette.TestSites;
import org.gazette.problem.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsed texts a build keeps for the next one: read back, they are the texts a fresh parse
 * gives — every field, every body — and a store that is damaged, not private, for another content
 * folder or other settings is not used.
 */
class TextStoreTest {

    @TempDir
    Path dir;

    private Path content;
    private Path out;
    private final Publishing publishing = new Publishing(Instant.parse("2026-12-01T00:00:00Z"), true);
    private TextStore.Header header;

    @BeforeEach
    void setUp() {
        content = TestSites.copyOfSample(dir);
        out = dir.resolve("site-out");
        header = new TextStore.Header(42, content.toAbsolutePath().normalize().toString());
        // A text with Chinese, an emoji, an astral character, a table, a link to another text and a picture-free body.
        TestSites.write(content.resolve("2017/news/mixed.zh.md"), "---\ntitle: 混合文本 😀\ndate: 2017-05-02\nsummary: 摘要\ntags: [目标考核]\n"
                + "byline:\n  reporter: [张三, 李四]\neditor: 王五\n---\n\n第一段𠀀，见[会议](meeting.zh.md)。\n\n| 指标 | 数值 |\n|---|---|\n| 产值 | 26.56亿元 |\n");
        TestSites.write(content.resolve("2017/news/mixed.en.md"), "---\ntitle: Mixed text\ndate: 2017-05-02\ntags: [target assessment]\n---\n\nFirst.\n");
    }

    private Map<String, Article> load(TextCache cache) {
        Problems problems = new Problems();
        Content c = new ContentLoader(problems, publishing, cache).load(content).orElseThrow(() -> new AssertionError(problems.sorted()));
        Map<String, Article> all = new TreeMap<>();
        for (Year y : c.years()) {
            List<Translations> texts = new ArrayList<>(y.news());
            if (y.prose() != null) texts.add(y.prose());
            for (Translations t : texts) for (Article a : t.byLanguage().values()) all.put(a.file(), a);
        }
        return all;
    }

    /** A store of what {@code cache} holds, finished in the file a build would put it in. */
    private int write(TextCache cache) throws IOException {
        Spill bodies = Spill.at("bodies", TextStore.fresh(out));
        try {
            return TextStore.write(header, cache, bodies);
        } finally {
            bodies.close();
        }
    }

    /** A text with its body as a string, to compare what a store gave with what a parse gave. */
    private static Article plain(Article a) {
        return a.withBody(new Article.Inline(a.html()));
    }

    @Test
    void keptTextsAreTheTextsAParseGives() throws IOException {
        TextCache first = new TextCache();
        Map<String, Article> parsed = load(first);
        int kept = write(first);
        assertEquals(TextStore.keepable(first), kept);
        assertTrue(kept >= 6, "kept " + kept);
        TextStore.replace(out);

        TextStore store = TextStore.read(out, header);
        assertNotNull(store);
        assertEquals(kept, store.size());
        TextCache again = TextCache.from(store);
        Map<String, Article> fromStore = load(again);
        assertEquals(kept, again.hits(), "every kept text taken, none parsed");
        assertEquals(parsed.keySet(), fromStore.keySet());
        for (String file : parsed.keySet()) assertEquals(plain(parsed.get(file)), plain(fromStore.get(file)), file);
        assertTrue(fromStore.get("2017/news/mixed.zh.md").html().contains("第一段𠀀"));
        store.close();

        // The file changed: parsed again, the new text read.
        Path mixed = content.resolve("2017/news/mixed.en.md");
        TestSites.write(mixed, TestSites.read(mixed).replace("First.", "First, edited."));
        TextCache third = TextCache.from(TextStore.read(out, header));
        Map<String, Article> edited = load(third);
        assertEquals(kept - 1, third.hits());
        assertTrue(edited.get("2017/news/mixed.en.md").html().contains("First, edited."));
    }

    @Test
    void aStoreDamagedNotPrivateOrForAnotherFolderOrOtherSettingsIsNotUsed() throws IOException {
        TextCache cache = new TextCache();
        load(cache);
        write(cache);
        TextStore.replace(out);
        Path file = TextStore.file(out);
        byte[] good = Files.readAllBytes(file);
        assertNotNull(TextStore.read(out, header));

        assertNull(TextStore.read(out, new TextStore.Header(43, header.root())), "another Gazette");
        assertNull(TextStore.read(out, new TextStore.Header(42, "/elsewhere")), "another content folder");

        // A body changed (it would go into a page as it is), the entries changed, the file cut short.
        for (int at : new int[] {10, good.length - 40}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            Files.write(file, bad);
            assertNull(TextStore.read(out, header), "one byte changed at " + at);
        }
        Files.write(file, java.util.Arrays.copyOf(good, good.length - 5));
        assertNull(TextStore.read(out, header), "cut short");

        Files.write(file, good);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        assertNull(TextStore.read(out, header), "others may write it");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertNotNull(TextStore.read(out, header));

        // site.yaml edited: the texts are read again under the new settings.
        Path site = content.resolve("site.yaml");
        TestSites.write(site, TestSites.read(site) + "\n# edited\n");
        TextCache fresh = TextCache.from(TextStore.read(out, header));
        load(fresh);
        assertEquals(0, fresh.hits());
    }

    @Test
    void aTextWithAWarningIsNotKeptSoItsWarningIsSaidAgain() throws IOException {
        // An undeclared tag: a warning of the text's own.
        TestSites.write(content.resolve("2017/news/mixed.en.md"), "---\ntitle: Mixed text\ndate: 2017-05-02\ntags: [no such tag]\n---\n\nFirst.\n");
        TextCache cache = new TextCache();
        load(cache);
        write(cache);
        TextStore.replace(out);
        TextStore store = TextStore.read(out, header);
        Problems problems = new Problems();
        new ContentLoader(problems, publishing, TextCache.from(store)).load(content);
        assertFalse(problems.sorted().isEmpty());
        assertTrue(problems.sorted().stream().anyMatch(p -> p.format().contains("mixed.en.md")), problems.sorted()::toString);
    }
}
