package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import ua.igov.platform.core.ProblemException;

class PluginGuardTest {

    /** Plugin code stuck in a read that ignores interrupts, until the test lets it go. */
    private static String stuckUntil(CountDownLatch released) {
        while (true) {
            try {
                released.await();
                return "late";
            } catch (InterruptedException ignored) {
                // a blocking socket read does not care: keep waiting
            }
        }
    }

    /**
     * One service's plugin hangs for good and ignores being interrupted: its calls time out (504) and keep their
     * threads. Once it holds its share, it is refused at once (503) and never takes another thread, while another
     * service is served as before; when its stuck calls finally return, it is served again.
     */
    @Test
    void aPluginStuckForGoodUsesUpOnlyItsOwnShare() throws Exception {
        int share = 4;
        try (PluginGuard guard = new PluginGuard(Duration.ofMillis(50), share)) {
            CountDownLatch released = new CountDownLatch(1);
            for (int i = 0; i < share; i++) {
                assertEquals(504, assertThrows(ProblemException.class, () -> guard.callUnchecked("stuck", "check",
                        () -> stuckUntil(released))).status());
            }
            for (int i = 0; i < 100; i++) { // far more than the pool holds: none of them may take a thread
                ProblemException refused = assertThrows(ProblemException.class, () -> guard.callUnchecked("stuck",
                        "check", () -> "never run"));
                assertEquals(503, refused.status());
                assertTrue(refused.detail().contains("'stuck'"), refused.detail());
            }
            assertEquals("fine", guard.callUnchecked("other", "check", () -> "fine"), "another service is served");

            released.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String answer = null;
            while (answer == null && System.nanoTime() < deadline) {
                try {
                    answer = guard.callUnchecked("stuck", "check", () -> "back");
                } catch (ProblemException stillBusy) {
                    Thread.sleep(10);
                }
            }
            assertEquals("back", answer, "served again once its stuck calls returned");
        }
    }

    /** Calls that fail or time out give their place back: the share is not used up by failures that ended. */
    @Test
    void failedAndFinishedCallsGiveTheirPlaceBack() {
        try (PluginGuard guard = new PluginGuard(Duration.ofSeconds(5), 2)) {
            for (int i = 0; i < 20; i++) {
                assertEquals(502, assertThrows(ProblemException.class, () -> guard.callUnchecked("buggy", "check", () -> {
                    throw new IllegalStateException("a bug");
                })).status());
                assertEquals("ok", guard.callUnchecked("buggy", "check", () -> "ok"));
            }
        }
    }

    /**
     * Version 1 of a service is stuck for good and holds its whole share; the operator deploys a fixed version 2 (a
     * new plugin object with the same service code). Version 2 is served at once, and version 1's share is forgotten
     * once its calls return, so nothing of the plugin that left is kept.
     */
    @Test
    void aFixedVersionDeployedOverAStuckOneIsServedAtOnce() throws Exception {
        int share = 3;
        Object version1 = new Object();
        Object version2 = new Object();
        try (PluginGuard guard = new PluginGuard(Duration.ofMillis(50), share)) {
            CountDownLatch released = new CountDownLatch(1);
            for (int i = 0; i < share; i++) {
                assertEquals(504, assertThrows(ProblemException.class, () -> guard.callUnchecked("birth", version1,
                        "check", () -> stuckUntil(released))).status());
            }
            assertEquals(503, assertThrows(ProblemException.class, () -> guard.callUnchecked("birth", version1, "check",
                    () -> "never run")).status(), "version 1 holds its share");
            assertEquals("fixed", guard.callUnchecked("birth", version2, "check", () -> "fixed"));
            assertEquals(share, guard.underWay("birth", version1));
            assertEquals(0, guard.underWay("birth", version2), "version 2's call returned");
            for (int i = 0; i < share; i++) { // version 2 turns out to hang as well
                assertEquals(504, assertThrows(ProblemException.class, () -> guard.callUnchecked("birth", version2,
                        "check", () -> stuckUntil(released))).status());
            }
            Object version3 = new Object();
            assertEquals(503, assertThrows(ProblemException.class, () -> guard.callUnchecked("birth", version3, "check",
                    () -> "never run")).status(), "a service code holds at most two shares, however often redeployed");
            assertEquals("fine", guard.callUnchecked("other", "check", () -> "fine"), "another service is served");

            released.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (guard.underWay("birth", version1) + guard.underWay("birth", version2) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, guard.underWay("birth", version1), "its stuck calls returned, and it is forgotten");
            assertEquals(0, guard.underWay("birth", version2));
            assertEquals("back", guard.callUnchecked("birth", version3, "check", () -> "back"));
        }
    }

    /**
     * A plugin's notification texts have a share of their own (a quarter of the usual), so a text that hangs does not
     * use up the share its submissions need; they count in the service code's share too, and a fixed version deployed
     * over a plugin stuck in both still gets threads, while the code never holds more than two shares.
     */
    @Test
    void aPartOfAPluginHasASmallShareOfItsOwnCountedInItsServiceCodesShare() throws Exception {
        int share = 4;
        Object version1 = new Object();
        Object version2 = new Object();
        String texts = "birth (notification texts)";
        try (PluginGuard guard = new PluginGuard(Duration.ofMillis(50), share)) {
            CountDownLatch released = new CountDownLatch(1);
            for (int i = 0; i < share; i++) {
                assertEquals(504, assertThrows(ProblemException.class, () -> guard.callUnchecked("birth", version1,
                        "check", () -> stuckUntil(released))).status());
            }
            assertEquals(504, assertThrows(ProblemException.class, () -> guard.callUncheckedInPart("birth", texts,
                    version1, "give its text", () -> stuckUntil(released))).status(), "the texts' own share is free");
            assertEquals(503, assertThrows(ProblemException.class, () -> guard.callUncheckedInPart("birth", texts,
                    version1, "give its text", () -> "never run")).status(), "a quarter of a share: one call");
            assertEquals("fixed", guard.callUnchecked("birth", version2, "check", () -> "fixed"),
                    "a fixed version is served at once");
            for (int i = 0; i < 3; i++) { // version 2 hangs too, until the code holds its two shares
                assertEquals(504, assertThrows(ProblemException.class, () -> guard.callUnchecked("birth", version2,
                        "check", () -> stuckUntil(released))).status());
            }
            assertEquals(503, assertThrows(ProblemException.class, () -> guard.callUnchecked("birth", version2, "check",
                    () -> "never run")).status(), "the service code holds its two shares");
            assertEquals("fine", guard.callUnchecked("other", "check", () -> "fine"), "another service is served");
            released.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (guard.underWay("birth", version1) + guard.underWay(texts, version1) + guard.underWay("birth", version2) > 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, guard.underWay(texts, version1), "the texts' share is given back and forgotten");
            assertEquals("back", guard.callUnchecked("birth", version2, "check", () -> "back"));
        }
    }
}
