package ua.igov.platform.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * The applications issue's acceptance in the real assembly: an application walked through every status by each
 * role over HTTP, authorization at every boundary, and the audit trail catching an edited row.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WorkflowIT extends PlatformTestSupport {

    private Answer act(String trackingNumber, String action, String body, String who) {
        return post("/applications/" + trackingNumber + "/actions/" + action, body, who);
    }

    /** Page by page through Jetty, following each answer's Link, the queue shows what it shows at once. */
    private void assertQueueIsWalkedAPageAtATime(String official) throws Exception {
        submitAs(citizen("lesya")); // at least two, so pages of one link to a next
        List<String> whole = new java.util.ArrayList<>();
        get("/officials/queue?status=submitted&limit=200", official).json()
                .forEach(a -> whole.add(a.get("trackingNumber").asText()));
        assertTrue("a queue of more than one page: " + whole, whole.size() >= 2);
        List<String> walked = new java.util.ArrayList<>();
        String next = "/officials/queue?status=submitted&limit=1";
        while (next != null) {
            java.net.http.HttpResponse<byte[]> page = download(next, official);
            assertEquals(200, page.statusCode());
            JSON.readTree(page.body()).forEach(a -> walked.add(a.get("trackingNumber").asText()));
            next = page.headers().firstValue("Link").map(link -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^</api(/[^>]+)>; rel=\"next\"$").matcher(link);
                assertTrue(link, m.matches());
                return m.group(1);
            }).orElse(null);
            assertTrue("no more pages than rows", walked.size() <= whole.size());
        }
        assertEquals(whole, walked);
    }

    @Test
    public void anApplicationWalksThroughEveryStatusWithEachRole() throws Exception {
        awaitStatus("/health", 200);
        String taras = citizen("taras");
        String olena = staff("olena");
        String n = submitAs(taras);

        JsonNode mine = get("/me/applications", taras).json();
        assertEquals(n, mine.get(0).get("trackingNumber").asText());
        JsonNode queue = get("/officials/queue?status=submitted", olena).json();
        assertTrue(queue.toString().contains(n));
        assertQueueIsWalkedAPageAtATime(olena);

        JsonNode read = get("/applications/" + n, olena).json();
        assertEquals("[\"claim\"]", read.get("actions").toString());
        assertEquals("in_review", act(n, "claim", "{}", olena).json().get("status").asText());
        JsonNode asked = act(n, "request-information",
                "{\"questions\": [{\"field\": \"/applicant/patronymic\", \"question\": \"Вкажіть по батькові повністю\"}]}", olena).json();
        assertEquals("needs_information", asked.get("status").asText());
        assertEquals("/applicant/patronymic", get("/applications/" + n, taras).json().at("/questions/0/field").asText());

        JsonNode form = JSON.readTree(PlatformIT.APPLICATION).get("form");
        assertEquals(422, act(n, "answer", "{\"form\": {\"applicant\": {}}}", taras).status());
        assertEquals("in_review", act(n, "answer", "{\"form\": " + form + "}", taras).json().get("status").asText());

        Answer attached = postBytes("/applications/" + n + "/attachments?name=passport.pdf", "application/pdf",
                "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII), taras);
        assertEquals(attached.body(), 201, attached.status());
        assertEquals(64, attached.json().get("sha256").asText().length());
        Answer disguised = postBytes("/applications/" + n + "/attachments?name=passport.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), taras);
        assertEquals(disguised.body(), 422, disguised.status());
        assertEquals("body", disguised.json().at("/errors/0/field").asText());
        assertEquals("a refused file is not stored", 1, get("/applications/" + n, taras).json().get("attachments").size());
        // the official opens the scan: the same bytes, offered for saving, never cached; the citizen too; nobody else
        String file = "/applications/" + n + "/attachments/" + attached.json().get("id").asLong();
        java.net.http.HttpResponse<byte[]> scan = download(file, olena);
        assertEquals(200, scan.statusCode());
        assertEquals("%PDF-1.4 test", new String(scan.body(), StandardCharsets.US_ASCII));
        assertEquals("application/pdf", scan.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"passport.pdf\"; filename*=UTF-8''passport.pdf",
                scan.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("private, no-store", scan.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("nosniff", scan.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(200, download(file, taras).statusCode());
        java.net.http.HttpResponse<byte[]> notHers = download(file, citizen("lesya"));
        assertEquals(404, notHers.statusCode());
        assertEquals("application/problem+json", notHers.headers().firstValue("Content-Type").orElse(""));
        assertEquals(400, download("/applications/" + n + "/attachments/x", olena).statusCode());

        // the citizen sees who looked at their data: the official's read of the application and of the scan
        JsonNode trail = get("/applications/" + n + "/audit-trail", taras).json();
        List<String> reads = new ArrayList<>();
        trail.forEach(e -> {
            if (e.get("action").asText().equals("read-personal-data")) {
                reads.add(e.get("actor").asText() + " " + e.path("detail").asText()); // an absent detail reads ""
            }
        });
        assertEquals("the citizen sees that staff read, never a login",
                List.of("staff ", "staff attachment " + attached.json().get("id").asLong() + " passport.pdf"), reads);
        assertEquals("submit", trail.get(0).get("action").asText());
        assertEquals("officials see the history", 403, get("/applications/" + n + "/audit-trail", olena).status());
        assertEquals(404, get("/applications/" + n + "/audit-trail", citizen("lesya")).status());
        String console = console("platform:audit-trail " + n);
        assertTrue(console, console.contains("read-personal-data") && console.contains("staff:olena")
                && console.contains("passport.pdf"));
        JsonNode afterTheOperator = get("/applications/" + n + "/audit-trail", taras).json();
        JsonNode operatorsRead = afterTheOperator.get(afterTheOperator.size() - 1);
        assertEquals("the operator's look at the trail is on it, the citizen's own are not", trail.size() + 1,
                afterTheOperator.size());
        assertEquals("read-personal-data audit trail", operatorsRead.get("action").asText() + " "
                + operatorsRead.get("detail").asText());

        assertEquals("approved", act(n, "approve", "{\"reason\": \"Документи в порядку\"}", olena).json().get("status").asText());
        JsonNode issued = act(n, "issue", "{}", olena).json();
        assertEquals("issued", issued.get("status").asText());
        JsonNode seenByCitizen = get("/applications/" + n, taras).json();
        assertNotNull(seenByCitizen.get("issuedDocument"));
        assertEquals("the registration's proof says where", "Дніпро, просп. Яворницького, буд. 1, кв. 12",
                seenByCitizen.at("/issuedDocument/registeredAddress").asText());
        List<String> statuses = new ArrayList<>();
        seenByCitizen.get("history").forEach(s -> statuses.add(s.get("status").asText()));
        assertEquals(List.of("submitted", "in_review", "needs_information", "in_review", "approved", "issued"), statuses);

        // rejection and cancellation, the other ways out
        String second = submitAs(taras);
        act(second, "claim", "{}", olena);
        assertEquals(422, act(second, "reject", "{}", olena).status());
        assertEquals("rejected", act(second, "reject", "{\"reason\": \"Неповний пакет документів\"}", olena).json().get("status").asText());
        String third = submitAs(taras);
        assertEquals("cancelled", act(third, "cancel", "{\"reason\": \"Передумав\"}", taras).json().get("status").asText());

        // a supervisor hands work over
        String fourth = submitAs(taras);
        act(fourth, "claim", "{}", olena);
        assertEquals(403, act(fourth, "approve", "{}", staff("petro")).status());
        // only to someone who can work it, as Karaf's realm has the accounts: not a typo, not another authority's
        for (String nobody : List.of("petr", "ivan", "operator")) {
            Answer refused = act(fourth, "reassign", "{\"official\": \"" + nobody + "\"}", staff("oksana"));
            assertEquals(refused.body(), 422, refused.status());
            assertEquals("/official", refused.json().at("/errors/0/field").asText());
        }
        assertEquals("petro", act(fourth, "reassign", "{\"official\": \"petro\"}", staff("oksana")).json().get("assignedTo").asText());
        assertEquals("approved", act(fourth, "approve", "{}", staff("petro")).json().get("status").asText());
    }

    @Test
    public void citizensSeeStaffByTheNamesOperatorsGiveThemNeverByTheirLogins() throws Exception {
        awaitStatus("/health", 200);
        String operator = staff("operator");
        JsonNode unnamed = get("/operators/staff-names/unnamed", operator).json();
        assertTrue(unnamed.toString(), unnamed.get("listed").asBoolean());
        assertEquals("Karaf's realm, as the assembly has it: every official, supervisor and operator",
                "[\"admin\",\"ivan\",\"oksana\",\"olena\",\"operator\",\"petro\"]", unnamed.get("accounts").toString());
        assertEquals(403, get("/operators/staff-names/unnamed", staff("oksana")).status());
        Answer named = put("/operators/staff-names/olena", "{\"displayName\": \"Олена  Коваленко\"}", operator);
        assertEquals(named.body(), 200, named.status());
        assertEquals("Олена Коваленко", named.json().get("displayName").asText());
        assertEquals(403, put("/operators/staff-names/olena", "{\"displayName\": \"Олена Велика\"}", staff("olena")).status());
        assertEquals(401, put("/operators/staff-names/olena", "{\"displayName\": \"Олена Велика\"}", "Bearer nonsense").status());
        Answer notAName = put("/operators/staff-names/olena", "{\"displayName\": \"<b>Олена</b>\"}", operator);
        assertEquals(422, notAName.status());
        assertEquals("application/problem+json", notAName.contentType());
        assertEquals("/displayName", notAName.json().at("/errors/0/field").asText());
        assertEquals(400, put("/operators/staff-names/1olena", "{\"displayName\": \"Олена\"}", operator).status());
        Answer typo = put("/operators/staff-names/olenna", "{\"displayName\": \"Олена Коваленко\"}", operator);
        assertEquals("not an account of Karaf's realm", 422, typo.status());
        assertEquals("account", typo.json().at("/errors/0/field").asText());
        assertEquals(409, put("/operators/staff-names/olena", "{\"displayName\": \"Олена Коваленко\"}", operator).status());
        assertEquals("she sees how citizens see her", "Олена Коваленко",
                get("/me", staff("olena")).json().get("shownToCitizensAs").asText());
        assertEquals("staff", get("/me", staff("petro")).json().get("shownToCitizensAs").asText());

        String taras = citizen("taras");
        String olena = staff("olena");
        String n = submitAs(taras);
        get("/applications/" + n, olena);
        act(n, "claim", "{}", olena);
        act(n, "approve", "{\"reason\": \"Документи в порядку\"}", olena);
        act(n, "issue", "{}", olena);

        JsonNode read = get("/applications/" + n, taras).json();
        assertEquals("Олена Коваленко", read.get("assignedToName").asText());
        assertEquals("staff", read.at("/history/1/actor").asText());
        assertEquals("Олена Коваленко", read.at("/history/1/actorName").asText());
        assertEquals("the document names who issued it", "Олена Коваленко", read.at("/issuedDocument/issuedBy").asText());
        JsonNode trail = get("/applications/" + n + "/audit-trail", taras).json();
        assertEquals("staff Олена Коваленко", trail.get(1).get("actor").asText() + " " + trail.get(1).get("actorName").asText());
        for (String path : List.of("/applications/" + n, "/applications/" + n + "/status", "/me/applications",
                "/applications/" + n + "/audit-trail")) {
            Answer answer = get(path, taras);
            assertEquals(answer.body(), 200, answer.status());
            assertFalse(path + ": " + answer.body(), answer.body().contains("olena") || answer.body().contains("staff:"));
        }
        assertEquals("her supervisor sees her login", "olena",
                get("/applications/" + n + "/status", staff("oksana")).json().get("assignedTo").asText());

        assertFalse("named now", get("/operators/staff-names/unnamed", operator).json().get("accounts").toString()
                .contains("olena"));
        String doctor = console("platform:doctor");
        assertTrue(doctor, doctor.lines().anyMatch(line -> line.contains("staff names") && line.contains("plain 'staff'")
                && line.contains("petro") && !line.contains("olena")));
        String listed = console("platform:staff-names");
        assertTrue(listed, listed.contains("olena") && listed.contains("Олена Коваленко") && listed.contains("staff:operator"));
        String consoleNamed = console("platform:staff-names petro \"Петро Іваненко\"");
        assertTrue(consoleNamed, consoleNamed.contains("Citizens now see 'petro' as 'Петро Іваненко'"));
        JsonNode rows = JSON.readTree(console("platform:staff-names --json"));
        assertEquals(rows.toString(), "olena Олена Коваленко, petro Петро Іваненко",
                rows.get(0).get("account").asText() + " " + rows.get(0).get("displayName").asText() + ", "
                        + rows.get(1).get("account").asText() + " " + rows.get(1).get("displayName").asText());
        String refusedOnTheConsole = console("platform:staff-names petro \"Петро 2\"");
        assertTrue(refusedOnTheConsole, refusedOnTheConsole.contains("Error executing command")
                && refusedOnTheConsole.contains("NAME — ") && !refusedOnTheConsole.contains("displayName"));
        String removed = console("platform:staff-names --remove olena");
        assertTrue(removed, removed.contains("citizens now see 'staff' only"));
        JsonNode nameless = get("/applications/" + n, taras).json();
        assertFalse(nameless.toString(), nameless.has("assignedToName") || nameless.at("/history/1").has("actorName"));
        assertEquals("the document keeps the name it was issued with", "Олена Коваленко",
                nameless.at("/issuedDocument/issuedBy").asText());
        assertTrue("naming is on the audit trail", get("/operators/audit/verify", operator).json().get("intact").asBoolean());
    }

    @Test
    public void authorizationHoldsAtEveryBoundary() {
        awaitStatus("/health", 200);
        String taras = citizen("taras");
        String lesya = citizen("lesya");
        String n = submitAs(taras);

        Answer someoneElses = get("/applications/" + n, lesya);
        Answer nonexistent = get("/applications/1-00000099-0", lesya);
        assertEquals(404, someoneElses.status());
        assertEquals("guessing a number tells nothing", nonexistent.json().get("type"), someoneElses.json().get("type"));
        assertEquals(404, act(n, "cancel", "{}", lesya).status());
        assertEquals(404, get("/applications/" + n, staff("ivan")).status());
        assertEquals("submitted", get("/applications/" + n + "/status", taras).json().get("status").asText());
        assertEquals(someoneElses.json().get("type"), get("/applications/" + n + "/status", lesya).json().get("type"));
        assertEquals(404, get("/applications/" + n + "/status", lesya).status());
        assertEquals(404, get("/applications/" + n + "/status", staff("ivan")).status());
        assertEquals(401, get("/applications/" + n + "/status").status());
        assertEquals("another authority's queue is not theirs", "[]", get("/officials/queue", staff("ivan")).body());

        assertEquals(401, get("/applications/" + n).status());
        assertEquals(401, get("/officials/queue").status());
        assertEquals(401, get("/operators/audit/verify").status());
        assertEquals(401, get("/me/applications").status());
        assertEquals(401, post("/services/residence-registration/applications", PlatformIT.APPLICATION).status());
        assertEquals(401, get("/officials/queue", "Basic " + java.util.Base64.getEncoder().encodeToString("olena:wrong".getBytes())).status());
        assertEquals(401, get("/me", "Bearer forged.token.value").status());

        assertEquals(403, get("/officials/queue", taras).status());
        assertEquals(403, get("/operators/audit/verify", taras).status());
        assertEquals(403, get("/operators/audit/verify", staff("olena")).status());
        assertEquals("an account's name is not a role", 403, get("/operators/audit/verify", staff("admin")).status());
        assertEquals(403, act(n, "claim", "{}", taras).status());
        assertEquals(403, post("/services/residence-registration/applications", PlatformIT.APPLICATION, staff("olena")).status());
    }

    @Test
    public void anEditedAuditRowIsFoundByRestAndConsole() throws Exception {
        awaitStatus("/health", 200);
        String taras = citizen("taras");
        String n = submitAs(taras);
        act(n, "claim", "{}", staff("olena"));
        JsonNode before = get("/operators/audit/verify", staff("operator")).json();
        assertTrue(before.toString(), before.get("intact").asBoolean());
        assertTrue(console("platform:audit-verify").contains("intact"));

        long tampered;
        int chain;
        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=igov)")
                .iterator().next();
        DataSource dataSource = bundleContext.getService(ref);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT chain, seq FROM audit_log WHERE subject = ? AND action = 'submit'")) {
                ps.setString(1, n);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    chain = rs.getInt(1);
                    tampered = rs.getLong(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET actor = 'staff:nobody' WHERE chain = ? AND seq = ?")) {
                ps.setInt(1, chain);
                ps.setLong(2, tampered);
                assertEquals(1, ps.executeUpdate());
            }
        }
        JsonNode after = get("/operators/audit/verify", staff("operator")).json();
        assertFalse(after.get("intact").asBoolean());
        assertEquals(tampered, after.get("firstBrokenEntry").asLong());
        assertEquals(chain, after.get("chain").asInt());
        String console = console("platform:audit-verify");
        assertTrue(console, console.contains("BROKEN at entry " + chain + "/" + tampered));
        // put it back, so the other tests of this class see an intact chain
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET actor = ? WHERE chain = ? AND seq = ?")) {
            ps.setString(1, "citizen:dev:taras");
            ps.setInt(2, chain);
            ps.setLong(3, tampered);
            ps.executeUpdate();
        } finally {
            bundleContext.ungetService(ref);
        }
        assertTrue(get("/operators/audit/verify", staff("operator")).json().get("intact").asBoolean());
    }
}
