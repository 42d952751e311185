package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void nothingAReaderCouldSeeIsBlank() {
        for (String blank : List.of("", " ", "\u00a0", "\u200b\ufeff", "\u2003\n\t", "\u0301", "\u3164", "\u2800", "\u202e")) {
            assertTrue(Texts.blank(blank), blank.codePoints().boxed().toList().toString());
        }
        assertTrue(Texts.blank(null));
    }

    @Test
    void anyLetterDigitMarkOrEmojiIsSomething() {
        for (String text : List.of("Ні", "1", "?", "👍", new String(Character.toChars(0x1FAE0)), " й ")) {
            assertFalse(Texts.blank(text), text);
        }
    }
}
