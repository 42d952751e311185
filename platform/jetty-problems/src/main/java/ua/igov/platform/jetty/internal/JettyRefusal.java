package ua.igov.platform.jetty.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jetty.http.HttpStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A refusal Jetty makes on its own, before or around the API, written as the same RFC 9457 document the API
 * answers with: {@code type} {@code urn:igov:problem:<slug>}, a title, the status, a detail, the address it is about
 * and the one part of the request that is wrong ({@code errors}). The slugs are listed in docs/rest-api.md.
 */
final class JettyRefusal {

    static final String MEDIA_TYPE = "application/problem+json";
    /** A request line can be 8 KiB; the document names the address, not all of it. */
    static final int MAX_INSTANCE_CHARS = 512;

    static final String UNREADABLE = "the request line or a header breaks HTTP (for example a NUL byte or an encoded"
            + " \"/\" in the path, or a header line without a colon)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JettyRefusal() {
    }

    /**
     * What Jetty could not even read as a request (its parser's "bad message"): a request line or header that
     * breaks HTTP, a NUL byte or an encoded "../" in the path, a line or headers too long.
     */
    static byte[] badMessage(int status, String reason) {
        return switch (status) {
            case 414 -> document(status, "address-too-long", "Address too long",
                    "The address (request line) is longer than the server reads.", null, "path",
                    "longer than the server reads");
            case 431 -> document(status, "headers-too-large", "Headers too large",
                    "The request's headers are larger than the server reads.", null, "headers",
                    "larger than the server reads");
            default -> {
                // Jetty often says no more than the status's name ("Bad Request"), e.g. for a NUL byte in the path
                String why = reason == null || reason.isBlank() || reason.equalsIgnoreCase(HttpStatus.getMessage(status))
                        ? UNREADABLE : reason;
                yield document(status, status == 400 ? "malformed-request" : "http-" + status,
                        status == 400 ? "Malformed request" : "HTTP " + status,
                        "The server could not read the request: " + why + ".", null, partOf(why), why);
            }
        };
    }

    /**
     * An error answered for a request that was read: an address no servlet serves (outside /api, say), a method
     * not allowed, or a servlet that failed without answering. A server error says nothing of its cause.
     */
    static byte[] error(int status, String message, String path) {
        String instance = path == null ? null
                : path.length() <= MAX_INSTANCE_CHARS ? path : path.substring(0, MAX_INSTANCE_CHARS) + "…";
        if (status == 503) {
            return document(status, "unavailable", "Service unavailable",
                    "The service is starting or stopping on this server; try again in a few seconds.", instance, null,
                    null);
        }
        if (status >= 500) {
            return document(status, "internal-error", "Internal error",
                    "Something went wrong on our side; it is in the server's log.", instance, null, null);
        }
        return switch (status) {
            case 404 -> document(status, "no-such-resource", "No such resource",
                    "There is nothing at this address. The API lives under /api: see docs/rest-api.md.", instance,
                    "path", "nothing is served at this address");
            case 405 -> document(status, "method-not-allowed", "Method not allowed",
                    "This address does not support that HTTP method.", instance, "method", "not allowed here");
            default -> document(status, status == 400 ? "malformed-request" : "http-" + status,
                    status == 400 ? "Malformed request" : "HTTP " + status,
                    message == null || message.isBlank() ? "The request could not be served." : message + ".",
                    instance, null, null);
        };
    }

    /** Which part of the request Jetty's reason is about, as the field a client must fix. */
    static String partOf(String reason) {
        if (reason.equals(UNREADABLE)) {
            return "request";
        }
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("uri") || r.contains("path") || r.contains("segment") || r.contains("separator")) {
            return "path";
        }
        if (r.contains("header") || r.contains("host") || r.contains("field")) {
            return "headers";
        }
        if (r.contains("version")) {
            return "version";
        }
        return "request";
    }

    private static byte[] document(int status, String slug, String title, String detail, String instance,
                                   String field, String why) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:igov:problem:" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (field != null) {
            problem.put("errors", List.of(Map.of("field", field, "message", why)));
        }
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
