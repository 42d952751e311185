package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LogThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final LogThrottle throttle = new LogThrottle(Duration.ofMinutes(1), now::get);

    @Test
    void theFirstLineGoesThroughAndTheRestOfTheMinuteIsCountedForTheNext() {
        assertEquals(0, throttle.admit("birth busy"));
        for (int i = 0; i < 5; i++) {
            now.addAndGet(Duration.ofSeconds(10).toNanos());
            assertEquals(LogThrottle.HOLD_BACK, throttle.admit("birth busy"));
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos()); // a minute after the first line
        assertEquals(5, throttle.admit("birth busy"));
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertEquals(0, throttle.admit("birth busy"), "the count starts again after each line let through");
    }

    @Test
    void eachKeyHasItsOwnMinute() {
        assertEquals(0, throttle.admit("birth busy"));
        assertEquals(0, throttle.admit("land busy"));
        assertEquals(LogThrottle.HOLD_BACK, throttle.admit("birth busy"));
        assertEquals(LogThrottle.HOLD_BACK, throttle.admit("land busy"));
    }

    @Test
    void threadsAtOnceLetOneLineThroughAndLoseNoCount() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicLong letThrough = new AtomicLong();
        for (int i = 0; i < 8_000; i++) {
            threads.execute(() -> {
                if (throttle.admit("birth failed") != LogThrottle.HOLD_BACK) {
                    letThrough.incrementAndGet();
                }
            });
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(1, letThrough.get());
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertEquals(7_999, throttle.admit("birth failed"));
    }

    @Test
    void theNoteSaysHowManyWereLeftOutOnlyWhenThereWereAny() {
        assertEquals("", LogThrottle.heldBackNote(0));
        assertEquals(" (3 more like this since the last one were not logged)", LogThrottle.heldBackNote(3));
    }
}
