package ua.igov.platform.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Hashtable;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * Escalation in the running assembly: an application submitted over HTTP and left alone is, once the scheduler's
 * clock says it is overdue, marked escalated in the official's queue and in its view, with the escalation in its
 * history, and the supervisor's SMS goes out through the outbox and the development SMS channel.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EscalationIT extends PlatformTestSupport {

    private static final String SUPERVISOR_PHONE = "+380501112233";

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/ua.igov.platform.escalation.cfg", "intervalSeconds", "1"),
                editConfigurationFilePut("etc/ua.igov.platform.escalation.cfg", "staffAddresses",
                        "89 supervisors sms:" + SUPERVISOR_PHONE),
                editConfigurationFilePut("etc/ua.igov.platform.outbox.cfg", "pollMillis", "200"));
    }

    @Test
    public void anApplicationLeftAloneIsEscalatedInTheQueueItsHistoryAndToTheSupervisor() throws Exception {
        awaitStatus("/health", 200);
        Answer created = post("/services/residence-registration/applications", PlatformIT.APPLICATION, citizen("taras"));
        assertEquals(created.body(), 201, created.status());
        String n = created.json().get("trackingNumber").asText();
        String oksana = staff("oksana");
        assertEquals(0, escalatedQueue(oksana).size());

        // The scheduler's clock, two weeks on: the application's 1-working-day claim deadline is long past.
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("igov.clock", "test");
        ServiceRegistration<Clock> later = bundleContext.registerService(Clock.class,
                Clock.fixed(Instant.now().plus(Duration.ofDays(14)), ZoneOffset.UTC), properties);
        try {
            await("application " + n + " escalated in the supervisor's queue",
                    () -> escalatedQueue(oksana).findValuesAsText("trackingNumber").contains(n));
            JsonNode queued = escalatedQueue(staff("olena")).get(0);
            assertEquals(n, queued.get("trackingNumber").asText());
            assertTrue(queued.get("escalated").asBoolean());

            JsonNode view = get("/applications/" + n, citizen("taras")).json();
            assertTrue(view.toString(), view.get("escalated").asBoolean());
            List<String> notes = view.get("history").findValuesAsText("note");
            assertTrue(notes.toString(), notes.stream().anyMatch(note -> note.startsWith("Past the due date: the supervisor was notified")));
            assertEquals("submitted", view.get("status").asText());

            Path sms = Path.of(System.getProperty("karaf.data"), "sms", "outbox.txt");
            await("the supervisor's SMS about " + n, () -> smsLines(sms).stream()
                    .anyMatch(l -> l.contains(SUPERVISOR_PHONE) && l.contains(n)));
            // A later application, overdue at once by the scheduler's clock, is escalated by a later run: once its
            // SMS is out, runs have passed since the first escalation, and they must not have repeated it.
            Answer probe = post("/services/residence-registration/applications", PlatformIT.APPLICATION, citizen("taras"));
            assertEquals(probe.body(), 201, probe.status());
            String second = probe.json().get("trackingNumber").asText();
            await("the supervisor's SMS about the later " + second, () -> smsLines(sms).stream()
                    .anyMatch(l -> l.contains(SUPERVISOR_PHONE) && l.contains(second)));
            assertEquals("once, however many runs passed", 1, smsLines(sms).stream()
                    .filter(l -> l.contains(SUPERVISOR_PHONE) && l.contains(n) && l.contains("прострочене")).count());
        } finally {
            later.unregister();
        }
    }

    private JsonNode escalatedQueue(String authorization) {
        Answer queue = get("/officials/queue?escalated=true", authorization);
        assertEquals(queue.body(), 200, queue.status());
        return queue.json();
    }

    private static List<String> smsLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
