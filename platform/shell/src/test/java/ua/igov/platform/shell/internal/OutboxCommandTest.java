package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Asked for two things at once, the command does neither: before, a --retry beside --send-all-now was dropped. */
    @Test
    void twoActionsAtOnceAreRefusedBeforeEitherIsTaken() {
        for (int i = 0; i < 3; i++) {
            OutboxCommand command = new OutboxCommand(); // no outbox: refused before it would be used
            command.retry = i == 2 ? null : 17L;
            command.sendNow = i == 1 ? null : 18L;
            command.sendAllNow = i != 0;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::query);
            assertTrue(e.getMessage().contains("at a time"), e.getMessage());
        }
    }

    /** Its store away (the database did not start), the command says so instead of failing on a null. */
    @Test
    void withoutItsStoreTheCommandSaysWhatIsNotRunning() {
        IllegalStateException e = assertThrows(IllegalStateException.class, new OutboxCommand()::execute);
        assertTrue(e.getMessage().contains("needs OutboxStore, which is not running"), e.getMessage());
    }

    /** What would have been dropped or changed without a word is refused, naming the option. */
    @Test
    void aLimitOutOfRangeOrAStatusBesideAnActionIsRefused() {
        for (int limit : new int[] {0, -5, 1001}) {
            OutboxCommand command = new OutboxCommand();
            command.limit = limit;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::query);
            assertTrue(e.getMessage().startsWith("--limit must be between 1 and 1000"), e.getMessage());
        }
        OutboxCommand both = new OutboxCommand();
        both.retry = 17L;
        both.status = "dead";
        assertTrue(assertThrows(IllegalArgumentException.class, both::query).getMessage().contains("--status"));

        ReviewsCommand reviews = new ReviewsCommand();
        reviews.unchecked = true;
        reviews.service = "residence-registration";
        assertTrue(assertThrows(IllegalArgumentException.class, reviews::query).getMessage().contains("not both"));
        ReviewsCommand tooMany = new ReviewsCommand();
        tooMany.unchecked = true;
        tooMany.limit = 0;
        assertTrue(assertThrows(IllegalArgumentException.class, tooMany::query).getMessage().startsWith("--limit"));
    }
}
