package dev.skein.stdlib.modules;

import dev.skein.runtime.Bytes;
import dev.skein.runtime.Capability;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.NativeModule;
import dev.skein.runtime.Seconds;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code import http}: {@code get} and {@code post} in the spirit of requests, on
 * java.net.http. Needs the NETWORK capability. The timeout (default 10 s, none for no limit)
 * bounds the whole exchange, body included; the waiting thread polls its cancellation flag, so
 * a cancelled task stops waiting and aborts its request. Non-2xx answers are returned;
 * {@code raise_for_status()} turns 4xx/5xx into HTTPError.
 */
public final class HttpModule {
    private static final long DEFAULT_TIMEOUT_NANOS = 10_000_000_000L;
    private static final long POLL_NANOS = 20_000_000L;

    private final ReentrantLock lock = new ReentrantLock();
    private HttpClient client;   // created on first request; guarded by lock

    private HttpModule() {}

    public static NativeModule create(Interpreter interp) {
        HttpModule h = new HttpModule();
        NativeModule m = new NativeModule("http");
        m.def("get", "url, *, timeout=?, headers=?", (ts, a) -> h.send(ts, "GET", a[0], null, null, a[1], a[2]));
        m.def("post", "url, data=?, *, json=?, timeout=?, headers=?", (ts, a) -> {
            byte[] body;
            String type;
            if (!Args.absent(a[2])) {
                body = JsonModule.dumps(ts, a[2], null, null, null, null, null, null).getBytes(StandardCharsets.UTF_8);
                type = "application/json";
            } else if (Args.absent(a[1])) {
                body = new byte[0];
                type = null;
            } else {
                body = Args.bytesOrStr(a[1], "data");
                type = a[1] instanceof String ? "text/plain; charset=utf-8" : "application/octet-stream";
            }
            return h.send(ts, "POST", a[0], body, type, a[3], a[4]);
        });
        return m;
    }

    private HttpClient client() {
        lock.lock();
        try {
            if (client == null) {
                client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
            }
            return client;
        } finally { lock.unlock(); }
    }

    private HttpResponse send(ThreadState ts, String method, Object urlArg, byte[] body, String contentType,
                              Object timeoutArg, Object headersArg) {
        ts.interp().require(Capability.NETWORK);
        String url = Args.str(urlArg, "url");
        URI uri = parseUrl(url);
        long timeout = timeoutArg == dev.skein.runtime.Missing.MISSING ? DEFAULT_TIMEOUT_NANOS : Seconds.nanos(Seconds.optional(timeoutArg));
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("User-Agent", "skein-http");
        if (timeout != Long.MAX_VALUE) rb.timeout(Duration.ofNanos(Math.max(timeout, 1)));
        if (contentType != null) rb.header("Content-Type", contentType);
        if (!Args.absent(headersArg)) {
            if (!(headersArg instanceof SkeinDict d)) throw Errors.type("headers must be a dict, not " + Values.typeName(headersArg));
            Object[] kv = d.entriesSnapshot();
            for (int i = 0; i < kv.length; i += 2) {
                String name = Convert.str(kv[i]);
                try {
                    rb.setHeader(name, Convert.str(kv[i + 1]));
                } catch (IllegalArgumentException e) {
                    throw Errors.value("header " + Convert.repr(name) + " cannot be set: " + e.getMessage());
                }
            }
        }
        java.net.http.HttpResponse<byte[]> resp = await(ts, client().sendAsync(rb.build(), BodyHandlers.ofByteArray()),
                method, url, timeout);
        return new HttpResponse(method, resp.uri().toString(), resp.statusCode(), headers(resp.headers().map()),
                Bytes.wrap(resp.body() == null ? new byte[0] : resp.body()));
    }

    private static URI parseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw Errors.value("invalid URL " + Convert.repr(url) + ": " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null) throw Errors.value("invalid URL " + Convert.repr(url) + ": no scheme supplied (use http:// or https://)");
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw Errors.value("unsupported URL scheme " + Convert.repr(scheme) + " in " + Convert.repr(url));
        }
        if (uri.getHost() == null) throw Errors.value("invalid URL " + Convert.repr(url) + ": no host");
        return uri;
    }

    /** Waits for the exchange in slices, polling for cancellation; aborts the request when giving up. */
    private static <T> T await(ThreadState ts, CompletableFuture<T> f, String method, String url, long timeout) {
        long start = System.nanoTime();
        while (true) {
            long left = timeout == Long.MAX_VALUE ? Long.MAX_VALUE : timeout - (System.nanoTime() - start);
            if (left <= 0) {
                f.cancel(true);
                throw timedOut(method, url, timeout);
            }
            try {
                return f.get(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
            } catch (TimeoutException slice) {
                try {
                    ts.poll();
                } catch (SkeinError e) {
                    f.cancel(true);
                    throw e;
                }
            } catch (InterruptedException e) {
                f.cancel(true);
                ts.poll();
                throw Errors.cancelled(method + " " + url + " was interrupted");
            } catch (ExecutionException e) {
                throw failure(e.getCause(), method, url, timeout);
            }
        }
    }

    private static SkeinError timedOut(String method, String url, long timeout) {
        return Errors.timeout(method + " " + url + " timed out after " + Seconds.show(timeout / 1e9));
    }

    private static SkeinError failure(Throwable cause, String method, String url, long timeout) {
        if (cause instanceof HttpTimeoutException) return timedOut(method, url, timeout);
        if (cause instanceof ConnectException) return Errors.io("cannot connect to " + url + ": " + reason(cause));
        if (cause instanceof IOException) return Errors.io(method + " " + url + " failed: " + reason(cause));
        if (cause instanceof IllegalArgumentException) return Errors.value("invalid request to " + url + ": " + reason(cause));
        return Errors.io(method + " " + url + " failed: " + reason(cause));
    }

    /** The first message along the cause chain ("Connection refused"), or the exception's name. */
    private static String reason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) return c.getMessage();
        }
        return t.getClass().getSimpleName();
    }

    /** Response headers as a dict: lower-case names, repeated headers joined with ", ". */
    private static SkeinDict headers(Map<String, List<String>> map) {
        SkeinDict d = new SkeinDict(map.size());
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            if (e.getKey().startsWith(":")) continue;   // HTTP/2 pseudo-headers
            d.put(e.getKey().toLowerCase(java.util.Locale.ROOT), String.join(", ", e.getValue()));
        }
        return d;
    }
}
