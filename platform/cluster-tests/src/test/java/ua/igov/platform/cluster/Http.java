package ua.igov.platform.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The API of one node (or of the load balancer), as a citizen's or an official's client sees it. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String base;

    Http(String base) {
        this.base = base;
    }

    /** An answer with the node that gave it ({@code X-Igov-Node}). */
    record Answer(int status, String body, String node) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Answer get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    Answer post(String path, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    Answer put(String path, String json, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** The status of a GET, or -1 when nothing answers (yet). */
    int statusOf(String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A citizen signed in through the development identity provider: an Authorization header value. */
    String citizen(String subject) {
        Answer token = post("/auth/dev-token", "{\"subject\": \"" + subject + "\", \"name\": \"Громадянин " + subject + "\"}", null);
        if (token.status() != 200) {
            throw new AssertionError("no development token: " + token);
        }
        return "Bearer " + token.json().get("token").asText();
    }

    static String staff(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + passwordOf(user)).getBytes(StandardCharsets.UTF_8));
    }

    /** Every account's password; olena's is in Cyrillic, as officials' passwords may be. */
    static String passwordOf(String user) {
        return "olena".equals(user) ? "пароль-олени-1" : user + "-password-1";
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("X-Igov-Node").orElse(null));
        } catch (IOException e) {
            throw new AssertionError("no answer from " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
