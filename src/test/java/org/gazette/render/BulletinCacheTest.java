package org.gazette.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gazette.TestSites;
import org.gazette.site.Build;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finished bulletins kept between runs: a bulletin is taken from the cache only when nothing it is
 * made from changed, and what the cache gives is byte for byte what painting gives.
 */
class BulletinCacheTest {

    static final String ZH = "zh/2017/bulletin-2017-zh.pdf";
    static final String EN = "en/2017/bulletin-2017-en.pdf";

    @TempDir
    static Path tmp;
    static Path content;
    /** The sample with a picture in both languages' prose, painted without a cache. */
    static Build.Result fresh;

    @BeforeAll
    static void sampleWithPicture() throws Exception {
        content = TestSites.copyOfSample(tmp.resolve("site"));
        picture(content.resolve("2017/map.png"), Color.BLUE);
        for (String lang : List.of("zh", "en")) {
            Path prose = content.resolve("2017/report." + lang + ".md");
            TestSites.write(prose, TestSites.read(prose) + "\n![map](map.png)\n");
        }
        fresh = build(null);
        assertTrue(fresh.ok(), fresh.problems()::toString);
    }

    static void picture(Path file, Color color) throws Exception {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 40, 20);
        g.dispose();
        javax.imageio.ImageIO.write(img, "png", file.toFile());
        // An hour old: a picture written a moment before a build is not trusted to the cache (see below).
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L));
    }

    /** A copy of the sample with its picture, to change; the picture an hour old again (a copy is new). */
    static Path copy(String name) throws Exception {
        Path copy = tmp.resolve(name).resolve("content");
        TestSites.copyTree(content, copy);
        aged(copy);
        return copy;
    }

    /** The picture an hour old again (a copy is new). */
    static void aged(Path content) throws Exception {
        Files.setLastModifiedTime(content.resolve("2017/map.png"), FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L));
    }

    static Build.Result build(Path cache) {
        return build(content, cache);
    }

    static Build.Result build(Path content, Path cache) {
        var options = new Build.Options(content, TestSites.TEMPLATES, tmp.resolve("unused-out"), false,
                org.gazette.content.Publishing.live(), false, true).withBulletinCache(cache);
        return new Build(options).run(false);
    }

    static long entries(Path cache) throws Exception {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".bulletin")).count();
        }
    }

    @Test
    void anUnchangedBulletinIsTakenFromTheCacheAndIsTheSamePdf() throws Exception {
        Path cache = tmp.resolve("cache-same");
        Build.Result first = build(cache);
        assertEquals(0, first.bulletinsReused());
        assertEquals(2, entries(cache));
        Build.Result second = build(cache);
        assertTrue(second.ok(), second.problems()::toString);
        assertEquals(2, second.bulletinsReused());
        for (String pdf : List.of(ZH, EN)) {
            assertArrayEquals(fresh.files().get(pdf), first.files().get(pdf), pdf);
            assertArrayEquals(fresh.files().get(pdf), second.files().get(pdf), pdf);
        }
        assertEquals(fresh.bulletinPages(), second.bulletinPages());
        // The PDF taken from the cache still shows the picture and the Chinese text.
        assertTrue(org.gazette.PdfText.withoutWhitespace(org.gazette.PdfText.pdfbox(second.files().get(ZH))).contains("管城"));
    }

    @Test
    void aPictureEditedInPlaceIsPaintedAgain() throws Exception {
        Path site = copy("site-picture");
        Path cache = tmp.resolve("cache-picture");
        build(site, cache);
        // The same size and an old time: only what the file holds tells the change.
        long size = Files.size(site.resolve("2017/map.png"));
        picture(site.resolve("2017/map.png"), Color.RED);
        assertEquals(size, Files.size(site.resolve("2017/map.png")));
        Build.Result after = build(site, cache);
        assertEquals(0, after.bulletinsReused(), "the same XHTML, but the picture it shows changed");
        Build.Result painted = build(site, null);
        assertArrayEquals(painted.files().get(ZH), after.files().get(ZH));
        assertFalse(java.util.Arrays.equals(fresh.files().get(ZH), after.files().get(ZH)), "the new picture is in the PDF");
    }

    @Test
    void aChangedFigureIsPaintedAgainInBothLanguages() throws Exception {
        Path site = copy("site-figure");
        Path cache = tmp.resolve("cache-figure");
        build(site, cache);
        Path report = site.resolve("2017/report.yaml");
        String yaml = TestSites.read(report);
        String changed = yaml.replace("\n  issue: 1\n", "\n  issue: 2\n");
        assertFalse(changed.equals(yaml), "the test changes the bulletin's issue number");
        TestSites.write(report, changed);
        Build.Result after = build(site, cache);
        assertTrue(after.ok(), after.problems()::toString);
        assertEquals(0, after.bulletinsReused());
        Build.Result painted = build(site, null);
        for (String pdf : List.of(ZH, EN)) assertArrayEquals(painted.files().get(pdf), after.files().get(pdf), pdf);
        assertEquals(4, entries(cache), "the old and the new bulletins are both kept");
    }

    @Test
    void aPictureChangedWhileItIsPaintedIsNotKept() throws Exception {
        Path site = copy("site-racing");
        // Saved just now (as if while the bulletin was being painted): what was painted may be the old picture.
        Files.setLastModifiedTime(site.resolve("2017/map.png"), FileTime.fromMillis(System.currentTimeMillis()));
        Path cache = tmp.resolve("cache-racing");
        assertTrue(build(site, cache).ok());
        assertEquals(0, Files.exists(cache) ? entries(cache) : 0, "nothing kept");
        assertEquals(0, build(site, cache).bulletinsReused());
    }

    @Test
    void aDamagedEntryIsPaintedAgainAndReplaced() throws Exception {
        Path cache = tmp.resolve("cache-damaged");
        build(cache);
        try (Stream<Path> s = Files.list(cache)) {
            List<Path> all = s.toList();
            // One entry cut short, one with a byte of its PDF flipped.
            byte[] a = Files.readAllBytes(all.get(0));
            Files.write(all.get(0), java.util.Arrays.copyOf(a, a.length / 2));
            byte[] b = Files.readAllBytes(all.get(1));
            b[b.length / 2] ^= 0x20;
            Files.write(all.get(1), b);
        }
        Build.Result again = build(cache);
        assertTrue(again.ok(), again.problems()::toString);
        assertEquals(0, again.bulletinsReused());
        for (String pdf : List.of(ZH, EN)) assertArrayEquals(fresh.files().get(pdf), again.files().get(pdf), pdf);
        assertEquals(2, build(cache).bulletinsReused(), "the damaged entries were replaced");
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyMeansPainting() throws Exception {
        Path notAFolder = tmp.resolve("cache-is-a-file");
        Files.writeString(notAFolder, "x");
        Build.Result r = build(notAFolder);
        assertTrue(r.ok(), r.problems()::toString);
        assertTrue(r.problems().isEmpty(), r.problems()::toString);
        assertEquals(0, r.bulletinsReused());
        assertArrayEquals(fresh.files().get(ZH), r.files().get(ZH));
    }

    @Test
    void oldEntriesAndStrayTemporaryFilesArePruned() throws Exception {
        Path cache = tmp.resolve("cache-old");
        Files.createDirectories(cache);
        Path old = cache.resolve("0".repeat(64) + ".bulletin");
        Path recent = cache.resolve("1".repeat(64) + ".bulletin");
        Path stray = cache.resolve("x.tmp");
        Path other = cache.resolve("notes.txt");
        for (Path p : List.of(old, recent, stray, other)) Files.writeString(p, "x");
        long day = 86_400_000L;
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - (BulletinCache.KEEP_DAYS + 1) * day));
        Files.setLastModifiedTime(stray, FileTime.fromMillis(System.currentTimeMillis() - 2 * day));
        Files.setLastModifiedTime(other, FileTime.fromMillis(System.currentTimeMillis() - 400 * day));
        BulletinCache.in(cache).prune();
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(stray));
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(other), "a file that is not Gazette's is left alone");
    }

    @Test
    void theFolderIsTheUsersCacheFolderUnlessNamedOrOff() {
        Map<String, String> none = Map.of();
        assertEquals(Path.of("/home/li/.cache/gazette/bulletins"), BulletinCache.folder(null, none, "Linux", "/home/li"));
        assertEquals(Path.of("/x/gazette/bulletins"), BulletinCache.folder(null, Map.of("XDG_CACHE_HOME", "/x"), "Linux", "/home/li"));
        assertEquals(Path.of("/Users/li/Library/Caches/gazette/bulletins"), BulletinCache.folder("", none, "Mac OS X", "/Users/li"));
        assertEquals(Path.of("C:\\Users\\li\\AppData\\Local", "gazette", "bulletins"),
                BulletinCache.folder(null, Map.of("LOCALAPPDATA", "C:\\Users\\li\\AppData\\Local"), "Windows 11", "C:\\Users\\li"));
        assertNull(BulletinCache.folder(null, none, "Windows 11", "C:\\Users\\li"), "no LOCALAPPDATA: no cache rather than a guess");
        assertNull(BulletinCache.folder("off", none, "Linux", "/home/li"));
        assertNull(BulletinCache.folder(" OFF ", none, "Linux", "/home/li"));
        assertEquals(Path.of("/tmp/c"), BulletinCache.folder("/tmp/c", Map.of("XDG_CACHE_HOME", "/x"), "Linux", "/home/li"));
    }
}
