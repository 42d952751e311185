package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.DeliveryCheck;
import ua.igov.platform.spi.DeliveryException;
import ua.igov.platform.spi.NotificationChannel;
import ua.igov.platform.spi.OutgoingMessage;
import ua.igov.platform.store.OutboxEntry;
import ua.igov.platform.store.OutboxMessage;
import ua.igov.platform.store.OutboxStore;

class OutboxWorkerTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final OutboxWorker.Settings SETTINGS = OutboxWorker.Settings.of(Duration.ofSeconds(1), 50,
            Duration.ofMinutes(2), 4, Duration.ofSeconds(30), Duration.ofMinutes(10));

    private final DerbyStores stores = new DerbyStores();
    private final MutableClock clock = new MutableClock(START);

    /** A channel that records what it delivered, or fails every time. */
    static class RecordingChannel implements NotificationChannel {
        final String id;
        final boolean failing;
        final List<OutgoingMessage> delivered = Collections.synchronizedList(new ArrayList<>());
        final List<Instant> attempts = new ArrayList<>();
        private final MutableClock clock;

        RecordingChannel(String id, boolean failing, MutableClock clock) {
            this.id = id;
            this.failing = failing;
            this.clock = clock;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void send(OutgoingMessage message) throws DeliveryException {
            attempts.add(clock.instant());
            if (failing) {
                throw DeliveryException.temporary("gateway answers 503", null);
            }
            delivered.add(message);
        }
    }

    /** What ends a worker's thread in the middle of a delivery, as kill -9 ends a node: no markSent, no markFailed. */
    static final class Killed extends VirtualMachineError {
        Killed() {
            super("killed", null);
        }
    }

    /**
     * A channel's server shared by every worker (node): it records each message it accepts under its key, and can tell
     * afterwards ({@link #answers}), or not. {@link #killOnAccepting} kills the sending worker right after the server
     * accepted that message, {@link #killBeforeAccepting} right before.
     */
    static final class Server implements NotificationChannel {
        final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        final List<String> checked = Collections.synchronizedList(new ArrayList<>());
        boolean answers = true;
        String killOnAccepting;
        String killBeforeAccepting;
        int checkFailures;
        /** What happens while the server takes a message (time passing, for a slow one). */
        Runnable whileAccepting = () -> { };

        @Override
        public String id() {
            return "email";
        }

        @Override
        public void send(OutgoingMessage message) {
            if (message.body().equals(killBeforeAccepting)) {
                killBeforeAccepting = null;
                throw new Killed();
            }
            whileAccepting.run();
            accepted.add(message.key());
            if (message.body().equals(killOnAccepting)) {
                killOnAccepting = null;
                throw new Killed();
            }
        }

        @Override
        public DeliveryCheck check(OutgoingMessage message) throws DeliveryException {
            checked.add(message.key());
            if (checkFailures > 0) {
                checkFailures--;
                throw DeliveryException.temporary("journal mailbox unreachable", null);
            }
            if (!answers) {
                return DeliveryCheck.UNKNOWN;
            }
            return accepted.contains(message.key()) ? DeliveryCheck.DELIVERED : DeliveryCheck.NOT_DELIVERED;
        }

        Map<String, Long> timesByKey() {
            return accepted.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        }
    }

    /** An e-mail channel that sends as told. */
    private static NotificationChannel email(java.util.function.Consumer<OutgoingMessage> send) {
        return new NotificationChannel() {
            @Override
            public String id() {
                return "email";
            }

            @Override
            public void send(OutgoingMessage message) {
                send.accept(message);
            }
        };
    }

    @Test
    void settingsThatWouldDeliverNothingAreRefusedNamingTheSetting() {
        Duration minute = Duration.ofMinutes(1);
        for (Runnable wrong : List.<Runnable>of(
                () -> OutboxWorker.Settings.of(Duration.ZERO, 50, minute, 4, minute, minute),
                () -> OutboxWorker.Settings.of(Duration.ofSeconds(1), 0, minute, 4, minute, minute),
                () -> OutboxWorker.Settings.of(Duration.ofSeconds(1), 50, Duration.ZERO, 4, minute, minute),
                () -> OutboxWorker.Settings.of(Duration.ofSeconds(1), 50, Duration.ofSeconds(-5), 4, minute, minute))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, wrong::run);
            assertTrue(e.getMessage().contains("ua.igov.platform.outbox.cfg"), e.getMessage());
        }
    }

    @Test
    void aChannelThatHangsHoldsUpOnlyItsOwnMessages() throws Exception {
        java.util.concurrent.CountDownLatch smtpAnswers = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch smtpCalled = new java.util.concurrent.CountDownLatch(1);
        List<String> mailed = Collections.synchronizedList(new ArrayList<>());
        RecordingChannel sms = new RecordingChannel("sms", false, clock);
        OutboxWorker worker = OutboxWorker.unscheduled(stores.outbox, OutboxWorker.Settings.of(Duration.ofMillis(20), 50,
                Duration.ofMinutes(2), 4, Duration.ofSeconds(30), Duration.ofMinutes(10)), java.time.Clock.systemUTC());
        worker.addChannel(email(message -> {
            smtpCalled.countDown();
            try {
                smtpAnswers.await(); // an SMTP server that does not answer (until its timeout)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            mailed.add(message.body());
        }));
        enqueue("email", "the e-mail");
        worker.start();
        try {
            assertTrue(smtpCalled.await(10, java.util.concurrent.TimeUnit.SECONDS), "the e-mail lane is sending");
            worker.addChannel(sms); // a channel installed while the worker runs gets a lane of its own
            enqueue("sms", "the SMS");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (sms.delivered.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(List.of("the SMS"), sms.delivered.stream().map(OutgoingMessage::body).toList(),
                    "the SMS went out while the e-mail server hung");
            assertEquals(List.of(), mailed);
        } finally {
            smtpAnswers.countDown();
            worker.stop();
        }
        assertEquals(List.of("the e-mail"), mailed, "the hanging send finished before the worker stopped");
        assertEquals(0, stores.outbox.summary().pending(), "both recorded as sent");
    }

    /** Five messages; a first worker takes them all and dies as the server handles the third. @return their ids */
    private List<Long> aWorkerDiesDelivering(Server server, boolean afterAccepting) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(enqueue("email", "m" + i));
        }
        if (afterAccepting) {
            server.killOnAccepting = "m3";
        } else {
            server.killBeforeAccepting = "m3";
        }
        OutboxWorker dying = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        dying.addChannel(server);
        assertThrows(Killed.class, dying::deliverDue);
        assertEquals(3, stores.outbox.summary().pending(), "nothing recorded after the second");
        return ids;
    }

    /** Another node takes over once the dead one's leases ran out. */
    private OutboxWorker theOtherNodeAfterTheLease(Server server) {
        OutboxWorker other = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        other.addChannel(server);
        assertEquals(0, other.deliverDue(), "the dead node's leases hold until they run out");
        clock.advance(SETTINGS.lease().plusSeconds(1));
        return other;
    }

    /**
     * A slow channel (each send takes 50 s of a 2-minute lease): the node sending the batch extends the rest's leases
     * when half the lease is gone, so another node looking in the middle of the batch finds nothing to take over, and
     * every message is sent once, by its first node, and recorded as sent by it.
     */
    @Test
    void aSlowBatchKeepsItsLeasesSoNoOtherNodeSendsItsMessagesToo() {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(enqueue("email", "m" + i));
        }
        Server server = new Server();
        OutboxWorker other = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        other.addChannel(server);
        List<Integer> takenOverMidway = new ArrayList<>();
        NotificationChannel slow = email(message -> {
            clock.advance(Duration.ofSeconds(50));
            server.send(message);
            takenOverMidway.add(other.deliverDue()); // another node's round while this batch is being sent
        });
        OutboxWorker sending = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        sending.addChannel(slow);

        assertEquals(5, sending.deliverDue(), "all five, although the batch took 250 s against a 120 s lease");
        assertEquals(List.of(0, 0, 0, 0, 0), takenOverMidway);
        assertTrue(server.timesByKey().values().stream().allMatch(n -> n == 1), "each once: " + server.accepted);
        assertEquals(5, server.accepted.size());
        for (long id : ids) {
            OutboxEntry entry = stores.outbox.find(id).orElseThrow();
            assertEquals(OutboxStore.SENT, entry.status());
            assertEquals(null, entry.doubt(), "never taken over, so never in doubt");
        }
    }

    /**
     * One send that outlasts the whole lease (an SMTP server answering after two and a half leases): the sending node keeps
     * renewing while it waits, so another node polling all that time never takes the message over, and the message
     * is sent once and recorded as sent, not in doubt. Real time here: renewals run on their own timer.
     */
    @Test
    void aSendLongerThanTheLeaseKeepsItsLeaseSoTheMessageGoesOnce() throws Exception {
        Duration lease = Duration.ofSeconds(1);
        OutboxWorker.Settings shortLease = OutboxWorker.Settings.of(Duration.ofSeconds(1), 50, lease, 4,
                Duration.ofSeconds(30), Duration.ofMinutes(10));
        java.time.Clock real = java.time.Clock.systemUTC();
        long id = enqueue("email", "slow");
        Server server = new Server();
        OutboxWorker other = OutboxWorker.unscheduled(stores.outbox, shortLease, real);
        other.addChannel(server);
        List<Integer> takenOver = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<Throwable> otherFailed = new java.util.concurrent.atomic.AtomicReference<>();
        OutboxWorker sending = OutboxWorker.unscheduled(stores.outbox, shortLease, real);
        sending.addChannel(email(message -> {
            long until = System.nanoTime() + lease.multipliedBy(5).dividedBy(2).toNanos();
            while (System.nanoTime() < until) { // the other node looks every 50 ms while this send hangs
                try {
                    takenOver.add(other.deliverDue());
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    otherFailed.set(e);
                }
            }
            server.send(message);
        }));
        try {
            assertEquals(1, sending.deliverDue());
        } finally {
            sending.stop();
            other.stop();
        }
        assertEquals(null, otherFailed.get());
        assertTrue(takenOver.size() >= 10, "the other node looked all along: " + takenOver.size());
        assertTrue(takenOver.stream().allMatch(n -> n == 0), "never taken over: " + takenOver);
        assertEquals(List.of(OutboxWorker.key(id)), server.accepted);
        OutboxEntry entry = stores.outbox.find(id).orElseThrow();
        assertEquals(OutboxStore.SENT, entry.status());
        assertEquals(null, entry.doubt(), "held by its node all along, so never in doubt");
    }

    /**
     * A node stopping while one of its sends hangs past the stop's wait: it must not give that message's lease back,
     * or another node would take it at once, not even in doubt, and send it a second time.
     */
    @Test
    void aNodeStoppingInTheMiddleOfAHangingSendKeepsItsLeases() throws Exception {
        java.util.concurrent.CountDownLatch smtpAnswers = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch smtpCalled = new java.util.concurrent.CountDownLatch(1);
        java.time.Clock real = java.time.Clock.systemUTC();
        OutboxWorker.Settings settings = OutboxWorker.Settings.of(Duration.ofMillis(20), 50, Duration.ofMinutes(2), 4,
                Duration.ofSeconds(30), Duration.ofMinutes(10));
        long id = enqueue("email", "hanging");
        OutboxWorker stopping = OutboxWorker.unscheduled(stores.outbox, settings, real);
        stopping.stopWait = Duration.ofMillis(200);
        stopping.addChannel(email(message -> {
            smtpCalled.countDown();
            try {
                smtpAnswers.await(); // ignores the interrupt of shutdownNow, as a blocking socket read does
            } catch (InterruptedException e) {
                try {
                    smtpAnswers.await();
                } catch (InterruptedException again) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        Server server = new Server();
        OutboxWorker other = OutboxWorker.unscheduled(stores.outbox, settings, real);
        other.addChannel(server);
        stopping.start();
        try {
            assertTrue(smtpCalled.await(10, java.util.concurrent.TimeUnit.SECONDS), "the send is under way");
            stopping.stop();
            assertEquals(0, other.deliverDue(), "the message is still the stopped node's until its lease runs out");
            assertEquals(List.of(), server.accepted);
            assertEquals(OutboxStore.PENDING, stores.outbox.find(id).orElseThrow().status());
        } finally {
            smtpAnswers.countDown();
        }
    }

    /**
     * A channel plugin whose classes went from under it (removed without a refresh) throws a LinkageError, not an
     * exception: the attempt counts like any failure and is retried, and the lane lives on.
     */
    @Test
    void aChannelWhoseClassesAreGoneOrWhoseCodeOverflowsFailsTheAttemptNotTheLane() {
        for (Error error : List.of(new NoClassDefFoundError("org/example/smtp/Transport"), new StackOverflowError(),
                new AssertionError("a plugin's own assert"),
                new java.util.ServiceConfigurationError("javax.net.ssl provider not found"), new Error("a plugin's own"))) {
            long id = enqueue("email", "m-" + error.getClass().getSimpleName());
            int[] calls = {0};
            OutboxWorker worker = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
            worker.addChannel(email(message -> {
                if (calls[0]++ == 0) {
                    throw error;
                }
            }));
            assertEquals(0, worker.deliverDue());
            OutboxEntry failed = stores.outbox.find(id).orElseThrow();
            assertEquals(OutboxStore.PENDING, failed.status());
            assertEquals(1, failed.attempts());
            assertTrue(failed.lastError().contains(error.getClass().getSimpleName()), failed.lastError());
            clock.advance(SETTINGS.backoff().after(1).plusSeconds(1));
            assertEquals(1, worker.deliverDue(), "retried after its back-off");
            assertEquals(OutboxStore.SENT, stores.outbox.find(id).orElseThrow().status());
        }
    }

    /** Two channel plugins with one name: the second waits, and takes over when the first leaves. */
    @Test
    void aSecondChannelOfTheSameNameTakesOverWhenTheFirstLeaves() {
        RecordingChannel first = new RecordingChannel("email", false, clock);
        RecordingChannel second = new RecordingChannel("email", false, clock);
        OutboxWorker worker = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        worker.addChannel(first);
        worker.addChannel(second);
        enqueue("email", "m1");
        assertEquals(1, worker.deliverDue());
        worker.removeChannel(first);
        enqueue("email", "m2");
        assertEquals(1, worker.deliverDue(), "not left waiting for a restart");
        assertEquals(List.of("m1"), first.delivered.stream().map(OutgoingMessage::body).toList());
        assertEquals(List.of("m2"), second.delivered.stream().map(OutgoingMessage::body).toList());
        worker.removeChannel(second);
        enqueue("email", "m3");
        assertEquals(0, worker.deliverDue(), "none left: it waits");
    }

    /**
     * A channel's name is asked for once, when it arrives: one whose name fails then is not used and its removal is
     * harmless; one whose name fails only later still leaves cleanly, and the other of its name takes over.
     */
    @Test
    void aChannelIsKnownByTheNameItGaveOnArrival() {
        int[] asked = {0};
        RecordingChannel fickle = new RecordingChannel("email", false, clock) {
            @Override
            public String id() {
                if (asked[0]++ > 0) {
                    throw new IllegalStateException("configuration gone");
                }
                return super.id();
            }
        };
        NotificationChannel nameless = new RecordingChannel("sms", false, clock) {
            @Override
            public String id() {
                throw new NoClassDefFoundError("com/example/Config");
            }
        };
        RecordingChannel second = new RecordingChannel("email", false, clock);
        OutboxWorker worker = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        worker.addChannel(nameless);
        worker.addChannel(fickle);
        worker.addChannel(second);
        enqueue("email", "m1");
        assertEquals(1, worker.deliverDue());
        worker.removeChannel(nameless);
        worker.removeChannel(fickle);
        enqueue("email", "m2");
        assertEquals(1, worker.deliverDue(), "the second one took over");
        assertEquals(List.of("m1"), fickle.delivered.stream().map(OutgoingMessage::body).toList());
        assertEquals(List.of("m2"), second.delivered.stream().map(OutgoingMessage::body).toList());
        assertEquals(1, asked[0], "asked once");
    }

    @Test
    void aBatchWhoseLeaseRanOutIsNotSentByTheNodeThatStalled() {
        for (int i = 1; i <= 3; i++) {
            enqueue("email", "m" + i);
        }
        Server server = new Server();
        NotificationChannel stalling = email(message -> {
            server.send(message);
            clock.advance(SETTINGS.lease().plusSeconds(1)); // a pause longer than the lease after the first send
        });
        OutboxWorker stalled = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        stalled.addChannel(stalling);
        assertEquals(1, stalled.deliverDue(), "the others' leases ran out: left to whoever holds them now");
        assertEquals(1, server.accepted.size());
        OutboxWorker other = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        other.addChannel(server);
        assertEquals(2, other.deliverDue());
        assertTrue(server.timesByKey().values().stream().allMatch(n -> n == 1), "each once: " + server.accepted);
    }

    @Test
    void aMessageTheDeadNodeHandedOverIsNotSentAgainWhenTheChannelCanTell() {
        Server server = new Server();
        List<Long> ids = aWorkerDiesDelivering(server, true);
        OutboxWorker other = theOtherNodeAfterTheLease(server);

        assertEquals(3, other.deliverDue(), "m3 confirmed, m4 and m5 sent");
        assertEquals(List.of("outbox-" + ids.get(2), "outbox-" + ids.get(3), "outbox-" + ids.get(4)), server.checked,
                "only the messages the dead node held are in doubt");
        assertTrue(server.timesByKey().values().stream().allMatch(n -> n == 1), "each once: " + server.accepted);
        assertEquals(5, server.accepted.size());
        OutboxEntry m3 = stores.outbox.find(ids.get(2)).orElseThrow();
        assertEquals(OutboxStore.SENT, m3.status());
        assertEquals(OutboxStore.CONFIRMED, m3.doubt());
        assertTrue(m3.lastError().contains("not sent again"), m3.lastError());
        assertEquals(OutboxStore.NOT_DELIVERED, stores.outbox.find(ids.get(3)).orElseThrow().doubt());
        assertEquals(null, stores.outbox.find(ids.get(0)).orElseThrow().doubt());
        assertEquals(0, stores.outbox.summary().pending());
        assertEquals(1, stores.outbox.summary().confirmed());
        assertEquals(0, stores.outbox.summary().resent());
    }

    @Test
    void aMessageTheDeadNodeDidNotHandOverIsSentOnceWhenTheChannelCanTell() {
        Server server = new Server();
        List<Long> ids = aWorkerDiesDelivering(server, false);
        OutboxWorker other = theOtherNodeAfterTheLease(server);

        assertEquals(3, other.deliverDue());
        assertEquals(5, server.accepted.size());
        assertEquals(1L, server.timesByKey().get("outbox-" + ids.get(2)));
        assertEquals(OutboxStore.NOT_DELIVERED, stores.outbox.find(ids.get(2)).orElseThrow().doubt());
        assertEquals(0, stores.outbox.summary().confirmed());
    }

    /**
     * The channel took a message, but recording it as sent failed (the database away for a moment), and the node then
     * stopped in order: it keeps that lease instead of giving it back, so the node taking over finds the message in
     * doubt, asks the channel, and does not send it a second time.
     */
    /** The outbox store, with the database away for a moment when the first message's sending is recorded. */
    private OutboxStore awayWhenTheFirstSendingIsRecorded() {
        java.util.concurrent.atomic.AtomicBoolean databaseAway = new java.util.concurrent.atomic.AtomicBoolean(true);
        return (OutboxStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {OutboxStore.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("markSent") && databaseAway.getAndSet(false)) {
                        throw new ua.igov.platform.store.StoreException("connection reset", null);
                    }
                    try {
                        return method.invoke(stores.outbox, arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aMessageSentButNotRecordedKeepsItsLeaseWhenTheNodeStops() {
        long sent = enqueue("email", "m1");
        long waiting = enqueue("email", "m2");
        Server server = new Server();
        OutboxStore flaky = awayWhenTheFirstSendingIsRecorded();
        OutboxWorker stopping = OutboxWorker.unscheduled(flaky, SETTINGS, clock);
        stopping.addChannel(server);
        assertThrows(ua.igov.platform.store.StoreException.class, stopping::deliverDue);
        assertEquals(List.of("outbox-" + sent), server.accepted);
        stopping.stop();

        OutboxWorker other = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        other.addChannel(server);
        assertEquals(1, other.deliverDue(), "the other message, given back, at once; not the one in doubt");
        clock.advance(SETTINGS.lease().plusSeconds(1));
        assertEquals(1, other.deliverDue());
        assertEquals(List.of("outbox-" + sent), server.checked, "asked about, as in doubt");
        assertTrue(server.timesByKey().values().stream().allMatch(n -> n == 1), "each once: " + server.accepted);
        assertEquals(OutboxStore.CONFIRMED, stores.outbox.find(sent).orElseThrow().doubt());
        assertEquals(OutboxStore.SENT, stores.outbox.find(waiting).orElseThrow().status());
    }

    /**
     * The same, but the node goes on: the round ends at the failure, and the messages it had not handed to the
     * channel yet are given back at once, so any node sends them now and none takes them for messages in doubt.
     */
    @Test
    void aRoundThatEndsEarlyGivesBackWhatItHadNotSentYet() {
        long sent = enqueue("email", "m1");
        long waiting = enqueue("email", "m2");
        Server server = new Server();
        OutboxStore flaky = awayWhenTheFirstSendingIsRecorded();
        OutboxWorker going = OutboxWorker.unscheduled(flaky, SETTINGS, clock);
        going.addChannel(server);
        assertThrows(ua.igov.platform.store.StoreException.class, going::deliverDue);
        assertEquals(List.of("outbox-" + sent), server.accepted);

        OutboxWorker other = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        other.addChannel(server);
        assertEquals(1, other.deliverDue(), "m2 at once, not after the lease");
        assertNull(stores.outbox.find(waiting).orElseThrow().doubt(), "m2 was never in doubt");
        assertEquals(OutboxStore.PENDING, stores.outbox.find(sent).orElseThrow().status(), "m1 keeps its lease");
        clock.advance(SETTINGS.lease().plusSeconds(1));
        assertEquals(1, other.deliverDue());
        assertEquals(List.of("outbox-" + sent), server.checked, "m1 asked about, as in doubt");
        assertTrue(server.timesByKey().values().stream().allMatch(n -> n == 1), "each once: " + server.accepted);
    }

    /**
     * The same after a send that outlasted the round's lease: what nobody took again meanwhile is still given back,
     * due at once and not in doubt (OutboxStoreTest shows a lease taken again by another lane left alone).
     */
    @Test
    void aRoundThatEndsEarlyAfterItsLeaseRanOutGivesBackWhatNobodyTookAgain() {
        long sent = enqueue("email", "m1");
        long waiting = enqueue("email", "m2");
        Server server = new Server();
        server.whileAccepting = () -> clock.advance(SETTINGS.lease().plusSeconds(1));
        OutboxWorker going = OutboxWorker.unscheduled(awayWhenTheFirstSendingIsRecorded(), SETTINGS, clock);
        going.addChannel(server);
        assertThrows(ua.igov.platform.store.StoreException.class, going::deliverDue);
        server.whileAccepting = () -> { };

        OutboxWorker other = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        other.addChannel(server);
        assertEquals(2, other.deliverDue(), "both");
        assertEquals(List.of("outbox-" + sent), server.checked, "only the one handed over is in doubt");
        assertNull(stores.outbox.find(waiting).orElseThrow().doubt());
        assertTrue(server.timesByKey().values().stream().allMatch(n -> n == 1), "each once: " + server.accepted);
        going.stop();
    }

    @Test
    void aChannelThatCannotTellGetsTheMessageInDoubtAgainWithTheSameKey() {
        Server server = new Server();
        server.answers = false;
        List<Long> ids = aWorkerDiesDelivering(server, true);
        OutboxWorker other = theOtherNodeAfterTheLease(server);

        assertEquals(3, other.deliverDue());
        Map<String, Long> times = server.timesByKey();
        assertEquals(Map.of("outbox-" + ids.get(2), 2L), times.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "at least once: m3 twice, no other");
        assertEquals(5, times.size());
        OutboxEntry m3 = stores.outbox.find(ids.get(2)).orElseThrow();
        assertEquals(OutboxStore.RESENT, m3.doubt());
        assertTrue(m3.lastError().contains("sent again"), m3.lastError());
        assertEquals(3, stores.outbox.summary().resent(), "m3 and the two the dead node held but had not reached");
    }

    @Test
    void aFailedCheckIsRetriedWithBackOffAndNeverAnsweredBySendingBlindly() {
        Server server = new Server();
        server.checkFailures = 1;
        List<Long> ids = aWorkerDiesDelivering(server, true);
        OutboxWorker other = theOtherNodeAfterTheLease(server);
        String m3 = "outbox-" + ids.get(2);

        assertEquals(2, other.deliverDue(), "m3's check fails; m4 and m5 are checked and sent");
        assertEquals(1L, server.timesByKey().get(m3), "not sent while the channel could not tell");
        OutboxEntry waiting = stores.outbox.find(ids.get(2)).orElseThrow();
        assertTrue(waiting.inDoubt(), "still in doubt after a failed check");
        assertEquals(1, waiting.attempts());
        assertTrue(waiting.lastError().contains("journal mailbox unreachable"), waiting.lastError());

        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, other.deliverDue());
        assertEquals(3, server.checked.size(), "not asked again before the back-off");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, other.deliverDue(), "asked again after the back-off: it had it");
        assertEquals(1L, server.timesByKey().get(m3));
        assertEquals(5, server.accepted.size());
        assertEquals(OutboxStore.CONFIRMED, stores.outbox.find(ids.get(2)).orElseThrow().doubt());
        assertEquals(0, stores.outbox.summary().pending());
    }

    /** An e-mail channel whose every send waits until {@link #release} (or 30 s), noting what it was given. */
    static final class HangingChannel implements NotificationChannel {
        final java.util.concurrent.CountDownLatch sending = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());

        public String id() {
            return "email";
        }

        public void send(OutgoingMessage message) {
            sent.add(message.body());
            sending.countDown();
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Five messages m0..m4 and a round on {@code hanging}, under way: its send of m0 hangs. */
    private record HungRound(OutboxWorker worker, java.util.concurrent.CompletableFuture<Integer> round) {
    }

    private HungRound hungRound(HangingChannel hanging) throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            enqueue("email", "m" + i);
        }
        OutboxWorker worker = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        worker.addChannel(hanging);
        java.util.concurrent.CompletableFuture<Integer> round = java.util.concurrent.CompletableFuture.supplyAsync(worker::deliverDue);
        assertTrue(hanging.sending.await(10, java.util.concurrent.TimeUnit.SECONDS));
        return new HungRound(worker, round);
    }

    /**
     * A channel removed while its round is sending (its plugin updated because its server hangs): the message being
     * sent finishes, and the rest of the round goes back at once instead of through the channel that left.
     */
    @Test
    void aChannelThatLeavesMidRoundSendsNoMoreOfIt() throws Exception {
        HangingChannel hanging = new HangingChannel();
        HungRound hung = hungRound(hanging);
        hung.worker().removeChannel(hanging);
        hanging.release.countDown();
        assertEquals(1, hung.round().get(10, java.util.concurrent.TimeUnit.SECONDS), "the one under way finished");
        assertEquals(List.of("m0"), hanging.sent, "nothing more through the channel that left");
        assertEquals(4, stores.outbox.summary().pending());
        RecordingChannel successor = new RecordingChannel("email", false, clock);
        hung.worker().addChannel(successor);
        assertEquals(4, hung.worker().deliverDue(), "given back at once: due for the next channel, no lease to wait out");
    }

    /**
     * A channel whose send hangs is removed and another of its name installed: the rest of the hung round is given
     * back at once, so the new channel sends it; only the message in the hung send stays this node's. Before, the
     * round kept renewing every message in it for as long as the send hung, and nobody could send them.
     */
    @Test
    void aChannelRemovedWhileItsSendHangsGivesBackTheRestOfItsRoundAtOnce() throws Exception {
        HangingChannel hanging = new HangingChannel();
        HungRound hung = hungRound(hanging);
        try {
            hung.worker().removeChannel(hanging);
            RecordingChannel successor = new RecordingChannel("email", false, clock);
            hung.worker().addChannel(successor);
            assertEquals(4, hung.worker().deliverDue(), "the rest of the hung round, at once");
            assertEquals(List.of("m1", "m2", "m3", "m4"), successor.delivered.stream().map(OutgoingMessage::body).toList());
            assertEquals(1, stores.outbox.summary().pending(), "the message in the hung send stays where it is");
        } finally {
            hanging.release.countDown();
        }
        assertEquals(1, hung.round().get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(List.of("m0"), hanging.sent);
        assertEquals(0, stores.outbox.summary().pending(), "each message sent once");
    }

    private long enqueue(String channel, String text) {
        return stores.outbox.enqueue(new OutboxMessage(channel, channel.equals("sms") ? "+380501234567" : "a@example.org",
                "s", text, null), clock.instant());
    }

    /**
     * A backlog (a burst of submissions, an escalation's reminders) drains in one turn of the lane, batch after
     * batch, not one batch a poll: as shipped (20 every 2 s) a lane sent at most 10 messages a second, and the bench's
     * submissions left 100 000 e-mails and SMS waiting for hours.
     */
    @Test
    void aBacklogDrainsInOneTurnOfItsLaneBatchAfterBatch() {
        OutboxWorker.Settings smallBatches = OutboxWorker.Settings.of(Duration.ofMinutes(1), 20, Duration.ofMinutes(2),
                4, Duration.ofSeconds(30), Duration.ofMinutes(10));
        RecordingChannel email = new RecordingChannel("email", false, clock);
        RecordingChannel sms = new RecordingChannel("sms", false, clock);
        OutboxWorker worker = OutboxWorker.unscheduled(stores.outbox, smallBatches, clock);
        worker.addChannel(email);
        worker.addChannel(sms);
        for (int i = 0; i < 130; i++) {
            enqueue("email", "e" + i);
        }
        enqueue("sms", "the SMS");

        worker.deliverOnLane("email");

        assertEquals(130, email.delivered.size(), "seven rounds, the last one short, in one turn");
        assertEquals(List.of(), sms.delivered, "the e-mail lane sends only e-mail");
        assertEquals(1, stores.outbox.summary().pending());
    }

    /** A channel that fails every message is asked no faster than before: one batch a poll, then back-off. */
    @Test
    void aLaneWhoseWholeRoundFailedWaitsForTheNextPoll() {
        OutboxWorker.Settings smallBatches = OutboxWorker.Settings.of(Duration.ofMinutes(1), 20, Duration.ofMinutes(2),
                4, Duration.ofSeconds(30), Duration.ofMinutes(10));
        RecordingChannel down = new RecordingChannel("email", true, clock);
        OutboxWorker worker = OutboxWorker.unscheduled(stores.outbox, smallBatches, clock);
        worker.addChannel(down);
        for (int i = 0; i < 100; i++) {
            enqueue("email", "e" + i);
        }

        worker.deliverOnLane("email");

        assertEquals(20, down.attempts.size(), "one full round that delivered nothing ends the turn");
        assertEquals(100, stores.outbox.summary().pending(), "twenty wait for their retry, eighty for the next poll");
    }

    @Test
    void aFailingChannelEndsInDeadLetterWithBackOffWhileTheOtherDelivers() {
        RecordingChannel sms = new RecordingChannel("sms", true, clock);
        RecordingChannel email = new RecordingChannel("email", false, clock);
        OutboxWorker worker = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        worker.addChannel(sms);
        worker.addChannel(email);
        long failing = enqueue("sms", "to a dead gateway");
        enqueue("email", "first");
        enqueue("email", "second");

        assertEquals(2, worker.deliverDue());
        assertEquals(List.of("first", "second"), email.delivered.stream().map(OutgoingMessage::body).toList(),
                "e-mail goes out although SMS fails");

        // Back-off: 30 s, 60 s, 120 s after each failure; not a moment before.
        for (Duration wait : List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120))) {
            clock.advance(wait.minusSeconds(1));
            worker.deliverDue();
            clock.advance(Duration.ofSeconds(1));
            enqueue("email", "meanwhile");
            worker.deliverDue();
        }
        assertEquals(List.of(START, START.plusSeconds(30), START.plusSeconds(90), START.plusSeconds(210)), sms.attempts);
        OutboxEntry dead = stores.outbox.find(failing).orElseThrow();
        assertEquals(OutboxStore.DEAD, dead.status(), "dead after maxAttempts = 4");
        assertEquals(4, dead.attempts());
        assertEquals("gateway answers 503", dead.lastError());
        assertEquals(5, email.delivered.size());

        clock.advance(Duration.ofDays(1));
        worker.deliverDue();
        assertEquals(4, sms.attempts.size(), "a dead letter is not tried again");
        assertEquals(1, stores.outbox.summary().dead());
        assertEquals(0, stores.outbox.summary().pending());
    }

    /**
     * The server took the whole message, but its last answer came after the channel's timeout: the channel says the
     * outcome is unknown, so the next attempt asks it first and the message goes once (it was retried blindly, and
     * went twice, although the channel could tell). A channel that cannot tell gets it again, as before.
     */
    @Test
    void aSendWhoseOutcomeIsUnknownIsCheckedBeforeItIsSentAgain() {
        for (boolean channelCanTell : List.of(true, false)) {
            Server server = new Server();
            server.answers = channelCanTell;
            NotificationChannel timingOut = new NotificationChannel() {
                boolean first = true;

                public String id() {
                    return "email";
                }

                public void send(OutgoingMessage message) throws DeliveryException {
                    server.accepted.add(message.key());
                    if (first) {
                        first = false;
                        throw DeliveryException.outcomeUnknown("no answer to the end of DATA within 10 s", null);
                    }
                }

                public DeliveryCheck check(OutgoingMessage message) throws DeliveryException {
                    return server.check(message);
                }
            };
            OutboxWorker worker = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
            worker.addChannel(timingOut);
            long id = enqueue("email", "once " + channelCanTell);
            assertEquals(0, worker.deliverDue());
            OutboxEntry failed = stores.outbox.find(id).orElseThrow();
            assertEquals(OutboxStore.IN_DOUBT, failed.doubt(), "in doubt after an unknown outcome");
            assertEquals(OutboxStore.PENDING, failed.status());

            clock.advance(Duration.ofSeconds(30));
            worker.deliverDue();
            OutboxEntry after = stores.outbox.find(id).orElseThrow();
            assertEquals(OutboxStore.SENT, after.status());
            if (channelCanTell) {
                assertEquals(1L, server.timesByKey().get(OutboxWorker.key(id)), "asked first, and not sent again");
                assertEquals(OutboxStore.CONFIRMED, after.doubt());
            } else {
                assertEquals(2L, server.timesByKey().get(OutboxWorker.key(id)), "it cannot tell: sent again, same key");
                assertEquals(OutboxStore.RESENT, after.doubt());
            }
        }
    }

    @Test
    void aMessageForAChannelNotInstalledWaitsForIt() {
        OutboxWorker worker = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        long id = enqueue("sms", "hello");
        assertEquals(0, worker.deliverDue());
        clock.advance(Duration.ofHours(5));
        assertEquals(0, worker.deliverDue());
        assertEquals(OutboxStore.PENDING, stores.outbox.find(id).orElseThrow().status());
        assertEquals(0, stores.outbox.find(id).orElseThrow().attempts(), "waiting is not failing");

        RecordingChannel sms = new RecordingChannel("sms", false, clock);
        worker.addChannel(sms);
        assertEquals(1, worker.deliverDue());
        assertEquals("outbox-" + id, sms.delivered.get(0).key());
    }

    @Test
    void aWorkerStoppedMidwayLeavesTheRestToTheNextAndNothingGoesTwice() throws Exception {
        for (int i = 0; i < 10; i++) {
            enqueue("email", "m" + i);
        }
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        OutboxWorker first = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        Thread[] stopping = new Thread[1];
        first.addChannel(new NotificationChannel() {
            public String id() {
                return "email";
            }

            public void send(OutgoingMessage m) {
                received.add(m.body());
                if (received.size() == 4) {
                    // An operator stops the bundle while it is sending: stop() lets this message finish.
                    stopping[0] = new Thread(first::stop);
                    stopping[0].start();
                    while (!first.stopping()) {
                        Thread.onSpinWait();
                    }
                }
            }
        });
        first.start();
        while (stopping[0] == null) {
            Thread.onSpinWait();
        }
        stopping[0].join();
        assertEquals(4, received.size(), "stopped after the message in flight");
        assertEquals(6, stores.outbox.summary().pending());

        OutboxWorker second = OutboxWorker.unscheduled(stores.outbox, SETTINGS, clock);
        RecordingChannel email = new RecordingChannel("email", false, clock);
        second.addChannel(email);
        assertEquals(6, second.deliverDue(), "at once: the stopped worker gave its leases back");
        email.delivered.forEach(m -> received.add(m.body()));
        assertEquals(10, received.size());
        assertEquals(10, received.stream().distinct().count(), "each once: " + received);
        assertEquals(0, stores.outbox.summary().pending());
    }
}
