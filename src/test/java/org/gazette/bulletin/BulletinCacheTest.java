package org.gazette.bulletin;

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
        try (Stream<Path> s = Files.list(cache.resolve(BulletinCache.OWN))) {
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
        try (Stream<Path> s = Files.list(cache.resolve(BulletinCache.OWN))) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".bulletin")).toList();
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
    void oldEntriesAndStrayTemporaryFilesArePrunedAndNothingElse() throws Exception {
        Path cache = tmp.resolve("cache-old");
        BulletinCache c = BulletinCache.in(cache);
        assertEquals(null, c.unsafe());
        Path own = cache.resolve(BulletinCache.OWN);
        Path old = own.resolve("0".repeat(64) + ".bulletin");
        Path recent = own.resolve("1".repeat(64) + ".bulletin");
        Path stray = own.resolve("2".repeat(64) + "123456.tmp");
        Path other = own.resolve("notes.txt");
        Path notOurs = own.resolve("x.tmp");
        // The user's own files in the folder they named: never Gazette's to delete, however they are named.
        Path thesis = cache.resolve("thesis.tmp");
        Path report = cache.resolve("report.bulletin");
        Path lookalike = cache.resolve("3".repeat(64) + ".bulletin");
        List<Path> all = List.of(old, recent, stray, other, notOurs, thesis, report, lookalike);
        for (Path p : all) Files.writeString(p, "x");
        long day = 86_400_000L;
        for (Path p : all) Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 400 * day));
        Files.setLastModifiedTime(recent, FileTime.fromMillis(System.currentTimeMillis()));
        c.prune();
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(stray));
        assertTrue(Files.exists(recent));
        for (Path p : List.of(other, notOurs, thesis, report, lookalike)) assertTrue(Files.exists(p), "not Gazette's, left alone: " + p);
    }

    @Test
    void buildsInAFolderOfTheUsersFilesDeleteNothingOfTheirs() throws Exception {
        Path cache = tmp.resolve("cache-users-folder");
        Files.createDirectories(cache);
        Path thesis = cache.resolve("thesis.tmp");
        Path report = cache.resolve("report.bulletin");
        for (Path p : List.of(thesis, report)) {
            Files.writeString(p, "mine");
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 400 * 86_400_000L));
        }
        build(cache);
        assertEquals(2, build(cache).bulletinsReused());
        assertEquals("mine", Files.readString(thesis));
        assertEquals("mine", Files.readString(report));
    }

    /** The old seal: a SHA-256 of the entry, which anyone can compute. */
    private static byte[] rewrapped(byte[] entry, byte[] otherPdf) throws Exception {
        // The PDF is the last field before the seal: replace it, with its length, and seal with SHA-256 as the attacker can.
        byte[] body = java.util.Arrays.copyOf(entry, entry.length - 32);
        byte[] pdf = fresh.files().get(ZH);
        int at = body.length - pdf.length - 4;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(body, 0, at);
        new java.io.DataOutputStream(out).writeInt(otherPdf.length);
        out.write(otherPdf);
        byte[] forged = out.toByteArray();
        out.write(java.security.MessageDigest.getInstance("SHA-256").digest(forged));
        return out.toByteArray();
    }

    @Test
    void aRewrappedOrCopiedEntryIsNotTrusted() throws Exception {
        Path cache = tmp.resolve("cache-forged");
        build(cache);
        Path own = cache.resolve(BulletinCache.OWN);
        List<Path> entries;
        try (Stream<Path> s = Files.list(own)) {
            entries = s.filter(p -> p.toString().endsWith(".bulletin")).sorted().toList();
        }
        byte[] forgedPdf = fresh.files().get(EN);
        for (Path e : entries) {
            byte[] bytes = Files.readAllBytes(e);
            if (bytes.length > fresh.files().get(ZH).length + 32 && java.util.Arrays.equals(java.util.Arrays.copyOfRange(bytes, bytes.length - 32 - fresh.files().get(ZH).length, bytes.length - 32), fresh.files().get(ZH))) {
                Files.write(e, rewrapped(bytes, forgedPdf));
            }
        }
        Build.Result r = build(cache);
        assertTrue(r.ok(), r.problems()::toString);
        assertArrayEquals(fresh.files().get(ZH), r.files().get(ZH), "the forged bulletin is not published");
        assertEquals(1, r.bulletinsReused(), "only the untouched entry is used");

        // Entries sealed under another user's key (another cache folder) are not trusted either.
        Path other = tmp.resolve("cache-other-user");
        build(other);
        for (Path e : entries) Files.delete(e);
        try (Stream<Path> s = Files.list(other.resolve(BulletinCache.OWN))) {
            for (Path e : s.filter(p -> p.toString().endsWith(".bulletin")).toList()) Files.copy(e, own.resolve(e.getFileName()));
        }
        assertEquals(0, build(cache).bulletinsReused(), "an entry sealed with another key is painted again");
    }

    @Test
    void aLinkedEntryIsNotTrusted() throws Exception {
        Path real = tmp.resolve("cache-link-source");
        build(real);
        Path cache = tmp.resolve("cache-link");
        BulletinCache.in(cache).unsafe(); // makes the folder and its key
        // Same key, so only the link makes the difference.
        Files.copy(real.resolve(BulletinCache.OWN).resolve("key"), cache.resolve(BulletinCache.OWN).resolve("key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> s = Files.list(real.resolve(BulletinCache.OWN))) {
            for (Path e : s.filter(p -> p.toString().endsWith(".bulletin")).toList()) {
                Files.createSymbolicLink(cache.resolve(BulletinCache.OWN).resolve(e.getFileName()), e);
            }
        }
        assertEquals(0, build(cache).bulletinsReused());
    }

    @Test
    void aFolderOthersCanWriteIsNotUsedAndSaysSo() throws Exception {
        Path cache = tmp.resolve("cache-shared");
        Files.createDirectories(cache);
        Files.setPosixFilePermissions(cache, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Build.Result r = build(cache);
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals(1, r.problems().size(), r.problems()::toString);
        var p = r.problems().get(0);
        assertFalse(p.isError());
        assertTrue(p.message().contains("can be written by other users"), p.message());
        assertFalse(Files.exists(cache.resolve(BulletinCache.OWN)), "nothing written into it");
        assertEquals(0, build(cache).bulletinsReused());
        assertArrayEquals(fresh.files().get(ZH), r.files().get(ZH));
        // A link as the cache folder: the same.
        Path link = tmp.resolve("cache-linked-folder");
        Files.createSymbolicLink(link, Files.createDirectories(tmp.resolve("cache-link-target")));
        Build.Result viaLink = build(link);
        assertTrue(viaLink.problems().stream().anyMatch(x -> x.message().contains("is a link")), viaLink.problems()::toString);
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
