package org.gazette.desk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gazette.content.ImageCheck;
import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Problems;
import org.gazette.word.WordImport;
import org.gazette.yaml.Node;
import org.gazette.yaml.YamlReader;

/**
 * The articles of a content folder as the desk shows and saves them. Reads leniently (a broken
 * file still opens, its problems are the build's to tell); writes only
 * {@code <year>/news/<name>.<lang>.md} inside the content folder, never through a link, atomically
 * (a temporary file beside it, then a rename), and only over the version the writer opened: a file
 * changed on disk since (another editor, a {@code git pull}) is refused, with both versions.
 */
public final class Articles {

    static final Pattern YEAR = Pattern.compile("[12][0-9]{3}");
    static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern FILE = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)\\.([a-z]{2,3})\\.md");
    /** Larger than any article; a body this long is pasted data. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final Path content;
    private final List<String> languages;

    public Articles(Path content, List<String> languages) {
        this.content = content.toAbsolutePath().normalize();
        this.languages = List.copyOf(languages);
    }

    public List<String> languages() {
        return languages;
    }

    /** The content folder, absolute. */
    public Path content() {
        return content;
    }

    /** One language version as the list shows it. */
    public record Version(String file, String title, String date, boolean draft, String publish, String version) {}

    /** An article: its year and name, and the versions that exist, by language. */
    public record Entry(String year, String name, Map<String, Version> versions) {}

    /** The years that have a report.yaml, newest first. */
    public List<String> reportYears() throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(content)) return out;
        try (Stream<Path> years = Files.list(content)) {
            for (Path y : years.filter(p -> YEAR.matcher(p.getFileName().toString()).matches()).sorted().toList()) {
                if (Files.isRegularFile(y.resolve("report.yaml"), LinkOption.NOFOLLOW_LINKS)) out.add(0, y.getFileName().toString());
            }
        }
        return out;
    }

    /** Every article of every year, newest first (by date, then name). */
    public List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(content)) return out;
        try (Stream<Path> years = Files.list(content)) {
            for (Path y : years.filter(p -> YEAR.matcher(p.getFileName().toString()).matches()).sorted().toList()) {
                Path news = y.resolve("news");
                if (!Files.isDirectory(news, LinkOption.NOFOLLOW_LINKS)) continue;
                Map<String, Map<String, Version>> byName = new java.util.TreeMap<>();
                List<Path> texts;
                try (Stream<Path> files = Files.list(news)) {
                    texts = files.filter(f -> {
                        var m = FILE.matcher(f.getFileName().toString());
                        return m.matches() && languages.contains(m.group(2));
                    }).sorted().toList();
                }
                // Read in parallel the first time; afterwards only files whose size or time changed (an archive has thousands).
                Map<Path, Version> read = new java.util.concurrent.ConcurrentHashMap<>();
                texts.parallelStream().forEach(f -> {
                    try {
                        Version v = cached(f);
                        if (v != null) read.put(f, v);
                    } catch (IOException e) {
                        // unreadable now: left out of the list; the build says why
                    }
                });
                for (Path f : texts) {
                    Version v = read.get(f);
                    if (v == null) continue;
                    var m = FILE.matcher(f.getFileName().toString());
                    m.matches();
                    byName.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), v);
                }
                String year = y.getFileName().toString();
                byName.forEach((name, versions) -> out.add(new Entry(year, name, versions)));
            }
        }
        out.sort((a, b) -> {
            int d = date(b).compareTo(date(a));
            return d != 0 ? d : a.name().compareTo(b.name());
        });
        return out;
    }

    private static String date(Entry e) {
        return e.versions().values().stream().map(Version::date).filter(d -> d != null && !d.isBlank()).findFirst().orElse("");
    }

    private record Seen(long size, java.nio.file.attribute.FileTime modified, Version version) {}

    private final Map<Path, Seen> seen = new java.util.concurrent.ConcurrentHashMap<>();

    /** The version as last read, when the file's size and time are the same; else read again. Null for what is not a plain file. */
    private Version cached(Path f) throws IOException {
        var attrs = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) return null;
        Seen s = seen.get(f);
        var modified = attrs.lastModifiedTime();
        if (s != null && s.size() == attrs.size() && s.modified().equals(modified)) return s.version();
        Version v = version(f);
        seen.put(f, new Seen(attrs.size(), modified, v));
        return v;
    }

    private Version version(Path f) throws IOException {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Map<String, Object> fields = read(text);
        String rel = content.relativize(f).toString().replace('\\', '/');
        return new Version(rel, str(fields.get("title")), str(fields.get("date")), Boolean.TRUE.equals(fields.get("draft")),
                str(fields.get("publish")), versionOf(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** An article's version in one language for the form: its fields, its body, and the version it was read at ("" when it does not exist). */
    public record Text(String file, boolean exists, Map<String, Object> fields, String body, String version) {}

    public Text read(String year, String name, String lang) throws IOException {
        Path f = path(year, name, lang);
        String rel = content.relativize(f).toString().replace('\\', '/');
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) return new Text(rel, false, new LinkedHashMap<>(), "", "");
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) throw new Refused(400, Msg.DESK_NOT_PLAIN_FILE.with(rel));
        byte[] bytes = Files.readAllBytes(f);
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new Text(rel, true, read(text), FrontMatter.split(text.replace("\r\n", "\n")).body(), versionOf(bytes));
    }

    /** The front matter's fields as the form shows them, read leniently: what cannot be read is left out. */
    static Map<String, Object> read(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        FrontMatter.Split s = FrontMatter.split(text.replace("\r\n", "\n"));
        if (s.lines().isEmpty()) return out;
        Node root = new YamlReader().read(String.join("\n", s.lines()) + "\n", "front matter", 1, new Problems());
        if (!(root instanceof Node.MapNode map)) return out;
        for (var e : map.entries().values()) {
            String key = e.key().name();
            Node v = e.value();
            switch (key) {
                case "title", "date", "summary", "publish" -> {
                    if (v instanceof Node.Scalar sc && !sc.isNull()) out.put(key, sc.text());
                }
                case "draft", "featured" -> out.put(key, v instanceof Node.Scalar sc && "true".equalsIgnoreCase(sc.text()));
                case "tags" -> out.put(key, list(v));
                case "byline" -> {
                    Map<String, Object> roles = new LinkedHashMap<>();
                    if (v instanceof Node.MapNode m) {
                        for (String role : FrontMatter.ROLES) {
                            var r = m.entries().get(role);
                            if (r != null) roles.put(role, list(r.value()));
                        }
                    }
                    out.put(key, roles);
                }
                default -> { }
            }
        }
        return out;
    }

    private static List<String> list(Node v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Node.SeqNode seq) {
            for (Node i : seq.items()) if (i instanceof Node.Scalar sc && !sc.isNull()) out.add(sc.text());
        } else if (v instanceof Node.Scalar sc && !sc.isNull()) {
            out.add(sc.text());
        }
        return out;
    }

    /** What a save did: the file's new version. */
    public record Saved(String file, String version) {}

    /**
     * Writes one language version: its fields set as given, its body replaced, everything else in
     * the file kept. {@code expected} is the version the writer opened ("" for a new file).
     */
    public Saved save(String year, String name, String lang, String expected, Map<String, Object> fields, String body) throws IOException {
        Path f = path(year, name, lang);
        String rel = content.relativize(f).toString().replace('\\', '/');
        byte[] now = Files.exists(f, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(f) : null;
        String current = now == null ? "" : versionOf(now);
        if (!current.equals(expected == null ? "" : expected)) {
            throw new Conflict(rel, now == null ? "" : new String(now, StandardCharsets.UTF_8), current);
        }
        String before = now == null ? "---\n---\n" : new String(now, StandardCharsets.UTF_8);
        String text = FrontMatter.update(before, fields, body);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) throw new Refused(413, Msg.DESK_TEXT_TOO_LARGE.with());
        Path dir = f.getParent();
        Files.createDirectories(dir);
        inside(dir);
        AtomicFile.write(f, bytes, true);
        return new Saved(rel, versionOf(bytes));
    }

    /**
     * A new article from a Word or WPS draft: its title, text and pictures ({@link org.gazette.word.WordImport}),
     * written as {@code <year>/news/<name>.<lang>.md}, a draft dated {@code date}; never over an existing file.
     * Returns the file written and what could not be carried over.
     */
    public record Imported(String file, List<String> pictures, List<Message> notCarried) {}

    public Imported importDocx(String year, String name, String lang, String date, byte[] docx) throws IOException {
        Path f = path(year, name, lang);
        String rel = content.relativize(f).toString().replace('\\', '/');
        if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) throw new Refused(409, Msg.DESK_EXISTS.with(rel));
        List<String> stored = new ArrayList<>();
        WordImport.Article a;
        try {
            a = WordImport.read(docx, (suggested, bytes) -> {
                Stored s = savePicture(year, name, suggested, bytes);
                stored.add(s.file());
                return s.src();
            });
        } catch (Refused r) {
            throw r;
        } catch (WordImport.NotWord e) {
            throw new Refused(415, e.why);
        } catch (IOException e) {
            throw new Refused(415, Msg.reason(e));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", a.title().isEmpty() ? name : a.title());
        fields.put("date", date);
        fields.put("summary", "");
        fields.put("draft", true);
        save(year, name, lang, "", fields, a.markdown());
        return new Imported(rel, List.copyOf(stored), a.notCarried());
    }

    /** A stored picture: its path as the article writes it (images/…), and whether it was there already. */
    public record Stored(String src, String file, boolean existed) {}

    /** Pictures larger than this are refused (a press photo is a few MB). */
    static final int MAX_PICTURE_BYTES = 30 * 1024 * 1024;

    /**
     * Stores a picture for the articles of {@code year}: checked (a PNG, JPEG, GIF or WebP within the
     * size and pixel limits), its personal metadata taken out ({@link PhotoMetadata}), under a safe
     * name in {@code <year>/news/images/} made from {@code original} (or the article's name), never
     * over another picture: the same picture again is found, a different one gets -2, -3 ….
     */
    public Stored savePicture(String year, String article, String original, byte[] bytes) throws IOException {
        if (year == null || !YEAR.matcher(year).matches()) throw new Refused(400, Msg.DESK_NOT_YEAR.with(year));
        if (article == null || !NAME.matcher(article).matches()) throw new Refused(400, Msg.BAD_ARTICLE_NAME.with(article));
        if (bytes.length > MAX_PICTURE_BYTES) throw new Refused(413, Msg.DESK_PICTURE_TOO_LARGE.with());
        ImageCheck.Picture p = ImageCheck.picture(bytes);
        if (p == null) throw new Refused(415, Msg.DESK_NOT_PICTURE.with());
        if (p.width() * p.height() > ImageCheck.MAX_PIXELS) {
            throw new Refused(413, Msg.DESK_PICTURE_PIXELS.with(p.width(), p.height()));
        }
        byte[] clean = PhotoMetadata.strip(bytes);
        String ext = p.kind().equals("jpeg") ? "jpg" : p.kind();
        String base = original == null ? "" : original.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 60) base = base.substring(0, 60).replaceAll("-+$", "");
        if (base.isEmpty()) base = article;
        Path dir = content.resolve(year).resolve("news").resolve("images");
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing != null) inside(existing);
        Files.createDirectories(dir);
        inside(dir);
        for (int n = 1; n < 1000; n++) {
            String name = base + (n == 1 ? "" : "-" + n) + "." + ext;
            Path f = dir.resolve(name);
            String rel = content.relativize(f).toString().replace('\\', '/');
            if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && java.util.Arrays.equals(Files.readAllBytes(f), clean)) {
                    return new Stored("images/" + name, rel, true);
                }
                continue;
            }
            try {
                AtomicFile.write(f, clean, false);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                continue; // saved by someone else meanwhile: the next name
            }
            return new Stored("images/" + name, rel, false);
        }
        throw new Refused(409, Msg.DESK_TOO_MANY_PICTURES.with(base));
    }

    /** The file of an article's version; refused unless year, name and language are what Gazette names files with. */
    Path path(String year, String name, String lang) throws IOException {
        if (year == null || !YEAR.matcher(year).matches()) throw new Refused(400, Msg.DESK_NOT_YEAR.with(year));
        if (name == null || !NAME.matcher(name).matches()) {
            throw new Refused(400, Msg.DESK_BAD_NAME.with(name));
        }
        if (lang == null || !languages.contains(lang)) throw new Refused(400, Msg.DESK_NOT_LANGUAGE.with(lang));
        Path f = content.resolve(year).resolve("news").resolve(name + "." + lang + ".md");
        if (Files.isSymbolicLink(f)) throw new Refused(400, Msg.DESK_LINK.with(content.relativize(f).toString()));
        Path existing = f.getParent();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing != null) inside(existing);
        return f;
    }

    /** Refuses a folder that is, or is reached through, a link to outside the content folder. */
    private void inside(Path dir) throws IOException {
        if (!dir.toRealPath().startsWith(content.toRealPath())) {
            throw new Refused(400, Msg.DESK_OUTSIDE.with(content.relativize(dir.toAbsolutePath().normalize()).toString()));
        }
    }

    static String versionOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why {@code r} was refused, to be said in the user's language. */
    public static Message why(Refused r) {
        return r.why;
    }

    /** A request the desk will not carry out: its HTTP status and why. */
    public static class Refused extends IOException {
        final int status;
        final transient Message why;

        Refused(int status, Message why) {
            super(why.toString());
            this.status = status;
            this.why = why;
        }
    }

    /** The file changed on disk since the writer opened it: what it holds now, and its version. */
    public static final class Conflict extends Refused {
        final String file;
        final String onDisk;
        final String version;

        Conflict(String file, String onDisk, String version) {
            super(409, Msg.DESK_CHANGED_ON_DISK.with(file));
            this.file = file;
            this.onDisk = onDisk;
            this.version = version;
        }
    }
}
