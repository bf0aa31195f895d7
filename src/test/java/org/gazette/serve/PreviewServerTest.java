package org.gazette.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.gazette.TestSites;
import org.gazette.content.Publishing;
import org.gazette.site.Build;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code gazette serve} over real sockets, requests written the way an attacker writes them:
 * traversal in every encoding, foreign Host headers, other methods. And what a writer sees: the
 * page, its reload script, an event naming the pages a save changed, the messages of a failed build.
 */
class PreviewServerTest {

    @TempDir
    static Path dir;
    static Path content;
    static Serve serve;
    static int port;
    static final StringWriter log = new StringWriter();

    @BeforeAll
    static void start() throws IOException {
        content = TestSites.copyOfSample(dir.resolve("site"));
        // A secret beside the content folder and the templates: nothing may reach it.
        TestSites.write(dir.resolve("secret.txt"), "TOP-SECRET-BESIDE-THE-SITE");
        TestSites.write(dir.resolve("site/secret.txt"), "TOP-SECRET-BESIDE-THE-SITE");
        var options = new Build.Options(content, TestSites.TEMPLATES, dir.resolve("unused-out"), false,
                new Publishing(java.time.Instant.now(), true), true);
        serve = new Serve(options, new InetSocketAddress("127.0.0.1", 0), new PrintWriter(log, true));
        assertTrue(serve.start(), log::toString);
        port = serve.port();
    }

    @AfterAll
    static void stop() throws IOException {
        serve.close();
    }

