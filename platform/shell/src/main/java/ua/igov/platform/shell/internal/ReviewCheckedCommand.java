package ua.igov.platform.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.igov.platform.core.PublicReview;
import ua.igov.platform.core.RatingService;

/** An operator looked at a review's comment and reply and leaves them published: off the unchecked list, audited. */
@Service
@Command(scope = PlatformCommand.SCOPE, name = "review-checked",
        description = "Marks an application's review as looked at and left published (off platform:reviews --unchecked); audited")
public class ReviewCheckedCommand extends PlatformCommand {

    @Reference
    RatingService ratings;

    @Argument(index = 0, name = "trackingNumber", description = "The rated application, e.g. 1-00000042-0", required = true)
    String trackingNumber;

    @Override
    protected Object query() {
        return ratings.markChecked(signedInOperator(), trackingNumber);
    }

    @Override
    protected void print(Object result, PrintStream out) {
        PublicReview review = (PublicReview) result;
        out.println("Review of " + trackingNumber + " (rating " + review.rating() + ") checked and left published; "
                + "the check is in the audit trail.");
    }
}
