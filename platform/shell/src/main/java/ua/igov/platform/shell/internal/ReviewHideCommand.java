package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import ua.igov.platform.core.PublicReview;
import ua.igov.platform.core.RatingService;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "review-hide",
        description = "Hides the comment of an application's review from the public, with a reason (kept and audited); "
                + "--show shows it again; --reply hides or shows the authority's reply instead")
public class ReviewHideCommand extends PlatformCommand {

    @Reference(optional = true)
    RatingService ratings;

    @Argument(index = 0, name = "trackingNumber", description = "The rated application, e.g. 1-00000042-0", required = true)
    String trackingNumber;

    @Argument(index = 1, name = "reason", description = "Why the comment is hidden (the rest of the line)", required = true,
            multiValued = true)
    List<String> reason;

    @Option(name = "--show", description = "Show a hidden comment again instead (a mistake, an appeal upheld); the reason says why")
    boolean show;

    @Option(name = "--reply", description = "The authority's reply, not the citizen's comment (a reply that repeats "
            + "the citizen's details, say); the authority may write a new one in its place")
    boolean reply;

    @Override
    protected java.util.Map<String, String> fieldsAsTyped() {
        return java.util.Map.of("/reason", "REASON");
    }

    @Override
    protected Object query() {
        byte[] body = JsonNodeFactory.instance.objectNode().put("reason", String.join(" ", reason)).toString()
                .getBytes(StandardCharsets.UTF_8);
        if (reply) {
            return show ? ratings.showReply(signedInOperator(), trackingNumber, body)
                    : ratings.hideReply(signedInOperator(), trackingNumber, body);
        }
        return show ? ratings.showComment(signedInOperator(), trackingNumber, body)
                : ratings.hideComment(signedInOperator(), trackingNumber, body);
    }

    @Override
    protected void print(Object result, PrintStream out) {
        PublicReview review = (PublicReview) result;
        String text = reply ? "Reply" : "Comment";
        out.println(text + (show ? " shown to the public again" : " hidden from the public") + " on the review of "
                + trackingNumber + " (rating " + review.rating() + "); the decision and its reason are in the audit trail.");
    }
}
