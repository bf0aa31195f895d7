package org.gazette.desk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.gazette.content.Commendation;
import org.gazette.content.Honour;
import org.gazette.content.NewText;
import org.gazette.content.Report;
import org.gazette.problem.GazetteException;
import org.gazette.problem.Lang;
import org.gazette.problem.Message;
import org.gazette.problem.Msg;
import org.gazette.problem.Problem;
import org.gazette.serve.PreviewServer;
import org.gazette.word.WordImport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The writing desk: pages and a small JSON interface under {@code /desk/} of the preview server,
 * for press officers who write in the browser. It lists the articles with their state in each
 * language, opens one in both languages side by side beside its real page, and saves what is
 * written into the article's file (see {@link Articles}); the preview rebuilds and reloads as for
 * any save.
 * <p>
 * Who may write: only this machine (the desk is refused on any other bind address), and only the
 * desk's own pages — every change carries the token the desk page was served with (a custom header,
 * so another site's page cannot send it without the browser asking first, which the desk never
 * allows) from the preview's own origin ({@code Origin} equal to the address asked for), as JSON.
 */
public final class Desk implements PreviewServer.Route {

    public static final String PREFIX = "/desk/";
    static final String TOKEN_HEADER = "X-Gazette-Token";
    private static final int MAX_REQUEST = 6 * 1024 * 1024;

    private final Articles articles;
    private ReportTable reports;
    private final Supplier<List<Problem>> problems;
    private final Saves saves;
    private final boolean local;
    private final String token;
    private final ObjectMapper json = new ObjectMapper();

    /** What a save sets going: the rebuild of the saved file (content-relative); returns the build's problems for it. */
    public interface Saves {
        void saved(String file);
    }

    /** The site built as `gazette build` builds it: exit code, and what it printed (the summary line, problems). */
    public record Built(int code, String output) {}

    private java.util.function.Function<Lang, Built> builds = lang -> new Built(1, Msg.DESK_NO_BUILD.with().in(lang));
    private final Object building = new Object();

    /** Lets the desk's Build button run {@code b} (one build at a time). */
    public Desk builds(java.util.function.Function<Lang, Built> b) {
        this.builds = b;
        return this;
    }

    public Desk(Articles articles, Supplier<List<Problem>> problems, Saves saves, boolean local) {
        this.articles = articles;
        this.problems = problems;
        this.saves = saves;
        this.local = local;
        byte[] t = new byte[24];
        new SecureRandom().nextBytes(t);
        this.token = HexFormat.of().formatHex(t);
    }

    /** Lets the desk edit the years' key figures (report.yaml) as a table. */
    public Desk reports(ReportTable r) {
        this.reports = r;
        return this;
    }

