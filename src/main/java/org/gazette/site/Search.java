package org.gazette.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gazette.problem.GazetteException;
import org.gazette.problem.Position;

/**
 * The site's full-text search: Pagefind's extended build, which segments Chinese when it indexes
 * (so 乡村振兴 and 统计局 are found inside unspaced text), run on the finished site before it is
 * swapped in. It indexes the articles and reports (their {@code data-pagefind-body}), one index per
 * {@code <html lang>}, into {@code pagefind/}; the search pages load it in the browser.
 * Installed from npm ({@code tools/search}, by the launcher and CI); where it is missing, the
 * build says so once and the pages carry no search box.
 */
public final class Search {

    static final Path BINARY = Path.of("tools", "search", "node_modules", "@pagefind", "linux-x64", "bin", "pagefind_extended");

    /**
     * The pages that can be results — reports (lang/2017/index.html) and articles (lang/2017/news/x.html) —
     * so Pagefind does not read every listing, tag page and feed (-15 % of its time at 24,000 pages).
     */
    static final String PAGES = "*/[0-9][0-9][0-9][0-9]/{index.html,news/*.html}";

    private final Path binary;

    private Search(Path binary) {
        this.binary = binary;
    }

    /**
     * Pagefind, if installed: {@code GAZETTE_PAGEFIND}, else {@code tools/search} under Gazette's own
     * folder ({@code gazette.home}, set by the launcher) or the working folder. Null when missing.
     */
    public static Search locate() {
        String env = System.getenv("GAZETTE_PAGEFIND");
        if (env != null && !env.isBlank()) return Files.isExecutable(Path.of(env)) ? new Search(Path.of(env)) : null;
        for (String base : new String[] {System.getProperty("gazette.home"), "."}) {
            if (base == null) continue;
            Path p = Path.of(base).resolve(BINARY);
            if (Files.isExecutable(p)) return new Search(p.toAbsolutePath());
        }
        return null;
    }

    /** Indexes the site in {@code site} into {@code site/pagefind/}; a failure stops the build (the previous site stays). */
    public void index(Path site) {
        Path log = null;
        try {
            log = Files.createTempFile("gazette-pagefind", ".log");
            Process p = new ProcessBuilder(List.of(binary.toString(), "--site", site.toString(), "--glob", PAGES, "--output-subdir", "pagefind", "--silent"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw failure("Pagefind did not finish in 10 minutes");
            }
            if (p.exitValue() != 0) throw failure("Pagefind failed: " + Files.readString(log, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw failure("cannot run Pagefind (" + binary + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while indexing");
        } finally {
            try {
                if (log != null) Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temporary log left behind is harmless
            }
        }
    }

    private static GazetteException failure(String what) {
        return new GazetteException(Position.of("search").error("the search index was not built: " + what,
                "reinstall it with 'npm ci' in tools/search, or report the message; the previous site was kept"));
    }
}
