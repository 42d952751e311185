package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import ua.igov.platform.store.ListPosition;

class ListCursorTest {

    @Test
    void aPositionComesBackAsItWasToTheNanosecond() {
        for (ListPosition position : List.of(new ListPosition(Instant.parse("2026-11-27T21:59:59.999Z"), 42),
                new ListPosition(Instant.parse("2026-11-25T18:10:37.420493875Z"), 1),
                new ListPosition(Instant.ofEpochSecond(-5, 7), Long.MAX_VALUE),
                new ListPosition(null, 9))) {
            String cursor = ListCursor.encode(position);
            assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "safe in a query as it is: " + cursor);
            assertEquals(Optional.of(position), ListCursor.decode(cursor));
        }
    }

    @Test
    void anythingElseIsNoPosition() {
        for (String text : List.of("", "-", "1.2", "1.2.x", "1.1234567890.3", "-.-1", "1.2.3.4", " 1.2.3",
                "99999999999999.0.1", "1.2.12345678901234567890", "1.2.9999999999999999999")) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes());
            assertEquals(Optional.empty(), ListCursor.decode(cursor), text);
        }
        assertEquals(Optional.empty(), ListCursor.decode("not base64!"));
        assertEquals(Optional.empty(), ListCursor.decode("A".repeat(65)), "too long to be one");
    }
}
