package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.igov.platform.core.PublicReview;
import ua.igov.platform.core.RatingService;

/** An operator looked at a review's comment and reply and leaves them published: off the unchecked list, audited. */
@Service
@Command(scope = PlatformCommand.SCOPE, name = "review-checked",
        description = "Marks an application's review as looked at and left published (off platform:reviews --unchecked); audited")
public class ReviewCheckedCommand extends PlatformCommand {

    @Reference(optional = true)
    RatingService ratings;

    @Argument(index = 0, name = "trackingNumber", description = "The rated application, e.g. 1-00000042-0", required = true)
    String trackingNumber;

    @Option(name = "--replied-at", description = "The reply's time as platform:reviews showed it, or 'none' for no "
            + "reply: a reply written since is not approved unseen (the check is refused, read the list again)")
    String repliedAt;

    @Option(name = "--appealed-at", description = "The appeal's time as platform:reviews showed it, or 'none': an "
            + "appeal made since is not rejected unseen")
    String appealedAt;

    @Override
    protected java.util.Map<String, String> fieldsAsTyped() {
        return java.util.Map.of("/repliedAt", "--replied-at", "/appealedAt", "--appealed-at");
    }

    @Override
    protected Object query() {
        if (repliedAt == null && appealedAt == null) {
            return ratings.markChecked(signedInOperator(), trackingNumber);
        }
        if (repliedAt == null || appealedAt == null) {
            // one left out would say "none" for it, and a review with an appeal the operator saw would be refused
            throw new IllegalArgumentException("give both --replied-at and --appealed-at as platform:reviews shows "
                    + "them ('none' for none), or neither");
        }
        // what the operator saw, as the REST body says it
        String seen = "{\"repliedAt\": " + jsonTime(repliedAt) + ", \"appealedAt\": " + jsonTime(appealedAt) + "}";
        return ratings.markChecked(signedInOperator(), trackingNumber, seen.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonTime(String typed) {
        if (typed == null || typed.equalsIgnoreCase("none")) {
            return "null";
        }
        return "\"" + typed.replace("\\", "").replace("\"", "") + "\""; // a time has neither; the core checks the rest
    }

    @Override
    protected void print(Object result, PrintStream out) {
        PublicReview review = (PublicReview) result;
        out.println("Review of " + trackingNumber + " (rating " + review.rating() + ") checked"
                + (review.commentHidden() ? "; its comment stays hidden (an appeal waiting, if any, is rejected)"
                : " and left published") + "; the check is in the audit trail.");
    }
}
