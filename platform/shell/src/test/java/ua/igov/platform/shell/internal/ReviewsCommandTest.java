package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import ua.igov.platform.core.ModeratedReview;

class ReviewsCommandTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    private static ModeratedReview review(boolean commentHidden, boolean replyHidden) {
        return new ModeratedReview("1-00000001-6", "residence-registration", "dnipropetrovsk", 89, 2, "Довго", AT,
                "Пане Тарасе", AT, commentHidden ? AT : null, commentHidden ? "operator" : null,
                commentHidden ? "Образливо" : null, null, null, null, null, null, AT, null,
                replyHidden ? AT : null, replyHidden ? "admin" : null, replyHidden ? "Адреса\nзаявника" : null);
    }

    /** The Hidden column tells of a hidden reply too, marked so, not only of a hidden comment. */
    @Test
    void theHiddenColumnNamesWhoHidTheCommentAndTheReplyAndWhy() {
        assertEquals("", ReviewsCommand.hidden(review(false, false)));
        assertEquals("by operator: Образливо", ReviewsCommand.hidden(review(true, false)));
        assertEquals("reply, by admin: " + PlatformCommand.printable("Адреса\nзаявника"),
                ReviewsCommand.hidden(review(false, true)));
        assertEquals("by operator: Образливо\nreply, by admin: " + PlatformCommand.printable("Адреса\nзаявника"),
                ReviewsCommand.hidden(review(true, true)));
    }
}
