package ua.igov.plugins.channel.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.core.internal.CitizenNotifications;
import ua.igov.platform.core.internal.OutboxWorker;
import ua.igov.platform.spi.DeliveryException;
import ua.igov.platform.spi.NotificationChannel;
import ua.igov.platform.spi.OutgoingMessage;
import ua.igov.platform.spi.Status;
import ua.igov.platform.store.CitizenContact;
import ua.igov.platform.store.OutboxStore;
import ua.igov.platform.store.internal.JdbcOutboxStore;
import ua.igov.platform.store.internal.MigratedDatabase;

/**
 * The e-mail channel against a real SMTP server (GreenMail on 127.0.0.1), fed by the platform's real outbox and
 * delivery worker on Derby.
 */
class EmailDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final OutboxWorker.Settings SETTINGS = OutboxWorker.Settings.of(Duration.ofMillis(50), 5,
            Duration.ofMinutes(2), 3, Duration.ofSeconds(30), Duration.ofMinutes(10));
    private static final String LINK = "https://igov.example/status/{trackingNumber}";

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    private OutboxStore outbox;

    @BeforeEach
    void setUp() {
        smtp.start();
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:email-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        outbox = new JdbcOutboxStore(new MigratedDatabase(dataSource));
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    static EmailChannel.Config config(String host, int port) {
        return config(host, port, "", 993, "", "");
    }

    /** Sending through {@code host:port}, with a journal mailbox read over plain IMAP on 127.0.0.1 when one is given. */
    static EmailChannel.Config config(String host, int port, String journal, int imapPort, String user, String password) {
        return config(host, port, journal, imapPort, user, password, false, 5000);
    }

    static EmailChannel.Config config(String host, int port, String journal, int imapPort, String user, String password,
                                      boolean tls, int timeoutMillis) {
        return config(host, port, journal, imapPort, user, password, tls, timeoutMillis, 100, 5);
    }

    static EmailChannel.Config config(String host, int port, String journal, int imapPort, String user, String password,
                                      boolean tls, int timeoutMillis, int messagesPerConnection, int idleSeconds) {
        return new EmailChannel.Config() {
            public Class<? extends Annotation> annotationType() { return EmailChannel.Config.class; }
            public String host() { return host; }
            public int port() { return port; }
            public String from() { return "iGov <no-reply@igov.example>"; }
            public boolean startTls() { return false; }
            public boolean tls() { return tls; }
            public String username() { return ""; }
            public String _password() { return ""; }
            public int timeoutMillis() { return timeoutMillis; }
            public int messagesPerConnection() { return messagesPerConnection; }
            public int idleSeconds() { return idleSeconds; }
            public String journalAddress() { return journal; }
            public String journalImapHost() { return journal.isEmpty() ? "localhost" : "127.0.0.1"; }
            public int journalImapPort() { return imapPort; }
            public boolean journalImapTls() { return journal.isEmpty(); }
            public String journalUsername() { return user; }
            public String _journalPassword() { return password; }
            public String journalFolder() { return "INBOX"; }
        };
    }

    /**
     * With {@code tls = true} the channel speaks TLS from the first byte to the server it was given: before, the
     * settings went to the {@code smtps} protocol while sending used {@code smtp}, so mail went in plain text to
     * localhost:25.
     */
    @Test
    void withTlsTheConfiguredServerIsGreetedWithATlsHandshake() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            server.setSoTimeout(10_000);
            java.util.concurrent.CompletableFuture<Integer> firstByte = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (java.net.Socket client = server.accept()) {
                    return client.getInputStream().read();
                } catch (java.io.IOException e) {
                    return -2; // nothing connected to the configured port
                }
            });
            EmailChannel tls = new EmailChannel(config("127.0.0.1", server.getLocalPort(), "", 993, "", "", true, 2000));
            assertThrows(ua.igov.platform.spi.DeliveryException.class, () -> tls.send(new ua.igov.platform.spi.OutgoingMessage(
                    "1", "taras@example.org", "s", "b", null)));
            assertEquals(0x16, firstByte.get(), "a TLS record (handshake) first, at the configured host and port");
        }
    }

    @Test
    void aTimeoutOfZeroWhichJakartaMailTakesAsForeverIsRefusedAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EmailChannel(config("127.0.0.1", 25, "", 993, "", "", false, 0)));
        assertTrue(e.getMessage().contains("timeoutMillis"), e.getMessage());
    }

    private EmailChannel channel() {
        return new EmailChannel(config("127.0.0.1", smtp.getSmtp().getPort()));
    }

    private void notify(String trackingNumber, String language, String action, Status to) {
        CitizenNotifications texts = new CitizenNotifications(LINK);
        texts.about(action, to, trackingNumber, new CitizenContact(trackingNumber + "@example.org", null, language), null,
                        "en".equals(language) ? "Registration of residence" : "Реєстрація місця проживання", null)
                .forEach(m -> outbox.enqueue(m, NOW));
    }

    @Test
    void theCitizenGetsTheTextWithNumberLinkAndLanguage() throws Exception {
        notify("1-00000001-6", "uk", "submit", Status.SUBMITTED);
        notify("1-00000002-4", "en", "approve", Status.APPROVED);
        OutboxWorker worker = OutboxWorker.unscheduled(outbox, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
        worker.addChannel(channel());
        assertEquals(2, worker.deliverDue());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length);
        MimeMessage uk = received[0];
        assertEquals("1-00000001-6@example.org", uk.getAllRecipients()[0].toString());
        assertEquals("Заяву 1-00000001-6 прийнято", uk.getSubject());
        String ukBody = ((String) uk.getContent()).replace("\r\n", "\n");
        assertTrue(ukBody.startsWith("Вашу заяву «Реєстрація місця проживання» прийнято."), ukBody);
        assertTrue(ukBody.contains("Номер заяви: 1-00000001-6"), ukBody);
        assertTrue(ukBody.contains("https://igov.example/status/1-00000001-6"), ukBody);
        assertTrue(uk.getContentType().contains("UTF-8"), uk.getContentType());
        assertEquals("<outbox-1.1-00000001-6@igov.example>", uk.getMessageID());
        assertEquals("1-00000001-6", uk.getHeader("X-iGov-Tracking-Number")[0]);

        MimeMessage en = received[1];
        assertEquals("Application 1-00000002-4 approved", en.getSubject());
        String enBody = (String) en.getContent();
        assertTrue(enBody.contains("Your application \"Registration of residence\" has been approved")
                && enBody.contains("https://igov.example/status/1-00000002-4"), enBody);
        assertEquals(OutboxStore.SENT, outbox.list(OutboxStore.SENT, 10).get(1).status());
    }

    @Test
    void aRestartInTheMiddleOfSendingDeliversEveryMessageExactlyOnce() throws Exception {
        int total = 30;
        for (int i = 1; i <= total; i++) {
            notify(String.format("1-%08d-0", i), i % 2 == 0 ? "en" : "uk", "claim", Status.IN_REVIEW);
        }
        // The first node sends through the real channel and is stopped (its bundle updated, say) after 12 messages.
        OutboxWorker first = OutboxWorker.unscheduled(outbox, SETTINGS, Clock.systemUTC());
        EmailChannel email = channel();
        List<Thread> stopper = new ArrayList<>();
        first.addChannel(new NotificationChannel() {
            private int sent;

            public String id() {
                return email.id();
            }

            public synchronized void send(OutgoingMessage m) throws DeliveryException {
                email.send(m);
                if (++sent == 12) {
                    Thread stop = new Thread(first::stop);
                    stopper.add(stop);
                    stop.start();
                }
            }
        });
        first.start();
        assertTrue(smtp.waitForIncomingEmail(10_000, 12));
        while (stopper.isEmpty()) {
            Thread.onSpinWait();
        }
        stopper.get(0).join();
        int afterStop = smtp.getReceivedMessages().length;
        assertTrue(afterStop >= 12 && afterStop < total, "stopped midway: " + afterStop);

        // A new worker (the restarted node) on the same database finishes the rest.
        OutboxWorker second = OutboxWorker.unscheduled(outbox, SETTINGS, Clock.systemUTC());
        second.addChannel(channel());
        while (second.deliverDue() > 0) {
            // until nothing is due
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(total, received.length, "every message arrived, none twice");
        Set<String> ids = new HashSet<>();
        Set<String> recipients = new HashSet<>();
        for (MimeMessage m : received) {
            ids.add(m.getMessageID());
            recipients.add(m.getAllRecipients()[0].toString());
        }
        assertEquals(total, ids.size());
        assertEquals(total, recipients.size());
        assertEquals(0, outbox.summary().pending());
    }

    @Test
    void anUnreachableServerIsATemporaryFailureAndABadAddressAPermanentOne() {
        int closedPort = smtp.getSmtp().getPort();
        smtp.stop();
        EmailChannel down = new EmailChannel(config("127.0.0.1", closedPort));
        DeliveryException unreachable = assertThrows(DeliveryException.class,
                () -> down.send(new OutgoingMessage("outbox-1", "taras@example.org", "s", "b", null)));
        assertTrue(!unreachable.permanent() && unreachable.getMessage().contains("127.0.0.1:" + closedPort),
                unreachable.getMessage());
        assertFalse(unreachable.outcomeUnknown(), "no connection: the server never had it");
        DeliveryException bad = assertThrows(DeliveryException.class,
                () -> down.send(new OutgoingMessage("outbox-2", "taras at example", "s", "b", null)));
        assertTrue(bad.permanent(), bad.getMessage());
        // what a failure says goes to the log and to last_error: never the citizen's address
        assertTrue(!unreachable.getMessage().contains("taras") && !bad.getMessage().contains("taras"), bad.getMessage());
    }

    @Test
    void anSmtpAnswerRepeatingTheAddressIsMasked() {
        assertEquals("550 5.1.1 <[address]>: Recipient address rejected; also [address]",
                EmailChannel.withoutAddresses("550 5.1.1 <taras.shevchenko+igov@mail.example.org.ua>: Recipient address "
                        + "rejected; also o-k@x.io"));
        assertEquals("Connection refused", EmailChannel.withoutAddresses("Connection refused"));
    }
}