    /** Reads the articles once in the background, so the desk's first list opens at once (an archive has thousands). */
    public Desk warm() {
        Thread t = new Thread(() -> {
            try {
                articles.list();
            } catch (IOException | RuntimeException e) {
                // the list says it when asked
            }
        }, "gazette-desk-warm");
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** The token the desk's pages carry (tests). */
    String token() {
        return token;
    }

    @Override
    public boolean handle(HttpExchange ex, String path) throws IOException {
        if (!path.equals("/desk") && !path.startsWith(PREFIX)) return false;
        Lang lang = lang(ex);
        if (!local) {
            text(ex, 403, Msg.DESK_LOCAL_ONLY.with().in(lang));
            return true;
        }
        if (path.equals("/desk")) {
            ex.getResponseHeaders().set("Location", PREFIX);
            send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
            return true;
        }
        String what = path.substring(PREFIX.length());
        String method = ex.getRequestMethod();
        try {
            if (method.equals("POST")) {
                if (!what.equals("api/article") && !what.equals("api/picture") && !what.equals("api/build") && !what.equals("api/import")
                        && !what.equals("api/report") && !what.equals("api/new-year")) {
                    text(ex, 404, Msg.DESK_NOT_FOUND.with().in(lang));
                    return true;
                }
                Message refused = refusal(ex, what.equals("api/picture") ? "image/"
                        : what.equals("api/import") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/json");
                if (refused != null) {
                    text(ex, 403, refused.in(lang));
                    return true;
                }
                if (what.equals("api/picture")) picture(ex);
                else if (what.equals("api/import")) importDocx(ex, lang);
                else if (what.equals("api/build")) build(ex, lang);
                else if (what.equals("api/report")) saveReport(ex, lang);
                else if (what.equals("api/new-year")) newYear(ex, lang);
                else save(ex, lang);
                return true;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                text(ex, 405, Msg.DESK_METHODS.with().in(lang));
                return true;
            }
            switch (what) {
                case "" -> send(ex, 200, "text/html; charset=utf-8", page());
                case "desk.js" -> send(ex, 200, "text/javascript; charset=utf-8", resource("desk.js"));
                case "desk.css" -> send(ex, 200, "text/css; charset=utf-8", resource("desk.css"));
                case "api/articles" -> sendJson(ex, 200, list());
                case "api/article" -> sendJson(ex, 200, article(query(ex, "year"), query(ex, "name"), lang));
                case "api/report" -> sendJson(ex, 200, report(query(ex, "year"), lang));
                case "api/quantity" -> sendJson(ex, 200, checked(reportTable().check(query(ex, "text")), lang));
                default -> text(ex, 404, Msg.DESK_NOT_FOUND.with().in(lang));
            }
        } catch (Articles.Conflict c) {
            ObjectNode o = json.createObjectNode();
            o.put("error", c.why.in(lang));
            o.put("file", c.file);
            o.put("onDisk", c.onDisk);
            o.put("version", c.version);
            sendJson(ex, 409, o);
        } catch (Articles.Refused r) {
            ObjectNode o = json.createObjectNode();
            o.put("error", r.why.in(lang));
            sendJson(ex, r.status, o);
        }
        return true;
    }

    /**
     * The language the desk speaks in: the desk page sends its switch ({@code X-Gazette-Lang}); other
     * callers are answered in the browser's first language when it is Chinese, else in English.
     */
    static Lang lang(HttpExchange ex) {
        Lang chosen = Lang.of(ex.getRequestHeaders().getFirst("X-Gazette-Lang"));
        if (chosen != null) return chosen;
        String accept = ex.getRequestHeaders().getFirst("Accept-Language");
        return accept != null && Lang.of(accept.split("[,;]")[0]) == Lang.ZH ? Lang.ZH : Lang.EN;
    }

    /** A quantity as typed, checked: how each language prints it, or what is wrong, in the desk's language. */
    private ObjectNode checked(ReportTable.Checked c, Lang lang) {
        ObjectNode o = json.createObjectNode();
        o.put("ok", c.ok());
        o.set("shown", json.valueToTree(c.shown()));
        o.put("message", c.message() == null ? "" : Problem.visible(c.message().in(lang)));
        o.put("hint", c.hint() == null ? "" : Problem.visible(c.hint().in(lang)));
        return o;
    }

    /** Why a change is refused: not the desk's token, not from the preview's own page, not JSON; null when it may go on. */
    private Message refusal(HttpExchange ex, String kind) {
        String t = ex.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (t == null || !java.security.MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return Msg.DESK_NO_TOKEN.with();
        }
        List<String> origins = ex.getRequestHeaders().get("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        if (origins == null || origins.size() != 1 || host == null || !origins.get(0).equalsIgnoreCase("http://" + host.trim())) {
            return Msg.DESK_WRONG_ORIGIN.with();
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(kind)) return Msg.DESK_WRONG_TYPE.with(kind);
        return null;
    }

    /** A Word or WPS draft dropped on the desk: a new article (a draft) with its pictures; says what could not be carried over. */
    private void importDocx(HttpExchange ex, Lang lang) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(WordImport.MAX_BYTES + 1);
        }
        String date = query(ex, "date");
        if (date == null || !date.matches("\\d{4}-\\d{2}-\\d{2}")) throw new Articles.Refused(400, Msg.DESK_DATE.with());
        Articles.Imported done = articles.importDocx(query(ex, "year"), query(ex, "name"), query(ex, "lang"), date, body);
        saves.saved(done.file());
        ObjectNode o = json.createObjectNode();
        o.put("file", done.file());
        ArrayNode pics = o.putArray("pictures");
        done.pictures().forEach(pics::add);
        ArrayNode not = o.putArray("notCarried");
        done.notCarried().forEach(m -> not.add(Problem.visible(m.in(lang))));
        sendJson(ex, 200, o);
    }

    private ReportTable reportTable() throws Articles.Refused {
        if (reports == null) throw new Articles.Refused(404, Msg.DESK_NO_FIGURES.with());
        return reports;
    }

    private ObjectNode report(String year, Lang lang) throws IOException {
        ReportTable.Table t = reportTable().read(year);
        ObjectNode o = json.valueToTree(t);
        o.set("lists", json.valueToTree(reportTable().lists(year)));
        o.set("parts", json.valueToTree(ReportLists.LISTS));
        ObjectNode choices = o.putObject("choices");
        choices.set("level", json.valueToTree(Honour.LEVELS));
        choices.set("field", json.valueToTree(Report.FIELDS));
        choices.set("recipients", json.valueToTree(Commendation.RECIPIENTS));
        o.set("problems", problemsOf(t.file(), lang));
        return o;
    }

