package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrintableTest {

    /** A citizen's comment must not hide or rewrite itself on the terminal of the operator about to approve it. */
    @Test
    void controlAndFormattingCharactersAreShownNotObeyed() {
        String comment = "Усе добре\u001B[8m, а ось телефон\r\nЧерга\u202Eабо\u0007";
        assertEquals("Усе добре\\u001B[8m, а ось телефон\\u000D\nЧерга\\u202Eабо\\u0007", PlatformCommand.printable(comment));
    }

    @Test
    void ukrainianTextWithItsApostropheStaysAsItIs() {
        assertEquals("Обʼєкт м'який, «лапки» — тире", PlatformCommand.printable("Обʼєкт м'який, «лапки» — тире"));
        assertEquals("", PlatformCommand.printable(null));
    }

    /** An account name typed at a sign-in cannot add a row to platform:staff-logins. */
    @Test
    void aLoginStaysOneLine() {
        assertEquals("x\\u000A2026-11-27 olena\\u2028\\u001B[2J", PlatformCommand.oneLine("x\n2026-11-27 olena\u2028\u001B[2J"));
        assertEquals("olena", PlatformCommand.oneLine("olena"));
    }
}
