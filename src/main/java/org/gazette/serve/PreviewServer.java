package org.gazette.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.gazette.problem.Lang;
import org.gazette.problem.Problem;
import org.gazette.search.SearchIndex;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the site from memory to a browser on this machine, and tells open pages when to reload
 * (Server-Sent Events from a small script that only the preview adds to each page: the built site
 * never contains it). When a build fails, pages show its messages over the last good site.
 * <p>
 * Safety: only GET and HEAD; the {@code Host} header must name the address served (a web page
 * elsewhere cannot reach the preview through DNS rebinding); the path is percent-decoded once,
 * and anything that could climb out of the site ({@code ..}, encoded slashes, backslashes, NUL) is
 * refused. Files come from the built site in memory, so no file on disk outside it can be served.
 */
public final class PreviewServer implements AutoCloseable {

    /** Pages served beside the site (the writing desk): asked first, after the Host check; true when it answered. */
    public interface Route {
        boolean handle(HttpExchange ex, String path) throws IOException;
    }

    private volatile Route route;

    /** Serves {@code r}'s pages beside the site. They may take POST, and answer even while the site cannot be built. */
    public void route(Route r) {
        this.route = r;
    }

    /** Where the preview's own script and events live; no site path starts with it. */
    public static final String PREFIX = "/__gazette/";

    private final HttpServer server;
    private final ExecutorService pool;
    private final ScheduledExecutorService heartbeat;
    private final Set<String> hosts;
    /** Open pages waiting for events, each with its own bounded queue: a page that stops reading is dropped, never waited for. */
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    /** Connections holding an event stream now (a writer stuck on a page that stopped reading still counts). */
    private final java.util.concurrent.atomic.AtomicInteger streams = new java.util.concurrent.atomic.AtomicInteger();
    /** More open previews than anyone has tabs: the rest are told to come back. */
    static final int MAX_STREAMS = 32;
    /** Events a page may have waiting before it counts as gone (a build sends one). */
    static final int QUEUE = 16;
    private volatile SortedMap<String, byte[]> files = new TreeMap<>();
    private volatile List<Problem> problems = List.of();
    private volatile long build;
    /** The search index of {@link #files}, made when the search page first asks after a build (see {@link #search}). */
    private SortedMap<String, byte[]> index = new TreeMap<>();
    private SortedMap<String, byte[]> indexed;

    public PreviewServer(InetSocketAddress bind) throws IOException {
        this(bind, List.of());
    }

