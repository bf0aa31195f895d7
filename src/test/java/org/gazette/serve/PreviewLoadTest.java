package org.gazette.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The preview under hostile load from this machine: a page that never reads its events does not
 * hold up the others; open event streams are bounded; bound to every address, the machine's own
 * addresses and a --host name are answered, other names still refused.
 */
class PreviewLoadTest {

    private static SortedMap<String, byte[]> site() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("zh/index.html", "<!DOCTYPE html><html lang=\"zh-CN\"><body><p>管城</p></body></html>".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static Socket events(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
        s.connect(new InetSocketAddress("127.0.0.1", port));
        OutputStream out = s.getOutputStream();
        out.write(("GET /__gazette/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return s;
    }

    @Test
    @Timeout(120)
    void aPageThatNeverReadsDoesNotHoldUpTheOthers() throws Exception {
        try (PreviewServer server = new PreviewServer(new InetSocketAddress("127.0.0.1", 0))) {
            server.publish(site(), List.of());
            int port = server.port();
            Socket stuck = events(port, 1024); // reads nothing, ever
            Socket reader = events(port, 0);
            reader.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
            while (!in.readLine().startsWith("event: state")) { /* headers and the first state */ }
            List<org.gazette.problem.Problem> problems = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                problems.add(new org.gazette.problem.Position("2017/report.yaml", i + 1, 1)
                        .error(org.gazette.problem.Msg.NAMED.with("an error with a message of some length, to fill buffers quickly"), null));
            }
            long worst = 0;
            for (int save = 0; save < 25; save++) {
                long start = System.nanoTime();
                server.failed(problems);
                String line;
                while (!(line = in.readLine()).startsWith("event: build")) { /* skip to this save's event */ }
                assertTrue(in.readLine().startsWith("data: "));
                worst = Math.max(worst, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            assertTrue(worst < 5_000, "every save reached the reading page promptly (worst " + worst + " ms)");
            stuck.close();
            reader.close();
        }
    }

    @Test
    @Timeout(60)
    void openEventStreamsAreBounded() throws Exception {
        try (PreviewServer server = new PreviewServer(new InetSocketAddress("127.0.0.1", 0))) {
            server.publish(site(), List.of());
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < PreviewServer.MAX_STREAMS; i++) {
                    Socket s = events(server.port(), 0);
                    s.setSoTimeout(10_000);
                    assertTrue(new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine().contains(" 200 "));
                    open.add(s);
                }
                Socket extra = events(server.port(), 0);
                extra.setSoTimeout(10_000);
                String status = new BufferedReader(new InputStreamReader(extra.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
                assertTrue(status.contains(" 503 "), status);
                extra.close();
                // Pages are still served meanwhile.
                assertEquals(200, PreviewServerTest.rawTo(server.port(), "GET /zh/ HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n"));
            } finally {
                for (Socket s : open) s.close();
            }
        }
    }

    /** Connections that send half a request and stall (slowloris) each hold a thread while read: a bounded number of threads. */
    @Test
    @Timeout(60)
    void stalledRequestsTakeABoundedNumberOfThreads() throws Exception {
        try (PreviewServer server = new PreviewServer(new InetSocketAddress("127.0.0.1", 0))) {
            server.publish(site(), List.of());
            int before = Thread.activeCount();
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 500; i++) {
                    Socket s = new Socket("127.0.0.1", server.port());
                    s.getOutputStream().write("GET /zh/ HTTP/1.1\r\nHost: 127".getBytes(StandardCharsets.ISO_8859_1));
                    open.add(s);
                }
                Thread.sleep(1000);
                int grown = Thread.activeCount() - before;
                assertTrue(grown <= PreviewServer.MAX_STREAMS + 40, "500 stalled requests made " + grown + " threads");
            } finally {
                for (Socket s : open) s.close();
            }
        }
    }

    @Test
    void boundToEveryAddressTheMachinesOwnAddressesAndHostNameAreAnswered() throws Exception {
        String lan = null;
        for (var nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var a : java.util.Collections.list(nif.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress()) lan = a.getHostAddress();
            }
        }
        try (PreviewServer server = new PreviewServer(new InetSocketAddress("0.0.0.0", 0), List.of("press-pc.local"))) {
            server.publish(site(), List.of());
            int port = server.port();
            if (lan != null) assertEquals(200, PreviewServerTest.rawTo(port, "GET /zh/ HTTP/1.1\r\nHost: " + lan + ":" + port + "\r\nConnection: close\r\n\r\n"), lan);
            assertEquals(200, PreviewServerTest.rawTo(port, "GET /zh/ HTTP/1.1\r\nHost: PRESS-PC.local:" + port + "\r\nConnection: close\r\n\r\n"));
            assertEquals(200, PreviewServerTest.rawTo(port, "GET /zh/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n"));
            for (String evil : List.of("evil.example", "press-pc.local.evil.example", "0.0.0.0.evil.example")) {
                assertEquals(403, PreviewServerTest.rawTo(port, "GET /zh/ HTTP/1.1\r\nHost: " + evil + ":" + port + "\r\nConnection: close\r\n\r\n"), evil);
            }
        }
    }
}
