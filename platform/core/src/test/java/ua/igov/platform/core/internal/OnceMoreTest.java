package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class OnceMoreTest {

    @Test
    void aWriteThatLostARaceIsTriedOnceMore() {
        AtomicInteger tries = new AtomicInteger();
        OnceMore.run(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("duplicate key value violates unique constraint");
            }
        });
        assertEquals(2, tries.get());
    }

    @Test
    void aWriteThatSucceedsRunsOnceAndOneThatKeepsFailingFailsAfterTheSecondTry() {
        AtomicInteger tries = new AtomicInteger();
        OnceMore.run(tries::incrementAndGet);
        assertEquals(1, tries.get());

        AtomicInteger failing = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OnceMore.run(() -> {
            throw new IllegalStateException("try " + failing.incrementAndGet());
        }));
        assertEquals("try 2", e.getMessage());
    }
}
