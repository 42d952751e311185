package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import ua.igov.platform.core.RatingService;

class ReviewCheckedCommandTest {

    private final AtomicReference<String> seen = new AtomicReference<>("not called");

    private ReviewCheckedCommand command(String repliedAt, String appealedAt) {
        ReviewCheckedCommand command = new ReviewCheckedCommand();
        command.ratings = (RatingService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RatingService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("markChecked")) {
                        byte[] body = args.length > 2 ? (byte[]) args[2] : null;
                        seen.set(body == null ? null : new String(body, StandardCharsets.UTF_8));
                    }
                    return null;
                });
        command.trackingNumber = "1-00000001-6";
        command.repliedAt = repliedAt;
        command.appealedAt = appealedAt;
        return command;
    }

    /** What the operator saw goes to the check, so a reply or appeal that came since is not approved unseen. */
    @Test
    void theTimesTheOperatorSawGoWithTheCheck() {
        command("2026-11-26T09:12:40.118Z", "none").query();
        assertEquals("{\"repliedAt\": \"2026-11-26T09:12:40.118Z\", \"appealedAt\": null}", seen.get());
        command("none", "2026-11-26T10:00:00Z").query();
        assertEquals("{\"repliedAt\": null, \"appealedAt\": \"2026-11-26T10:00:00Z\"}", seen.get());
    }

    /** One time alone would say "none" for the other: a review whose appeal the operator saw would be refused. */
    @Test
    void bothTimesOrNeither() {
        ReviewCheckedCommand onlyOne = command("2026-11-26T09:12:40.118Z", null);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, onlyOne::query);
        assertEquals("not called", seen.get(), "nothing checked");
    }

    @Test
    void withoutTimesTheReviewIsCheckedAsItIsNow() {
        command(null, null).query();
        assertNull(seen.get());
    }

    /** A quote typed into the time cannot break the body apart: the core then refuses the time, naming it. */
    @Test
    void aTypedQuoteStaysInsideTheTime() {
        command("x\", \"appealedAt\": \"y", "none").query();
        assertEquals("{\"repliedAt\": \"x, appealedAt: y\", \"appealedAt\": null}", seen.get());
    }

    /**
     * A mistake the core finds in what was typed is named as the console's option, not as the REST request's field
     * the operator never saw ("/repliedAt").
     */
    @Test
    void aMistakeIsNamedAsTheOptionTyped() {
        ReviewCheckedCommand command = new ReviewCheckedCommand();
        command.ratings = (RatingService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RatingService.class}, (proxy, method, args) -> {
                    throw ua.igov.platform.core.Problems.invalidRequest(java.util.List.of(
                            new ua.igov.platform.spi.FieldProblem("/repliedAt", "not a time such as 2026-11-26T09:12:40Z")));
                });
        command.trackingNumber = "1-00000001-6";
        command.repliedAt = "yesterday";
        command.appealedAt = "none";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                command::execute);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("--replied-at — not a time")
                && !e.getMessage().contains("/repliedAt"), e.getMessage());
        assertEquals("REASON — must be text; /reasons stays", PlatformCommand.inTheConsolesWords(
                "/reason — must be text; /reasons stays", java.util.Map.of("/reason", "REASON")));
    }
}
