package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import ua.igov.platform.core.RatingService;
import ua.igov.platform.core.ReviewPolicy;

/**
 * Whether reviews' texts are published at once (checked after) or only once an operator has checked them: one
 * setting in the database, so every node publishes alike; a change is audited.
 */
@Service
@Command(scope = PlatformCommand.SCOPE, name = "review-policy",
        description = "Shows how reviews are published; --premoderation on|off changes it for every node (audited)")
public class ReviewPolicyCommand extends PlatformCommand {

    @Reference(optional = true)
    RatingService ratings;

    @Option(name = "--premoderation", description = "on: publish a comment or reply only once an operator checked it; "
            + "off: at once, checked after")
    @Completion(value = StringsCompleter.class, values = {"on", "off"})
    String premoderation;

    @Override
    protected java.util.Map<String, String> fieldsAsTyped() {
        return java.util.Map.of("/premoderation", "--premoderation");
    }

    @Override
    protected Object query() {
        if (premoderation == null) {
            return ratings.reviewPolicy(signedInOperator());
        }
        if (!premoderation.equals("on") && !premoderation.equals("off")) {
            throw new IllegalArgumentException("--premoderation takes on or off, not '" + premoderation + "'");
        }
        String body = "{\"premoderation\": " + premoderation.equals("on") + "}";
        return ratings.changeReviewPolicy(signedInOperator(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void print(Object result, PrintStream out) {
        ReviewPolicy policy = (ReviewPolicy) result;
        out.println("Pre-moderation " + (policy.premoderation() ? "on: a comment or reply is published once an operator "
                + "checked it (platform:reviews --unchecked)" : "off: comments and replies are published at once, masked, "
                + "and checked after") + (policy.changedBy() == null ? "" : "; set by " + policy.changedBy() + " at "
                + policy.changedAt()) + ". The same on every node.");
    }
}
