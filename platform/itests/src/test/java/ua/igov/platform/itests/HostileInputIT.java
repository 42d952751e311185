package ua.igov.platform.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Thousands of malformed and adversarial submissions against the running platform: not one may answer 5xx, every
 * refusal must be a problem document (naming fields where there are fields to name), and the only rows written are
 * those of the submissions that were accepted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostileInputIT extends PlatformTestSupport {

    private static final String PATH = "/services/residence-registration/applications";
    private static final List<String> NASTY_STRINGS = List.of(
            "'; DROP TABLE application; --", "\" OR \"1\"=\"1", "1); DELETE FROM audit_log; --",
            "<script>alert('xss')</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/a}",
            "\u0000", "a\u0000b", "\u0007\u0008\u001b[2J", "\u202Eevil", "\uD83D\uDE00".repeat(50),
            "../../../../etc/passwd", "%00%0d%0a", "ＳＥＬＥＣＴ", "x".repeat(5_000), "", " ", "null",
            "Robert'); DROP TABLE students;--", "<svg/onload=alert(1)>", "javascript:alert(1)", "{{7*7}}", "#{7*7}",
            "\r\nSet-Cookie: a=b", "\t\t\t", "\uFEFF", "\uFFFF", "\uD800", "-1", "0", "1e309", "NaN", "true", "[]", "{}",
            "Шевченко\u0301", "А".repeat(101), "1990-02-30", "2999-01-01", "+38050123456789", "+380501234567\n",
            "𝕿𝖆𝖗𝖆𝖘");

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    @Test
    public void twoThousandHostileSubmissionsNeverBreakTheServer() throws Exception {
        awaitStatus("/health", 200);
        String citizen = citizen("hostile");
        JsonNode valid = JSON.readTree(PlatformIT.APPLICATION);
        Map<String, byte[]> cases = new LinkedHashMap<>();

        // broken JSON: the valid document cut at every position, and odd bytes
        String text = PlatformIT.APPLICATION;
        for (int cut = 0; cut < text.length(); cut += 1) {
            cases.put("cut at " + cut, text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        }
        String compact = JSON.writeValueAsString(valid);
        for (int cut = 1; cut < compact.length(); cut += 1) {
            cases.put("compact cut at " + cut, compact.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        }
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(valid);
        for (int cut = 1; cut < pretty.length(); cut += 2) {
            cases.put("pretty cut at " + cut, pretty.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        }
        for (JsonNode wrong : List.of(nodes.textNode("x"), nodes.numberNode(1), nodes.arrayNode(), nodes.nullNode(), nodes.booleanNode(false))) {
            for (String envelopeField : List.of("region", "placeId", "form")) {
                ObjectNode body = valid.deepCopy();
                body.set(envelopeField, wrong);
                cases.put(envelopeField + " = " + wrong, bytes(body));
            }
        }
        cases.put("trailing garbage", (text + "}}").getBytes(StandardCharsets.UTF_8));
        cases.put("two documents", (text + text).getBytes(StandardCharsets.UTF_8));
        cases.put("duplicate key", text.replace("{\"region\"", "{\"region\": \"x\", \"region\"").getBytes(StandardCharsets.UTF_8));
        cases.put("not UTF-8", new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'});
        cases.put("a number", "42".getBytes(StandardCharsets.UTF_8));
        cases.put("null", "null".getBytes(StandardCharsets.UTF_8));
        cases.put("deeply nested", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        cases.put("deeply nested form", ("{\"region\": \"dnipropetrovsk\", \"form\": " + "{\"a\":".repeat(2_000)
                + "1" + "}".repeat(2_000) + "}").getBytes(StandardCharsets.UTF_8));
        cases.put("huge number", ("{\"region\": \"dnipropetrovsk\", \"placeId\": 1" + "0".repeat(5000) + ", \"form\": {}}")
                .getBytes(StandardCharsets.UTF_8));

        // every field of the form: wrong types, nasty strings, removed, and an extra field beside it
        List<String> pointers = new ArrayList<>();
        leaves(valid.get("form"), "", pointers);
        List<JsonNode> wrongTypes = List.of(nodes.numberNode(12345), nodes.booleanNode(true), nodes.arrayNode().add("x"),
                nodes.objectNode().put("x", 1), nodes.nullNode(), nodes.numberNode(1e308), nodes.numberNode(-1));
        for (String pointer : pointers) {
            for (JsonNode wrong : wrongTypes) {
                cases.put(pointer + " = " + wrong, bytes(replaced(valid, pointer, wrong)));
            }
            for (String nasty : NASTY_STRINGS) {
                cases.put(pointer + " = " + nasty.substring(0, Math.min(20, nasty.length())), bytes(replaced(valid, pointer, nodes.textNode(nasty))));
            }
            cases.put("without " + pointer, bytes(removed(valid, pointer)));
            cases.put("extra beside " + pointer, bytes(extra(valid, pointer)));
        }
        for (String nasty : NASTY_STRINGS) {
            ObjectNode body = valid.deepCopy();
            body.put("region", nasty);
            cases.put("region = " + nasty.substring(0, Math.min(20, nasty.length())), bytes(body));
        }
        ObjectNode extraTop = valid.deepCopy();
        extraTop.put("status", "issued");
        cases.put("trying to set the status", bytes(extraTop));

        long rowsBefore = rows();
        int accepted = 0;
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            Answer answer = postBytes(PATH, "application/json", c.getValue(), citizen);
            checked++;
            if (answer.status() == 201) {
                accepted++;
                continue;
            }
            String why = problemFailure(answer);
            if (why != null) {
                failures.add(c.getKey() + ": " + why);
            }
        }
        // what no form should ever get through: 10 MB bodies, the wrong media type
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) 'a');
        // as curl sends a large upload (Expect: 100-continue): refused on its announced length, before a byte of it
        // is sent, so no half-sent body races the server's answer
        Answer huge = postAnnounced(PATH, "application/json", tenMegabytes, citizen);
        assertEquals(413, huge.status());
        assertEquals("too-large", huge.json().get("type").asText().replace("urn:igov:problem:", ""));
        // and sent whole without asking: refused (413), or cut off while still being sent; never taken, never a 5xx
        for (int i = 0; i < 3; i++) {
            int status = postWhole(PATH, "application/json", tenMegabytes, citizen);
            assertTrue("10 MB sent whole: " + status, status == 413 || status == -1);
        }
        assertEquals(200, get("/health").status());
        assertEquals(415, postBytes(PATH, "text/plain", bytes(valid), citizen).status());
        checked += 5;

        assertTrue("at least 2 000 hostile submissions, were " + checked, checked >= 2000);
        assertEquals("every refusal is a clear 4xx problem: " + failures.subList(0, Math.min(10, failures.size())),
                List.of(), failures);
        assertEquals("only accepted submissions wrote rows", accepted, rows() - rowsBefore);
    }

    /**
     * The other doors a citizen can push: the tracking number and attachment id in paths, and files with hostile
     * names, types and contents. Every refusal is a 4xx problem; only the files accepted are stored.
     */
    @Test
    public void hostilePathsAndFilesNeverBreakTheServer() throws Exception {
        awaitStatus("/health", 200);
        String citizen = citizen("hostile");
        String n = submitAs(citizen);
        long filesBefore = attachments();
        List<String> failures = new ArrayList<>();
        List<String> ids = new ArrayList<>(NASTY_STRINGS);
        ids.addAll(List.of("99999999999999999999", "1.5", "0x10", "-0", "1e3", " 1", "١"));
        int checked = 0;
        for (String nasty : ids) {
            String segment = java.net.URLEncoder.encode(nasty, StandardCharsets.UTF_8).replace("+", "%20");
            for (String path : List.of("/applications/" + n + "/attachments/" + segment,
                    "/applications/" + segment + "/attachments/1", "/applications/" + segment + "/audit-trail")) {
                if (segment.isEmpty()) {
                    continue; // another route altogether
                }
                Answer answer = get(path, citizen);
                checked++;
                String why = problemFailure(answer);
                if (why != null) {
                    failures.add("GET " + path + ": " + why);
                }
            }
        }
        int accepted = 0;
        byte[] pdf = "%PDF-1.4 hostile".getBytes(StandardCharsets.US_ASCII);
        for (String nasty : NASTY_STRINGS) {
            String name = java.net.URLEncoder.encode(nasty, StandardCharsets.UTF_8);
            Answer named = postBytes("/applications/" + n + "/attachments?name=" + name, "application/pdf", pdf, citizen);
            Answer content = postBytes("/applications/" + n + "/attachments?name=a.pdf", "application/pdf",
                    nasty.getBytes(StandardCharsets.UTF_8), citizen);
            for (Answer answer : List.of(named, content)) {
                checked++;
                if (answer.status() == 201) {
                    accepted++;
                } else if (problemFailure(answer) != null) {
                    failures.add("file named or made of '" + nasty.substring(0, Math.min(20, nasty.length())) + "': "
                            + problemFailure(answer));
                }
            }
        }
        for (String type : List.of("text/html", "image/svg+xml", "application/x-msdownload", "application/octet-stream",
                "application/pdf, text/html", "image/png; x=\"", "*/*")) {
            Answer answer = postBytes("/applications/" + n + "/attachments?name=a.pdf", type, pdf, citizen);
            checked++;
            if (problemFailure(answer) != null) {
                failures.add("file typed " + type + ": " + problemFailure(answer));
            }
        }
        // the operators' moderation doors, and hostile user names and passwords in Basic credentials
        String operator = staff("operator");
        for (String nasty : ids) {
            String segment = java.net.URLEncoder.encode(nasty, StandardCharsets.UTF_8).replace("+", "%20");
            if (segment.isEmpty()) {
                continue;
            }
            Answer answer = post("/operators/reviews/" + segment + "/mark-checked", "", operator);
            checked++;
            if (problemFailure(answer) != null) {
                failures.add("POST mark-checked of '" + segment + "': " + problemFailure(answer));
            }
        }
        // staff names: what citizens read in place of a login must be a person's name and nothing else
        java.util.Set<String> realNames = java.util.Set.of("Шевченко\u0301", "null", "NaN", "true");
        long namesBefore = count("SELECT COUNT(*) FROM staff_name");
        for (String nasty : NASTY_STRINGS) {
            Answer answer = put("/operators/staff-names/petro", nodes.objectNode().put("displayName", nasty).toString(),
                    operator);
            checked++;
            if (realNames.contains(nasty) ? answer.status() != 200 : problemFailure(answer) != null) {
                failures.add("staff name '" + nasty.substring(0, Math.min(20, nasty.length())) + "': " + answer.status()
                        + " " + problemFailure(answer));
            }
        }
        for (String nasty : ids) {
            String segment = java.net.URLEncoder.encode(nasty, StandardCharsets.UTF_8).replace("+", "%20");
            Answer answer = put("/operators/staff-names/" + segment, "{\"displayName\": \"Олена Коваленко\"}", operator);
            checked++;
            // not a login, or (a word such as "null") a login the realm does not have
            if (problemFailure(answer) != null) {
                failures.add("PUT staff name of '" + segment + "': " + problemFailure(answer));
            }
        }
        assertEquals("only petro, an account of the realm, was named, and only with names", 1,
                count("SELECT COUNT(*) FROM staff_name") - namesBefore);
        for (String nasty : NASTY_STRINGS) {
            for (String credentials : List.of(nasty + ":x", "hostile:" + nasty, nasty)) {
                String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
                Answer answer = get("/officials/queue", basic);
                checked++;
                if (answer.status() != 401 && answer.status() != 429 || problemFailure(answer) != null) {
                    failures.add("Basic '" + credentials.substring(0, Math.min(20, credentials.length())) + "': "
                            + answer.status() + " " + problemFailure(answer));
                }
            }
        }
        assertTrue("hostile paths and files, were " + checked, checked >= 200);
        assertEquals("every refusal is a clear 4xx problem: " + failures.subList(0, Math.min(10, failures.size())),
                List.of(), failures);
        assertEquals("only the files accepted were stored", accepted, attachments() - filesBefore);
        assertEquals(200, get("/health").status());
    }

    /**
     * What Jetty refuses before the API sees the request is a problem document too, from the first request the node
     * serves; with the bundle that does it stopped, Jetty's own HTML pages are back.
     */
    @Test
    public void whatJettyRefusesIsAProblemDocumentToo() throws Exception {
        awaitStatus("/health", 200);
        Answer nul = get("/applications/a%00b");
        assertEquals(400, nul.status());
        assertEquals(nul.body(), "urn:igov:problem:malformed-request", nul.json().path("type").asText());
        assertEquals("request", nul.json().path("errors").path(0).path("field").asText());
        Answer outOfApi = get("/applications/1/attachments/..%2F..%2F..%2F..%2Fetc%2Fpasswd");
        assertEquals(404, outOfApi.status());
        assertEquals("urn:igov:problem:no-such-resource", outOfApi.json().path("type").asText());
        Answer bigHeaders = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/health"))
                .header("X-Padding", "x".repeat(20_000)).GET());
        assertEquals(431, bigHeaders.status());
        assertEquals("headers", bigHeaders.json().path("errors").path(0).path("field").asText());

        org.osgi.framework.Bundle bundle = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> "ua.igov.platform.igov-jetty-problems".equals(b.getSymbolicName())).findFirst().orElseThrow();
        bundle.stop();
        try {
            Answer html = get("/applications/a%00b");
            assertEquals(400, html.status());
            assertTrue(html.contentType(), html.contentType().startsWith("text/html"));
        } finally {
            bundle.start();
        }
        // started again, it sends the web server a first request of its own, to the port in Pax Web's settings: a
        // client whose first request Jetty cannot read gets a problem document too (only unreadable ones are sent
        // here, and those never reach the customizer that installs the handler)
        await("a problem document for the first unreadable request", () ->
                get("/applications/a%00b").contentType().startsWith("application/problem+json"));
        awaitStatus("/health", 200);
        assertEquals("application/problem+json", get("/applications/a%00b").contentType());

        // with the REST API itself stopped, what is left still answers in problem documents: a clear 404
        org.osgi.framework.Bundle rest = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> "ua.igov.platform.igov-rest".equals(b.getSymbolicName())).findFirst().orElseThrow();
        rest.stop();
        try {
            Answer down = get("/health");
            assertEquals(404, down.status());
            assertEquals(down.body(), "urn:igov:problem:no-such-resource", down.json().path("type").asText());
        } finally {
            rest.start();
        }
        awaitStatus("/health", 200);
    }

    /** What Jersey would answer with an empty 400 or a 500, or the servlet defaults with a 501 or an echo. */
    @Test
    public void oddHeadersEncodingsAndCharactersAreClearProblems() throws Exception {
        awaitStatus("/health", 200);
        String taras = citizen("taras");
        Answer gzip = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
                        + "/services/residence-registration/applications")).header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").header("Authorization", taras)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(gzipped(PlatformIT.APPLICATION))));
        assertEquals(gzip.body(), 415, gzip.status());
        assertEquals("Content-Encoding", gzip.json().path("errors").path(0).path("field").asText());
        assertEquals("refused before Jersey, still kept by no cache: it answers a signed-in caller", "no-store",
                gzip.cacheControl());

        Answer nulQuery = get("/catalogue?q=a%00b");
        assertEquals(nulQuery.body(), 400, nulQuery.status());
        assertEquals("q", nulQuery.json().path("errors").path(0).path("field").asText());
        Answer nulBody = post("/services/residence-registration/applications",
                PlatformIT.APPLICATION.replaceFirst("\"Шевченко\"", "\"Шев\\\\u0000ченко\""), taras);
        assertEquals(nulBody.body(), 422, nulBody.status());
        assertTrue(nulBody.body(), nulBody.json().path("errors").path(0).path("field").asText().startsWith("/form/"));
        Answer utf32 = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/auth/dev-token"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 0x7B, 0, 0})));
        assertEquals(utf32.body(), 400, utf32.status());
        assertEquals("urn:igov:problem:malformed-json", utf32.json().path("type").asText());

        String[] braces = raw("GET " + apiPath() + "/services/{code}/form HTTP/1.1\r\n");
        assertEquals(braces[2], "400", braces[0]);
        assertTrue(braces[1], braces[1].startsWith("application/problem+json"));
        String[] twoTypes = raw("POST " + apiPath() + "/auth/dev-token HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n", "{}");
        assertEquals(twoTypes[2], "400", twoTypes[0]);
        assertTrue(twoTypes[2], twoTypes[2].contains("Content-Type"));
        String[] trace = raw("TRACE /api-docs/ HTTP/1.1\r\nAuthorization: Basic c2VjcmV0OnNlY3JldA==\r\n");
        assertEquals(trace[2], "405", trace[0]);
        assertFalse("nothing of the request is echoed: " + trace[2], trace[2].contains("c2VjcmV0"));
    }

    /** The path of the API on the server, e.g. "/api". */
    private String apiPath() {
        return java.net.URI.create(baseUrl()).getPath();
    }

    /** A request written as it is on a socket: {status, content type, body}. */
    private String[] raw(String head, String... body) throws IOException {
        java.net.URI api = java.net.URI.create(baseUrl());
        try (java.net.Socket socket = new java.net.Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(20_000);
            String request = head + "Host: " + api.getHost() + ":" + api.getPort() + "\r\nConnection: close\r\n\r\n"
                    + (body.length == 0 ? "" : body[0]);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String status = answer.split(" ", 3)[1];
            String type = "";
            for (String line : answer.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).strip();
                }
                if (line.isEmpty()) {
                    break;
                }
            }
            int bodyAt = answer.indexOf("\r\n\r\n");
            return new String[] {status, type, bodyAt < 0 ? "" : answer.substring(bodyAt + 4)};
        }
    }

    private static byte[] gzipped(String text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private long attachments() throws Exception {
        return count("SELECT COUNT(*) FROM attachment");
    }

    /** Null if the answer is a proper problem; otherwise what is wrong with it. */
    private static String problemFailure(Answer answer) {
        if (answer.status() >= 500) {
            return "answered " + answer.status() + " " + answer.body();
        }
        if (answer.status() < 400) {
            return "answered " + answer.status();
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "answered " + answer.contentType();
        }
        JsonNode problem = answer.json();
        if (problem.path("detail").asText().isBlank() || problem.path("detail").asText().contains("Exception")) {
            return "no human detail: " + answer.body();
        }
        if (answer.status() == 422 && problem.path("errors").isEmpty()) {
            return "a 422 that names no field: " + answer.body();
        }
        return null;
    }

    private long rows() throws Exception {
        return count("SELECT COUNT(*) FROM application WHERE owner = 'dev:hostile'");
    }

    private static void leaves(JsonNode node, String at, List<String> pointers) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                pointers.add(at + "/" + f.getKey());
                leaves(f.getValue(), at + "/" + f.getKey(), pointers);
            }
        }
    }

    private static JsonNode replaced(JsonNode valid, String pointer, JsonNode value) {
        ObjectNode body = valid.deepCopy();
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) body.get("form").at(pointer.substring(0, slash))).set(pointer.substring(slash + 1), value);
        return body;
    }

    private static JsonNode removed(JsonNode valid, String pointer) {
        ObjectNode body = valid.deepCopy();
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) body.get("form").at(pointer.substring(0, slash))).remove(pointer.substring(slash + 1));
        return body;
    }

    private static JsonNode extra(JsonNode valid, String pointer) {
        ObjectNode body = valid.deepCopy();
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) body.get("form").at(pointer.substring(0, slash))).put("unexpected", "value");
        return body;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
