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
        description = "Lists a service's reviews for moderation, newest first, with their applications and hidden comments")
public class ReviewsCommand extends PlatformCommand {

    @Reference
    RatingService ratings;

    @Argument(index = 0, name = "service", description = "The service's code", required = true)
    @Completion(ServiceCodeCompleter.class)
    String service;

    @Option(name = "--limit", description = "At most this many reviews (1-200)")
    int limit = 50;

    @Override
    protected Object query() {
        return ratings.reviewsToModerate(signedInOperator(), service, limit);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void print(Object result, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Rated");
        table.column("Application");
        table.column("Rating");
        table.column("Comment").maxSize(60);
        table.column("Hidden");
        for (ModeratedReview r : (List<ModeratedReview>) result) {
            table.addRow().addContent(r.ratedAt(), r.trackingNumber(), r.rating(), r.comment() == null ? "" : r.comment(),
                    r.commentHiddenAt() == null ? "" : "by " + r.commentHiddenBy() + ": " + r.commentHiddenReason());
        }
        table.print(out);
    }
}
