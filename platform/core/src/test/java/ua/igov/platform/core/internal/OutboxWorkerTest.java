package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
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
    static final class RecordingChannel implements NotificationChannel {
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

    private long enqueue(String channel, String text) {
        return stores.outbox.enqueue(new OutboxMessage(channel, channel.equals("sms") ? "+380501234567" : "a@example.org",
                "s", text, null), clock.instant());
    }

    @Test
    void aFailingChannelEndsInDeadLetterWithBackOffWhileTheOtherDelivers() {
        RecordingChannel sms = new RecordingChannel("sms", true, clock);
        RecordingChannel email = new RecordingChannel("email", false, clock);
        OutboxWorker worker = new OutboxWorker(stores.outbox, SETTINGS, clock);
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

    @Test
    void aMessageForAChannelNotInstalledWaitsForIt() {
        OutboxWorker worker = new OutboxWorker(stores.outbox, SETTINGS, clock);
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
        OutboxWorker first = new OutboxWorker(stores.outbox, SETTINGS, clock);
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

        OutboxWorker second = new OutboxWorker(stores.outbox, SETTINGS, clock);
        RecordingChannel email = new RecordingChannel("email", false, clock);
        second.addChannel(email);
        assertEquals(6, second.deliverDue(), "at once: the stopped worker gave its leases back");
        email.delivered.forEach(m -> received.add(m.body()));
        assertEquals(10, received.size());
        assertEquals(10, received.stream().distinct().count(), "each once: " + received);
        assertEquals(0, stores.outbox.summary().pending());
    }
}
