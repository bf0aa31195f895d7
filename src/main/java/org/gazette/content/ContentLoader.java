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
import org.gazette.format.Units;
import org.gazette.i18n.Language;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problem;
import org.gazette.problem.Problems;
import org.gazette.yaml.Node;
import org.gazette.yaml.SourceText;
import org.gazette.yaml.Suggest;
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
    // Texts held back (drafts, embargoes) and the images only they use: checked, never published.
    private final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> heldImages = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, Path> heldImageFiles = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Map<String, Position> imageUses = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Comparator<Position> POSITION_ORDER = Comparator.comparing(Position::file).thenComparingInt(Position::line).thenComparingInt(Position::column);
    private final Publishing publishing;
    private Path root;
    private Path realRoot;
    private Tags tags;
    private Units units;
    private final java.util.Set<String> tagsUsed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final TextCache cache;
    /** Each source file's version (content-relative path → fingerprint of its text), for the render cache. */
    private final Map<String, Long> versions = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ContentLoader(Problems problems, Publishing publishing) {
        this(problems, publishing, null);
    }

    /** With a cache of parsed texts from an earlier load (the preview server's), or null. */
    public ContentLoader(Problems problems, Publishing publishing, TextCache cache) {
        this.problems = problems;
        this.publishing = publishing;
        this.cache = cache;
    }

    private Spill bodies;

    /**
     * Keeps each text's body (its HTML) in {@code spill} instead of in memory, from parsing until
     * a page shows it: a build of the site, which holds every text until its pages are made.
     */
    public ContentLoader keepBodiesIn(Spill spill) {
        this.bodies = spill;
        return this;
    }

    /** A published build now. */
    public ContentLoader(Problems problems) {
        this(problems, Publishing.live());
    }

    /** A text as read: the article and the images it uses (path in the content folder → file). */
    record Read(Article article, Map<String, Path> images, Map<String, Position> where) {}

    /** What reading one text file gave: the text (none if it had errors), its own problems, and its version. */
    record Parsed(Optional<Read> read, List<Problem> problems, boolean unreadable, long version) {}

    /** The content, or empty when problems make it unusable (they are in {@code problems}). */
    public Optional<Content> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            problems.error(Position.of(dir.toString()), Msg.NO_CONTENT_FOLDER.with(), Msg.NO_CONTENT_FOLDER_FIX.with());
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
            problems.error(Position.of(dir.toString()), Msg.CONTENT_EMPTY.with(), Msg.CONTENT_EMPTY_FIX.with());
            return Optional.empty();
        }
        Path siteFile = dir.resolve(SiteConfigLoader.FILE);
        if (Files.exists(siteFile) && !inside(siteFile, SiteConfigLoader.FILE)) return Optional.empty();
        Optional<SiteConfig> site = SiteConfigLoader.load(dir, yaml, problems);
        tags = site.map(s -> Tags.load(dir, yaml, s.languages(), problems)).orElse(null);
        units = site.map(s -> Units.load(dir, yaml, s.languages(), problems)).orElse(null);
        if (units != null && SchemaFiles.outdated(dir, units)) {
            problems.warning(Position.of(SchemaFiles.REPORT), Msg.SCHEMA_STALE.with(), Msg.SCHEMA_STALE_FIX.with());
        }
        // site.yaml, tags.yaml and units.yaml change how every text reads (time zone, tag names, units): a new cache then.
        long settings = (version(dir.resolve(SiteConfigLoader.FILE), SiteConfigLoader.FILE) * 31 + version(dir.resolve(Tags.FILE), Tags.FILE)) * 31
                + version(dir.resolve(Units.FILE), Units.FILE);
        if (cache != null) cache.begin(settings, site.map(SiteConfig::languages).orElse(List.of()));
        List<Path> yearDirs = new ArrayList<>();
        // Files site.yaml names (the footer's pictures, the office's fonts) are used: not reported as stray.
        java.util.Set<String> named = new java.util.HashSet<>();
        Path absolute = dir.toAbsolutePath().normalize();
        site.ifPresent(s -> {
            List<Path> files = new ArrayList<>();
            s.government().pictures().values().forEach(pic -> files.add(pic.file()));
            s.fonts().files().forEach(f -> files.add(f.path()));
            for (Path f : files) if (f.startsWith(absolute) && !f.equals(absolute)) named.add(absolute.relativize(f).getName(0).toString());
        });
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.equals(SiteConfigLoader.FILE) || name.equals(Tags.FILE) || name.equals(Units.FILE) || name.equals(SCHEMA_DIR) || EditorFiles.scratch(name)) continue;
            if (named.contains(name)) continue;
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
            if (yearDirs.isEmpty()) {
                problems.error(Position.of(dir.toString()), Msg.NO_YEAR_FOLDER.with(), Msg.NO_YEAR_FOLDER_FIX.with());
            } else {
                problems.error(Position.of(dir.toString()), Msg.NOTHING_TO_PUBLISH.with(), Msg.NOTHING_TO_PUBLISH_FIX.with());
            }
        }
        for (var img : foundImages.entrySet()) {
            if (!usedImages.containsKey(img.getKey()) && !heldImages.contains(img.getKey())) {
                problems.warning(Position.of(img.getKey()), Msg.IMAGE_UNUSED.with(), Msg.IMAGE_UNUSED_FIX.with(textFolder(img.getKey()), fromText(img.getKey())));
            }
        }
        checkImages();
        Repeats.check(years, problems);
        if (cache != null) cache.end(seen);
        if (site.isEmpty() || problems.hasErrors()) return Optional.empty();
        years.sort(Comparator.comparingInt(Year::year).reversed());
        if (!tags.declared() && !tagsUsed.isEmpty()) {
            problems.warning(Position.of(Tags.FILE), Msg.NO_TAGS_FILE.with(tagsUsed.size(), Tags.FILE), Msg.NO_TAGS_FILE_FIX.with());
        }
        return Optional.of(new Content(root, site.get(), years, usedImages, tags, units, new TreeMap<>(versions)));
    }

    private Optional<Year> year(Path dir, String name, SiteConfig site) {
        int year = Integer.parseInt(name);
        List<Language> languages = site.languages();
        Path reportFile = dir.resolve(REPORT);
        Optional<Report> report = Optional.empty();
        boolean hasReportFile = Files.isRegularFile(reportFile);
        // A year may hold only news: its report page appears once report.yaml exists.
        if (hasReportFile && inside(reportFile, name + "/" + REPORT)) {
            try {
                SourceText source = SourceText.read(reportFile, name + "/" + REPORT);
                versions.put(source.file(), TextCache.version(source.text()));
                Node tree = yaml.read(source, problems);
                if (tree != null) report = new ReportReader(languages, problems, units).read(tree, year);
            } catch (GazetteException e) {
                e.problems().forEach(problems::add);
            }
        }
        ArticleReader articles = new ArticleReader(yaml, markdown, site.timeZone(), tags);
        Map<String, Map<String, Article>> prose = new TreeMap<>();
        Map<String, Map<String, Article>> news = new TreeMap<>();
        List<Map.Entry<Path, String>> proseFiles = new ArrayList<>();
        List<Map.Entry<Path, String>> newsFiles = new ArrayList<>();
        for (Path p : list(dir)) {
            String file = p.getFileName().toString();
            String display = name + "/" + file;
            if (file.equals(REPORT) || EditorFiles.scratch(file)) continue;
            if (Files.isDirectory(p) && !file.equals("news")) {
                images(p, display);
            } else if (file.equals("news")) {
                for (Path a : list(p)) {
                    String af = a.getFileName().toString();
                    if (EditorFiles.scratch(af)) continue;
                    // Names of texts are texts (text() checks they are files): no need to ask the disk of each of 20,000.
                    if (TEXT.matcher(af).matches()) newsFiles.add(Map.entry(a, display + "/" + af));
                    else if (Files.isDirectory(a)) images(a, display + "/" + af); // news/images/
                    else if (isImage(af)) foundImages.put(display + "/" + af, a);
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
        List<Read> proseRead = dated(read(proseFiles, languages, articles), report, year);
        List<Read> newsRead = new ArrayList<>();
        for (Read r : read(newsFiles, languages, articles)) {
            // Only the report's prose may leave its date out; a news text named report.<lang>.md may not.
            if (r.article().date() == null) {
                problems.error(new Position(r.article().file(), 1, 1), Msg.DATE_MISSING.with(), Msg.DATE_MISSING_FIX.with());
            } else {
                newsRead.add(r);
            }
        }
        // The report goes out as a whole: held while any language of its prose is a draft or embargoed.
        boolean reportHeld = !publishing.drafts() && proseRead.stream().anyMatch(r -> !publishing.includes(r.article()));
        for (Read r : proseRead) file(r, !reportHeld && hasReportFile, prose);
        for (Read r : newsRead) file(r, publishing.includes(r.article()), news);
        Translations reportProse = null;
        if (!hasReportFile) {
            if (!proseRead.isEmpty()) {
                problems.warning(Position.of(proseRead.get(0).article().file()), Msg.PROSE_WITHOUT_REPORT.with(name), Msg.PROSE_WITHOUT_REPORT_FIX.with(name + "/" + REPORT));
            }
        } else if (proseRead.isEmpty()) {
            problems.error(Position.of(name + "/report." + site.defaultLanguage().code() + ".md"), Msg.NO_PROSE.with(name),
                    Msg.NO_PROSE_FIX.with(name + "/report." + site.defaultLanguage().code() + ".md"));
        } else if (!prose.isEmpty()) {
            reportProse = pair(prose, languages).get(0);
        }
        List<Translations> newsList = new ArrayList<>(pair(news, languages));
        newsList.sort(Comparator.comparing(Translations::date).reversed().thenComparing(Translations::slug));
        if (hasReportFile && report.isEmpty()) return Optional.empty(); // its errors say why
        Report published = reportProse == null ? null : report.orElse(null);
        if (published == null && newsList.isEmpty()) return Optional.empty(); // nothing to publish this year
        return Optional.of(new Year(year, published, published == null ? null : reportProse, newsList));
    }

    /**
     * The report's prose dated: a text that gives no date takes the meeting's, or while the meeting
     * has none (a new year), the first day of the next year — a fixed stand-in, as for the bulletin.
     */
    private static List<Read> dated(List<Read> prose, Optional<Report> report, int year) {
        java.time.LocalDate meeting = report.map(r -> r.meeting().date()).orElse(null);
        java.time.LocalDate date = meeting != null ? meeting : java.time.LocalDate.of(year + 1, 1, 1);
        return prose.stream().map(r -> r.article().date() != null ? r : new Read(r.article().withDate(date), r.images(), r.where())).toList();
    }

    /** A folder of images (2017/images/, 2017/news/images/), nothing else. */
    private void images(Path dir, String display) {
        for (Path a : list(dir)) {
            String af = a.getFileName().toString();
            if (EditorFiles.scratch(af)) continue;
            if (isImage(af) && Files.isRegularFile(a)) foundImages.put(display + "/" + af, a);
            else unused(display + "/" + af);
        }
    }

    /** Files a text under its name and language if it goes into this build; else only remembers it (and its images) as held. */
    private void file(Read r, boolean include, Map<String, Map<String, Article>> into) {
        Article a = r.article();
        if (include) {
            // Counted only for the warning of a site without tags.yaml (20,000 set additions a preview save otherwise).
            if (!tags.declared()) tagsUsed.addAll(a.tags());
            into.computeIfAbsent(a.slug(), k -> new LinkedHashMap<>()).put(a.language().code(), a);
            usedImages.putAll(r.images());
        } else {
            held.add(a.file());
            heldImages.addAll(r.images().keySet());
            heldImageFiles.putAll(r.images());
        }
        // Where each image is first used (by file, line, column), for the messages of its check.
        r.where().forEach((img, at) -> imageUses.merge(img, at, (x, y) -> POSITION_ORDER.compare(x, y) <= 0 ? x : y));
    }

    /** Reads texts in parallel; the results come in the order of {@code files}. */
    private List<Read> read(List<Map.Entry<Path, String>> files, List<Language> languages, ArticleReader reader) {
        return files.parallelStream()
                .map(f -> text(f.getKey(), f.getValue(), languages, reader))
                .flatMap(Optional::stream).toList();
    }

    private Optional<Read> text(Path p, String display, List<Language> languages, ArticleReader reader) {
        // With a watcher that saw no change to it since it was read: as read, without asking the disk.
        Parsed watched = cache == null ? null : cache.unchanged(display);
        if (watched != null && !imagesThere(watched)) watched = null;
        if (watched != null) {
            seen.add(display);
            return use(display, watched);
        }
        Matcher m = TEXT.matcher(p.getFileName().toString());
        if (!Files.isRegularFile(p) || !m.matches()) {
            problems.error(Position.of(display), Msg.NOT_NAMED_LIKE_ARTICLE.with(p.getFileName().toString()), Msg.NOT_NAMED_LIKE_ARTICLE_FIX.with());
            return Optional.empty();
        }
        String code = m.group(2);
        Optional<Language> lang = languages.stream().filter(l -> l.code().equals(code)).findFirst();
        if (lang.isEmpty()) {
            problems.error(Position.of(display), Msg.NOT_SITE_LANGUAGE_IN_NAME.with(code), Msg.USE_SITE_LANGUAGES.with(languages.stream().map(Language::code).toList()));
            return Optional.empty();
        }
        seen.add(display);
        java.nio.file.attribute.BasicFileAttributes stamp = null;
        if (cache != null) {
            try {
                stamp = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
            } catch (IOException e) {
                // read it below, which reports what is wrong
            }
        }
        // The same file (same identity, size and time) as at the last load: it was inside then, and is read already.
        Parsed parsed = cache == null ? null : cache.get(display, stamp);
        // A text is as good as its images: read it again if one of them is gone.
        if (parsed != null && !imagesThere(parsed)) parsed = null;
        if (parsed == null && !inside(p, display)) {
            unreadable.add(display);
            return Optional.empty();
        }
        if (parsed == null) {
            parsed = parse(p, display, m.group(1), lang.get(), reader);
            if (cache != null) cache.put(display, stamp, parsed);
        }
        return use(display, parsed);
    }

    /** Whether every image a parsed text uses is still a file (most texts have none: no stream made for them). */
    private static boolean imagesThere(Parsed parsed) {
        if (parsed.read().isEmpty()) return true;
        for (Path f : parsed.read().get().images().values()) if (!Files.isRegularFile(f)) return false;
        return true;
    }

    private Optional<Read> use(String display, Parsed parsed) {
        parsed.problems().forEach(problems::add);
        if (parsed.unreadable()) unreadable.add(display);
        if (parsed.version() != 0) versions.put(display, parsed.version());
        return parsed.read();
    }

    /** Reads and checks one text file; its problems are kept with the result, not yet reported. */
    private Parsed parse(Path p, String display, String slug, Language lang, ArticleReader reader) {
        SourceText source;
        try {
            source = SourceText.read(p, display);
        } catch (GazetteException e) {
            return new Parsed(Optional.empty(), List.copyOf(e.problems()), true, 0);
        }
        Problems own = new Problems();
        Optional<Article> article = reader.read(source, slug, lang, own);
        Map<String, Position> where = new TreeMap<>();
        Map<String, Path> images = article.map(a -> images(a, display.substring(0, display.lastIndexOf('/') + 1), own, where)).orElse(Map.of());
        long version = TextCache.version(source.text());
        if (own.hasErrors()) return new Parsed(Optional.empty(), own.sorted(), true, version);
        return new Parsed(article.map(a -> new Read(bodies == null ? a : a.withBody(bodies.keep(a.html())), images, where)), own.sorted(), false, version);
    }

    /** The version of a settings file (0 when it does not exist), recorded with the others. */
    private long version(Path file, String display) {
        try {
            if (!Files.isRegularFile(file)) return 0;
            long v = TextCache.version(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8));
            versions.put(display, v);
            return v;
        } catch (IOException e) {
            return 0; // its loader reports it
        }
    }

    /**
     * Checks the images a text refers to: relative paths that stay inside the content folder, to
     * image files that exist. Remote images are left to the page (and refused by the bulletin).
     */
    private Map<String, Path> images(Article a, String folder, Problems problems, Map<String, Position> where) {
        Map<String, Path> used = new TreeMap<>();
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
                problems.error(at, Msg.IMAGE_ABSOLUTE.with(img.url()), Msg.IMAGE_ABSOLUTE_FIX.with());
                continue;
            }
            String rel = java.nio.file.Path.of(folder + url).normalize().toString().replace('\\', '/');
            if (rel.startsWith("..") || Path.of(rel).isAbsolute()) {
                problems.error(at, Msg.IMAGE_LEAVES.with(img.url()), Msg.IMAGE_LEAVES_FIX.with());
                continue;
            }
            Path file = root.resolve(rel);
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                String near = nearImage(file);
                String written = img.url().contains("/") ? img.url().substring(0, img.url().lastIndexOf('/') + 1) : "";
                problems.error(at, Msg.IMAGE_MISSING.with(img.url(), rel),
                        near == null ? Msg.IMAGE_MISSING_FIX.with()
                                : near.equalsIgnoreCase(file.getFileName().toString()) ? Msg.IMAGE_CASE_FIX.with(near, written + near)
                                : Msg.DID_YOU_MEAN.with(written + near));
                continue;
            }
            if (!inside(file, rel)) continue;
            if (!isImage(rel) || !Files.isRegularFile(file)) {
                problems.error(at, Msg.NOT_AN_IMAGE.with(img.url()), Msg.USE_IMAGE_TYPES.with(List.copyOf(new java.util.TreeSet<>(IMAGE_TYPES))));
                continue;
            }
            used.put(rel, file);
            where.putIfAbsent(rel, at);
        }
        return used;
    }

    /** Every image a text uses, published or held back, is a picture of bounded size or a safe SVG ({@link ImageCheck}). */
    private void checkImages() {
        Map<String, Path> all = new TreeMap<>(heldImageFiles);
        all.putAll(usedImages);
        all.entrySet().parallelStream().forEach(e ->
                ImageCheck.check(e.getKey(), e.getValue(), imageUses.getOrDefault(e.getKey(), Position.of(e.getKey())), problems));
    }

    /** The picture in {@code missing}'s folder whose name is nearest to it (the same but for case first), or null. */
    private static String nearImage(Path missing) {
        Path dir = missing.getParent();
        if (dir == null || !Files.isDirectory(dir)) return null;
        String name = missing.getFileName().toString();
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(ContentLoader::isImage).sorted().forEach(names::add);
        } catch (IOException e) {
            return null;
        }
        for (String n : names) if (n.equalsIgnoreCase(name)) return n;
        return Suggest.nearest(name, names);
    }

    /** Refuses a file that is a link to somewhere outside the content folder. */
    private boolean inside(Path p, String display) {
        try {
            if (p.toRealPath().startsWith(realRoot)) return true;
        } catch (IOException e) {
            problems.error(Position.of(display), Msg.CANNOT_READ_FILE.with(Msg.reason(e)), Msg.CHECK_READABLE.with());
            return false;
        }
        problems.error(Position.of(display), Msg.LINK_OUTSIDE_FILE.with(), Msg.LINK_OUTSIDE_FILE_FIX.with());
        return false;
    }

    /** Where the texts that could show an image stand: 2017/news/ for 2017/news/images/x.png, 2017/ for 2017/images/x.png. */
    private static String textFolder(String image) {
        String[] parts = image.split("/");
        return parts.length > 2 && parts[1].equals("news") ? parts[0] + "/news/" : parts[0] + "/";
    }

    /** The image's path as a text in {@link #textFolder} writes it (images/x.png). */
    private static String fromText(String image) {
        return image.substring(textFolder(image).length());
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
                    problems.error(a.dateAt(), Msg.DATES_DIFFER.with(a.date(), first.file(), first.date()), Msg.DATES_DIFFER_FIX.with());
                }
            }
            if (first == null) continue;
            for (Language l : languages) {
                if (!versions.containsKey(l.code())) {
                    String missing = first.file().replaceAll("\\.[a-z]{2,3}\\.md$", "." + l.code() + ".md");
                    if (unreadable.contains(missing)) continue; // it exists; its own error says what is wrong
                    if (held.contains(missing)) continue; // it exists, held back (draft or embargo) for now
                    problems.warning(Position.of(first.file()), Msg.NOT_TRANSLATED.with(l.name(), missing),
                            Msg.NOT_TRANSLATED_FIX.with(l.code(), first.language().code()));
                }
            }
            out.add(new Translations(e.getKey(), versions));
        }
        return out;
    }

    private void unused(String display) {
        problems.warning(Position.of(display), Msg.NOT_USED.with(), Msg.NOT_USED_FIX.with());
    }

    private static List<Path> list(Path dir) {
        // Sorted by name, each name made once (a news folder may hold 20,000 files).
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> Map.entry(p.getFileName().toString(), p)).sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
        } catch (IOException e) {
            throw new GazetteException(Position.of(dir.toString()).error(Msg.CANNOT_LIST.with(Msg.reason(e)), null));
        }
    }
}