    private void saveReport(HttpExchange ex, Lang lang) throws IOException {
        JsonNode req;
        try (InputStream in = ex.getRequestBody()) {
            req = json.readTree(in.readNBytes(MAX_REQUEST));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Articles.Refused(400, Msg.DESK_NOT_JSON.with());
        }
        List<ReportTable.Edit> edits = new ArrayList<>();
        for (JsonNode e : req.path("edits")) edits.add(new ReportTable.Edit(e.path("figure").asText(""), e.path("part").asText(""), e.path("text").asText("")));
        List<ReportLists.Edit> listEdits = new ArrayList<>();
        for (JsonNode e : req.path("listEdits")) {
            listEdits.add(new ReportLists.Edit(e.path("list").asText(""), e.path("index").asInt(-1), e.path("part").asText(""), e.path("text").asText("")));
        }
        List<ReportLists.Added> added = new ArrayList<>();
        for (JsonNode e : req.path("added")) {
            Map<String, String> parts = new LinkedHashMap<>();
            e.path("parts").fields().forEachRemaining(p -> parts.put(p.getKey(), p.getValue().asText("")));
            added.add(new ReportLists.Added(e.path("list").asText(""), parts));
        }
        List<ReportLists.Removed> removed = new ArrayList<>();
        for (JsonNode e : req.path("removed")) removed.add(new ReportLists.Removed(e.path("list").asText(""), e.path("index").asInt(-1)));
        String year = req.path("year").asText(null);
        String version = reportTable().save(year, req.path("version").asText(""), edits, listEdits, added, removed);
        saves.saved(year + "/report.yaml");
        ObjectNode o = json.createObjectNode();
        o.put("version", version);
        o.set("problems", problemsOf(year + "/report.yaml", lang));
        sendJson(ex, 200, o);
    }

