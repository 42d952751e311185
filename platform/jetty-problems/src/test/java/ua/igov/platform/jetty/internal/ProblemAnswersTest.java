package ua.igov.platform.jetty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Jetty (the version Pax Web runs) with the customizer on its connector, as Pax Web adds it, spoken to over a
 * socket with the raw request lines a client library would refuse to send.
 */
class ProblemAnswersTest {

    private final ProblemAnswers answers = new ProblemAnswers();
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(4096);
        http.addCustomizer(answers);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new AbstractHandler() { // only /api/health exists: anything else is Jetty's 404
            @Override
            public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                if (target.equals("/api/health")) {
                    response.setContentType("application/json");
                    response.getWriter().write("{\"status\":\"UP\"}");
                    base.setHandled(true);
                }
            }
        });
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        answers.deactivate();
        server.stop();
    }

    @Test
    void untilTheFirstRequestJettyAnswersWithItsOwnPage() throws IOException {
        Reply reply = send("GET /api/a%00b HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(400, reply.status);
        assertTrue(reply.contentType.startsWith("text/html"), reply.contentType);
    }

    @Test
    void activatedItSendsTheFirstRequestItselfSoNoClientEverGetsJettysPage() throws Exception {
        answers.activate(Map.of(OwnAddress.PORT, String.valueOf(port), OwnAddress.ADDRESSES, "0.0.0.0"));
        // only requests Jetty cannot read from here on, and those never reach a customizer: its own request did it
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        Reply reply = send("GET /api/%00 HTTP/1.1\r\nHost: x\r\n\r\n");
        while (!reply.contentType.startsWith(JettyRefusal.MEDIA_TYPE) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            reply = send("GET /api/%00 HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        assertEquals(JettyRefusal.MEDIA_TYPE, reply.contentType, reply.body);
        assertEquals("urn:igov:problem:malformed-request", reply.problem().get("type"));
    }

    @Test
    void itsOwnAddressIsWherePaxWebListensForPlainHttp() {
        assertEquals("127.0.0.1:8181", text(OwnAddress.of(Map.of(OwnAddress.PORT, "8181"))));
        assertEquals("127.0.0.1:8080", text(OwnAddress.of(Map.of())), "Pax Web's default port");
        assertEquals("10.0.0.5:8181", text(OwnAddress.of(Map.of(OwnAddress.PORT, 8181, OwnAddress.ADDRESSES, "10.0.0.5,10.0.0.6"))));
        assertEquals("127.0.0.1:9000", text(OwnAddress.of(Map.of(OwnAddress.PORT, " 9000 ", OwnAddress.ADDRESSES, "::"))));
        assertTrue(OwnAddress.of(Map.of(OwnAddress.ENABLED, "false", OwnAddress.PORT, "8181")).isEmpty(), "HTTPS only");
        assertTrue(OwnAddress.of(Map.of(OwnAddress.PORT, "${http.port}")).isEmpty());
        assertTrue(OwnAddress.of(Map.of(OwnAddress.PORT, "0")).isEmpty());
    }

    private static String text(java.util.Optional<java.net.InetSocketAddress> address) {
        return address.map(a -> a.getHostString() + ":" + a.getPort()).orElse("none");
    }

    @Test
    void aRequestJettyCannotReadIsAProblemDocument() throws IOException {
        assertEquals(200, send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n").status);
        for (String path : List.of("/api/a%00b", "/api/%00")) {
            Reply reply = send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(400, reply.status, path);
            Map<?, ?> problem = reply.problem();
            assertEquals("urn:igov:problem:malformed-request", problem.get("type"), path);
            assertEquals(400, problem.get("status"));
            // Jetty's reason is only "Bad Request" here: the problem says what kind of thing breaks a request
            assertEquals(Map.of("field", "request", "message", JettyRefusal.UNREADABLE),
                    ((List<?>) problem.get("errors")).get(0), reply.body);
        }
        // an encoded "../" that climbs above the root is unreadable; one that only leaves /api finds no context
        Reply aboveRoot = send("GET /api/applications/..%2F..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(400, aboveRoot.status);
        assertEquals("urn:igov:problem:malformed-request", aboveRoot.problem().get("type"));
        Reply outOfApi = send("GET /api/applications/1/attachments/..%2F..%2F..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\n"
                + "Host: x\r\n\r\n");
        assertEquals(404, outOfApi.status);
        assertEquals("urn:igov:problem:no-such-resource", outOfApi.problem().get("type"));
        assertEquals("/api/applications/1/attachments/..%2F..%2F..%2F..%2Fetc%2Fpasswd", outOfApi.problem().get("instance"));
    }

    @Test
    void headersTooLargeAndBrokenHeadersAreProblemsNamingTheHeaders() throws IOException {
        send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        Reply tooLarge = send("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(8000) + "\r\n\r\n");
        assertEquals(431, tooLarge.status);
        assertEquals("urn:igov:problem:headers-too-large", tooLarge.problem().get("type"));
        assertEquals("headers", ((Map<?, ?>) ((List<?>) tooLarge.problem().get("errors")).get(0)).get("field"));

        Reply broken = send("GET /api/health HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n");
        assertEquals(400, broken.status);
        assertEquals("urn:igov:problem:malformed-request", broken.problem().get("type"));
    }

    @Test
    void anAddressNoContextServesIsAProblemToo() throws IOException {
        send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        Reply reply = send("GET /elsewhere/%3Cscript%3E HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n");
        assertEquals(404, reply.status);
        Map<?, ?> problem = reply.problem();
        assertEquals("urn:igov:problem:no-such-resource", problem.get("type"));
        assertEquals("/elsewhere/%3Cscript%3E", problem.get("instance"));
    }

    @Test
    void whenTheBundleStopsJettysOwnHandlerIsBack() throws IOException {
        send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(JettyRefusal.MEDIA_TYPE, send("GET /api/%00 HTTP/1.1\r\nHost: x\r\n\r\n").contentType);
        answers.deactivate();
        Reply reply = send("GET /api/%00 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(400, reply.status);
        assertTrue(reply.contentType.startsWith("text/html"), reply.contentType);
        assertEquals(404, send("GET /elsewhere HTTP/1.1\r\nHost: x\r\n\r\n").status);
    }

    private Reply send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.replace("HTTP/1.1\r\nHost: x\r\n",
                    "HTTP/1.1\r\nHost: x\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return Reply.read(socket.getInputStream());
        }
    }

    private record Reply(int status, String contentType, String body) {

        static Reply read(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            return new Reply(Integer.parseInt(head.substring(9, 12)), type, text.substring(end + 4));
        }

        Map<?, ?> problem() throws IOException {
            assertEquals(JettyRefusal.MEDIA_TYPE, contentType);
            return new ObjectMapper().readValue(body, Map.class);
        }
    }
}