    record Response(int status, String head, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
            }
            return null;
        }
    }

    /** Sends exactly these bytes (request line and headers as written) and reads the whole response. */
    static Response raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] all = s.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
            int status = Integer.parseInt(head.split(" ")[1]);
            return new Response(status, head, body);
        }
    }

    /** The status a server on {@code port} answers {@code request} with. */
    static int rawTo(int port, String request) throws IOException {
        int saved = PreviewServerTest.port;
        PreviewServerTest.port = port;
        try {
            return raw(request).status();
        } finally {
            PreviewServerTest.port = saved;
        }
    }

    static Response get(String path) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
    }

    /** The preview searches too: the index is made from the site it serves, when first asked after a save. */
    @Test
    void servesASearchIndexOfWhatItServesRemadeAfterASave(@TempDir Path tmp) throws Exception {
        Path site = TestSites.copyOfSample(tmp.resolve("site"));
        var options = new Build.Options(site, TestSites.TEMPLATES, tmp.resolve("unused-out"), false, new Publishing(java.time.Instant.now(), true), true);
        try (Serve own = new Serve(options, new InetSocketAddress("127.0.0.1", 0), new PrintWriter(new StringWriter(), true))) {
            assertTrue(own.start());
            int saved = port;
            port = own.port();
            try {
                assertEquals(1, Jsoup.parse(get("/zh/index.html").text()).select("form[role=search]").size(), "the header's search box");
                assertEquals(List.of("zh/2017/", "zh/2017/news/meeting.html"), indexed("zh"));
                assertEquals(404, get("/search/zh/t-0000000000000000.json.gz").status());
                TestSites.write(site.resolve("2017/news/market.zh.md"), "---\ntitle: 农贸市场改造完成\ndate: 2018-03-01\nsummary: 改造完成。\n---\n\n农贸市场提升改造全部完成。\n");
                assertTrue(own.rebuild(List.of("2017/news/market.zh.md"), "market.zh.md"));
                assertEquals(List.of("zh/2017/news/market.html", "zh/2017/", "zh/2017/news/meeting.html"), indexed("zh"), "the new article, newest first");
            } finally {
                port = saved;
            }
        }
    }

    /** The documents of a language's search index as the preview serves it (first bundle, in order). */
    static List<String> indexed(String lang) throws IOException {
        Response index = get("/search/" + lang + "/index.json");
        assertEquals(200, index.status(), index.text());
        var bundle = new com.fasterxml.jackson.databind.ObjectMapper().readTree(index.body()).get("bundles").get(0);
        List<String> urls = new java.util.ArrayList<>();
        for (int k = 0; k < bundle.get("texts").asInt(); k++) {
            Response texts = get("/search/" + lang + "/d-" + bundle.get("id").asText() + "-" + k + ".json.gz");
            assertEquals(200, texts.status());
            assertEquals("application/gzip", texts.header("Content-Type"));
            byte[] json = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(texts.body())).readAllBytes();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).forEach(d -> urls.add(d.get(0).asText()));
        }
        return urls;
    }

    @Test
    void servesPagesWithTheReloadScriptThatTheBuiltSiteNeverHas() throws IOException {
        Response r = get("/zh/2017/news/meeting.html");
        assertEquals(200, r.status());
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        Document page = Jsoup.parse(r.text());
        assertTrue(page.title().contains("管城"), page.title());
        assertEquals(1, page.select("script[src=/__gazette/live.js]").size());
        Response script = get("/__gazette/live.js");
        assertEquals(200, script.status());
        assertTrue(script.text().contains("EventSource"));

        Build.Result built = TestSites.build(TestSites.CONTENT, dir.resolve("built"));
        assertTrue(built.ok());
        built.files().forEach((path, bytes) -> assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("__gazette"), path));
    }

    @Test
    void foldersRedirectToTheirSlashAndUnknownPathsGetTheLanguagesNotFoundPage() throws IOException {
        Response folder = get("/en/2017");
        assertEquals(301, folder.status());
        assertEquals("/en/2017/", folder.header("Location"));
        assertEquals(200, get("/en/2017/").status());
        Response missing = get("/en/no-such-page.html");
        assertEquals(404, missing.status());
        assertTrue(Jsoup.parse(missing.text()).select("html").attr("lang").startsWith("en"));
        // A folder with no index page is not listed.
        Response assets = get("/assets/");
        assertEquals(404, assets.status());
        assertTrue(Jsoup.parse(assets.text()).select("a[href*=style.css]").isEmpty(), "no directory listing");
        assertEquals(200, get("/assets/style.css").status());
    }

    /** Each climbs out of the site in some encoding: the path itself is refused (400), not merely not found. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/../secret.txt", "/../../secret.txt", "/zh/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2E/secret.txt",
            "/zh/.%2e/.%2E/secret.txt", "/zh/%2e%2e%2fsecret.txt", "/zh%2f..%2f..%2fsecret.txt", "/zh/%5c..%5c..%5csecret.txt",
            "/zh\\..\\..\\secret.txt", "/%c0%ae%c0%ae/secret.txt", "/%e0%80%ae%e0%80%ae/secret.txt",
            "/zh/%00/../../secret.txt", "/zh/meeting.html%00.txt", "//secret.txt", "/./secret.txt", "/zh/./../secret.txt",
            "/%u002e%u002e/secret.txt", "/zh/..%00/secret.txt", "/%2e%2e%5csecret.txt", "/zh/%2E/secret.txt", "/zh/..", "/zh/%2e%2e"})
    void traversalInAnyEncodingIsRefused(String path) throws IOException {
        assertEquals(null, SitePath.of(path), path);
        Response r = get(path);
        // "//x" is a request for another authority: the JDK's server answers 404 before Gazette sees it.
        assertEquals(path.startsWith("//") ? 404 : 400, r.status(), path);
        assertFalse(r.text().contains("TOP-SECRET"), path);
    }

    /** Names that only look like a climb are names: looked up as written, inside the site, and not found. */
    @ParameterizedTest
    @ValueSource(strings = {"/%252e%252e/secret.txt", "/..;/secret.txt", "/zh/...", "/zh/.hidden", "/zh/a..b.html"})
    void aNameWithDotsIsANameInsideTheSite(String path) throws IOException {
        String inside = SitePath.of(path);
        assertNotNull(inside, path);
        assertTrue(Path.of("/site").resolve(inside).normalize().startsWith("/site"), inside);
        assertEquals(404, get(path).status(), path);
    }

    /** The rule over generated paths: SitePath gives null or a path inside the site with no dot segments; the server answers 400 exactly for null. */
    @Test
    void everyPathIsRefusedOrStaysInside() {
        List<String> parts = List.of("..", ".", "%2e%2e", "%2E.", ".%2e", "%252e%252e", "zh", "en", "2017", "a", "%2f", "%5c", "\\", "%00",
                "%c0%ae", "%e2%80%ae", "%", "%zz", "..;", "%2e", "index.html", "", "%2F..", "~", "%7e", "%e7%AE%A1");
        org.gazette.Generated.check(20_000, r -> {
            StringBuilder sb = new StringBuilder();
            for (int n = 1 + r.nextInt(5); n > 0; n--) sb.append('/').append(org.gazette.Generated.pick(r, parts));
            return sb.toString();
        }, raw -> {
            String inside = SitePath.of(raw);
            if (inside == null) return;
            for (String seg : inside.split("/", -1)) assertFalse(seg.equals(".") || seg.equals(".."), raw + " → " + inside);
            assertFalse(inside.contains("\\") || inside.chars().anyMatch(c -> c < 0x20), raw + " → " + inside);
            assertTrue(Path.of("/site").resolve(inside).normalize().startsWith("/site"), raw + " → " + inside);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:PORT", "127.0.0.1.evil.example:PORT", "localhost.evil.example:PORT",
            "127.0.0.1:1", "127.0.0.1", "", "127.0.0.1:PORT@evil.example"})
    void foreignHostsAreRefused(String host) throws IOException {
        Response r = raw("GET / HTTP/1.1\r\nHost: " + host.replace("PORT", String.valueOf(port)) + "\r\nConnection: close\r\n\r\n");
        assertEquals(403, r.status(), host);
    }

    @Test
    void aMissingOrDoubledHostIsRefusedAndTheOwnNamesInAnyCaseAreServed() throws IOException {
        assertEquals(403, raw("GET / HTTP/1.0\r\n\r\n").status());
        assertEquals(403, raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nHost: evil.example\r\nConnection: close\r\n\r\n").status());
        for (String host : List.of("localhost", "LocalHost", "127.0.0.1", "[::1]")) {
            assertEquals(200, raw("GET /zh/ HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n").status(), host);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"})
    void onlyGetAndHeadAreAnswered(String method) throws IOException {
        Response r = raw(method + " /zh/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals(405, r.status(), method);
        assertEquals("GET, HEAD", r.header("Allow"));
    }

    @Test
    void headAnswersWithTheLengthAndNoBody() throws IOException {
        Response r = raw("HEAD /zh/atom.xml HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, r.status());
        assertEquals(0, r.body().length);
        assertTrue(Integer.parseInt(r.header("Content-Length")) > 1000);
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }

    @Test
    void aSaveSendsAnEventNamingTheChangedPagesAndAFailedBuildSendsItsMessages() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(("GET /__gazette/events HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(in.readLine().contains("200"));
            assertNotNull(nextEvent(in, "state"));

            Path en = content.resolve("2017/news/meeting.en.md");
            String before = TestSites.read(en);
            TestSites.write(en, before.replace("Nearly 300 people took part", "Nearly 300 people (edited) took part"));
            assertTrue(serve.rebuild(List.of("2017/news/meeting.en.md"), "test edit"));
            String event = nextEvent(in, "build", d -> d.contains(".html"));
            assertTrue(event.contains("\"en/2017/news/meeting.html\""), event);
            assertFalse(event.contains("\"zh/2017/news/meeting.html\""), "the Chinese page did not change: " + event);
            assertTrue(get("/en/2017/news/meeting.html").text().contains("(edited)"));

            Path report = content.resolve("2017/report.yaml");
            String yaml = TestSites.read(report);
            TestSites.write(report, yaml + "\nbroken: [\n");
            assertFalse(serve.rebuild(List.of("2017/report.yaml"), "test break"));
            String failed = nextEvent(in, "build", d -> !d.contains("\"problems\":[]"));
            assertTrue(failed.contains("2017/report.yaml:"), failed);
            // The last good site is still served.
            assertTrue(get("/en/2017/news/meeting.html").text().contains("(edited)"));

            TestSites.write(report, yaml);
            assertTrue(serve.rebuild(List.of("2017/report.yaml"), "test fix"));
            nextEvent(in, "build", d -> d.contains("\"problems\":[]"));
            TestSites.write(en, before);
            assertTrue(serve.rebuild(List.of("2017/news/meeting.en.md"), "test undo"));
        }
    }

    /** The data of the next event of this name whose data passes {@code want} (others, such as bulletins finishing, are skipped). */
    static String nextEvent(BufferedReader in, String name, java.util.function.Predicate<String> want) throws IOException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String line;
        boolean named = false;
        while (System.nanoTime() < deadline && (line = in.readLine()) != null) {
            if (line.equals("event: " + name)) named = true;
            else if (named && line.startsWith("data: ")) {
                if (want.test(line.substring(6))) return line.substring(6);
                named = false;
            }
        }
        throw new AssertionError("no '" + name + "' event came");
    }

    static String nextEvent(BufferedReader in, String name) throws IOException {
        return nextEvent(in, name, d -> true);
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }

    @Test
    void draftsShowOnlyOnThisMachineUnlessAskedFor() throws Exception {
        assertTrue(Serve.showsHeld(java.net.InetAddress.getByName("127.0.0.1"), false));
        assertTrue(Serve.showsHeld(java.net.InetAddress.getByName("::1"), false));
        assertFalse(Serve.showsHeld(java.net.InetAddress.getByName("0.0.0.0"), false));
        assertFalse(Serve.showsHeld(java.net.InetAddress.getByName("192.168.1.20"), false));
        assertTrue(Serve.showsHeld(java.net.InetAddress.getByName("0.0.0.0"), true));
    }

    /** A preview whose first build fails shows why at every address (not "not found"), and the site once a save fixes it. */
    @Test
    void aFirstBuildThatFailsShowsItsProblemsAtEveryAddress(@TempDir Path tmp) throws Exception {
        Path site = TestSites.copyOfSample(tmp.resolve("site"));
        Path report = site.resolve("2017/report.yaml");
        String good = TestSites.read(report);
        TestSites.write(report, good.replace("value: 26.56亿元", "value: 26.56亿园"));
        var options = new Build.Options(site, TestSites.TEMPLATES, tmp.resolve("unused-out"), false, new Publishing(java.time.Instant.now(), true), true);
        try (Serve own = new Serve(options, new InetSocketAddress("127.0.0.1", 0), new PrintWriter(new StringWriter(), true))) {
            assertFalse(own.start());
            int saved = port;
            port = own.port();
            try {
                for (String path : List.of("/", "/zh/", "/en/2017/news/meeting.html", "/no/such/page.html")) {
                    Response r = get(path);
                    assertEquals(503, r.status(), path);
                    Document page = Jsoup.parse(r.text());
                    var problems = page.select("#gazette-waiting pre");
                    assertEquals(1, problems.size(), path);
                    assertTrue(problems.get(0).text().startsWith("2017/report.yaml:"), problems.text());
                    // The problem in the page's language: English under /en/, Chinese elsewhere (the office's first).
                    boolean english = path.startsWith("/en/");
                    assertEquals(english, problems.get(0).text().contains("is not a quantity"), problems.text());
                    assertEquals(!english, problems.get(0).text().contains("不是有效的数量"), problems.text());
                    assertEquals(1, page.select("script[src=/__gazette/live.js][data-waiting]").size(), "it reloads by itself");
                }
                assertEquals(200, get("/__gazette/live.js").status());
                TestSites.write(report, good);
                assertTrue(own.rebuild(List.of("2017/report.yaml"), "report.yaml"));
                assertEquals(200, get("/zh/").status());
            } finally {
                port = saved;
            }
        }
    }
}
