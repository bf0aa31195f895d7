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

    /** Result pages an index holds at most: Pagefind's memory grows with the pages of one run (Chinese: ~0.33 MB a page). */
    static final int SHARD = Integer.getInteger("gazette.searchShard", 2000);

    /** A page that can be a result: a report (zh/2017/index.html) or an article (zh/2017/news/meeting.html). */
    static final java.util.regex.Pattern RESULT = java.util.regex.Pattern.compile("([a-z]{2,3})/[0-9]{4}/(index\\.html|news/(?!index\\.html)[^/]+\\.html)");

    /** The result pages of a built site, by language, in sorted shards of at most {@link #SHARD}. */
    static java.util.SortedMap<String, List<List<String>>> shards(Path site, int shard) throws IOException {
        java.util.SortedMap<String, List<String>> byLang = new java.util.TreeMap<>();
        try (var walk = Files.walk(site)) {
            walk.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/')).sorted().forEach(rel -> {
                var m = RESULT.matcher(rel);
                if (m.matches()) byLang.computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>()).add(rel);
            });
        }
        java.util.SortedMap<String, List<List<String>>> out = new java.util.TreeMap<>();
        byLang.forEach((lang, pages) -> {
            List<List<String>> parts = new java.util.ArrayList<>();
            for (int i = 0; i < pages.size(); i += shard) parts.add(pages.subList(i, Math.min(pages.size(), i + shard)));
            out.put(lang, parts);
        });
        return out;
    }

    /**
     * Indexes the site in {@code site} into {@code site/pagefind/}: one Pagefind run per language and
     * shard of at most {@link #SHARD} result pages (each run sees only its pages, linked into a
     * folder beside the site), so memory stays that of one shard however large the archive; and
     * {@code pagefind/<lang>.json}, the list of a language's bundles, which the search page merges.
     * A failure stops the build (the previous site stays).
     */
    public void index(Path site) {
        index(site, SHARD);
    }

    /** With shards of at most {@code shard} result pages (tests use tiny ones). */
    void index(Path site, int shard) {
        Path log = null;
        try {
            log = Files.createTempFile("gazette-pagefind", ".log");
            for (var lang : shards(site, shard).entrySet()) {
                List<String> bundles = new java.util.ArrayList<>();
                for (int k = 0; k < lang.getValue().size(); k++) {
                    String bundle = lang.getKey() + "-" + k + "/";
                    run(site, lang.getValue().get(k), site.resolve("pagefind").resolve(bundle), log);
                    bundles.add(bundle);
                }
                String manifest = "{\"bundles\": [" + String.join(", ", bundles.stream().map(b -> "\"" + b + "\"").toList()) + "]}\n";
                Files.writeString(site.resolve("pagefind").resolve(lang.getKey() + ".json"), manifest, StandardCharsets.UTF_8);
            }
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

    /** One Pagefind run over {@code pages} (linked, not copied, into a folder beside the site: same paths, so the same URLs). */
    private void run(Path site, List<String> pages, Path output, Path log) throws IOException, InterruptedException {
        Path shard = site.resolveSibling(site.getFileName() + ".search-shard");
        OutputFolder.deleteTree(shard);
        try {
            for (String page : pages) {
                Path link = shard.resolve(page);
                Files.createDirectories(link.getParent());
                try {
                    Files.createLink(link, site.resolve(page));
                } catch (IOException | UnsupportedOperationException e) {
                    // A file system without hard links (or the folder on another one): a copy reads the same.
                    Files.copy(site.resolve(page), link);
                }
            }
            Process p = new ProcessBuilder(List.of(binary.toString(), "--site", shard.toString(), "--output-path", output.toAbsolutePath().toString(), "--silent"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw failure("Pagefind did not finish in 10 minutes");
            }
            if (p.exitValue() != 0) throw failure("Pagefind failed: " + Files.readString(log, StandardCharsets.UTF_8).strip());
        } finally {
            OutputFolder.deleteTree(shard);
        }
    }


    private static GazetteException failure(String what) {
        return new GazetteException(Position.of("search").error("the search index was not built: " + what,
                "reinstall it with 'npm ci' in tools/search, or report the message; the previous site was kept"));
    }
}
