package ua.igov.platform.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import ua.igov.platform.spi.NotificationChannel;

/**
 * Notifications in the running assembly: an application submitted over HTTP reaches the citizen as an e-mail in a
 * real SMTP server (GreenMail, started by the test, the e-mail channel pointed at it through Config Admin) and as a
 * line in the development SMS file.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationIT extends PlatformTestSupport {

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                mavenBundle("com.icegreen", "greenmail", System.getProperty("igov.greenmailVersion")),
                // deliver quickly, so the test waits for seconds, not for the default polling
                editConfigurationFilePut("etc/ua.igov.platform.outbox.cfg", "pollMillis", "200"));
    }

    @Test
    public void aSubmittedApplicationReachesTheCitizenByEmailAndSms() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            int port = smtp.getSmtp().getPort();
            pointEmailChannelAt(port);
            awaitStatus("/health", 200);

            ObjectNode application = (ObjectNode) JSON.readTree(PlatformIT.APPLICATION);
            application.putObject("contact").put("email", "taras@example.org").put("phone", "+380671234567")
                    .put("language", "uk");
            Answer created = post("/services/residence-registration/applications", application.toString(),
                    citizen("taras"));
            assertEquals(created.body(), 201, created.status());
            String n = created.json().get("trackingNumber").asText();

            assertTrue("the e-mail arrives", smtp.waitForIncomingEmail(TIMEOUT.toMillis(), 1));
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals("taras@example.org", mail.getAllRecipients()[0].toString());
            assertEquals("Заяву " + n + " прийнято", mail.getSubject());
            // decoded bytes, not getContent(): that needs activation's handler registry, which tests need not load
            String text = new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text, text.contains("Номер заяви: " + n));
            assertTrue(text, text.contains("http://localhost:8181/api/applications/" + n));

            Path sms = Path.of(System.getProperty("karaf.data"), "sms", "outbox.txt");
            await("the SMS line for " + n, () -> smsLines(sms).stream()
                    .anyMatch(l -> l.contains("\t+380671234567\tЗаяву " + n + " прийнято")));

            String olena = staff("olena");
            assertEquals(200, post("/applications/" + n + "/actions/claim", "{}", olena).status());
            assertTrue(smtp.waitForIncomingEmail(TIMEOUT.toMillis(), 2));
            assertEquals("Заява " + n + " на розгляді", smtp.getReceivedMessages()[1].getSubject());

            // the citizen rates the issued application; an operator hides the comment, and the citizen is told why
            assertEquals(200, post("/applications/" + n + "/actions/approve", "{}", olena).status());
            assertEquals(200, post("/applications/" + n + "/actions/issue", "{}", olena).status());
            assertEquals(201, post("/applications/" + n + "/rating", "{\"rating\": 2, \"comment\": \"Дзвоніть: +380671234567\"}",
                    citizen("taras")).status());
            assertEquals(200, post("/operators/reviews/" + n + "/hide-comment", "{\"reason\": \"Номер телефону в коментарі\"}",
                    staff("operator")).status());
            assertTrue(smtp.waitForIncomingEmail(TIMEOUT.toMillis(), 5));
            MimeMessage hidden = java.util.Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> subject(m).equals("Заява " + n + ": ваш коментар приховано")).findFirst().orElseThrow();
            String why = new String(hidden.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(why, why.contains("Причина: Номер телефону в коментарі"));
            await("the SMS about the hidden comment", () -> smsLines(sms).stream()
                    .anyMatch(l -> l.contains("\t+380671234567\tЗаява " + n + ": ваш коментар приховано")));

            String doctor = console("platform:doctor");
            assertTrue(doctor, doctor.contains("notification outbox") && doctor.contains(" 0 dead"));
            String sent = console("platform:outbox --status sent --json");
            assertTrue(sent, sent.contains(n) && sent.contains("t***@example.org"));
            assertFalse("the console does not list citizens' addresses: " + sent, sent.contains("taras@example.org"));
        } finally {
            smtp.stop();
        }
    }

    /** Through Config Admin, as an operator's edit of etc/ua.igov.channel.email.cfg arrives. */
    private void pointEmailChannelAt(int port) throws Exception {
        ConfigurationAdmin admin = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration configuration = admin.getConfiguration("ua.igov.channel.email", null);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("host", "127.0.0.1");
        properties.put("port", port);
        properties.put("from", "iGov <no-reply@igov.test>");
        configuration.update(properties);
        // The channel restarts with its new settings; the worker has it once it is registered again.
        await("the e-mail channel on port " + port, () -> {
            try {
                return bundleContext.getServiceReferences(NotificationChannel.class, "(port=" + port + ")").size() == 1;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (javax.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> smsLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
