package org.gazette.bulletin;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gazette.config.SiteConfig;
import org.gazette.config.SiteConfigLoader;
import org.gazette.content.Article;
import org.gazette.content.Bulletin;
import org.gazette.content.Content;
import org.gazette.content.ContentLoader;
import org.gazette.content.Year;
import org.gazette.i18n.Language;
import org.gazette.i18n.Strings;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Msg;
import org.gazette.problem.Position;
import org.gazette.problem.Problems;
import org.gazette.render.Charts;
import org.gazette.render.Localizer;
import org.gazette.render.Templates;
import org.gazette.render.Urls;

/**
 * The printed bulletin of each year, in each language: XHTML from {@code bulletin/bulletin.ftlh},
 * then PDF. The distribution block (报/送/发) belongs at the foot of the last page, which CSS alone
 * cannot do in openhtmltopdf; so the bulletin is laid out, the space left under the block is
 * measured, and the block is moved down by it before painting. The same layout tells whether the
 * bulletin runs past one page, which is when it gets a table of contents. With a
 * {@link BulletinCache}, a bulletin made from the same things as an earlier one is not painted again.
 */
public final class Bulletins {

    public static final String TEMPLATE = "bulletin/bulletin.ftlh";

    /** One bulletin to render: where it goes, and from what. */
    public record Job(Year year, Language language, String path) {
        /** Where the Word form of this bulletin goes: beside the PDF, same name, .docx. */
        public String wordPath() {
            return wordPathOf(path);
        }
    }

    /** A bulletin's PDF, its Word form (null when not asked for), and the XHTML both were made from. */
    public record Made(BulletinRenderer.Result result, byte[] docx, String xhtml) {}

    /** The Word form's path for a bulletin PDF's path. */
    public static String wordPathOf(String pdfPath) {
        return pdfPath.substring(0, pdfPath.length() - ".pdf".length()) + ".docx";
    }

    private final Content content;
    private final Map<String, Strings> strings;
    private final Templates templates;
    private final Instant sourceDate;
    private final BulletinRenderer renderer;
    private final OfficeFonts office;
    private final BulletinCache cache;

    /** {@code sourceDate}: SOURCE_DATE_EPOCH when set, else null (the bulletin's own date is used). */
    public Bulletins(Content content, Map<String, Strings> strings, Templates templates, Instant sourceDate) {
        this(content, strings, templates, sourceDate, OfficeFonts.NONE);
    }

    /** With the office's own fonts, read and checked by {@link OfficeFonts#load}. */
    public Bulletins(Content content, Map<String, Strings> strings, Templates templates, Instant sourceDate, OfficeFonts office) {
        this(content, strings, templates, sourceDate, office, null);
    }

    /** With finished bulletins kept between runs ({@code cache}, may be null): an unchanged bulletin is not painted again. */
    public Bulletins(Content content, Map<String, Strings> strings, Templates templates, Instant sourceDate, OfficeFonts office,
                     BulletinCache cache) {
        this.office = office;
        this.cache = cache;
        this.renderer = new BulletinRenderer(office, content.units());
        this.content = content;
        this.strings = strings;
        this.templates = templates;
        this.sourceDate = sourceDate;
    }

    public static String path(Language lang, int year) {
        return Urls.bulletin(lang, year);
    }