    /**
     * Serves on {@code bind}. Requests must name it in their {@code Host} header: as 127.0.0.1,
     * localhost or [::1]; as the bound address; bound to every address (0.0.0.0), as any address of
     * this machine or its name; or as one of {@code names} ({@code --host}). A name an attacker's
     * page resolves to this machine (DNS rebinding) is none of these.
     */
    public PreviewServer(InetSocketAddress bind, List<String> names) throws IOException {
        server = HttpServer.create(bind, 64);
        // Each open page holds one connection for its events, and a connection that never sends its
        // request holds a thread while it is read: virtual threads where the JDK has them (21+),
        // else a bounded pool (requests beyond it wait their turn instead of each taking a thread).
        pool = threads();
        heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("gazette-heartbeat"));
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        int port = server.getAddress().getPort();
        Set<String> h = new java.util.HashSet<>();
        List<String> allowed = new ArrayList<>(List.of("localhost", "127.0.0.1", "[::1]", hostName(bind)));
        allowed.addAll(names);
        if (bind.getAddress() != null && bind.getAddress().isAnyLocalAddress()) allowed.addAll(machineNames());
        for (String name : allowed) {
            h.add(name.toLowerCase(Locale.ROOT) + ":" + port);
            if (port == 80) h.add(name.toLowerCase(Locale.ROOT));
        }
        hosts = Set.copyOf(h);
        // A closed tab is noticed only when a write fails: a comment line every 15 s finds it.
        heartbeat.scheduleAtFixedRate(() -> send(":\n\n"), 15, 15, TimeUnit.SECONDS);
    }

    /** Every address of this machine's interfaces, and its name: how other machines on the network reach it. */
    private static List<String> machineNames() {
        List<String> out = new ArrayList<>();
        try {
            for (var nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                for (var a : java.util.Collections.list(nif.getInetAddresses())) {
                    String s = a.getHostAddress();
                    int zone = s.indexOf('%');
                    if (zone >= 0) s = s.substring(0, zone);
                    out.add(s.contains(":") ? "[" + s + "]" : s);
                }
            }
        } catch (java.net.SocketException e) {
            // no interfaces listed: the loopback names still work
        }
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            out.add(name);
            if (name.contains(".")) out.add(name.substring(0, name.indexOf('.')));
        } catch (java.net.UnknownHostException e) {
            // no name: addresses only
        }
        return out;
    }

    private static ExecutorService threads() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            java.util.concurrent.ThreadPoolExecutor p = new java.util.concurrent.ThreadPoolExecutor(MAX_STREAMS + 32, MAX_STREAMS + 32,
                    30, TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), daemon("gazette-http"));
            p.allowCoreThreadTimeOut(true);
            return p;
        }
    }

    private static String hostName(InetSocketAddress bind) {
        String a = bind.getAddress() == null ? bind.getHostString() : bind.getAddress().getHostAddress();
        return a.contains(":") ? "[" + a + "]" : a;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A new good build: serve its files, tell pages which paths changed. */
    public void publish(SortedMap<String, byte[]> files, List<String> changed) {
        this.files = files;
        this.problems = List.of();
        long n = ++build;
        send(event("build", n, changed, List.of()));
    }

    /** One file replaced (a bulletin finished in the background). */
    public void update(String path, byte[] bytes) {
        SortedMap<String, byte[]> copy = new TreeMap<>(files);
        copy.put(path, bytes);
        files = copy;
        send(event("build", ++build, List.of(path), List.of()));
    }

    /** The pages served last, newest last: a rebuild makes these first (at most {@link #VIEWED}). */
    private final java.util.LinkedHashMap<String, Boolean> viewed = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > VIEWED;
        }
    };
    /** Pages remembered as being looked at: a writer's open tabs. */
    static final int VIEWED = 8;

    private void viewed(String file) {
        synchronized (viewed) {
            viewed.put(file, Boolean.TRUE);
        }
    }

    /** The pages asked for lately (site paths such as {@code zh/2017/news/meeting.html}), the newest last. */
    public List<String> viewed() {
        synchronized (viewed) {
            return List.copyOf(viewed.keySet());
        }
    }

    /** A failed build: pages show these problems over the last good site, in the page's language. */
    public void failed(List<Problem> found) {
        this.problems = List.copyOf(found);
        send(event("build", build, List.of(), problems));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            Route r = route;
            boolean routed = r != null && ex.getRequestURI().getRawPath() != null && ex.getRequestURI().getRawPath().startsWith("/desk");
            if (!routed && !method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                plain(ex, 405, "only GET and HEAD");
                return;
            }
            List<String> host = ex.getRequestHeaders().get("Host");
            if (host == null || host.size() != 1 || !hosts.contains(host.get(0).trim().toLowerCase(Locale.ROOT))) {
                plain(ex, 403, "this preview answers only to its own address");
                return;
            }
            java.net.URI uri = ex.getRequestURI();
            // A page asks for a path ("/zh/"); "//host/x" or "http://host/x" reads as another authority: refused like a bad path.
            String raw = uri.getScheme() != null || uri.getRawAuthority() != null ? null : uri.getRawPath();
            String path = SitePath.of(raw);
            if (path == null) {
                plain(ex, 400, "bad path");
                return;
            }
            if (raw.startsWith(PREFIX)) {
                own(ex, raw.substring(PREFIX.length()));
                return;
            }
            if (routed && r.handle(ex, "/" + path)) return;
            if (build == 0) {
                // No good build yet (the first one failed, or still runs): every address shows why, and reloads when it can.
                send(ex, 503, "text/html; charset=utf-8", waiting(problems, path.startsWith("en/") ? Lang.EN : Lang.ZH));
                return;
            }
            SortedMap<String, byte[]> site = files;
            String file = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
            byte[] body = file.startsWith("search/") ? search(site).get(file) : site.get(file);
            if (body == null && site.containsKey(file + "/index.html")) {
                ex.getResponseHeaders().set("Location", "/" + file + "/");
                send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            int status = 200;
            if (body == null) {
                status = 404;
                String lang = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
                body = site.get(lang + "/404.html");
                if (body == null) body = site.get(firstNotFound(site));
                if (body == null) {
                    plain(ex, 404, "not found");
                    return;
                }
                file = "404.html";
            }
            String type = ContentTypes.of(file);
            if (type.startsWith("text/html")) {
                if (status == 200 && method.equals("GET")) viewed(file);
                body = withScript(body);
            }
            send(ex, status, type, body);
        } catch (IOException e) {
            // the browser went away
        }
    }

    /**
     * The search index of {@code site}: made on the first request for it after a build, not with
     * every save (a save shows its page at once; indexing 1,000 articles takes about half a second).
     */
    private synchronized SortedMap<String, byte[]> search(SortedMap<String, byte[]> site) {
        if (indexed != site) {
            index = SearchIndex.of(site);
            indexed = site;
        }
        return index;
    }

    private static String firstNotFound(SortedMap<String, byte[]> site) {
        for (String k : site.keySet()) if (k.endsWith("/404.html") && k.indexOf('/') == k.lastIndexOf('/')) return k;
        return "";
    }

    /** The preview's script and event stream. */
    private void own(HttpExchange ex, String what) throws IOException {
        if (what.equals("live.js")) {
            send(ex, 200, "text/javascript; charset=utf-8", LIVE_JS);
        } else if (what.equals("events") && ex.getRequestMethod().equals("GET")) {
            if (streams.incrementAndGet() > MAX_STREAMS) {
                streams.decrementAndGet();
                ex.getResponseHeaders().set("Retry-After", "5");
                plain(ex, 503, "too many open previews");
                return;
            }
            Listener me = new Listener();
            try {
                ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                ex.getResponseHeaders().set("Cache-Control", "no-store");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                me.queue.offer(("retry: 1000\n\n" + event("state", build, List.of(), problems)).getBytes(StandardCharsets.UTF_8));
                listeners.add(me);
                // This connection's own thread writes its events; send() only queues them. Held until a
                // write fails (the tab closed), the page falls behind, or the server stops.
                while (!me.gone) {
                    byte[] next;
                    try {
                        next = me.queue.poll(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        break;
                    }
                    if (next == null || me.gone) continue;
                    out.write(next);
                    out.flush();
                }
            } finally {
                listeners.remove(me);
                streams.decrementAndGet();
            }
        } else {
            plain(ex, 404, "not found");
        }
    }

    /** An open page's events, waiting to be written by its connection's thread. */
    private static final class Listener {
        final java.util.concurrent.BlockingQueue<byte[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(QUEUE);
        volatile boolean gone;
    }

    /** Queues {@code message} for every open page; one whose queue is full has stopped reading and is dropped. */
    private void send(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        for (Listener l : listeners) {
            if (!l.queue.offer(bytes)) {
                l.gone = true;
                listeners.remove(l);
            }
        }
    }

    /** An event for the pages: the build, the files it changed, and its problems in English ({@code problems}) and in Chinese ({@code zh}). */
    private static String event(String name, long build, List<String> changed, List<Problem> problems) {
        StringBuilder json = new StringBuilder("{\"build\":").append(build).append(",\"changed\":[");
        for (int i = 0; i < changed.size(); i++) json.append(i > 0 ? "," : "").append(Json.string(changed.get(i)));
        json.append("],\"problems\":[");
        for (int i = 0; i < problems.size(); i++) json.append(i > 0 ? "," : "").append(Json.string(problems.get(i).format(Lang.EN)));
        json.append("],\"zh\":[");
        for (int i = 0; i < problems.size(); i++) json.append(i > 0 ? "," : "").append(Json.string(problems.get(i).format(Lang.ZH)));
        json.append("]}");
        return "event: " + name + "\ndata: " + json + "\n\n";
    }

    /**
     * What every address shows before the first good build: the problems that stop it (or that it is
     * still being built), in both of the office's usual languages, with the preview's script, which
     * keeps the list current and loads the page asked for as soon as a build succeeds.
     */
    private byte[] waiting(List<Problem> found, Lang lang) {
        List<String> lines = found.stream().map(p -> p.format(lang)).toList();
        StringBuilder b = new StringBuilder(2048 + 200 * lines.size());
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>网站暂时无法生成 · The site cannot be built yet</title><style>")
                .append("body{font:17px/1.6 system-ui,\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",\"PingFang SC\",\"WenQuanYi Micro Hei\",sans-serif;margin:0;color:#1a1a1a;background:#fff}")
                .append("main{max-width:60rem;margin:0 auto;padding:1.5rem}h1{color:#b3261e;font-size:1.5rem;margin:0 0 .25rem}")
                .append(".en{color:#555;margin:0 0 1rem}pre{white-space:pre-wrap;background:#fff8f6;border-left:4px solid #b3261e;padding:.5rem .75rem;")
                .append("font:15px/1.5 ui-monospace,Menlo,Consolas,\"Noto Sans Mono CJK SC\",\"Microsoft YaHei\",\"PingFang SC\",\"WenQuanYi Micro Hei Mono\",monospace;margin:.5rem 0}</style></head><body><main>");
        if (lines.isEmpty()) {
            b.append("<h1>正在生成网站……</h1><p class=\"en\" lang=\"en\">Gazette is building the site…</p>");
        } else {
            b.append("<h1>网站暂时无法生成：请按下面的提示修改，保存后本页自动刷新</h1>")
                    .append("<p class=\"en\" lang=\"en\">Gazette cannot build the site yet. Fix what is listed below and save: this page reloads by itself.</p>");
        }
        b.append("<div id=\"gazette-waiting\">");
        for (String line : lines) b.append("<pre>").append(escape(line)).append("</pre>");
        b.append("</div></main><script src=\"").append(PREFIX).append("live.js\" data-build=\"0\" data-waiting=\"\"></script></body></html>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The page with the preview's script before {@code </body>} (the build number tells the script what it shows). */
    private byte[] withScript(byte[] html) {
        byte[] tag = ("<script src=\"" + PREFIX + "live.js\" data-build=\"" + build + "\"></script>").getBytes(StandardCharsets.UTF_8);
        int at = lastIndexOf(html, "</body>".getBytes(StandardCharsets.US_ASCII));
        if (at < 0) at = html.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(html.length + tag.length);
        out.write(html, 0, at);
        out.write(tag, 0, tag.length);
        out.write(html, at, html.length - at);
        return out.toByteArray();
    }

    private static int lastIndexOf(byte[] a, byte[] b) {
        outer:
        for (int i = a.length - b.length; i >= 0; i--) {
            for (int j = 0; j < b.length; j++) if (a[i + j] != b[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with {@code body} and the preview's headers (no caching, no sniffing, no referrer); HEAD gets the length alone. */
    public static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        if (ex.getRequestMethod().equals("HEAD")) {
            h.set("Content-Length", String.valueOf(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        for (Listener l : listeners) {
            l.gone = true;
            listeners.remove(l);
        }
        server.stop(0);
        heartbeat.shutdownNow();
        pool.shutdownNow();
    }

    private static final byte[] LIVE_JS = load();

    private static byte[] load() {
        try (var in = PreviewServer.class.getResourceAsStream("live.js")) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("live.js is missing from Gazette's jar", e);
        }
    }

    /** Types of the files a site has. */
    static final class ContentTypes {
        private static final Map<String, String> TYPES = Map.ofEntries(
                Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
                Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"), Map.entry("gz", "application/gzip"),
                Map.entry("xml", "application/xml"), Map.entry("txt", "text/plain; charset=utf-8"),
                Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("pdf", "application/pdf"),
                Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
                Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"),
                Map.entry("wasm", "application/wasm"), Map.entry("woff2", "font/woff2"));

        static String of(String file) {
            int dot = file.lastIndexOf('.');
            String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
            return TYPES.getOrDefault(ext, "application/octet-stream");
        }
    }

    /** JSON strings for the events. */
    static final class Json {
        static String string(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '<' -> b.append("\\u003c");
                    default -> {
                        if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                        else b.append(c);
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
