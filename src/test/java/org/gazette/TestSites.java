package org.gazette;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.gazette.site.Build;

/** Helpers for tests that build real sites: the sample content, or a copy of it with changes. */
public final class TestSites {

    public static final Path CONTENT = Path.of("content");
    public static final Path TEMPLATES = Path.of("templates");

    private TestSites() {}

    public static Build.Result build(Path content, Path out) {
        return new Build(new Build.Options(content, TEMPLATES, out, false)).run(true);
    }

    /**
     * The site's pages as a build makes them, written to {@code out}, without painting the bulletins
     * (their links still resolve) nor the search index: for tests that read only the HTML.
     */
    public static Build.Result pages(Path content, Path out) {
        Build.Result r = new Build(new Build.Options(content, TEMPLATES, out, false, org.gazette.content.Publishing.live(), true, false)).run(false);
        try {
            for (var f : r.files().entrySet()) {
                Path target = out.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    /** {@code gazette check}: everything but writing, and the bulletins checked without being painted. */
    public static Build.Result check(Path content) {
        return new Build(new Build.Options(content, TEMPLATES, content.resolveSibling("unused-out"), false,
                org.gazette.content.Publishing.live(), true, false)).run(false);
    }

    /** A copy of the sample content in {@code dir}, to change in a test. */
    public static Path copyOfSample(Path dir) {
        Path target = dir.resolve("content");
        copyTree(CONTENT, target);
        return target;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file and folder under {@code roots} (a missing root included) with its size, modification
     * time and a hash of its bytes: equal snapshots mean nothing was created, changed or removed.
     */
    public static java.util.SortedMap<String, String> snapshot(Path... roots) {
        java.util.SortedMap<String, String> m = new java.util.TreeMap<>();
        for (Path root : roots) {
            if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                m.put(root.toAbsolutePath().toString(), "absent");
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted().toList()) {
                    String key = p.toAbsolutePath().toString();
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        m.put(key, "dir " + Files.getLastModifiedTime(p));
                    } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        m.put(key, Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + java.util.Arrays.hashCode(Files.readAllBytes(p)));
                    } else {
                        m.put(key, "other");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return m;
    }

    /** Every regular file under {@code root}, sorted. */
    public static java.util.List<Path> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code body} with the JVM's default locale set to {@code locale} (zh_CN, tr …), then restores it. */
    public static <T> T withDefaultLocale(Locale locale, Callable<T> body) throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return body.call();
        } finally {
            Locale.setDefault(before);
        }
    }

    /**
     * The command that starts Gazette in a JVM of its own, as the launcher does (serial GC, the quick
     * C1 compiler: a short run spends less CPU compiling), with {@code jvmArgs} before the class path,
     * then the CLI's {@code args}.
     */
    public static java.util.List<String> gazetteCommand(java.util.List<String> jvmArgs, String... args) {
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xms64m");
        // Every bulletin painted, as a first build paints it (a test of the cache passes its own folder).
        cmd.add("-Dgazette.cache=off");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add("org.gazette.cli.Main");
        cmd.addAll(java.util.List.of(args));
        return cmd;
    }

    /**
     * A real PNG of {@code width} × {@code height} grey pixels, all zero: valid to the end (signature,
     * IHDR, one IDAT of deflated rows, IEND), yet a few KB for millions of pixels — a decompression bomb.
     */
    public static byte[] pngHeader(int width, int height) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
            java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                    .put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(out, "IHDR", ihdr.array());
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            try (var z = new java.util.zip.DeflaterOutputStream(raw, new java.util.zip.Deflater(9))) {
                byte[] row = new byte[width + 1];
                for (int y = 0; y < Math.min(height, 64); y++) z.write(row);
            }
            chunk(out, "IDAT", raw.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws java.io.IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        b.putInt((int) crc.getValue());
        out.write(b.array());
    }
}
