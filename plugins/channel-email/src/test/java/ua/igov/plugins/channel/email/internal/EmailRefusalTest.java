package ua.igov.plugins.channel.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.DeliveryException;
import ua.igov.platform.spi.OutgoingMessage;

/**
 * Which refusals end a message (a dead letter at once) and which are retried, against an SMTP server on 127.0.0.1
 * that answers each recipient as told.
 */
class EmailRefusalTest {

    private static final String CITIZEN = "taras@example.org";
    private static final String JOURNAL = "journal@igov.example";

    private RefusingSmtp smtp;

    @BeforeEach
    void setUp() throws IOException {
        smtp = new RefusingSmtp();
    }

    @AfterEach
    void tearDown() throws IOException {
        smtp.close();
    }

    private EmailChannel channel(String journal) {
        return new EmailChannel(EmailDeliveryTest.config("127.0.0.1", smtp.port(), journal, 1, "journal", "secret"));
    }

    private static DeliveryException refused(EmailChannel channel) {
        return assertThrows(DeliveryException.class, () -> channel.send(new OutgoingMessage("outbox-1", CITIZEN,
                "Subject", "Body", "1-00000001-6")));
    }

    @Test
    void anAddressTheServerDoesNotKnowIsADeadLetterAtOnce() {
        smtp.refuse(CITIZEN, "550 5.1.1 <taras@example.org>: Recipient address rejected: User unknown");
        DeliveryException e = refused(channel(""));
        assertTrue(e.permanent());
        assertTrue(e.getMessage().contains("User unknown"), e.getMessage());
        assertFalse(e.getMessage().contains(CITIZEN), "the address stays out of the log: " + e.getMessage());
    }

    /** A journal mailbox switched off must not turn every citizen's e-mail into a dead letter. */
    @Test
    void aRefusedJournalAddressIsRetriedNotTheCitizensFault() {
        smtp.refuse(JOURNAL, "550 5.2.1 <journal@igov.example>: mailbox disabled");
        DeliveryException e = refused(channel(JOURNAL));
        assertFalse(e.permanent(), e.getMessage());
        assertEquals(0, smtp.delivered.size(), "nothing sent: both copies or neither");
    }

    /** A node the relay does not know yet: another node, or the relay fixed, sends it. */
    @Test
    void aRelayThatRefusesThisNodeIsRetried() {
        smtp.refuse(CITIZEN, "554 5.7.1 <taras@example.org>: Relay access denied");
        assertFalse(refused(channel("")).permanent());
    }

    @Test
    void anAcceptedMessageGoesThrough() throws Exception {
        channel(JOURNAL).send(new OutgoingMessage("outbox-2", CITIZEN, "Subject", "Body", null));
        assertEquals(List.of(List.of(CITIZEN, JOURNAL)), smtp.delivered);
    }

    @Test
    void aPlainRelayRefusalWithoutAnEnhancedStatusIsRetriedToo() {
        smtp.refuse(CITIZEN, "554 <taras@example.org>: Relay access denied");
        assertFalse(refused(channel("")).permanent());
    }

    @Test
    void whatIsAboutTheAddressIsToldByTheEnhancedStatusThenTheReplyCode() {
        assertTrue(EmailChannel.isAboutTheAddress(550, "550 5.1.1 User unknown"));
        assertTrue(EmailChannel.isAboutTheAddress(554, "554 5.1.2 Host or domain name not found"));
        assertTrue(EmailChannel.isAboutTheAddress(550, "550-5.2.1 The email account that you tried to reach is disabled"));
        assertTrue(EmailChannel.isAboutTheAddress(550, "550 Requested action not taken: mailbox unavailable"));
        assertFalse(EmailChannel.isAboutTheAddress(553, "553 sorry, that domain isn't in my list of allowed rcpthosts"));
        assertFalse(EmailChannel.isAboutTheAddress(550, "550 Relaying denied"));
        assertFalse(EmailChannel.isAboutTheAddress(554, "554 5.7.1 Relay access denied"));
        assertFalse(EmailChannel.isAboutTheAddress(550, "550 5.7.1 Relaying denied"));
        assertFalse(EmailChannel.isAboutTheAddress(552, "552 5.2.2 Mailbox full"));
        assertFalse(EmailChannel.isAboutTheAddress(554, "554 Transaction failed"));
        assertFalse(EmailChannel.isAboutTheAddress(550,
                "550 5.1.8 <noreply@igov.example>: Sender address rejected: Domain not found"), "our sender, not theirs");
        assertFalse(EmailChannel.isAboutTheAddress(553, "553 5.1.7 The sender address is invalid"));
        assertTrue(EmailChannel.isAboutTheAddress(550, "550 5.1.10 Null MX"));
    }

    /**
     * The server took the whole message, but its "250" did not come within the timeout: the channel cannot know
     * whether it has it, and says so, so the platform asks the journal before sending it again.
     */
    @Test
    void noAnswerAfterTheWholeMessageIsAnOutcomeUnknown() {
        smtp.silentAfterData = true;
        EmailChannel channel = new EmailChannel(EmailDeliveryTest.config("127.0.0.1", smtp.port(), "", 993, "", "",
                false, 500));
        DeliveryException unknown = refused(channel);
        assertTrue(unknown.outcomeUnknown() && !unknown.permanent(), unknown.getMessage());
        assertEquals(List.of(List.of(CITIZEN)), smtp.delivered, "the server had it");
    }

