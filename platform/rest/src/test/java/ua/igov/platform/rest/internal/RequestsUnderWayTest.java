package ua.igov.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RequestsUnderWayTest {

    @Test
    void aStopWaitsForTheRequestsUnderWayAndRefusesNewOnes() throws Exception {
        RequestsUnderWay requests = new RequestsUnderWay();
        assertTrue(requests.enter());
        assertTrue(requests.enter());
        CountDownLatch stopping = new CountDownLatch(1);
        CompletableFuture<Integer> stop = CompletableFuture.supplyAsync(() -> {
            stopping.countDown();
            return requests.stop(Duration.ofSeconds(30));
        });
        stopping.await();
        // the stop has begun (or is about to): once it refuses a request, it must still be waiting
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (requests.enter()) {
            requests.leave();
            assertTrue(System.nanoTime() < until, "the stop never began refusing");
        }
        assertFalse(stop.isDone(), "two requests are still under way");
        requests.leave();
        assertFalse(stop.isDone(), "one request is still under way");
        requests.leave();
        assertEquals(0, stop.get(10, TimeUnit.SECONDS));
        assertFalse(requests.enter(), "a stopped API takes no request");
    }

    @Test
    void aRequestThatNeverEndsHoldsTheStopOnlyForItsLimit() {
        RequestsUnderWay requests = new RequestsUnderWay();
        assertTrue(requests.enter());
        long start = System.nanoTime();
        assertEquals(1, requests.stop(Duration.ofMillis(200)));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 150 && waited < 5000, "waited " + waited + " ms");
    }

    @Test
    void anApiServingAgainTakesRequestsAgain() {
        RequestsUnderWay requests = new RequestsUnderWay();
        assertEquals(0, requests.stop(Duration.ofSeconds(1)));
        assertFalse(requests.enter());
        requests.open();
        assertTrue(requests.enter());
        assertEquals(1, requests.count());
    }
}