    public List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        for (Year y : content.years()) {
            if (!y.hasReport() || y.report().bulletin() == null) continue;
            for (Language lang : content.site().languages()) jobs.add(new Job(y, lang, path(lang, y.year())));
        }
        return jobs;
    }

    /** Renders one bulletin; warnings (refused resources, remote images) go to {@code problems}. */
    public BulletinRenderer.Result render(Job job, Problems problems) {
        return make(job, problems, false).getKey();
    }

    /**
     * The PDF and, from the XHTML it was laid out from, the Word form (for offices that forward a
     * bulletin as a .docx): the same text, the office's fonts named where site.yaml gives them.
     */
    public Made renderWithWord(Job job, Problems problems) {
        var both = make(job, problems, true);
        BulletinRenderer.Metadata meta = metadata(job, model(job));
        return new Made(both.getKey(), WordBulletin.of(both.getValue(), office.wordFaces(), meta), both.getValue());
    }

    /** The PDF and the XHTML it was made from (for `gazette bulletin --xhtml`, and the benchmark's other renderers). */
    public Map.Entry<BulletinRenderer.Result, String> renderWithSource(Job job, Problems problems) {
        return make(job, problems, true);
    }

    /**
     * The PDF, from the cache or painted, and its XHTML. From the cache, the XHTML it was finally laid
     * out from is made again only when {@code source} asks for it or its text may differ (no table of
     * contents); a moved distribution block differs only in a margin.
     */
    private Map.Entry<BulletinRenderer.Result, String> make(Job job, Problems problems, boolean source) {
        Map<String, Object> model = model(job);
        model.put("distributionOffset", 0);
        model.put("toc", true);
        String xhtml = templates.render(TEMPLATE, model);
        BulletinRenderer.Metadata meta = metadata(job, model);
        BulletinCache.Key key = cache == null ? null : key(xhtml, meta);
        BulletinCache.Entry kept = key == null ? null : cache.find(key);
        BulletinRenderer.Result r;
        if (kept != null) {
            r = kept.result();
            if (!kept.toc() || (source && kept.distributionOffset() != 0)) {
                model.put("toc", kept.toc());
                model.put("distributionOffset", kept.distributionOffset());
                xhtml = templates.render(TEMPLATE, model);
            }
            reused.incrementAndGet();
        } else {
            long paintedFrom = System.currentTimeMillis();
            Painted painted = paint(model, xhtml, meta, access(job.year()));
            r = painted.result();
            xhtml = painted.xhtml();
            if (key != null) {
                cache.put(key, new BulletinCache.Entry(r, (Boolean) model.get("toc"), (Integer) model.get("distributionOffset")), painted.read(), paintedFrom);
            }
        }
        missing(job, xhtml, problems);
        images((Article) model.get("prose"), problems, r.refused());
        return Map.entry(r, xhtml);
    }

    /** How many bulletins this run took from the cache instead of painting them. */
    public int reused() {
        return reused.get();
    }

    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

    /** A painted bulletin, the XHTML it was finally laid out from, and the files the renderer read. */
    private record Painted(BulletinRenderer.Result result, String xhtml, List<Path> read) {}

    /** Lays out, places the distribution block, paints; {@code model}'s toc and distributionOffset end as used. */
    private Painted paint(Map<String, Object> model, String xhtml, BulletinRenderer.Metadata meta, BulletinRenderer.Access access) {
        String file = "templates/" + TEMPLATE;
        BulletinRenderer.Laid laid = renderer.layout(xhtml, file, access);
        try {
            BulletinRenderer.Placement at = laid.placement("distribution");
            if (at != null && at.page() == 0) {
                // Everything fits on one page: a table of contents would only take room.
                laid.close();
                model.put("toc", false);
                xhtml = templates.render(TEMPLATE, model);
                laid = renderer.layout(xhtml, file, access);
                at = laid.placement("distribution");
            }
            if (at != null) {
                // Push it down by the room left under it, less a little for rounding, so it stays on its page:
                // in the laid-out document, and in the XHTML handed out (as a top margin of the same size).
                int offset = (int) Math.floor(at.roomBelow() - 2);
                if (offset > 0) {
                    laid.pushDown("distribution", offset);
                    model.put("distributionOffset", offset);
                    xhtml = templates.render(TEMPLATE, model);
                }
            }
            return new Painted(laid.paint(meta, xhtml), xhtml, laid.read());
        } finally {
            laid.close();
        }
    }

    private BulletinRenderer.Metadata metadata(Job job, Map<String, Object> model) {
        Localizer l = (Localizer) model.get("l");
        Bulletin b = job.year().report().bulletin();
        return new BulletinRenderer.Metadata(
                l.plain(b.name()) + " " + l.t("bulletin_issue", "n", b.issue()) + " — " + l.plain(job.year().report().meeting().title()),
                (String) model.get("issuer"), l.plain(job.year().report().title()), (String) model.get("keywords"),
                job.language().tag(), (sourceDate != null ? sourceDate : date(job.year()).atStartOfDay(content.site().timeZone()).toInstant())
                        .atZone(content.site().timeZone()), sources(job.year()));
    }

    /** Everything a painted bulletin is made from but the images it reads: Gazette, the fonts, the first XHTML, the metadata, the sources. */
    private BulletinCache.Key key(String xhtml, BulletinRenderer.Metadata meta) {
        BulletinCache.Key key = new BulletinCache.Key().add("gazette bulletin 1").add(BulletinCache.code());
        office.addTo(key);
        key.add(xhtml).add(meta.title()).add(meta.author()).add(meta.subject()).add(meta.keywords()).add(meta.language())
                .add(meta.date().toString()).add(String.valueOf(meta.attachments().size()));
        for (BulletinRenderer.Attachment a : meta.attachments()) key.add(a.name()).add(a.mimeType()).add(a.description()).add(a.data());
        return key;
    }

    /**
     * What {@code check} asks of a bulletin without painting it: its XHTML renders from the template
     * and is well-formed (the PDF renderer needs XHTML), every character has a glyph, no image is remote.
     */
    public void verify(Job job, Problems problems) {
        Map<String, Object> model = model(job);
        model.put("distributionOffset", 0);
        model.put("toc", true);
        String xhtml = templates.render(TEMPLATE, model);
        try {
            javax.xml.parsers.SAXParserFactory f = javax.xml.parsers.SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.newSAXParser().parse(new org.xml.sax.InputSource(new java.io.StringReader(xhtml)), new org.xml.sax.helpers.DefaultHandler());
        } catch (org.xml.sax.SAXParseException e) {
            throw new GazetteException(Position.of("templates/" + TEMPLATE).error(
                    Msg.BULLETIN_XHTML.with(e.getLineNumber(), e.getMessage()), Msg.BULLETIN_XHTML_FIX.with()));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        missing(job, xhtml, problems);
        images((Article) model.get("prose"), problems, List.of());
    }

    /**
     * What the bulletin does with each picture of the prose, said where it is written: a remote one
     * is not fetched, an SVG is not drawn (the renderer draws pictures, not programs), and one the
     * renderer could not draw ({@code undrawn}: the URIs it reported) is named. Each prints its caption alone.
     */
    private void images(Article prose, Problems problems, List<String> undrawn) {
        String folder = prose.file().substring(0, prose.file().lastIndexOf('/') + 1);
        for (Article.Image img : prose.images()) {
            Position at = new Position(prose.file(), img.line(), img.column());
            if (img.isRemote()) {
                problems.warning(at, Msg.BULLETIN_REMOTE_IMAGE.with(img.url()), Msg.BULLETIN_REMOTE_IMAGE_FIX.with());
                continue;
            }
            String path = img.url().replaceAll("[?#].*$", "");
            if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
                problems.warning(at, Msg.BULLETIN_SVG.with(img.url()), Msg.BULLETIN_SVG_FIX.with());
                continue;
            }
            Path file = content.folder().resolve(folder + path).toAbsolutePath().normalize();
            String uri = file.toUri().toString();
            for (String u : undrawn) {
                // The renderer names a picture it could not draw as written (images/x.png) or resolved (file:/…).
                if (u.equals(img.url()) || u.equals(uri) || u.equals(uri.replace("file:///", "file:/"))) {
                    problems.warning(at, Msg.BULLETIN_IMAGE_FAILED.with(img.url()), Msg.BULLETIN_IMAGE_FAILED_FIX.with());
                    break;
                }
            }
        }
    }

    /** The year's own sources, both languages: its report.yaml and every Markdown text, carried inside the PDF. */
    private List<BulletinRenderer.Attachment> sources(Year y) {
        java.util.SortedSet<String> files = new java.util.TreeSet<>();
        files.add(y.year() + "/" + ContentLoader.REPORT);
        y.prose().byLanguage().values().forEach(a -> files.add(a.file()));
        y.news().forEach(t -> t.byLanguage().values().forEach(a -> files.add(a.file())));
        List<BulletinRenderer.Attachment> out = new ArrayList<>();
        for (String f : files) {
            try {
                byte[] data = java.nio.file.Files.readAllBytes(content.folder().resolve(f));
                String mime = f.endsWith(".md") ? "text/markdown" : "application/yaml";
                out.add(new BulletinRenderer.Attachment(f, data, mime, "Source of this bulletin: content/" + f));
            } catch (java.io.IOException e) {
                throw new GazetteException(Position.of(f).error(Msg.BULLETIN_ATTACH.with(Msg.reason(e)), Msg.CHECK_READABLE.with()));
            }
        }
        return out;
    }

    /** Relative image references resolve in the year's folder; only the images the content check accepted may be read. */
    private BulletinRenderer.Access access(Year y) {
        java.util.Set<Path> allowed = new java.util.HashSet<>();
        for (Path p : content.images().values()) allowed.add(p.toAbsolutePath().normalize());
        String base = content.folder().resolve(String.valueOf(y.year())).toAbsolutePath().normalize().toUri().toString();
        return new BulletinRenderer.Access(base.endsWith("/") ? base : base + "/", uri -> {
            try {
                java.net.URI u = java.net.URI.create(uri);
                return "file".equals(u.getScheme()) && allowed.contains(Path.of(u).toAbsolutePath().normalize());
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                return false;
            }
        });
    }

    /**
     * A character no font of the bulletin can draw would print as '#': an error at the place it was
     * written (the year's report.yaml, its prose, site.yaml), unless the office accepts it in
     * site.yaml ({@code fonts: accept:}), then a warning.
     */
    private void missing(Job job, String xhtml, Problems problems) {
        java.util.Set<Integer> missing = uncovered(xhtml, office);
        if (missing.isEmpty()) return;
        List<String> sources = new ArrayList<>();
        sources.add(job.year().year() + "/" + ContentLoader.REPORT);
        job.year().prose().byLanguage().values().forEach(a -> sources.add(a.file()));
        sources.add(SiteConfigLoader.FILE);
        for (int c : missing) {
            String character = new String(Character.toChars(c));
            String code = "U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
            Position at = locate(c, sources);
            if (at == null) at = Position.of(job.path());
            if (office.accepts(c)) {
                problems.warning(at, Msg.NO_GLYPH_ACCEPTED.with(character, code, job.path()), Msg.NO_GLYPH_ACCEPTED_FIX.with());
            } else {
                problems.error(at, Msg.NO_GLYPH.with(character, code, job.path()), Msg.NO_GLYPH_FIX.with("fonts: accept: [\"" + character + "\"]"));
            }
        }
    }

    /** The first place a character is written in one of {@code files} (content-relative), or null. */
    private Position locate(int c, List<String> files) {
        for (String f : files) {
            try {
                List<String> lines = java.nio.file.Files.readAllLines(content.folder().resolve(f), java.nio.charset.StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    int at = lines.get(i).indexOf(new String(Character.toChars(c)));
                    if (at >= 0) return new Position(f, i + 1, lines.get(i).codePointCount(0, at) + 1);
                }
            } catch (java.io.IOException e) {
                // not readable now: the character is reported at the bulletin
            }
        }
        return null;
    }

    /** The characters of the document's text that no font of the bulletin can draw. */
    static java.util.SortedSet<Integer> uncovered(String xhtml, OfficeFonts office) {
        String text = xhtml.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        java.util.TreeSet<Integer> missing = new java.util.TreeSet<>();
        text.codePoints().filter(c -> c > 0x20 && !Character.isWhitespace(c) && !Fonts.covers(c) && !office.covers(c)).forEach(missing::add);
        return missing;
    }

    private Map<String, Object> model(Job job) {
        SiteConfig site = content.site();
        Language lang = job.language();
        Year y = job.year();
        Bulletin b = y.report().bulletin();
        Localizer l = new Localizer(lang, site.fallbackOrder(), strings.get(lang.code()), content.units());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", site);
        m.put("lang", lang);
        m.put("l", l);
        m.put("report", y.report());
        m.put("charts", Charts.of(content, y, l));
        m.put("year", y);
        m.put("bulletin", b);
        m.put("prose", y.prose().in(lang, site.fallbackOrder()));
        m.put("issuer", l.plain(b.issuer() != null ? b.issuer() : site.office()));
        m.put("date", date(y));
        m.put("keywords", String.join(", ", List.of(l.plain(site.district()), String.valueOf(y.year()), l.plain(b.name()))));
        return m;
    }

    /**
     * The bulletin's date: its own, else the meeting's; while neither is set (a new year's report),
     * the first day of the year after the report's — a fixed stand-in, so builds stay reproducible.
     */
    private static LocalDate date(Year y) {
        Bulletin b = y.report().bulletin();
        if (b.date() != null) return b.date();
        LocalDate meeting = y.report().meeting().date();
        return meeting != null ? meeting : LocalDate.of(y.year() + 1, 1, 1);
    }

}
