package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrackingNumbersTest {

    @Test
    void formatsOriginSequenceAndLuhnDigit() {
        // Luhn over "100000042", by hand: doubled 2→4, kept 4, doubled 1→2; sum 10 → check digit 0
        assertEquals("1-00000042-0", TrackingNumbers.format("1", 42));
        assertEquals("1-00000000-" + TrackingNumbers.checkDigit("100000000"), TrackingNumbers.format("1", 0));
        // past eight digits the sequence is written whole
        assertEquals("1-123456789-" + TrackingNumbers.checkDigit("1123456789"), TrackingNumbers.format("1", 123_456_789));
        assertEquals('3', TrackingNumbers.checkDigit("7992739871")); // the textbook Luhn example
    }

    @Test
    void everyNumberItIssuesParsesBack() {
        for (long seq : java.util.stream.LongStream.concat(java.util.stream.LongStream.range(0, 2000),
                java.util.stream.LongStream.of(99_999_999, 100_000_000, 999_999_999_999L)).toArray()) {
            String number = TrackingNumbers.format("12", seq);
            assertEquals(number, TrackingNumbers.parse(number));
        }
    }

    @Test
    void everySingleMistypedDigitIsCaught() {
        String number = TrackingNumbers.format("1", 1234567);
        for (int i = 0; i < number.length(); i++) {
            if (!Character.isDigit(number.charAt(i))) {
                continue;
            }
            for (char d = '0'; d <= '9'; d++) {
                if (d == number.charAt(i)) {
                    continue;
                }
                String typo = number.substring(0, i) + d + number.substring(i + 1);
                assertThrows(IllegalArgumentException.class, () -> TrackingNumbers.parse(typo), typo);
            }
        }
    }

    @Test
    void swappedNeighboursAreCaught() {
        String number = TrackingNumbers.format("1", 12345678);
        String swapped = number.replace("12345678", "21345678");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrackingNumbers.parse(swapped));
        assertTrue(e.getMessage().contains("check digit"));
    }

    @Test
    void whatPeopleTypeIsNormalised() {
        String number = TrackingNumbers.format("1", 42);
        assertEquals(number, TrackingNumbers.parse("  1 00000042 0 "));
        assertEquals(number, TrackingNumbers.parse("1\u201300000042\u20130"));
        assertEquals(number, TrackingNumbers.parse("1\u00a000000042\u00a00"), "no-break spaces of a word processor");
        assertEquals(number, TrackingNumbers.parse("1\u221200000042\u20130\u202f"), "a minus sign, a thin space after");
        assertEquals(number, TrackingNumbers.parse("\ufeff1-00000042-0\u200b"), "zero-width marks of a copied text");
    }

    @Test
    void nonsenseIsRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> TrackingNumbers.parse(""));
        assertThrows(IllegalArgumentException.class, () -> TrackingNumbers.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> TrackingNumbers.parse("1".repeat(100)));
        assertThrows(IllegalArgumentException.class, () -> TrackingNumbers.format("x1", 1));
    }
}