    /** Starts a year's report as `gazette new year` does: its figures emptied, last year's beside them, its prose drafts. */
    private void newYear(HttpExchange ex, Lang lang) throws IOException {
        String year = query(ex, "year");
        if (year == null || !Articles.YEAR.matcher(year).matches()) throw new Articles.Refused(400, Msg.DESK_NOT_YEAR.with(year));
        List<java.nio.file.Path> written;
        try {
            written = NewText.year(articles.content(), Integer.parseInt(year), java.time.Instant.now(), lang);
        } catch (GazetteException e) {
            throw new Articles.Refused(409, Msg.NAMED.with(e.problems().get(0).format(lang)));
        }
        for (java.nio.file.Path p : written) saves.saved(articles.content().relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/'));
        ObjectNode o = json.createObjectNode();
        ArrayNode files = o.putArray("files");
        for (java.nio.file.Path p : written) files.add(articles.content().relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/'));
        sendJson(ex, 200, o);
    }

    private void build(HttpExchange ex, Lang lang) throws IOException {
        Built b;
        synchronized (building) {
            b = builds.apply(lang);
        }
        ObjectNode o = json.createObjectNode();
        o.put("ok", b.code() == 0);
        o.put("output", b.output());
        sendJson(ex, 200, o);
    }

    /** A picture dropped on the desk: stored beside the year's articles; answers with the path the article writes. */
    private void picture(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(Articles.MAX_PICTURE_BYTES + 1);
        }
        Articles.Stored stored = articles.savePicture(query(ex, "year"), query(ex, "name"), query(ex, "file"), body);
        ObjectNode o = json.createObjectNode();
        o.put("src", stored.src());
        o.put("file", stored.file());
        o.put("existed", stored.existed());
        sendJson(ex, 200, o);
    }

    private void save(HttpExchange ex, Lang speaking) throws IOException {
        JsonNode req;
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_REQUEST + 1);
            if (body.length > MAX_REQUEST) throw new Articles.Refused(413, Msg.DESK_TEXT_TOO_LARGE.with());
            req = json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Articles.Refused(400, Msg.DESK_NOT_JSON.with());
        }
        if (req == null || !req.isObject()) throw new Articles.Refused(400, Msg.DESK_NOT_JSON.with());
        String year = req.path("year").asText(null);
        String name = req.path("name").asText(null);
        String lang = req.path("lang").asText(null);
        Map<String, Object> fields = fields(req.path("fields"));
        Articles.Saved saved = articles.save(year, name, lang, req.path("version").asText(""), fields, req.path("body").asText(""));
        saves.saved(saved.file());
        ObjectNode o = json.createObjectNode();
        o.put("file", saved.file());
        o.put("version", saved.version());
        o.set("problems", problemsOf(saved.file(), speaking));
        sendJson(ex, 200, o);
    }

    /** The form's fields as the front matter takes them; anything else is ignored. */
    private static Map<String, Object> fields(JsonNode f) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("title", "date", "summary", "publish")) if (f.has(key)) out.put(key, f.get(key).asText(""));
        for (String key : List.of("draft", "featured")) if (f.has(key)) out.put(key, f.get(key).asBoolean(false));
        if (f.has("tags")) out.put("tags", strings(f.get("tags")));
        if (f.has("byline")) {
            Map<String, Object> roles = new LinkedHashMap<>();
            for (String role : FrontMatter.ROLES) roles.put(role, strings(f.get("byline").path(role)));
            out.put("byline", roles);
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(i -> {
            if (!i.asText("").isBlank()) out.add(i.asText().strip());
        });
        else if (n.isTextual()) for (String s : n.asText().split("[,，、;；]")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    private ObjectNode list() throws IOException {
        ObjectNode o = json.createObjectNode();
        ArrayNode langs = o.putArray("languages");
        articles.languages().forEach(langs::add);
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (Problem p : problems.get()) counts.merge(p.file(), 1, Integer::sum);
        ArrayNode years = o.putArray("reports");
        for (String y : articles.reportYears()) years.add(y);
        ArrayNode list = o.putArray("articles");
        for (Articles.Entry e : articles.list()) {
            ObjectNode a = list.addObject();
            a.put("year", e.year());
            a.put("name", e.name());
            ObjectNode vs = a.putObject("versions");
            for (var v : e.versions().entrySet()) {
                ObjectNode x = vs.putObject(v.getKey());
                x.put("file", v.getValue().file());
                x.put("title", v.getValue().title());
                x.put("date", v.getValue().date());
                x.put("draft", v.getValue().draft());
                x.put("publish", v.getValue().publish());
                x.put("problems", counts.getOrDefault(v.getValue().file(), 0));
            }
        }
        return o;
    }

    private ObjectNode article(String year, String name, Lang speaking) throws IOException {
        ObjectNode o = json.createObjectNode();
        o.put("year", year);
        o.put("name", name);
        ObjectNode vs = o.putObject("versions");
        for (String lang : articles.languages()) {
            Articles.Text t = articles.read(year, name, lang);
            ObjectNode x = vs.putObject(lang);
            x.put("file", t.file());
            x.put("exists", t.exists());
            x.put("version", t.version());
            x.set("fields", json.valueToTree(t.fields()));
            x.put("body", t.body());
            x.set("problems", problemsOf(t.file(), speaking));
        }
        return o;
    }

    /** The last build's problems in {@code file}, with the front-matter field each concerns when it can be told. */
    private ArrayNode problemsOf(String file, Lang lang) {
        ArrayNode out = json.createArrayNode();
        for (Problem p : problems.get()) {
            if (!p.file().equals(file)) continue;
            ObjectNode x = out.addObject();
            x.put("line", p.line());
            x.put("column", p.column());
            x.put("error", p.isError());
            x.put("message", p.message(lang));
            x.put("hint", p.hint(lang) == null ? "" : p.hint(lang));
            x.put("text", p.format(lang));
            String field = field(p);
            if (field != null) x.put("field", field);
        }
        return out;
    }

    private static final java.util.Set<String> FRONT_MATTER = java.util.Set.of("title", "date", "summary", "tags", "byline", "publish", "draft", "featured");

    /** The front-matter field a problem concerns, when it names one (the desk marks that field); null otherwise. */
    static String field(Problem p) {
        if (p.what().kind() == Msg.DATE_MISSING) return "date";
        if (p.what().kind() == Msg.TAG_UNDECLARED) return "tags";
        List<String> names = p.what().kind().parameters();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals("field") && p.what().value(i) instanceof String f && FRONT_MATTER.contains(f)) return f;
        }
        return null;
    }

    private byte[] page() throws IOException {
        String html = new String(resource("desk.html"), StandardCharsets.UTF_8)
                .replace("{{token}}", token)
                .replace("{{languages}}", String.join(",", articles.languages()));
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Desk.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException(name + " is missing from Gazette's jar");
            return in.readAllBytes();
        }
    }

    private static String query(HttpExchange ex, String key) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) return null;
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(key)) {
                return java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", json.writeValueAsBytes(body));
    }

    private static void text(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The preview's answer, and the desk's own rules: framed only by itself, scripts and styles from itself only. */
    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("X-Frame-Options", "SAMEORIGIN");
        h.set("Content-Security-Policy", "default-src 'self'; frame-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'self'");
        PreviewServer.send(ex, status, type, body);
    }
}
