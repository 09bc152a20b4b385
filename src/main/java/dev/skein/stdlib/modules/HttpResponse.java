package dev.skein.stdlib.modules;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Callable;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Missing;
import dev.skein.runtime.Signature;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.Values;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What {@code http.get} returns, shaped like a requests.Response: attributes {@code status},
 * {@code ok}, {@code headers} (a dict with lower-case names), {@code content} (bytes),
 * {@code text}, {@code url} (after redirects), {@code method}; methods {@code json()} and
 * {@code raise_for_status()}. Immutable.
 */
final class HttpResponse implements Values.Attributes, Values.MethodHost, Values.Named {
    private static final Signature JSON = new Signature("json", "");
    private static final Signature RAISE_FOR_STATUS = new Signature("raise_for_status", "");

    private final String method;
    private final String url;
    private final int status;
    private final SkeinDict headers;
    private final Bytes content;

    HttpResponse(String method, String url, int status, SkeinDict headers, Bytes content) {
        this.method = method;
        this.url = url;
        this.status = status;
        this.headers = headers;
        this.content = content;
    }

    /** The body decoded with the charset named in Content-Type (UTF-8 by default), lenient like requests. */
    String text() {
        Charset cs = StandardCharsets.UTF_8;
        Object ct = headers.getOr("content-type", null);
        if (ct instanceof String type) {
            for (String param : type.split(";")) {
                String p = param.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        cs = Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (RuntimeException unknownCharset) {
                        cs = StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return new String(content.unsafeArray(), cs);
    }

    @Override public Object attribute(String name) {
        return switch (name) {
            case "status", "status_code" -> (long) status;
            case "ok" -> status < 400;
            case "headers" -> headers;
            case "content" -> content;
            case "text" -> text();
            case "url" -> url;
            case "method" -> method;
            default -> Missing.MISSING;
        };
    }

    @Override public Callable method(String name) {
        return switch (name) {
            case "json" -> new Builtin(JSON, (ts, a) -> JsonParser.parse(ts, text()));
            case "raise_for_status" -> new Builtin(RAISE_FOR_STATUS, (ts, a) -> { raiseForStatus(); return null; });
            default -> null;
        };
    }

    private void raiseForStatus() {
        String side = status >= 500 && status < 600 ? "Server" : status >= 400 && status < 500 ? "Client" : null;
        if (side == null) return;
        String reason = REASONS.getOrDefault(status, "");
        throw Errors.of(ErrorKind.HTTP, status + " " + side + " Error: " + (reason.isEmpty() ? "" : reason + " ") + "for url: " + url);
    }

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(413, "Payload Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(418, "I'm a Teapot"), Map.entry(422, "Unprocessable Entity"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    @Override public String typeName() { return "response"; }

    @Override public String toString() { return "<response [" + status + "]>"; }

    @Override public java.util.Collection<String> methodNames() { return java.util.List.of("json", "raise_for_status"); }
}
