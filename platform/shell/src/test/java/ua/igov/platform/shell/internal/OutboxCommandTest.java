package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OutboxCommandTest {

    @Test
    void theOutboxShowsEnoughOfARecipientToTellThemApartAndNoMore() {
        assertEquals("t***@example.ua", OutboxCommand.masked("taras.shevchenko@example.ua"));
        assertEquals("+38050*****67", OutboxCommand.masked("+380501234567"));
        assertEquals("a***@b.ua", OutboxCommand.masked("a@b.ua"));
        assertEquals("12", OutboxCommand.masked("12"), "too short to hide anything but its own length");
        assertNull(OutboxCommand.masked(null));
    }
}
