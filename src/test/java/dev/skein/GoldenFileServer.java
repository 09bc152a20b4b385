package dev.skein;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local HTTP server a golden script asks for with {@code # server: files}: it listens on
 * 127.0.0.1 (a free port) and serves a few small files, so download examples run without the
 * internet. {@code {server}} in the script's {@code # args:} stands for {@link #baseUrl()}.
 *
 * <p>Files (each answered after {@link #DELAY_MILLIS} ms, like a slow remote host, and handled
 * concurrently): {@code /pub/irs-pdf/NAME} for NAME in f1040.pdf, f1040a.pdf, f1040ez.pdf,
 * f1040es.pdf, f1040sb.pdf, and {@code /pub/irs-pdf/f1040} (no extension); the body of NAME is
 * {@code "NAME\n"} repeated 100 times. Any other path is a 404.
 */
final class GoldenFileServer implements AutoCloseable {
    static final long DELAY_MILLIS = 200;
    private static final String[] NAMES = {"f1040.pdf", "f1040a.pdf", "f1040ez.pdf", "f1040es.pdf", "f1040sb.pdf", "f1040"};

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "golden-file-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private GoldenFileServer(HttpServer server) {
        this.server = server;
        for (String name : NAMES) {
            files.put("/pub/irs-pdf/" + name, (name + "\n").repeat(100).getBytes(StandardCharsets.UTF_8));
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /** Starts the server named by a {@code # server:} directive. */
    static GoldenFileServer start(String kind) throws IOException {
        if (!kind.equals("files")) throw new IllegalArgumentException("unknown # server: " + kind + " (known: files)");
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        GoldenFileServer g = new GoldenFileServer(s);
        s.start();
        return g;
    }

    /** "http://127.0.0.1:PORT", without a trailing slash. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            try {
                Thread.sleep(DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = files.get(ex.getRequestURI().getPath());
            if (body == null) {
                byte[] msg = "not found\n".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(404, msg.length);
                try (OutputStream out = ex.getResponseBody()) { out.write(msg); }
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "application/pdf");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) { out.write(body); }
        } catch (IOException clientGone) {
            // the script stopped reading (cancelled or timed out): nothing to answer
        }
    }

    @Override public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
