package ua.igov.platform.core.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.core.ApplicationReview;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.OperatorsOnly;
import ua.igov.platform.core.ModeratedReview;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.Problems;
import ua.igov.platform.core.PublicReview;
import ua.igov.platform.core.RatingService;
import ua.igov.platform.core.ReviewPolicy;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.Role;
import ua.igov.platform.spi.Status;
import ua.igov.platform.store.AlreadyDoneException;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.CitizenContact;
import ua.igov.platform.store.RatingStore;
import ua.igov.platform.store.Review;
import ua.igov.platform.store.ReviewMessages;
import ua.igov.platform.store.ReviewSettings;
import ua.igov.platform.store.StoreException;
import ua.igov.platform.store.StoredApplication;

/**
 * Ratings, replies and their moderation. Only issued and rejected applications are rated: the authority decided
 * them. A cancelled application was withdrawn by the citizen, so there is no decision of the authority's to judge.
 * The author of a review is told, as they asked to be told about their application, when the authority replies,
 * when an operator hides or shows their comment again, and when their appeal against a hiding is rejected.
 */
@Component(service = RatingService.class, configurationPid = "ua.igov.platform.core",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class RatingManager implements RatingService {

    private static final Logger LOG = LoggerFactory.getLogger(RatingManager.class);
    /** What only an operator does here, for a refusal. */
    private static final String MODERATION = OperatorsOnly.MODERATES_REVIEWS;
    static final Set<Status> RATED = Set.of(Status.ISSUED, Status.REJECTED);
    static final int MAX_TEXT = 1000;
    /** Moderation's steps on the audit trail. Their reasons are between a citizen and the operators (see below). */
    static final String APPEAL = "appeal-review-hiding";
    static final String HIDE = "hide-review-comment";
    static final String SHOW = "show-review-comment";
    static final String HIDE_REPLY = "hide-review-reply";
    static final String SHOW_REPLY = "show-review-reply";
    /**
     * The steps whose detail (the citizen's appeal, which often repeats the hidden comment; the operator's reason)
     * the authority's supervisors do not read on the trail: the authority is told neither why a comment was hidden
     * nor of appeals.
     */
    static final Set<String> MODERATION_REASONS = Set.of(APPEAL, HIDE, SHOW);
    static final int MAX_REVIEWS = 200;

    private final ApplicationStore applications;
    private final RatingStore ratings;
    private final InstalledPlugins plugins;
    private final Clock clock;
    private volatile CitizenNotifications notifications;

    /** Shares {@link ApplicationManager}'s configuration: the status link every message carries. */
    @Activate
    public RatingManager(@Reference ApplicationStore applications, @Reference RatingStore ratings,
                         @Reference InstalledPlugins plugins, ApplicationManager.Config core) {
        this(applications, ratings, plugins, Clock.systemUTC(), core.statusLink());
    }

    RatingManager(ApplicationStore applications, RatingStore ratings, InstalledPlugins plugins, Clock clock,
                  String statusLink) {
        this.applications = applications;
        this.ratings = ratings;
        this.plugins = plugins;
        this.notifications = new CitizenNotifications(statusLink);
        this.clock = clock;
    }

    /**
     * A changed status link applies to the next message; the service stays, so the API is not restarted. A change
     * {@link ApplicationManager} refuses (a bad value anywhere in the file, which it logs) changes nothing here either.
     */
    @Modified
    void modified(ApplicationManager.Config core) {
        if (ApplicationManager.configProblem(core) == null) {
            notifications = new CitizenNotifications(core.statusLink());
        }
    }

    /** The status link review messages carry. */
    String statusLink() {
        return notifications.statusLinkPattern();
    }

    @Override
    public ReviewPolicy reviewPolicy(Caller caller) {
        OperatorsOnly.check(caller, MODERATION);
        return policy(ratings.settings());
    }

    @Override
    public ReviewPolicy changeReviewPolicy(Caller caller, byte[] body) {
        Caller.Staff operator = OperatorsOnly.check(caller, MODERATION);
        JsonNode request = Json.requestObject(body, Set.of("premoderation"));
        JsonNode on = request.get("premoderation");
        if (on == null || !on.isBoolean()) {
            throw Problems.invalidRequest(List.of(new FieldProblem("/premoderation",
                    "required: true (publish texts only once an operator checked them) or false (at once)")));
        }
        try {
            ReviewSettings changed = ratings.premoderation(on.asBoolean(), operator.user(), new AuditEntry(clock.instant(),
                    caller.name(), "set-review-premoderation", null, on.asBoolean() ? "on" : "off"));
            LOG.info("Reviews are now published {}, set by {}", on.asBoolean() ? "after an operator's check"
                    : "at once, checked after", operator.user());
            return policy(changed);
        } catch (AlreadyDoneException e) {
            throw new ProblemException(409, "policy-unchanged", "Already so", "Nothing to change: " + e.getMessage() + ".");
        } catch (StoreException e) {
            LOG.error("The review policy not stored: {}", e.getMessage());
            throw WriteFailures.problem(e, "Changing the review policy failed; nothing was changed.",
                    "that the review policy was changed." + WriteFailures.READ_IT_BACK);
        }
    }

    private static ReviewPolicy policy(ReviewSettings settings) {
        return new ReviewPolicy(settings.premoderation(), settings.changedAt(), settings.changedBy());
    }

    @Override
    public PublicReview rate(Caller caller, String trackingNumber, byte[] body) {
        if (!(caller instanceof Caller.CitizenCaller)) {
            throw caller == null ? Problems.unauthenticated() : Problems.forbidden("Only the citizen who applied rates an application.");
        }
        StoredApplication app = visible(caller, trackingNumber);
        if (!RATED.contains(Status.fromWireName(app.status()))) {
            throw new ProblemException(409, "not-closed", "Not closed yet",
                    "An application is rated once it is issued or rejected; this one is " + app.status() + ".");
        }
        JsonNode request = Json.requestObject(body, Set.of("rating", "comment"));
        JsonNode rating = request.get("rating");
        List<FieldProblem> problems = new ArrayList<>();
        if (rating == null || !rating.isIntegralNumber() || !rating.canConvertToInt() || rating.asInt() < 1
                || rating.asInt() > 5) { // asInt() of 4294967297 is 1
            problems.add(new FieldProblem("/rating", "required: a whole number from 1 (bad) to 5 (excellent)"));
        }
        String comment = text(request, "comment", problems);
        if (!problems.isEmpty()) {
            throw Problems.invalidRequest(problems);
        }
        return written(app, "the rating", () -> ratings.rate(app.trackingNumber(), rating.asInt(), comment,
                        new AuditEntry(clock.instant(), caller.name(), "rate", app.trackingNumber(), "rating " + rating.asInt())),
                e -> new ProblemException(409, "already-rated", "Already rated", "An application is rated only once."));
    }

    @Override
    public PublicReview reply(Caller caller, String trackingNumber, byte[] body) {
        if (caller == null) {
            throw Problems.unauthenticated();
        }
        StoredApplication app = visible(caller, trackingNumber);
        if (!(caller instanceof Caller.Staff staff) || !staff.worksFor(app.authorityId())
                || (!staff.roles().contains(Role.OFFICIAL) && !staff.roles().contains(Role.SUPERVISOR))) {
            throw Problems.forbidden("Only an official or supervisor of the application's authority replies to its rating.");
        }
        String reply = requiredText(body, "reply", "the reply");
        ReviewMessages tell = toAuthor(app, "the reply", CitizenNotifications.REVIEW_REPLIED, reply);
        return written(app, "the reply", () -> ratings.reply(app.trackingNumber(), reply, staff.user(),
                        new AuditEntry(clock.instant(), caller.name(), "reply-to-rating", app.trackingNumber(), null), tell),
                e -> new ProblemException(409, "no-rating-to-reply", "Nothing to reply to",
                        "There is no rating without a reply on this application: " + e.getMessage() + "."));
    }

    @Override
    public ApplicationReview review(Caller caller, String trackingNumber) {
        if (caller == null) {
            throw Problems.unauthenticated();
        }
        StoredApplication app = visible(caller, trackingNumber);
        Review review = ratings.review(app.trackingNumber()).orElseThrow(() -> new ProblemException(404, "not-rated",
                "Not rated", "Application " + app.trackingNumber() + " has no rating yet."));
        return asReadBy(caller, review);
    }

    private static ApplicationReview asReadBy(Caller caller, Review review) {
        boolean author = caller instanceof Caller.CitizenCaller; // visible() let only its own citizen through
        boolean operator = caller instanceof Caller.Staff staff && staff.operator();
        String comment = author ? review.comment()
                : review.commentHidden() ? null : PersonalDataMask.mask(review.comment());
        return new ApplicationReview(review.trackingNumber(), review.rating(), comment, kyivDay(review.ratedAt()),
                review.commentHidden(), author || operator ? review.commentHiddenReason() : null,
                kyivDay(review.commentHiddenAt()), author ? review.reply() : PersonalDataMask.mask(review.reply()),
                kyivDay(review.repliedAt()), author || operator ? kyivDay(review.appealedAt()) : null,
                author || operator ? review.appealOutcome() : null, review.replyHidden(), review.replyHiddenReason());
    }

    @Override
    public ApplicationReview appeal(Caller caller, String trackingNumber, byte[] body) {
        if (!(caller instanceof Caller.CitizenCaller)) {
            throw caller == null ? Problems.unauthenticated()
                    : Problems.forbidden("Only the citizen who wrote the comment appeals against its hiding.");
        }
        StoredApplication app = visible(caller, trackingNumber);
        String reason = requiredText(body, "reason", "why the comment should be shown again");
        return written(app, "the appeal", () -> ratings.appeal(app.trackingNumber(), reason,
                        new AuditEntry(clock.instant(), caller.name(), APPEAL, app.trackingNumber(), reason)),
                e -> new ProblemException(409, "nothing-to-appeal", "Nothing to appeal",
                        "There is no hidden comment to appeal on this application's review: " + e.getMessage() + "."),
                review -> asReadBy(caller, review));
    }

    private static LocalDate kyivDay(java.time.Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, WorkingCalendar.KYIV);
    }

    @Override
    public List<PublicReview> reviews(String serviceCode, int limit) {
        // read on every request that publishes reviews: the database's, so every node publishes alike
        String code = typeCode(serviceCode);
        // a misspelt code would read as a service nobody reviewed; one whose plugin is away keeps its reviews listed
        if (plugins.serviceType(code).isEmpty() && applications.findServiceType(code).isEmpty()) {
            throw Problems.unknownService(serviceCode);
        }
        boolean premoderation = ratings.settings().premoderation();
        return ratings.reviews(code, Math.min(Math.max(limit, 1), MAX_REVIEWS)).stream()
                .map(review -> published(review, premoderation)).toList();
    }

    @Override
    public List<ModeratedReview> reviewsToModerate(Caller caller, String serviceCode, int limit) {
        // before the query is looked at: nobody else learns what this endpoint takes
        OperatorsOnly.check(caller, MODERATION);
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new ProblemException(400, "invalid-query", "Invalid query", "Name the service whose reviews to moderate.",
                    List.of(new FieldProblem("service", "required: the code of the service whose reviews to moderate")));
        }
        return moderated(caller, ratings.reviews(typeCode(serviceCode), Math.min(Math.max(limit, 1), MAX_REVIEWS)));
    }

    /**
     * The service type's code for a catalogue id one installed type implements, as applying and the form take it
     * (reviews are kept under the type's code: before, {@code /services/29/reviews} listed none); a code as it is.
     */
    private String typeCode(String serviceCode) {
        if (serviceCode != null && serviceCode.matches("\\d{1,9}") && plugins.serviceType(serviceCode).isEmpty()) {
            return plugins.serviceTypeFor(Integer.parseInt(serviceCode)).map(InstalledServiceType::code).orElse(serviceCode);
        }
        return serviceCode;
    }

    @Override
    public List<ModeratedReview> uncheckedReviews(Caller caller, int limit) {
        OperatorsOnly.check(caller, MODERATION);
        return moderated(caller, ratings.uncheckedReviews(Math.min(Math.max(limit, 1), MAX_REVIEWS)));
    }

    /** Reviews as operators see them, each comment shown on the record first. */
    private List<ModeratedReview> moderated(Caller caller, List<Review> reviews) {
        auditCommentsRead(caller, reviews);
        return reviews.stream()
                .map(r -> new ModeratedReview(r.trackingNumber(), r.serviceCode(), r.regionId(), r.authorityId(),
                        r.rating(), r.comment(), r.ratedAt(), r.reply(), r.repliedAt(), r.commentHiddenAt(),
                        r.commentHiddenBy(), r.commentHiddenReason(), r.textsCheckedAt(), r.textsCheckedBy(),
                        r.appealText(), r.appealedAt(), r.appealOutcome(), r.commentApprovedAt(), r.replyApprovedAt(),
                        r.replyHiddenAt(), r.replyHiddenBy(), r.replyHiddenReason()))
                .toList();
    }

    @Override
    public PublicReview markChecked(Caller caller, String trackingNumber, byte[] seenBody) {
        Caller.Staff operator = OperatorsOnly.check(caller, MODERATION);
        StoredApplication app = visible(caller, trackingNumber);
        RatingStore.ReviewSeen seen = seen(seenBody);
        ReviewMessages rejected = toAuthor(app, "the check of the review", CitizenNotifications.APPEAL_REJECTED, null);
        ReviewMessages tell = (before, after) -> before != null && "pending".equals(before.appealOutcome())
                && "rejected".equals(after.appealOutcome()) ? rejected.about(before, after) : List.of();
        return written(app, "the check of the review", () -> ratings.markChecked(app.trackingNumber(), operator.user(),
                        seen, new AuditEntry(clock.instant(), caller.name(), "check-review", app.trackingNumber(), null), tell),
                e -> new ProblemException(409, "nothing-to-check", "Nothing to check",
                        "There is nothing unchecked on this application's review: " + e.getMessage() + "."));
    }

    /** What the operator saw, from an optional body {"repliedAt": ..., "appealedAt": ...}; null for no body. */
    private static RatingStore.ReviewSeen seen(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode request = Json.requestObject(body, Set.of("repliedAt", "appealedAt"));
        List<FieldProblem> problems = new ArrayList<>();
        java.time.Instant replied = instant(request, "repliedAt", problems);
        java.time.Instant appealed = instant(request, "appealedAt", problems);
        if (!problems.isEmpty()) {
            throw Problems.invalidRequest(problems);
        }
        return new RatingStore.ReviewSeen(replied, appealed);
    }

    private static final java.time.Instant EARLIEST = java.time.Instant.parse("2000-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("3000-01-01T00:00:00Z");

    private static java.time.Instant instant(com.fasterxml.jackson.databind.JsonNode request, String field,
                                             List<FieldProblem> problems) {
        com.fasterxml.jackson.databind.JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isTextual()) {
                java.time.Instant at = java.time.Instant.parse(value.asText());
                // ISO times reach year 1 000 000 000; no database does: outside these years no review was written
                if (!at.isBefore(EARLIEST) && at.isBefore(LATEST)) {
                    return at;
                }
            }
        } catch (java.time.format.DateTimeParseException e) {
            // named below
        }
        problems.add(new FieldProblem("/" + field, "must be the time the list showed, as ISO-8601 (e.g. "
                + "2026-11-25T10:00:00.123Z) from the year 2000 to 2999, or null"));
        return null;
    }

    /**
     * The moderation list shows what citizens wrote, unmasked and with the application's number: a read of personal
     * data like an official's read of an application, so each comment shown is on the record, and none is shown
     * if that record cannot be written.
     */
    private void auditCommentsRead(Caller caller, List<Review> reviews) {
        List<AuditEntry> reads = reviews.stream().filter(r -> r.comment() != null)
                .map(r -> new AuditEntry(clock.instant(), caller.name(), ApplicationManager.READ_PERSONAL_DATA,
                        r.trackingNumber(), "review comment"))
                .toList();
        ApplicationManager.onTheRecord(applications, reads);
    }

    @Override
    public PublicReview hideComment(Caller caller, String trackingNumber, byte[] body) {
        return moderate(caller, trackingNumber, body, false, "hiding the comment", "why the comment is hidden", HIDE,
                (app, operator, reason, seen, audit) -> ratings.hideComment(app.trackingNumber(), reason, operator, audit,
                        toAuthor(app, "hiding the comment", CitizenNotifications.REVIEW_HIDDEN, reason)),
                e -> new ProblemException(409, "no-comment-to-hide", "No comment to hide",
                        "There is no published comment on this application's review: " + e.getMessage() + "."));
    }

    @Override
    public PublicReview showComment(Caller caller, String trackingNumber, byte[] body) {
        return moderate(caller, trackingNumber, body, false, "showing the comment again",
                "why the comment is shown again", SHOW, (app, operator, reason, seen, audit) -> ratings.showComment(app.trackingNumber(), operator, audit,
                        toAuthor(app, "showing the comment again", CitizenNotifications.REVIEW_SHOWN, reason)),
                e -> new ProblemException(409, "no-hidden-comment", "No hidden comment",
                        "There is no hidden comment on this application's review: " + e.getMessage() + "."));
    }

    @Override
    public PublicReview hideReply(Caller caller, String trackingNumber, byte[] body) {
        return moderate(caller, trackingNumber, body, true, "hiding the reply", "why the reply is hidden", HIDE_REPLY,
                (app, operator, reason, seen, audit) -> ratings.hideReply(app.trackingNumber(), reason, operator, seen,
                        audit),
                e -> new ProblemException(409, "no-reply-to-hide", "No reply to hide",
                        "There is no published reply on this application's review: " + e.getMessage() + "."));
    }

    @Override
    public PublicReview showReply(Caller caller, String trackingNumber, byte[] body) {
        return moderate(caller, trackingNumber, body, true, "showing the reply again", "why the reply is shown again",
                SHOW_REPLY, (app, operator, reason, seen, audit) -> ratings.showReply(app.trackingNumber(), operator,
                        seen, audit),
                e -> new ProblemException(409, "no-hidden-reply", "No hidden reply",
                        "There is no hidden reply on this application's review: " + e.getMessage() + "."));
    }

    /**
     * One operator's decision on a review's text, with its reason, as the store writes it; {@code repliedAtSeen} is
     * when the reply the operator decided on was written (null: not given, or a decision on the comment).
     */
    @FunctionalInterface
    private interface Moderation {
        Review write(StoredApplication app, String operator, String reason, java.time.Instant repliedAtSeen,
                     AuditEntry audit);
    }

    /**
     * An operator's decision on a review's text: operators only, the application's review, a reason required (kept
     * in the audit trail as the entry {@code action}'s detail), answered as the public now sees the review. A
     * decision on the reply may say which reply it is about ({@code "repliedAt"}, as the list showed it): an
     * authority may write a new reply in place of a hidden one, and another operator hide that, between an
     * operator's look and their decision.
     */
    private PublicReview moderate(Caller caller, String trackingNumber, byte[] body, boolean onTheReply, String what,
                                  String reasonMeans, String action, Moderation step,
                                  java.util.function.Function<AlreadyDoneException, ProblemException> conflict) {
        Caller.Staff operator = OperatorsOnly.check(caller, MODERATION);
        StoredApplication app = visible(caller, trackingNumber);
        JsonNode request = Json.requestObject(body, onTheReply ? Set.of("reason", "repliedAt") : Set.of("reason"));
        List<FieldProblem> problems = new ArrayList<>();
        String reason = requiredText(request, "reason", reasonMeans + " (it is kept in the audit trail)", problems);
        java.time.Instant repliedAtSeen = onTheReply ? instant(request, "repliedAt", problems) : null;
        if (!problems.isEmpty()) {
            throw Problems.invalidRequest(problems);
        }
        return written(app, what, () -> step.write(app, operator.user(), reason, repliedAtSeen,
                new AuditEntry(clock.instant(), caller.name(), action, app.trackingNumber(), reason)), conflict);
    }

    /**
     * The messages to the review's author about a change, in the language and to the addresses they gave with the
     * application; none if they gave none. The contact is read before the change's transaction: it is the
     * application's, and no review change alters it. {@code note} {@code null} gives the hiding's reason.
     */
    private ReviewMessages toAuthor(StoredApplication app, String what, String action, String note) {
        Optional<CitizenContact> contact = readFirst(app, what, () -> applications.contact(app.trackingNumber()));
        if (contact.isEmpty() || !contact.get().reachable()) {
            return ReviewMessages.NONE;
        }
        String service = ApplicationManager.serviceName(plugins, applications, app.serviceCode()).in(contact.get().language());
        return (before, after) -> notifications.aboutReview(action, app.trackingNumber(), contact.get(), service,
                note != null ? note : after.commentHiddenReason());
    }

    /**
     * Writes a change of the application's review and answers it as the public sees it: a change the rules refuse
     * (already done, nothing to change) is the caller's {@code conflict}; a database failure is a 503, logged.
     */
    private PublicReview written(StoredApplication app, String what, java.util.function.Supplier<Review> write,
                                 java.util.function.Function<AlreadyDoneException, ProblemException> conflict) {
        // read before the write: a failure after it would answer "nothing was changed" for a stored change
        boolean premoderation = readFirst(app, what, ratings::settings).premoderation();
        return written(app, what, write, conflict, review -> published(review, premoderation));
    }

    /** What a change needs read before it is written; a database failure then is a 503, and nothing was written. */
    private static <T> T readFirst(StoredApplication app, String what, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (StoreException e) {
            LOG.error("{} of {} not stored, a read before it failed: {}", what, app.trackingNumber(), e.getMessage());
            throw Problems.unavailable("Saving " + what + " failed; nothing was changed. Try again later.");
        }
    }

    /** The same, answered in the shape {@code answer} gives the review as it is now. */
    private static <T> T written(StoredApplication app, String what, java.util.function.Supplier<Review> write,
                                 java.util.function.Function<AlreadyDoneException, ProblemException> conflict,
                                 java.util.function.Function<Review, T> answer) {
        Review review;
        try {
            review = write.get();
        } catch (AlreadyDoneException e) {
            throw conflict.apply(e);
        } catch (ua.igov.platform.store.ConcurrentChangeException e) {
            throw new ProblemException(409, "changed-meanwhile", "Changed meanwhile", "The review changed since it was "
                    + "read (a reply or an appeal came); read it again and decide on what it says now.");
        } catch (StoreException e) {
            LOG.error("{} of {} not stored: {}", what, app.trackingNumber(), e.getMessage());
            throw WriteFailures.problem(e, "Saving " + what + " failed; nothing was changed. Try again later.",
                    "that " + what + " was saved." + WriteFailures.READ_IT_BACK);
        }
        return answer.apply(review);
    }

    /** A body of one field, required text of at most {@value #MAX_TEXT} characters, nothing else. */
    private static String requiredText(byte[] body, String field, String what) {
        List<FieldProblem> problems = new ArrayList<>();
        String value = requiredText(Json.requestObject(body, Set.of(field)), field, what, problems);
        if (!problems.isEmpty()) {
            throw Problems.invalidRequest(problems);
        }
        return value;
    }

    /** A field of required text of at most {@value #MAX_TEXT} characters; what is wrong with it goes to problems. */
    private static String requiredText(JsonNode request, String field, String what, List<FieldProblem> problems) {
        int before = problems.size();
        String value = text(request, field, problems);
        if (value == null && problems.size() == before) {
            problems.add(new FieldProblem("/" + field, "required: " + what + ", at most " + MAX_TEXT + " characters"));
        }
        return value;
    }

    /** Moderation is the operators': an authority must not be able to hide what citizens say about its work. */

    private StoredApplication visible(Caller caller, String typedNumber) {
        String trackingNumber;
        try {
            trackingNumber = TrackingNumbers.parse(typedNumber);
        } catch (IllegalArgumentException e) {
            throw Problems.malformedTrackingNumber(typedNumber.length() > 64 ? typedNumber.substring(0, 64) : typedNumber,
                    e.getMessage());
        }
        return applications.findByTrackingNumber(trackingNumber)
                .filter(app -> ApplicationManager.maySee(caller, app.owner(), app.authorityId()))
                .orElseThrow(() -> Problems.unknownApplication(trackingNumber));
    }

    private static String text(JsonNode request, String field, List<FieldProblem> problems) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || Texts.blank(value.asText())) {
            problems.add(new FieldProblem("/" + field, "must be text"));
        } else if (value.asText().strip().length() > MAX_TEXT) {
            problems.add(new FieldProblem("/" + field, "at most " + MAX_TEXT + " characters (an emoji counts as 2 or "
                    + "more)"));
        } else {
            return value.asText().strip();
        }
        return null;
    }

    /**
     * What anyone may read of a review: no tracking number, no one's name or login, the day only, no hidden comment,
     * and contacts or identity numbers typed into the texts masked.
     */
    private static PublicReview published(Review review, boolean premoderation) {
        boolean commentHeld = premoderation && review.comment() != null && !review.commentHidden()
                && review.commentApprovedAt() == null;
        boolean replyHeld = premoderation && review.reply() != null && !review.replyHidden()
                && review.replyApprovedAt() == null;
        boolean replyShown = !replyHeld && !review.replyHidden();
        return new PublicReview(review.serviceCode(), review.regionId(), review.authorityId(), review.rating(),
                review.commentHidden() || commentHeld ? null : PersonalDataMask.mask(review.comment()),
                review.commentHidden(), kyivDay(review.ratedAt()), replyShown ? PersonalDataMask.mask(review.reply()) : null,
                replyShown ? kyivDay(review.repliedAt()) : null, commentHeld || replyHeld, review.replyHidden());
    }
}