    /**
     * Messages one after another share one connection, up to {@code messagesPerConnection}; after a refusal, a pause
     * longer than {@code idleSeconds}, or the server hanging up, the next message opens a new one, and nothing is
     * lost on a connection the server had dropped.
     */
    @Test
    void messagesInARowShareAConnectionUntilAFailureAPauseOrTheLimit() throws Exception {
        EmailChannel channel = new EmailChannel(EmailDeliveryTest.config("127.0.0.1", smtp.port(), "", 993, "", "",
                false, 5000, 3, 60));
        for (int i = 1; i <= 4; i++) {
            channel.send(new OutgoingMessage("outbox-" + i, CITIZEN, "Subject", "Body " + i, null));
        }
        assertEquals(List.of(List.of(CITIZEN), List.of(CITIZEN), List.of(CITIZEN), List.of(CITIZEN)), smtp.delivered);
        assertEquals(2, channel.connectionsOpened(), "three on the first connection, the fourth on a second");

        smtp.refuse("nobody@example.org", "550 5.1.1 <nobody@example.org>: User unknown");
        assertThrows(DeliveryException.class, () -> channel.send(new OutgoingMessage("outbox-5", "nobody@example.org",
                "Subject", "Body", null)));
        channel.send(new OutgoingMessage("outbox-6", CITIZEN, "Subject", "Body 6", null));
        assertEquals(3, channel.connectionsOpened(), "after a refusal the connection is not used again");

        smtp.hangUpAfterEachMessage = true;
        channel.send(new OutgoingMessage("outbox-7", CITIZEN, "Subject", "Body 7", null));
        channel.send(new OutgoingMessage("outbox-8", CITIZEN, "Subject", "Body 8", null));
        assertEquals(7, smtp.delivered.size(), "the message after the server hung up went on a new connection");
        assertEquals(4, channel.connectionsOpened());
        channel.close();

        EmailChannel eachAlone = new EmailChannel(EmailDeliveryTest.config("127.0.0.1", smtp.port(), "", 993, "", "",
                false, 5000, 100, 0));
        smtp.hangUpAfterEachMessage = false;
        eachAlone.send(new OutgoingMessage("outbox-9", CITIZEN, "Subject", "Body 9", null));
        Thread.sleep(5); // a pause longer than idleSeconds = 0
        eachAlone.send(new OutgoingMessage("outbox-10", CITIZEN, "Subject", "Body 10", null));
        assertEquals(2, eachAlone.connectionsOpened(), "after a pause the next message opens a new connection");
        eachAlone.close();
    }

    @Test
    void settingsThatCannotWorkAreRefusedAtStart() {
        for (int[] wrong : new int[][] {{0, 5}, {100, -1}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EmailChannel(
                    EmailDeliveryTest.config("127.0.0.1", smtp.port(), "", 993, "", "", false, 5000, wrong[0], wrong[1])));
            assertTrue(e.getMessage().contains(wrong[0] == 0 ? "messagesPerConnection" : "idleSeconds"), e.getMessage());
        }
    }

    /** One connection at a time; answers RCPT TO as {@link #refuse} says and 250 to the rest. */
    private static final class RefusingSmtp implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        final Map<String, String> refusals = new java.util.concurrent.ConcurrentHashMap<>();
        final List<List<String>> delivered = new CopyOnWriteArrayList<>();
        final Thread thread = new Thread(this::serve, "refusing-smtp");
        /** Takes the whole message and then never says "250": the client's timeout runs out. */
        volatile boolean silentAfterData;
        /** Hangs up after each message it accepted, as a server restarting between two messages does. */
        volatile boolean hangUpAfterEachMessage;
        final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

        RefusingSmtp() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void refuse(String address, String answer) {
            refusals.put(address, answer);
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                             StandardCharsets.US_ASCII));
                     PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                    converse(in, out);
                } catch (IOException closed) {
                    // the test is over, or the client hung up
                }
            }
        }

        private void converse(BufferedReader in, PrintWriter out) throws IOException {
            List<String> recipients = new java.util.ArrayList<>();
            connections.incrementAndGet();
            reply(out, "220 stub ESMTP");
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.toUpperCase(java.util.Locale.ROOT);
                if (command.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    String refusal = refusals.get(address);
                    if (refusal == null) {
                        recipients.add(address);
                    }
                    reply(out, refusal == null ? "250 2.1.5 ok" : refusal);
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 end with .");
                    while (!".".equals(in.readLine())) {
                        // the message itself is not looked at
                    }
                    delivered.add(List.copyOf(recipients));
                    recipients.clear(); // the next message on this connection starts afresh
                    if (silentAfterData) {
                        in.readLine(); // until the client gives up and hangs up
                        return;
                    }
                    reply(out, "250 2.0.0 queued");
                    if (hangUpAfterEachMessage) {
                        return;
                    }
                } else if (command.startsWith("RSET")) {
                    recipients.clear();
                    reply(out, "250 2.0.0 ok");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 bye");
                    return;
                } else {
                    reply(out, "250 ok"); // EHLO, HELO, MAIL FROM, NOOP
                }
            }
        }

        private static void reply(PrintWriter out, String line) {
            out.print(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
