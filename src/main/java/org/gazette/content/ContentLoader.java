package org.gazette.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gazette.config.SiteConfig;
import org.gazette.config.SiteConfigLoader;
import org.gazette.i18n.Language;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Position;
import org.gazette.problem.Problems;
import org.gazette.yaml.Node;
import org.gazette.yaml.SourceText;
import org.gazette.yaml.YamlReader;

/**
 * Reads the content folder: {@code site.yaml}, then one folder per year ({@code 2017/}) holding
 * {@code report.yaml}, the report's prose {@code report.<lang>.md} and news {@code news/<slug>.<lang>.md}.
 * Every file the user wrote is either read or reported: nothing is dropped silently.
 */
public final class ContentLoader {

    public static final String REPORT = "report.yaml";
    public static final String SCHEMA_DIR = "schema";
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern TEXT = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)\\.([a-z]{2,3})\\.md");

    /** Image files Gazette copies and links; anything else referenced as an image is refused. */
    public static final java.util.Set<String> IMAGE_TYPES = java.util.Set.of("png", "jpg", "jpeg", "gif", "svg", "webp");

    private final Problems problems;
    private final YamlReader yaml = new YamlReader();
    private final Markdown markdown = new Markdown();
    // Filled from parallel readers: concurrent, and sorted so that output order never depends on timing.
    private final java.util.SortedMap<String, Path> usedImages = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final java.util.SortedMap<String, Path> foundImages = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final java.util.Set<String> unreadable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Path root;
    private Path realRoot;

    public ContentLoader(Problems problems) {
        this.problems = problems;
    }

    /** The content, or empty when problems make it unusable (they are in {@code problems}). */
    public Optional<Content> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            problems.error(Position.of(dir.toString()), "the content folder does not exist",
                    "run Gazette in the folder that holds content/, or name it with --content DIR");
            return Optional.empty();
        }
        root = dir.toAbsolutePath().normalize();
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            realRoot = root;
        }
        List<Path> entries = list(dir);
        if (entries.isEmpty()) {
            problems.error(Position.of(dir.toString()), "the content folder is empty",
                    "add site.yaml and a year folder such as 2017/ (see README, 'Content format')");
            return Optional.empty();
        }
        Path siteFile = dir.resolve(SiteConfigLoader.FILE);
        if (Files.exists(siteFile) && !inside(siteFile, SiteConfigLoader.FILE)) return Optional.empty();
        Optional<SiteConfig> site = SiteConfigLoader.load(dir, yaml, problems);
        List<Path> yearDirs = new ArrayList<>();
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.equals(SiteConfigLoader.FILE) || name.equals(SCHEMA_DIR) || name.startsWith(".")) continue;
            if (Files.isDirectory(p) && YEAR.matcher(name).matches()) {
                yearDirs.add(p);
            } else {
                unused(name);
            }
        }
        // Years, and the texts within a year, are read in parallel; results are put in order after.
        List<Year> years = new ArrayList<>(site.isEmpty() ? List.of() : yearDirs.parallelStream()
                .map(p -> year(p, p.getFileName().toString(), site.get()))
                .flatMap(Optional::stream).toList());
        if (site.isPresent() && years.isEmpty() && !problems.hasErrors()) {
            problems.error(Position.of(dir.toString()), "the content folder has no year folder",
                    "add a folder named after the year, e.g. 2017/, with a report.yaml");
        }
        for (var img : foundImages.entrySet()) {
            if (!usedImages.containsKey(img.getKey())) {
                problems.warning(Position.of(img.getKey()), "image not used by any text",
                        "refer to it from an article with ![description](" + img.getValue().getFileName() + "), or remove it");
            }
        }
        if (site.isEmpty() || problems.hasErrors()) return Optional.empty();
        years.sort(Comparator.comparingInt(Year::year).reversed());
        return Optional.of(new Content(root, site.get(), years, usedImages));
    }

    private Optional<Year> year(Path dir, String name, SiteConfig site) {
        int year = Integer.parseInt(name);
        List<Language> languages = site.languages();
        Path reportFile = dir.resolve(REPORT);
        Optional<Report> report = Optional.empty();
        if (!Files.isRegularFile(reportFile)) {
            problems.error(Position.of(name + "/" + REPORT), "the year " + name + " has no report.yaml",
                    "create " + name + "/" + REPORT + " (copy last year's and change it)");
        } else if (inside(reportFile, name + "/" + REPORT)) {
            try {
                Node tree = yaml.read(SourceText.read(reportFile, name + "/" + REPORT), problems);
                if (tree != null) report = new ReportReader(languages, problems).read(tree, year);
            } catch (GazetteException e) {
                e.problems().forEach(problems::add);
            }
        }
        ArticleReader articles = new ArticleReader(yaml, markdown);
        Map<String, Map<String, Article>> prose = new TreeMap<>();
        Map<String, Map<String, Article>> news = new TreeMap<>();
        List<Map.Entry<Path, String>> proseFiles = new ArrayList<>();
        List<Map.Entry<Path, String>> newsFiles = new ArrayList<>();
        for (Path p : list(dir)) {
            String file = p.getFileName().toString();
            String display = name + "/" + file;
            if (file.equals(REPORT) || file.startsWith(".")) continue;
            if (Files.isDirectory(p) && !file.equals("news")) {
                // A folder of images (2017/images/), nothing else.
                for (Path a : list(p)) {
                    String af = a.getFileName().toString();
                    if (af.startsWith(".")) continue;
                    if (isImage(af)) foundImages.put(display + "/" + af, a);
                    else unused(display + "/" + af);
                }
            } else if (file.equals("news")) {
                for (Path a : list(p)) {
                    String af = a.getFileName().toString();
                    if (af.startsWith(".")) continue;
                    if (isImage(af)) foundImages.put(display + "/" + af, a);
                    else newsFiles.add(Map.entry(a, display + "/" + af));
                }
            } else if (isImage(file)) {
                foundImages.put(display, p);
            } else if (file.startsWith("report.") && file.endsWith(".md")) {
                proseFiles.add(Map.entry(p, display));
            } else {
                unused(display);
            }
        }
        read(proseFiles, languages, articles, prose);
        read(newsFiles, languages, articles, news);
        Translations reportProse = null;
        if (prose.isEmpty()) {
            problems.error(Position.of(name + "/report." + site.defaultLanguage().code() + ".md"), "the year " + name + " has no report prose",
                    "write the report's introduction in " + name + "/report." + site.defaultLanguage().code() + ".md (and its translations)");
        } else {
            reportProse = pair(prose, languages).get(0);
        }
        List<Translations> newsList = pair(news, languages);
        newsList = new ArrayList<>(newsList);
        newsList.sort(Comparator.comparing(Translations::date).reversed().thenComparing(Translations::slug));
        if (report.isEmpty() || reportProse == null) return Optional.empty();
        return Optional.of(new Year(year, report.get(), reportProse, newsList));
    }

    /** Reads texts in parallel, then files them by name and language in a fixed order. */
    private void read(List<Map.Entry<Path, String>> files, List<Language> languages, ArticleReader reader,
                      Map<String, Map<String, Article>> into) {
        List<Article> read = files.parallelStream()
                .map(f -> text(f.getKey(), f.getValue(), languages, reader))
                .flatMap(Optional::stream).toList();
        for (Article a : read) into.computeIfAbsent(a.slug(), k -> new LinkedHashMap<>()).put(a.language().code(), a);
    }

    private Optional<Article> text(Path p, String display, List<Language> languages, ArticleReader reader) {
        Matcher m = TEXT.matcher(p.getFileName().toString());
        if (!Files.isRegularFile(p) || !m.matches()) {
            problems.error(Position.of(display), "'" + p.getFileName() + "' is not named like an article",
                    "name articles <name>.<language>.md in lower-case letters, digits and hyphens, e.g. meeting.zh.md");
            return Optional.empty();
        }
        String code = m.group(2);
        Optional<Language> lang = languages.stream().filter(l -> l.code().equals(code)).findFirst();
        if (lang.isEmpty()) {
            problems.error(Position.of(display), "'" + code + "' in the file name is not one of the site's languages",
                    "use " + String.join(" or ", languages.stream().map(Language::code).toList()) + " (see site.yaml)");
            return Optional.empty();
        }
        if (!inside(p, display)) {
            unreadable.add(display);
            return Optional.empty();
        }
        SourceText source;
        try {
            source = SourceText.read(p, display);
        } catch (GazetteException e) {
            e.problems().forEach(problems::add);
            unreadable.add(display);
            return Optional.empty();
        }
        Problems own = new Problems();
        Optional<Article> article = reader.read(source, m.group(1), lang.get(), own);
        article.ifPresent(a -> images(a, display.substring(0, display.lastIndexOf('/') + 1), own));
        own.sorted().forEach(problems::add);
        if (own.hasErrors()) unreadable.add(display);
        return own.hasErrors() ? Optional.empty() : article;
    }

    /**
     * Checks the images a text refers to: relative paths that stay inside the content folder, to
     * image files that exist. Remote images are left to the page (and refused by the bulletin).
     */
    private void images(Article a, String folder, Problems problems) {
        for (Article.Image img : a.images()) {
            if (img.isRemote()) continue;
            Position at = new Position(a.file(), img.line(), img.column());
            String url = img.url().replaceAll("[?#].*$", "");
            try {
                url = java.net.URLDecoder.decode(url.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // keep it as written
            }
            if (url.startsWith("/") || url.startsWith("\\") || url.matches("^[A-Za-z]:[\\\\/].*")) {
                problems.error(at, "image path '" + img.url() + "' is absolute",
                        "write it relative to the text, e.g. images/photo.jpg, with the image inside the content folder");
                continue;
            }
            String rel = java.nio.file.Path.of(folder + url).normalize().toString().replace('\\', '/');
            if (rel.startsWith("..") || Path.of(rel).isAbsolute()) {
                problems.error(at, "image path '" + img.url() + "' leaves the content folder",
                        "keep images inside the content folder, next to the text, e.g. images/photo.jpg");
                continue;
            }
            Path file = root.resolve(rel);
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                problems.error(at, "image '" + img.url() + "' does not exist (looked for " + rel + ")",
                        "check the file name and folder; names are case-sensitive");
                continue;
            }
            if (!inside(file, rel)) continue;
            if (!isImage(rel) || !Files.isRegularFile(file)) {
                problems.error(at, "'" + img.url() + "' is not an image", "use a " + String.join(", ", new java.util.TreeSet<>(IMAGE_TYPES)) + " file");
                continue;
            }
            usedImages.put(rel, file);
        }
    }

    /** Refuses a file that is a link to somewhere outside the content folder. */
    private boolean inside(Path p, String display) {
        try {
            if (p.toRealPath().startsWith(realRoot)) return true;
        } catch (IOException e) {
            problems.error(Position.of(display), "cannot read: " + e.getMessage(), "check the file exists and is readable");
            return false;
        }
        problems.error(Position.of(display), "is a link to a file outside the content folder; refused",
                "copy the file into the content folder instead of linking to it");
        return false;
    }

    private static boolean isImage(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_TYPES.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /** Pairs language versions by name; warns about missing translations; refuses versions that disagree on the date. */
    private List<Translations> pair(Map<String, Map<String, Article>> bySlug, List<Language> languages) {
        List<Translations> out = new ArrayList<>();
        for (var e : bySlug.entrySet()) {
            Map<String, Article> versions = e.getValue();
            Article first = null;
            for (Language l : languages) {
                Article a = versions.get(l.code());
                if (a == null) continue;
                if (first == null) {
                    first = a;
                } else if (!a.date().equals(first.date())) {
                    problems.error(a.dateAt(), "date " + a.date() + " differs from " + first.file() + " (" + first.date() + ")",
                            "translations of one article share one date: correct the wrong one");
                }
            }
            if (first == null) continue;
            for (Language l : languages) {
                if (!versions.containsKey(l.code())) {
                    String missing = first.file().replaceAll("\\.[a-z]{2,3}\\.md$", "." + l.code() + ".md");
                    if (unreadable.contains(missing)) continue; // it exists; its own error says what is wrong
                    problems.warning(Position.of(first.file()), "not yet translated into " + l.name() + " (" + missing + " is missing)",
                            "until it exists, the " + l.code() + " page shows the " + first.language().code() + " text with a notice");
                }
            }
            out.add(new Translations(e.getKey(), versions));
        }
        return out;
    }

    private void unused(String display) {
        problems.warning(Position.of(display), "not used by Gazette",
                "year folders are named like 2017/ and hold report.yaml, report.<lang>.md and news/; move or remove this");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new GazetteException(Position.of(dir.toString()).error("cannot list folder: " + e.getMessage(), null));
        }
    }
}
