package org.gazette.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gazette.PdfText;
import org.gazette.TestSites;
import org.gazette.content.Publishing;
import org.gazette.serve.Serve;
import org.gazette.site.Build;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The writing desk over real sockets, as an attacker and as a writer: a change without the desk's
 * token, from another origin, not as JSON, or naming a file outside the news folders is refused
 * and writes nothing; a save is atomic, keeps the file's other lines, and is refused over a file
 * changed on disk. In headless Chromium (tools/a11y/desk.mjs) a writer does it all in the browser.
 */
class DeskTest {

    @TempDir
    Path dir;
    Path content;
    Serve serve;
    Desk desk;
    int port;
    final StringWriter log = new StringWriter();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        content = TestSites.copyOfSample(dir);
        var options = new Build.Options(content, TestSites.TEMPLATES, dir.resolve("unused-out"), false, new Publishing(java.time.Instant.now(), true), false);
        serve = new Serve(options, new InetSocketAddress("127.0.0.1", 0), new PrintWriter(log, true));
        desk = new Desk(new Articles(content, List.of("zh", "en")), serve::problems, f -> serve.rebuild(List.of(f), f), true)
                .reports(new ReportTable(content, TestSites.TEMPLATES, null))
                .builds(lang -> {
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    int code = org.gazette.cli.Main.run(new String[] {"build", "--content", content.toString(), "--out", dir.resolve("site-out").toString()},
                            new PrintWriter(out, true), new PrintWriter(err, true));
                    return new Desk.Built(code, out.toString() + err);
                });
        serve.route(desk);
        assertTrue(serve.start(), log::toString);
        port = serve.port();
    }

    @AfterEach
    void stop() throws Exception {
        serve.close();
    }

    record Response(int status, String body) {}

    Response raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            return new Response(Integer.parseInt(all.split(" ")[1]), end < 0 ? "" : all.substring(end + 4));
        }
    }

    Response post(String json, Map<String, String> headers) throws Exception {
        StringBuilder r = new StringBuilder("POST /desk/api/article HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
        headers.forEach((k, v) -> r.append(k).append(": ").append(v).append("\r\n"));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        r.append("Content-Length: ").append(body.length).append("\r\n\r\n").append(json);
        return raw(r.toString());
    }

    Map<String, String> good() {
        return Map.of("X-Gazette-Token", desk.token(), "Origin", "http://127.0.0.1:" + port, "Content-Type", "application/json");
    }

    String save(String year, String name, String lang, String version, String title) {
        return "{\"year\":\"" + year + "\",\"name\":\"" + name + "\",\"lang\":\"" + lang + "\",\"version\":\"" + version
                + "\",\"fields\":{\"title\":\"" + title + "\",\"date\":\"2018-06-20\"},\"body\":\"正文。\"}";
    }

    @Test
    void theDeskPageCarriesItsTokenAndAListOfArticles() throws Exception {
        Response page = raw("GET /desk/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, page.status());
        var doc = org.jsoup.Jsoup.parse(page.body());
        assertEquals(desk.token(), doc.selectFirst("meta[name=gazette-token]").attr("content"));
        JsonNode list = JSON.readTree(raw("GET /desk/api/articles HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n").body());
        assertEquals("meeting", list.get("articles").get(0).get("name").asText());
        assertEquals("管城区召开2017年度综合目标考核总结表彰大会", list.get("articles").get(0).get("versions").get("zh").get("title").asText());
    }

    @Test
    void aChangeWithoutTheTokenFromElsewhereOrNotAsJsonIsRefused() throws Exception {
        String body = save("2018", "flood-drill", "zh", "", "演练");
        var h = good();
        for (Map<String, String> headers : List.of(
                Map.of("Origin", h.get("Origin"), "Content-Type", "application/json"),                                   // no token
                Map.of("X-Gazette-Token", "0".repeat(48), "Origin", h.get("Origin"), "Content-Type", "application/json"), // a wrong one
                Map.of("X-Gazette-Token", desk.token(), "Content-Type", "application/json"),                             // no Origin
                Map.of("X-Gazette-Token", desk.token(), "Origin", "http://evil.example", "Content-Type", "application/json"),
                Map.of("X-Gazette-Token", desk.token(), "Origin", "null", "Content-Type", "application/json"),
                Map.of("X-Gazette-Token", desk.token(), "Origin", "http://127.0.0.1:" + port + ".evil.example", "Content-Type", "application/json"),
                Map.of("X-Gazette-Token", desk.token(), "Origin", h.get("Origin"), "Content-Type", "text/plain"),         // a form's kind
                Map.of("X-Gazette-Token", desk.token(), "Origin", h.get("Origin"), "Content-Type", "application/x-www-form-urlencoded"))) {
            assertEquals(403, post(body, headers).status(), headers.toString());
        }
        assertFalse(Files.exists(content.resolve("2018")), "nothing written");
        // A foreign Host is refused before the desk hears of it (DNS rebinding).
        Response rebinding = raw("POST /desk/api/article HTTP/1.1\r\nHost: evil.example:" + port + "\r\nX-Gazette-Token: " + desk.token()
                + "\r\nOrigin: http://evil.example:" + port + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertEquals(403, rebinding.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "..", "a/b", "A", "x.zh", "%2e%2e", "x\\u0000", "", "news/../../etc", "meeting/../../../x"})
    void namesThatCouldLeaveTheNewsFolderAreRefused(String name) throws Exception {
        Response r = post(save("2018", name, "zh", "", "演练"), good());
        assertEquals(400, r.status(), name + ": " + r.body());
        try (var s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".zh.md") && !p.startsWith(content.resolve("2017"))), "nothing written");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../2018", "2018/..", "18", "20188", "fr"})
    void yearsAndLanguagesOutsideTheSitesAreRefused(String bad) throws Exception {
        String body = bad.equals("fr") ? save("2018", "x", "fr", "", "t") : save(bad, "x", "zh", "", "t");
        assertEquals(400, post(body, good()).status(), bad);
    }

    @Test
    void aNewsFolderThatLinksOutsideIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(content.resolve("2019"));
        Files.createSymbolicLink(content.resolve("2019/news"), elsewhere);
        assertEquals(400, post(save("2019", "x", "zh", "", "t"), good()).status());
        try (var s = Files.list(elsewhere)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void aSaveKeepsTheFilesOtherLinesAndIsRefusedOverAChangeOnDisk() throws Exception {
        Path file = content.resolve("2017/news/meeting.zh.md");
        String before = Files.readString(file).replace("tags: [", "# 编辑备注：保留这一行\ntags: [");
        Files.writeString(file, before);
        String version = Articles.versionOf(before.getBytes(StandardCharsets.UTF_8));
        String json = "{\"year\":\"2017\",\"name\":\"meeting\",\"lang\":\"zh\",\"version\":\"" + version
                + "\",\"fields\":{\"title\":\"新标题: 冒号\"},\"body\":" + JSON.writeValueAsString(FrontMatter.split(before).body()) + "}";
        Response r = post(json, good());
        assertEquals(200, r.status(), r.body());
        String after = Files.readString(file);
        assertEquals(before.replace("title: 管城区召开2017年度综合目标考核总结表彰大会", "title: \"新标题: 冒号\""), after, "only the title's line changed");
        // The preview rebuilt: the page shows it.
        Response page = raw("GET /zh/2017/news/meeting.html HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
        assertEquals("新标题: 冒号", org.jsoup.Jsoup.parse(page.body()).selectFirst("h1").text());
        // The same request again: the file is no longer at that version.
        Response stale = post(json, good());
        assertEquals(409, stale.status());
        JsonNode conflict = JSON.readTree(stale.body());
        assertEquals(after, conflict.get("onDisk").asText());
        assertEquals(after, Files.readString(file), "nothing overwritten");
        try (var s = Files.list(file.getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    /** The desk answers in the language of its switch: the problems of a save, a refusal, a quantity typed in the figures. */
    @Test
    void theDeskSpeaksTheLanguageOfItsSwitch() throws Exception {
        Path file = content.resolve("2017/news/meeting.en.md");
        String before = Files.readString(file);
        String version = Articles.versionOf(before.getBytes(StandardCharsets.UTF_8));
        String json = "{\"year\":\"2017\",\"name\":\"meeting\",\"lang\":\"en\",\"version\":\"" + version
                + "\",\"fields\":{\"tags\":[\"no-such-tag\"]},\"body\":" + JSON.writeValueAsString(FrontMatter.split(before).body()) + "}";
        Map<String, String> zh = new java.util.HashMap<>(good());
        zh.put("X-Gazette-Lang", "zh");
        Response saved = post(json, zh);
        assertEquals(200, saved.status(), saved.body());
        JsonNode problem = JSON.readTree(saved.body()).get("problems").get(0);
        assertTrue(problem.get("message").asText().startsWith("标签“no-such-tag”没有在 tags.yaml 中声明"), problem.toString());
        assertEquals("tags", problem.get("field").asText(), "the desk marks the field it concerns, whatever the language");
        // The same problem for an English switch.
        JsonNode english = JSON.readTree(raw("GET /desk/api/article?year=2017&name=meeting HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nX-Gazette-Lang: en\r\nConnection: close\r\n\r\n").body()).at("/versions/en/problems/0");
        assertEquals("tag 'no-such-tag' is not declared in tags.yaml", english.get("message").asText());
        // A refusal, and a quantity checked as it is typed.
        Response refused = raw("GET /desk/api/article?year=17&name=meeting HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nX-Gazette-Lang: zh\r\nConnection: close\r\n\r\n");
        assertEquals(400, refused.status());
        assertEquals("“17”不是年份", JSON.readTree(refused.body()).get("error").asText());
        JsonNode quantity = JSON.readTree(raw("GET /desk/api/quantity?text=" + java.net.URLEncoder.encode("12磅", StandardCharsets.UTF_8)
                + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Gazette-Lang: zh\r\nConnection: close\r\n\r\n").body());
        assertFalse(quantity.get("ok").asBoolean());
        assertTrue(quantity.get("message").asText().startsWith("“12磅”不是有效的数量"), quantity.toString());
        // Without the switch, the browser's language decides.
        Response browser = raw("GET /desk/api/article?year=17&name=meeting HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept-Language: zh-CN,zh;q=0.9,en;q=0.8\r\nConnection: close\r\n\r\n");
        assertEquals("“17”不是年份", JSON.readTree(browser.body()).get("error").asText());
    }

    Response picture(String query, String type, byte[] bytes, boolean withToken) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            String head = "POST /desk/api/picture?" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + (withToken ? "X-Gazette-Token: " + desk.token() + "\r\n" : "") + "Origin: http://127.0.0.1:" + port + "\r\n"
                    + "Content-Type: " + type + "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().write(bytes);
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            return new Response(Integer.parseInt(all.split(" ")[1]), end < 0 ? "" : all.substring(end + 4));
        }
    }

    @Test
    void aPictureIsStoredUnderASafeNameWithoutItsMetadata() throws Exception {
        byte[] phone = PhotoMetadataTest.withExif(PhotoMetadataTest.image("jpeg"));
        Response r = picture("year=2018&name=flood-drill&file=" + java.net.URLEncoder.encode("../../现场 Photo #1.JPG", StandardCharsets.UTF_8), "image/jpeg", phone, true);
        assertEquals(200, r.status(), r.body());
        JsonNode stored = JSON.readTree(r.body());
        assertEquals("images/photo-1.jpg", stored.get("src").asText());
        Path file = content.resolve("2018/news/images/photo-1.jpg");
        assertTrue(Files.isRegularFile(file));
        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("SECRET-PHONE"), "the phone's make is gone");
        // The same picture again is found; another one gets its own name.
        assertEquals("images/photo-1.jpg", JSON.readTree(picture("year=2018&name=flood-drill&file=photo-1.jpg", "image/jpeg", phone, true).body()).get("src").asText());
        assertEquals("images/photo-1-2.jpg", JSON.readTree(picture("year=2018&name=flood-drill&file=photo-1.jpg", "image/jpeg",
                PhotoMetadataTest.image("jpeg"), true).body()).get("src").asText());
        // A name with nothing usable becomes the article's.
        assertEquals("images/flood-drill.png", JSON.readTree(picture("year=2018&name=flood-drill&file=%E7%8E%B0%E5%9C%BA.png", "image/png",
                PhotoMetadataTest.image("png"), true).body()).get("src").asText());
        assertEquals(403, picture("year=2018&name=flood-drill&file=x.jpg", "image/jpeg", phone, false).status(), "no token");
        assertEquals(415, picture("year=2018&name=flood-drill&file=x.jpg", "image/jpeg", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), true).status());
        assertEquals(413, picture("year=2018&name=flood-drill&file=big.png", "image/png", TestSites.pngHeader(20_000, 20_000), true).status());
        assertEquals(400, picture("year=../2018&name=flood-drill&file=x.jpg", "image/jpeg", phone, true).status());
        try (var files = Files.list(content.resolve("2018/news/images"))) {
            assertEquals(List.of("flood-drill.png", "photo-1-2.jpg", "photo-1.jpg"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theBuildButtonBuildsAsGazetteBuildDoesAndOnlyWithTheToken() throws Exception {
        Response refused = raw("POST /desk/api/build HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertEquals(403, refused.status());
        assertFalse(Files.exists(dir.resolve("site-out")));
        Response r = raw("POST /desk/api/build HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Gazette-Token: "
                + desk.token() + "\r\nOrigin: http://127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertEquals(200, r.status());
        JsonNode built = JSON.readTree(r.body());
        assertTrue(built.get("ok").asBoolean(), built.toString());
        assertTrue(built.get("output").asText().startsWith("gazette: built "), built.toString());
        assertTrue(Files.isRegularFile(dir.resolve("site-out/zh/index.html")));
    }

    @Test
    void aPreviewOnAnotherAddressHasNoDesk(@TempDir Path tmp) throws Exception {
        var options = new Build.Options(content, TestSites.TEMPLATES, tmp.resolve("unused-out"), false, Publishing.live(), false);
        try (Serve other = new Serve(options, new InetSocketAddress("127.0.0.1", 0), new PrintWriter(new StringWriter(), true))) {
            other.route(new Desk(new Articles(content, List.of("zh", "en")), other::problems, f -> { }, false));
            assertTrue(other.start());
            int saved = port;
            port = other.port();
            try {
                assertEquals(403, raw("GET /desk/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n").status());
            } finally {
                port = saved;
            }
        }
    }

    @Test
    void aWriterDoesItAllInTheBrowser() throws Exception {
        boolean ready = Files.isDirectory(Path.of("tools/a11y/node_modules/playwright-core"))
                && Files.isExecutable(Path.of("/usr/bin/chromium")) && PdfText.onPath("node");
        if (!ready) {
            if (PdfText.inCi()) throw new AssertionError("CI must install chromium and run npm ci in tools/a11y (.ci/run)");
            Assumptions.abort("needs Chromium and tools/a11y");
        }
        ProcessBuilder pb = new ProcessBuilder(List.of("node", "tools/a11y/desk.mjs", "http://127.0.0.1:" + port + "/", content.toString()))
                .redirectErrorStream(true);
        pb.environment().put("GAZETTE_DOCX", Path.of("src/test/resources/word/release.docx").toAbsolutePath().toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output + "\n--- server ---\n" + log);
        for (String step : List.of("axe: the list", "new: ", "picture: ", "preview: ", "axe: the editor", "edit: ", "conflict: refused", "conflict: kept",
                "word: imported as a draft", "figures: ", "lists: ", "new year: ", "build: gazette: built ", "problem: ")) {
            assertTrue(output.contains(step), step + " in\n" + output);
        }
        System.out.println(output);
    }
}
