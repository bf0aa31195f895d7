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

    public static Build.Result check(Path content) {
        return new Build(new Build.Options(content, TEMPLATES, content.resolveSibling("unused-out"), false)).run(false);
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
}
