package org.gazette.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Bodies kept aside in a temporary file read back exactly, from any thread, until the file is closed. */
class SpillTest {

    @Test
    void bodiesReadBackExactlyFromManyThreads() {
        Random random = new Random(27);
        String[] alphabet = {"发展", "经济", "<p>", "</p>", " ", "\n", "the ", "2.656", "亿元", "。", "ＰＭ２．５", "😀", "𠀀", "&amp;", "é", ""};
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < 3_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(n < 20 ? 2 : 800); i > 0; i--) b.append(alphabet[random.nextInt(alphabet.length)]);
            texts.add(b.toString());
        }
        try (Spill spill = new Spill("test")) {
            // Written from many threads, as the loader does.
            List<Article.Body> kept = IntStream.range(0, texts.size()).parallel().mapToObj(i -> spill.keep(texts.get(i))).toList();
            IntStream.range(0, texts.size()).parallel().forEach(i -> assertEquals(texts.get(i), kept.get(i).html(), "text " + i));
        }
    }

    @Test
    void aSpillBesideTheSiteLeavesNothingInItsFolderEvenWhileOpen(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        try (Spill spill = new Spill("bodies", folder)) {
            Article.Body body = spill.keep("<p>郑州市管城回族区</p>");
            // Unlinked as soon as it is open (Linux): a killed build leaves no file behind.
            if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                try (var listing = java.nio.file.Files.list(folder)) {
                    assertEquals(List.of(), listing.toList());
                }
            }
            assertEquals("<p>郑州市管城回族区</p>", body.html());
        }
        try (var listing = java.nio.file.Files.list(folder)) {
            assertEquals(List.of(), listing.toList());
        }
    }

    @Test
    void aClosedSpillSaysSoInsteadOfGivingAnEmptyBody() {
        Spill spill = new Spill("test");
        Article.Body body = spill.keep("<p>管城区</p>");
        assertEquals("<p>管城区</p>", body.html());
        spill.close();
        assertThrows(UncheckedIOException.class, body::html);
    }
}
