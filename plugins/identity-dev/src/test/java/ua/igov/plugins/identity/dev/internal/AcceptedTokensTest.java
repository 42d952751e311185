package ua.igov.plugins.identity.dev.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AcceptedTokensTest {

    private static final byte[] SECRET = "a development secret of 32+ chars, for tests only".getBytes(StandardCharsets.UTF_8);

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final DevTokens tokens = new DevTokens(SECRET, clock);
    private final AcceptedTokens accepted = new AcceptedTokens(tokens, clock);

    @Test
    void aVerifiedTokenIsRememberedUntilItExpiresAndRefusedAfter() throws Exception {
        String token = tokens.issue("olena", "Олена");
        assertEquals("olena", accepted.read(token).subject());
        assertEquals(1, accepted.size());

        clock.now = clock.now.plus(DevTokens.LIFETIME).minusSeconds(1);
        assertEquals("olena", accepted.read(token).subject(), "still valid one second before exp");

        clock.now = clock.now.plusSeconds(1);
        DevTokens.Rejected refused = assertThrows(DevTokens.Rejected.class, () -> accepted.read(token));
        assertEquals("expired", refused.getMessage());
        assertEquals(0, accepted.size(), "an expired token leaves the cache");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        String token = tokens.issue("olena", "Олена");
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThrows(DevTokens.Rejected.class, () -> accepted.read(forged));
        assertThrows(DevTokens.Rejected.class, () -> accepted.read(forged));
        assertEquals(0, accepted.size());
    }

    @Test
    void theCacheNeverGrowsPastItsBound() throws Exception {
        for (int i = 0; i < AcceptedTokens.MAX_ENTRIES + 10; i++) {
            accepted.read(tokens.issue("citizen-" + i, null));
        }
        // emptied when full, so after MAX + 10 distinct tokens only the last 10 are left
        assertEquals(10, accepted.size());
    }

    @Test
    void rememberingDoesNotOutliveTheTokenEvenWhenTheClockJumps() throws Exception {
        String token = tokens.issue("petro", null);
        accepted.read(token);
        clock.now = clock.now.plus(Duration.ofDays(2));
        assertThrows(DevTokens.Rejected.class, () -> accepted.read(token));
    }
}
