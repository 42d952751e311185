package ua.igov.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes, each a separately unpacked and started assembly, on one fresh PostgreSQL database: one platform.
 * A third node joins late. Every process the test starts is killed at the end, also when a test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    static final Duration BOOT = Duration.ofMinutes(5);
    /** Heartbeat is 2 s in these nodes; converging includes installing or removing the feature. */
    static final Duration CONVERGE = Duration.ofSeconds(60);
    static final String SERVICE_FEATURE = "igov-service-residence-registration";
    static final String FORM = "/services/residence-registration/form";
    static final String APPLICATION = "{\"region\": \"dnipropetrovsk\", \"placeId\": 1, \"form\": {"
            + "\"applicant\": {\"lastName\": \"Шевченко\", \"firstName\": \"Тарас\", \"patronymic\": \"Григорович\","
            + " \"birthDate\": \"1990-03-09\", \"taxNumber\": \"3294008776\", \"citizenship\": \"UA\"},"
            + "\"document\": {\"type\": \"id-card\", \"number\": \"001234567\"},"
            + "\"newAddress\": {\"settlement\": \"Дніпро\", \"street\": \"просп. Яворницького\", \"building\": \"1\", \"apartment\": \"12\"},"
            // a fixed day in the past (arrivedOn, since form 1.4): valid on every run; from 2026-12-21 on, the fee is the late one
            + "\"arrivedOn\": \"2026-11-20\","
            + "\"basis\": \"owner\", \"contacts\": {\"phone\": \"+380501234567\"}, \"consentToProcessing\": true}}";

    private final List<AutoCloseable> started = new ArrayList<>();
    private Receiver receiver;
    private TestDatabase database;
    private Path assembly;
    private Path work;
    private KarafNode a;
    private KarafNode b;

    @BeforeAll
    void startTwoNodes() throws Exception {
        database = TestDatabase.fresh();
        receiver = new Receiver(Duration.ofMillis(300));
        started.add(receiver);
        assembly = Path.of(System.getProperty("igov.assembly"));
        work = Files.createDirectories(Path.of(System.getProperty("igov.workDir"))).resolve("run-" + System.currentTimeMillis());
        a = node("node-a");
        b = node("node-b");
        // both at once, as a deployment would: they migrate the schema once between them (Liquibase's lock)
        CompletableFuture<KarafNode> readyA = CompletableFuture.supplyAsync(() -> a.awaitReady(BOOT));
        CompletableFuture<KarafNode> readyB = CompletableFuture.supplyAsync(() -> b.awaitReady(BOOT));
        readyA.join();
        readyB.join();
    }

    private KarafNode node(String id) throws Exception {
        KarafNode node = KarafNode.unpack(assembly, work, id, database.url)
                .deliveringTo(Path.of(System.getProperty("igov.channelBundle")), receiver.url());
        started.add(0, node); // nodes stop before the receiver
        return node.start();
    }

    @AfterAll
    void stopEverything() {
        for (AutoCloseable process : started) {
            try {
                process.close();
            } catch (Exception e) {
                System.err.println("could not stop " + process + ": " + e);
            }
        }
    }

    @Test
    @Order(1)
    void anApplicationSubmittedThroughOneNodeIsReadClaimedAndDecidedThroughTheOther() throws Exception {
        String taras = a.http.citizen("taras");
        Http.Answer created = a.http.post("/services/residence-registration/applications", APPLICATION, taras);
        assertEquals(201, created.status(), created.body());
        assertEquals("node-a", created.node());
        String n = created.json().get("trackingNumber").asText();

        Http.Answer read = b.http.get("/applications/" + n, taras);
        assertEquals(200, read.status(), "node B reads what node A stored, with node A's token: " + read.body());
        assertEquals("node-b", read.node());
        assertEquals("submitted", read.json().get("status").asText());

        // the name citizens see for an official is one for both nodes: given on node A, shown for a step taken on B
        String operator = Http.staff(KarafNode.OPERATOR);
        assertEquals(200, a.http.put("/operators/staff-names/olena", "{\"displayName\": \"Олена Коваленко\"}", operator).status());
        String olena = Http.staff("olena");
        assertEquals("in_review", b.http.post("/applications/" + n + "/actions/claim", "{}", olena).json().get("status").asText());
        Http.Answer claimedAgainOnA = a.http.post("/applications/" + n + "/actions/claim", "{}", olena);
        assertEquals(409, claimedAgainOnA.status(), "node A sees node B's claim: " + claimedAgainOnA.body());
        assertEquals("approved", b.http.post("/applications/" + n + "/actions/approve", "{}", olena).json().get("status").asText());
        assertEquals("issued", b.http.post("/applications/" + n + "/actions/issue", "{}", olena).json().get("status").asText());

        JsonNode history = a.http.get("/applications/" + n, taras).json().get("history");
        assertEquals(4, history.size(), "node A shows every step taken on node B: " + history);
        assertEquals("staff Олена Коваленко", history.get(1).get("actor").asText() + " " + history.get(1).get("actorName").asText());
        assertEquals(200, b.http.put("/operators/staff-names/olena", "{\"displayName\": \"Олена Шевченко\"}", operator).status());
        assertEquals("Олена Шевченко", a.http.get("/applications/" + n + "/status", taras).json().get("assignedToName").asText(),
                "renamed on node B, shown so on node A at once");
        assertTrue(b.http.get("/operators/audit/verify", Http.staff(KarafNode.OPERATOR)).json().get("intact").asBoolean(),
                "one audit trail, written by both nodes, intact");
        assertEquals(1, database.number("SELECT COUNT(*) FROM application WHERE tracking_number = ?", n));

        // how reviews are published is one decision for both nodes: pre-moderation switched on through node A holds
        // the comment back on node B at once, and a check on node B publishes it on node A
        assertEquals(201, a.http.post("/applications/" + n + "/rating", "{\"rating\": 4, \"comment\": \"Швидко\"}",
                taras).status());
        Http.Answer on = a.http.put("/operators/reviews/policy", "{\"premoderation\": true}", operator);
        assertEquals(200, on.status(), on.body());
        try {
            JsonNode onB = b.http.get("/services/residence-registration/reviews", null).json().get(0);
            assertTrue(onB.get("awaitingModeration").asBoolean(), "node B holds the comment back: " + onB);
            assertTrue(onB.path("comment").isMissingNode() || onB.get("comment").isNull(), onB.toString());
            assertEquals(200, b.http.post("/operators/reviews/" + n + "/mark-checked", "", operator).status());
            assertEquals("Швидко", a.http.get("/services/residence-registration/reviews", null).json().at("/0/comment").asText());
        } finally {
            assertEquals(200, b.http.put("/operators/reviews/policy", "{\"premoderation\": false}", operator).status());
        }
        for (KarafNode node : List.of(a, b)) {
            String log = Files.readString(node.home.resolve("data/log/karaf.log"));
            assertTrue(!log.contains("Could not record"), node + " started together with the other on an empty "
                    + "database and lost a recording race: " + log.lines().filter(l -> l.contains("Could not record")).toList());
        }
    }

    @Test
    @Order(2)
    void aPluginRemovedAndInstalledOnceThroughOneNodesConsoleIsFollowedByTheOther() throws Exception {
        assertEquals(200, b.http.statusOf(FORM));

        a.console("platform:plugin-uninstall " + SERVICE_FEATURE);
        assertEquals(404, a.http.statusOf(FORM), "gone from node A when the command returns");
        long removedAfter = awaitMillis("node B to stop serving the removed plugin", () -> b.http.statusOf(FORM) == 404);

        a.console("platform:plugin-install " + SERVICE_FEATURE);
        assertEquals(200, a.http.statusOf(FORM), "back on node A when the command returns");
        long installedAfter = awaitMillis("node B to serve the installed plugin", () -> b.http.statusOf(FORM) == 200);
        System.out.printf("FIGURE plugin decided on node A -> node B follows: removed after %d ms, served after %d ms "
                + "(heartbeat 2 s)%n", removedAfter, installedAfter);

        awaitMillis("both nodes to report the plugin converged", () -> {
            JsonNode view = nodesView(b);
            int converged = 0;
            for (JsonNode p : view.get("plugins")) {
                // the decision is the version node A installed, and each node has that version
                if (p.get("feature").asText().equals(SERVICE_FEATURE) && p.path("desired").asText().equals(p.path("installed").asText())
                        && p.get("converged").asBoolean()) {
                    converged++;
                }
            }
            return converged == 2;
        });
    }

    /**
     * An operator edits the working calendar on node B only: deadlines would then depend on the node that served the
     * request. The doctor on node A fails, naming the file and who reads it how; once the file is copied to A, it
     * holds again.
     */
    @Test
    @Order(3)
    void aSharedFileEditedOnOneNodeOnlyFailsTheDoctorOnAnyNodeUntilItIsCopied() throws Exception {
        b.set("etc/ua.igov.platform.calendar.cfg", "holidays", "2027-01-01");
        awaitMillis("node A's doctor to see node B's calendar", () -> {
            JsonNode check = nodeSettings(a);
            return !check.get("ok").asBoolean()
                    && check.get("detail").asText().startsWith("etc/ua.igov.platform.calendar.cfg differs: node-a | node-b");
        });
        a.set("etc/ua.igov.platform.calendar.cfg", "holidays", "2027-01-01");
        awaitMillis("the nodes to read the calendar alike again", () -> nodeSettings(b).get("ok").asBoolean());
        assertTrue(nodeSettings(a).get("detail").asText().contains("2 live nodes read the shared settings alike"));
    }

    private static JsonNode nodeSettings(KarafNode node) {
        try {
            String out = node.console("platform:doctor --json");
            for (JsonNode check : Http.JSON.readTree(out.substring(out.indexOf('[')))) {
                if (check.get("check").asText().equals("node settings")) {
                    return check;
                }
            }
            throw new AssertionError("no node settings check: " + out);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(4)
    void nginxSpreadsRequestsOverBothNodesAndEitherServesAnyRequest() throws Exception {
        try (Nginx nginx = Nginx.startOrSkip(Path.of(System.getProperty("igov.nginxExample")), work.resolve("nginx"),
                List.of(a.httpPort, b.httpPort))) {
            Http lb = nginx.http();
            java.util.Set<String> nodes = new java.util.TreeSet<>();
            for (int i = 0; i < 20; i++) {
                Http.Answer health = lb.get("/health", null);
                assertEquals(200, health.status());
                nodes.add(health.node());
            }
            assertEquals(java.util.Set.of("node-a", "node-b"), nodes, "round robin reaches both nodes");

            String ivanna = lb.citizen("ivanna");
            Http.Answer created = lb.post("/services/residence-registration/applications", APPLICATION, ivanna);
            assertEquals(201, created.status(), created.body());
            String n = created.json().get("trackingNumber").asText();
            java.util.Set<String> readers = new java.util.TreeSet<>();
            for (int i = 0; i < 6; i++) {
                Http.Answer read = lb.get("/applications/" + n, ivanna);
                assertEquals(200, read.status(), read.body());
                readers.add(read.node());
            }
            assertEquals(java.util.Set.of("node-a", "node-b"), readers, "each node reads it, the token is good on both");
        }
    }

    @Test
    @Order(5)
    void aNodeStartedLaterCatchesUpWithWhatWasDecidedBeforeIt() throws Exception {
        String region = "/regions/lviv/services";
        b.console("platform:plugin-uninstall igov-region-lviv");
        awaitMillis("node A to drop the region", () -> a.http.statusOf(region) == 404);

        KarafNode c = node("node-c");
        c.awaitReady(BOOT);
        long caughtUp = awaitMillis("the late node to drop the region its assembly installed", () -> c.http.statusOf(region) == 404);
        System.out.printf("FIGURE late node ready -> caught up with a removal decided before it started: %d ms%n", caughtUp);
        assertEquals(200, c.http.statusOf(FORM), "and it serves what was decided installed");

        JsonNode view = nodesView(a);
        java.util.Map<String, Boolean> alive = new java.util.TreeMap<>();
        view.get("nodes").forEach(n -> alive.put(n.get("nodeId").asText(), n.get("alive").asBoolean()));
        assertEquals(java.util.Map.of("node-a", true, "node-b", true, "node-c", true), alive);
        boolean cConverged = false;
        for (JsonNode p : view.get("plugins")) {
            if (p.get("node").asText().equals("node-c") && p.get("feature").asText().equals("igov-region-lviv")) {
                cConverged = "removed".equals(p.get("desired").asText()) && p.get("converged").asBoolean()
                        && (p.path("installed").isMissingNode() || p.path("installed").isNull());
            }
        }
        assertTrue(cConverged, "node-c reports lviv removed: " + view);

        c.console("platform:plugin-install igov-region-lviv");
        awaitMillis("nodes A and B to serve the region again", () -> a.http.statusOf(region) == 200 && b.http.statusOf(region) == 200);
        c.kill9();
        awaitMillis("node-c shown gone after missed heartbeats", () -> {
            for (JsonNode n : nodesView(a).get("nodes")) {
                if (n.get("nodeId").asText().equals("node-c")) {
                    return !n.get("alive").asBoolean();
                }
            }
            return false;
        });
        assertEquals(200, a.http.statusOf("/health"), "the surviving node serves on");
    }

    @Test
    @Order(6)
    void aNodeKilledWhileDeliveringTheOutboxIsFinishedByTheOtherAndNothingIsSentTwice() throws Exception {
        int messages = 24;
        String maria = a.http.citizen("maria");
        String withContact = APPLICATION.substring(0, APPLICATION.length() - 1)
                + ", \"contact\": {\"email\": \"maria@example.com\", \"language\": \"uk\"}}";
        for (int i = 0; i < messages; i++) {
            Http.Answer created = a.http.post("/services/residence-registration/applications", withContact, maria);
            assertEquals(201, created.status(), created.body());
        }
        awaitMillis("node A to be delivering", () -> receiver.by("node-a") >= 3);
        a.kill9();
        long killedAt = System.nanoTime();
        long deliveredByA = receiver.by("node-a");

        // done when every outbox row is marked sent, by one node or the other (the messages node A held when it died
        // stay leased to it until the lease runs out, then node B takes them over)
        long finished = awaitMillis("every outbox row marked sent", () -> sentInOutbox() == messages);
        assertEquals(messages, receiver.countsByKey().size(), "every message arrived");
        List<Receiver.Delivery> byBAfterKill = receiver.byAfter("node-b", killedAt);
        assertTrue(!byBAfterKill.isEmpty(), "node B finished after node A died");

        // Exactly once: the messages node A held when it died are in doubt, and node B asks the receiver about each
        // before sending it (the channel's check); the one node A had handed over but not yet marked sent is
        // confirmed, not sent again.
        Map<String, Integer> counts = receiver.countsByKey();
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertTrue(twice.isEmpty(), "sent twice: " + twice + "; checks: " + receiver.checks);
        long confirmed = number("SELECT COUNT(*) FROM outbox WHERE doubt = 'confirmed' AND channel = 'email'");
        long checkedAndSent = number("SELECT COUNT(*) FROM outbox WHERE doubt = 'not-delivered' AND channel = 'email'");
        assertEquals(0, number("SELECT COUNT(*) FROM outbox WHERE doubt IN ('open', 'resent')"), "every doubt settled");
        assertEquals(confirmed + checkedAndSent, receiver.checks.size(), "asked once about each: " + receiver.checks);
        assertTrue(confirmed <= 1, "node A had handed over one message at most: " + receiver.checks);
        System.out.printf("FIGURE kill -9 during outbox delivery: %d messages, %d delivered by node A before it died, "
                + "%d by node B after, all delivered %d ms after the kill, sent twice: %s; in doubt: %d (%d confirmed "
                + "delivered and not re-sent, %d not delivered and sent once)%n", messages, deliveredByA,
                byBAfterKill.size(), finished, twice, confirmed + checkedAndSent, confirmed, checkedAndSent);
    }

    /** E-mails marked sent (the form's phone brings SMS too, which the development SMS file takes elsewhere). */
    private long sentInOutbox() {
        return number("SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND channel = 'email'");
    }

    private long number(String sql) {
        try {
            return database.number(sql);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode nodesView(KarafNode node) {
        try {
            String out = node.console("platform:plugins --nodes --json");
            return Http.JSON.readTree(out.substring(out.indexOf('{')));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Polls until the condition holds; returns how long it took. */
    static long awaitMillis(String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + CONVERGE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + CONVERGE + " waiting for " + what);
            }
            KarafNode.pause(Duration.ofMillis(100));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
