package ua.igov.plugins.channel.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.core.internal.OutboxWorker;
import ua.igov.platform.spi.DeliveryCheck;
import ua.igov.platform.spi.DeliveryException;
import ua.igov.platform.spi.NotificationChannel;
import ua.igov.platform.spi.OutgoingMessage;
import ua.igov.platform.store.OutboxMessage;
import ua.igov.platform.store.OutboxStore;
import ua.igov.platform.store.internal.JdbcOutboxStore;
import ua.igov.platform.store.internal.MigratedDatabase;

/**
 * The e-mail channel with a journal mailbox: GreenMail on 127.0.0.1 is the SMTP server and the journal's IMAP server.
 */
class EmailJournalTest {

    private static final String JOURNAL = "journal@igov.example";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final OutboxWorker.Settings SETTINGS = OutboxWorker.Settings.of(Duration.ofMillis(50), 5,
            Duration.ofMinutes(2), 3, Duration.ofSeconds(30), Duration.ofMinutes(10));

    private final GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});

    @BeforeEach
    void setUp() {
        mail.start();
        mail.setUser(JOURNAL, "journal", "secret");
    }

    @AfterEach
    void tearDown() {
        mail.stop();
    }

    private EmailChannel.Config journalled(int imapPort, String password) {
        return journalled(imapPort, "journal", password);
    }

    private EmailChannel.Config journalled(int imapPort, String user, String password) {
        return EmailDeliveryTest.config("127.0.0.1", mail.getSmtp().getPort(), JOURNAL, imapPort, user, password);
    }

    private EmailChannel journalled() {
        return new EmailChannel(journalled(mail.getImap().getPort(), "secret"));
    }

    private static OutgoingMessage message(String key) {
        return new OutgoingMessage(key, "taras@example.org", "Заяву прийнято", "Текст", "1-00000001-6");
    }

    @Test
    void everyMessageIsCopiedToTheJournalAndTheCheckFindsItByMessageId() throws Exception {
        EmailChannel email = journalled();
        assertEquals(DeliveryCheck.NOT_DELIVERED, email.check(message("outbox-1")), "an empty journal");
        email.send(message("outbox-12"));

        assertEquals(2, mail.getReceivedMessages().length, "the citizen's copy and the journal's");
        List<MimeMessage> citizens = inbox("taras@example.org");
        List<MimeMessage> journals = inbox(JOURNAL);
        assertEquals(1, citizens.size());
        assertEquals(1, journals.size());
        assertEquals(null, citizens.get(0).getHeader("Bcc"), "the citizen does not see the journal");
        assertEquals(List.of("taras@example.org"), Arrays.stream(citizens.get(0).getAllRecipients()).map(Object::toString).toList());
        assertEquals("<outbox-12.1-00000001-6@igov.example>", journals.get(0).getMessageID());

        assertEquals(DeliveryCheck.DELIVERED, email.check(message("outbox-12")));
        assertEquals(DeliveryCheck.NOT_DELIVERED, email.check(message("outbox-1")), "outbox-1 is not outbox-12");
        assertEquals(DeliveryCheck.NOT_DELIVERED, email.check(new OutgoingMessage("outbox-12", "taras@example.org",
                "s", "b", "1-00000002-4")), "the Message-ID names the application too");
    }

    @Test
    void withoutAJournalTheChannelCannotTell() throws Exception {
        EmailChannel plain = new EmailChannel(EmailDeliveryTest.config("127.0.0.1", mail.getSmtp().getPort()));
        plain.send(message("outbox-1"));
        assertEquals(DeliveryCheck.UNKNOWN, plain.check(message("outbox-1")));
        assertEquals(1, mail.getReceivedMessages().length, "no copy anywhere else");
    }

    @Test
    void aJournalThatCannotBeReadIsATemporaryFailureNotAnAnswer() {
        DeliveryException wrongPassword = assertThrows(DeliveryException.class,
                () -> new EmailChannel(journalled(mail.getImap().getPort(), "wrong")).check(message("outbox-1")));
        assertFalse(wrongPassword.permanent());
        int closed = mail.getImap().getPort();
        EmailChannel unreachable = new EmailChannel(journalled(closed, "secret"));
        mail.stop();
        DeliveryException down = assertThrows(DeliveryException.class, () -> unreachable.check(message("outbox-1")));
        assertTrue(!down.permanent() && down.getMessage().contains("127.0.0.1:" + closed), down.getMessage());
    }

    @Test
    void aJournalWithoutItsUserIsRefusedAtStart() {
        EmailChannel.Config noUser = journalled(143, "", "");
        assertThrows(IllegalArgumentException.class, () -> new EmailChannel(noUser));
    }

    /** What a mailbox holds, read from GreenMail's store rather than over IMAP. */
    private List<MimeMessage> inbox(String address) throws Exception {
        return mail.getManagers().getImapHostManager().getInbox(mail.getUserManager().getUserByEmail(address))
                .getMessages().stream().map(StoredMessage::getMimeMessage).toList();
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (javax.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * What ends a worker's thread in the middle of a delivery, as kill -9 ends a node: the JVM's trouble, which the
     * worker lets through, not a plugin's failure, which it counts.
     */
    static final class Killed extends VirtualMachineError {
        Killed() {
            super("killed", null);
        }
    }

    @Test
    void aMessageANodeSentJustBeforeItDiedIsNotSentAgain() throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:journal-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        OutboxStore outbox = new JdbcOutboxStore(new MigratedDatabase(dataSource));
        for (int i = 1; i <= 3; i++) {
            outbox.enqueue(new OutboxMessage("email", "citizen" + i + "@example.org", "s", "m" + i, null), NOW);
        }
        EmailChannel email = journalled();
        OutboxWorker dying = OutboxWorker.unscheduled(outbox, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
        dying.addChannel(new NotificationChannel() {
            public String id() {
                return "email";
            }

            public void send(OutgoingMessage m) throws DeliveryException {
                email.send(m);
                if (m.body().equals("m2")) {
                    throw new Killed(); // the server has it; the node dies before it records so
                }
            }
        });
        assertThrows(Killed.class, dying::deliverDue);

        OutboxWorker other = OutboxWorker.unscheduled(outbox, SETTINGS, Clock.fixed(NOW.plus(Duration.ofMinutes(3)), ZoneOffset.UTC));
        other.addChannel(email);
        assertEquals(2, other.deliverDue(), "m2 confirmed from the journal, m3 sent");
        Map<String, Long> copies = Arrays.stream(mail.getReceivedMessages()).map(EmailJournalTest::messageId)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertEquals(3, copies.size());
        assertTrue(copies.values().stream().allMatch(n -> n == 2), "each sent once, to its citizen and the journal: " + copies);
        for (int i = 1; i <= 3; i++) {
            assertEquals(1, inbox("citizen" + i + "@example.org").size(), "citizen " + i + " once");
        }
        assertEquals(3, inbox(JOURNAL).size(), "each in the journal once");
        assertEquals(1, outbox.summary().confirmed());
        assertEquals(0, outbox.summary().pending());
    }
}
