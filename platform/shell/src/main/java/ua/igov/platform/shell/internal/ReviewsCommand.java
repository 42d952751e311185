package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import ua.igov.platform.core.ModeratedReview;
import ua.igov.platform.core.RatingService;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "reviews",
        description = "Lists a service's reviews for moderation, newest first, with their applications and hidden comments; "
                + "--unchecked lists every service's reviews nobody has looked at yet, oldest first")
public class ReviewsCommand extends PlatformCommand {

    @Reference(optional = true)
    RatingService ratings;

    @Argument(index = 0, name = "service", description = "The service's code (not with --unchecked)")
    @Completion(ServiceCodeCompleter.class)
    String service;

    @Option(name = "--limit", description = "At most this many reviews (1-200)")
    int limit = 50;

    @Option(name = "--unchecked", description = "The reviews of every service with text no operator has looked at yet")
    boolean unchecked;

    @Override
    protected Object query() {
        if (unchecked && service != null) {
            throw new IllegalArgumentException("--unchecked lists every service's reviews to check: give it or a "
                    + "service's code, not both");
        }
        return unchecked ? ratings.uncheckedReviews(signedInOperator(), limit(limit, 200))
                : ratings.reviewsToModerate(signedInOperator(), service, limit(limit, 200));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void print(Object result, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Rated");
        table.column("Application");
        table.column("Rating");
        table.column("Comment").maxSize(60).wrap(); // whole: an operator approves what they read
        table.column("Reply").maxSize(40).wrap();
        table.column("Hidden");
        table.column("Appeal").maxSize(40).wrap();
        table.column("Checked");
        for (ModeratedReview r : (List<ModeratedReview>) result) {
            table.addRow().addContent(r.ratedAt(), r.trackingNumber(), r.rating(), printable(r.comment()),
                    r.reply() == null ? "" : printable(r.reply()) + "\n(" + r.repliedAt() + ")",
                    hidden(r),
                    r.appeal() == null ? "" : r.appealOutcome() + ": " + printable(r.appeal()) + "\n(" + r.appealedAt() + ")",
                    r.textsCheckedAt() == null ? "" : "by " + r.textsCheckedBy());
        }
        table.print(out);
    }

    /** Who hid the comment and why, and who hid the reply and why (marked "reply"), each on a line of its own. */
    static String hidden(ModeratedReview r) {
        String comment = r.commentHiddenAt() == null ? null
                : "by " + r.commentHiddenBy() + ": " + printable(r.commentHiddenReason());
        String reply = r.replyHiddenAt() == null ? null
                : "reply, by " + r.replyHiddenBy() + ": " + printable(r.replyHiddenReason());
        return java.util.stream.Stream.of(comment, reply).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
