package dev.skein.stdlib.modules;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.Values;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs http.get/post against a local com.sun.net.httpserver server. */
class HttpModuleTest extends ModuleTestSupport {
    private HttpServer server;
    private ExecutorService executor;
    private String base;

    @BeforeEach void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/json", ex -> reply(ex, 200, "application/json",
                "{\"args\": {\"n\": \"7\"}, \"ua\": \"" + ex.getRequestHeaders().getFirst("X-Token") + "\"}"));
        server.createContext("/missing", ex -> reply(ex, 404, "text/plain", "nothing here"));
        server.createContext("/boom", ex -> reply(ex, 503, "text/plain", "down"));
        server.createContext("/latin", ex -> reply(ex, 200, "text/plain; charset=ISO-8859-1", "caf\u00e9"));
        server.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", base + "/json");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/slow", ex -> {
            try { Thread.sleep(5_000); } catch (InterruptedException ignored) { }
            reply(ex, 200, "text/plain", "late");
        });
        server.createContext("/echo", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            reply(ex, 200, ex.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8));
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] data = body.getBytes(type.contains("8859") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, data.length);
        ex.getResponseBody().write(data);
        ex.close();
    }

    private Object get(String path, Object... kw) { return callKw("http", "get", new Object[]{base + path}, kw); }

    @Test void getReturnsAResponse() {
        SkeinDict headers = new SkeinDict();
        headers.put("X-Token", "abc");
        Object r = get("/json", "headers", headers);
        assertEquals("response", Values.typeName(r));
        assertEquals(200L, Values.getAttr(r, "status"));
        assertEquals(true, Values.getAttr(r, "ok"));
        assertEquals(base + "/json", Values.getAttr(r, "url"));
        assertEquals("application/json", ((SkeinDict) Values.getAttr(r, "headers")).get("content-type"));
        assertEquals("{\"args\": {\"n\": \"7\"}, \"ua\": \"abc\"}", Values.getAttr(r, "text"));
        assertEquals(Bytes.wrap("{\"args\": {\"n\": \"7\"}, \"ua\": \"abc\"}".getBytes(StandardCharsets.UTF_8)), Values.getAttr(r, "content"));
        SkeinDict json = (SkeinDict) method(r, "json");
        assertEquals("7", ((SkeinDict) json.get("args")).get("n"));
        assertEquals(null, method(r, "raise_for_status"));
    }

    @Test void textHonoursTheCharset() {
        assertEquals("caf\u00e9", Values.getAttr(get("/latin"), "text"));
    }

    @Test void redirectsAreFollowed() {
        Object r = get("/redirect");
        assertEquals(200L, Values.getAttr(r, "status"));
        assertEquals(base + "/json", Values.getAttr(r, "url"));
    }

    @Test void errorStatusesAreReturnedThenRaisedOnRequest() {
        Object r = get("/missing");
        assertEquals(404L, Values.getAttr(r, "status"));
        assertEquals(false, Values.getAttr(r, "ok"));
        assertEquals("nothing here", Values.getAttr(r, "text"));
        assertSkeinError(ErrorKind.HTTP, "404 Client Error: Not Found for url: " + base + "/missing", () -> method(r, "raise_for_status"));
        Object down = get("/boom");
        var e = assertSkeinError(ErrorKind.HTTP, () -> method(down, "raise_for_status"));
        assertEquals("503 Server Error: Service Unavailable for url: " + base + "/boom", e.value().message());
        assertTrue(e.kind().isA(ErrorKind.IO));
    }

    @Test void timeoutIsATimeoutError() {
        long t0 = System.nanoTime();
        assertSkeinError(ErrorKind.TIMEOUT, "timed out", () -> get("/slow", "timeout", 0.3));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 3_000);
    }

    @Test void cancellationStopsTheWait() throws Exception {
        assertStopped(ErrorKind.CANCELLED, "task cancelled", 200, 3_000, "http", "get", base + "/slow");
    }

    @Test void connectionFailureNamesTheUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) { port = s.getLocalPort(); }
        String url = "http://127.0.0.1:" + port + "/x";
        assertSkeinError(ErrorKind.IO, "cannot connect to " + url, () -> call("http", "get", url));
    }

    @Test void badUrlsAreValueErrors() {
        assertSkeinError(ErrorKind.VALUE, "no scheme supplied", () -> call("http", "get", "example.com/x"));
        assertSkeinError(ErrorKind.VALUE, "unsupported URL scheme 'ftp'", () -> call("http", "get", "ftp://example.com/x"));
        assertSkeinError(ErrorKind.VALUE, "invalid URL", () -> call("http", "get", "http://exa mple.com/"));
        assertSkeinError(ErrorKind.TYPE, () -> call("http", "get", 5L));
    }

    @Test void postSendsDataOrJson() {
        Object r = callKw("http", "post", new Object[]{base + "/echo"}, "json", SkeinList.of(1L, "a"));
        assertEquals("[1, \"a\"]", Values.getAttr(r, "text"));
        assertEquals("application/json", ((SkeinDict) Values.getAttr(r, "headers")).get("content-type"));
        Object r2 = call("http", "post", base + "/echo", "plain words");
        assertEquals("plain words", Values.getAttr(r2, "text"));
        assertEquals(SkeinList.of(1L, "a"), method(r, "json"));
    }
}
