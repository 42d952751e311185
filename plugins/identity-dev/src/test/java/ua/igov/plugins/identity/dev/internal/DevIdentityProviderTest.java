package ua.igov.plugins.identity.dev.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.Citizen;

class DevIdentityProviderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static DevIdentityProvider.Config config(String secret) {
        return new DevIdentityProvider.Config() {
            @Override
            public String _secret() {
                return secret;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return DevIdentityProvider.Config.class;
            }
        };
    }

    private static DevIdentityProvider provider(String secret, Instant now) {
        return new DevIdentityProvider(config(secret), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void issuesAndRecognisesItsOwnTokens() {
        DevIdentityProvider provider = provider(SECRET, NOW);
        assertEquals("dev", provider.id());
        String token = provider.issueForDevelopment("olena.k", "Олена Коваленко").orElseThrow();
        Citizen citizen = provider.verify(token).orElseThrow();
        assertEquals(new Citizen("olena.k", "Олена Коваленко", "dev"), citizen);
        assertEquals("dev:olena.k", citizen.ownerKey());
    }

    @Test
    void theSameSecretIsRecognisedOnAnotherNodeAndAfterARestart() {
        String token = provider(SECRET, NOW).issueForDevelopment("olena", "Олена").orElseThrow();
        assertTrue(provider(SECRET, NOW.plusSeconds(60)).verify(token).isPresent());
    }

    @Test
    void withoutASecretEachStartHasItsOwnRandomOne() {
        DevIdentityProvider first = provider("", NOW);
        DevIdentityProvider second = provider("", NOW);
        String token = first.issueForDevelopment("olena", "Олена").orElseThrow();
        assertTrue(first.verify(token).isPresent());
        assertEquals(Optional.empty(), second.verify(token));
        assertNotEquals(token, second.issueForDevelopment("olena", "Олена").orElseThrow());
    }

    @Test
    void aShortOrBlankSecretStopsActivation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider("too short", NOW));
        assertTrue(e.getMessage().contains("ua.igov.identity.dev") && !e.getMessage().contains("too short"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> provider(SECRET.substring(1), NOW));
        assertThrows(IllegalArgumentException.class, () -> provider(" ".repeat(40), NOW));
    }

    @Test
    void verifyNeverThrows() {
        DevIdentityProvider provider = provider(SECRET, NOW);
        String token = provider.issueForDevelopment("olena", "Олена").orElseThrow();
        assertEquals(Optional.empty(), provider.verify(null));
        assertEquals(Optional.empty(), provider.verify("garbage"));
        assertEquals(Optional.empty(), provider.verify(token.substring(0, token.length() - 1)));
        assertEquals(Optional.empty(), provider(SECRET, NOW.plus(Duration.ofHours(8))).verify(token));
        assertEquals(Optional.empty(), provider("another secret that is long enough!", NOW).verify(token));
    }

    @Test
    void badRequestsForATokenAreRefusedWithAReason() {
        DevIdentityProvider provider = provider(SECRET, NOW);
        assertThrows(IllegalArgumentException.class, () -> provider.issueForDevelopment("", "Олена"));
        assertThrows(IllegalArgumentException.class, () -> provider.issueForDevelopment("олена", "Олена"));
        assertThrows(IllegalArgumentException.class, () -> provider.issueForDevelopment("olena", "О".repeat(101)));
    }
}
