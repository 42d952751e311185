package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.AlreadyDoneException;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.OutboxMessage;
import ua.igov.platform.store.Review;
import ua.igov.platform.store.ReviewBacklog;
import ua.igov.platform.store.ReviewMessages;
import ua.igov.platform.store.ReviewSettings;
import ua.igov.platform.store.StateChange;
import ua.igov.platform.store.StatsCell;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoredApplication;

/**
 * The rollup on Derby and on PostgreSQL: kept in step with every change, also by concurrent writers; ratings, replies
 * and operators hiding a review's comment.
 */
class StatisticsStoreTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-02T08:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-02");

    private JdbcApplicationStore applications;
    private JdbcStatisticsStore statistics;
    private JdbcRatingStore ratings;
    private MigratedDatabase database;

    @BeforeEach
    void setUp() {
        database = TestDatabases.fresh();
        applications = new JdbcApplicationStore(database);
        statistics = new JdbcStatisticsStore(database);
        ratings = new JdbcRatingStore(database);
    }

    private StoredApplication submit(int authority) {
        return submit(authority, "lviv");
    }

    private StoredApplication submit(Integer authority, String region) {
        return applications.insert(new NewApplication("residence-registration", region, 1, 2090, 7,
                "1.0", "0.1.0", "{}", new StatusChange("submitted", SUBMITTED, "citizen:dev:x", "submit", null, null),
                "dev:x", authority, SUBMITTED.plusSeconds(86_400), 0), n -> "1-" + n,
                new AuditEntry(SUBMITTED, "citizen:dev:x", "submit", null, null));
    }

    private StoredApplication step(StoredApplication app, String status, String official, Instant at, Instant due) {
        return applications.change(app.trackingNumber(), new StateChange(app.version(), status, due, official, null,
                null, new StatusChange(status, at, "staff:" + official, status, null, null),
                new AuditEntry(at, "staff:" + official, status, app.trackingNumber(), null)));
    }

    private StatsCell only(String dimension) {
        List<StatsCell> cells = statistics.cells(dimension, DAY, DAY, Set.of());
        assertEquals(1, cells.size(), cells.toString());
        return cells.get(0);
    }

    /** An application of no authority is counted under 0 in the rollup, and found overdue by 0 as well. */
    @Test
    void anApplicationOfNoAuthorityIsOverdueUnderAuthorityZero() {
        submit(null, "lviv");
        submit(89);
        Instant later = SUBMITTED.plusSeconds(2 * 86_400);
        assertEquals(1L, statistics.cells("region", DAY, DAY, Set.of(0)).get(0).total());
        assertEquals(Map.of("lviv", 1L), statistics.overdue("region", DAY, DAY, Set.of(0), Set.of("submitted"), later));
        assertEquals(Map.of("lviv", 2L), statistics.overdue("region", DAY, DAY, Set.of(), Set.of("submitted"), later));
    }

    @Test
    void everyStepMovesTheApplicationBetweenStatusesAndOfficials() {
        StoredApplication submitted = submit(89);
        submit(89);
        assertEquals(2L, only("authority").byStatus().get("submitted"));
        StoredApplication claimed = step(submitted, "in_review", "olena", SUBMITTED.plusSeconds(600), SUBMITTED.plusSeconds(86_400));
        StoredApplication app = step(claimed, "rejected", "olena", SUBMITTED.plusSeconds(5 * 3600), null); // 5 h, by the deadline
        ratings.rate(app.trackingNumber(), 4, "Добре", new AuditEntry(SUBMITTED.plusSeconds(6 * 3600), "citizen:dev:x",
                "rate", app.trackingNumber(), null));

        StatsCell authority = only("authority");
        assertEquals(Map.of("submitted", 1L, "in_review", 0L, "needs_information", 0L, "approved", 0L,
                "rejected", 1L, "issued", 0L, "cancelled", 0L), authority.byStatus());
        assertEquals(1, authority.histogram()[StatsCell.bucket(5 * 3600)]);
        assertEquals(1, authority.timed());
        assertEquals(1, authority.onTime());
        assertEquals(4, authority.ratingSum());
        List<StatsCell> officials = statistics.cells("official", DAY, DAY, Set.of(89));
        assertEquals(List.of("", "olena"), officials.stream().map(StatsCell::value).toList());
        assertEquals(1L, officials.get(1).byStatus().get("rejected"));
        assertEquals(List.of(), statistics.cells("official", DAY, DAY, Set.of(225)));
        assertEquals(1, statistics.overdue("authority", DAY, DAY, Set.of(),
                Set.of("submitted", "in_review"), SUBMITTED.plusSeconds(2 * 86_400)).get("89"));
        // month rows hold the same
        assertEquals(authority.byStatus(), statistics.cells("authority", DAY.withDayOfMonth(1), DAY.withDayOfMonth(30),
                Set.of()).get(0).byStatus());

        assertThrows(AlreadyDoneException.class, () -> ratings.rate(app.trackingNumber(), 5, null,
                new AuditEntry(SUBMITTED, "citizen:dev:x", "rate", app.trackingNumber(), null)));
        ratings.reply(app.trackingNumber(), "Дякуємо", "olena", new AuditEntry(SUBMITTED, "staff:olena", "reply", app.trackingNumber(), null));
        assertThrows(AlreadyDoneException.class, () -> ratings.reply(app.trackingNumber(), "Ще", "olena",
                new AuditEntry(SUBMITTED, "staff:olena", "reply", app.trackingNumber(), null)));
        assertEquals(1, ratings.reviews("residence-registration", 10).size());

        // an operator hides the comment: kept, marked, audited; the rating still counts
        long auditBefore = auditEntries();
        Review hidden = ratings.hideComment(app.trackingNumber(), "a phone number in the text", "operator",
                new AuditEntry(SUBMITTED.plusSeconds(7 * 3600), "staff:operator", "hide-review-comment", app.trackingNumber(), null));
        assertTrue(hidden.commentHidden());
        assertEquals("Добре", hidden.comment());
        assertEquals("a phone number in the text", hidden.commentHiddenReason());
        assertEquals("operator", hidden.commentHiddenBy());
        assertEquals(SUBMITTED.plusSeconds(7 * 3600), hidden.commentHiddenAt());
        assertEquals(app.trackingNumber(), ratings.reviews("residence-registration", 10).get(0).trackingNumber());
        assertTrue(ratings.reviews("residence-registration", 10).get(0).commentHidden());
        assertEquals(auditBefore + 1, auditEntries());
        assertEquals(4, only("authority").ratingSum());
        AlreadyDoneException twice = assertThrows(AlreadyDoneException.class, () -> ratings.hideComment(app.trackingNumber(),
                "again", "operator", new AuditEntry(SUBMITTED, "staff:operator", "hide-review-comment", app.trackingNumber(), null)));
        assertTrue(twice.getMessage().contains("hidden already"), twice.getMessage());
        assertEquals(auditBefore + 1, auditEntries()); // nothing written for the refused one

        // shown again (a mistake, an appeal): public again, audited; the trail keeps both decisions
        Review shown = ratings.showComment(app.trackingNumber(), "operator", new AuditEntry(SUBMITTED.plusSeconds(8 * 3600),
                "staff:operator", "show-review-comment", app.trackingNumber(), "appeal upheld"));
        assertFalse(shown.commentHidden());
        assertEquals("Добре", shown.comment());
        assertEquals(null, shown.commentHiddenReason());
        assertEquals(auditBefore + 2, auditEntries());
        AlreadyDoneException notHidden = assertThrows(AlreadyDoneException.class, () -> ratings.showComment(app.trackingNumber(),
                "operator", new AuditEntry(SUBMITTED, "staff:operator", "show-review-comment", app.trackingNumber(), "x")));
        assertTrue(notHidden.getMessage().contains("is not hidden"), notHidden.getMessage());
        assertEquals(auditBefore + 2, auditEntries());

        // the reply hidden (on both databases): kept, marked, audited; it decides the reply, so nothing waits
        Review replyHidden = ratings.hideReply(app.trackingNumber(), "the citizen's address", "operator",
                new AuditEntry(SUBMITTED.plusSeconds(9 * 3600), "staff:operator", "hide-review-reply", app.trackingNumber(), "x"));
        assertTrue(replyHidden.replyHidden());
        assertEquals("Дякуємо", replyHidden.reply());
        assertEquals("the citizen's address", replyHidden.replyHiddenReason());
        assertEquals(SUBMITTED.plusSeconds(9 * 3600), replyHidden.replyHiddenAt());
        assertEquals("operator", replyHidden.textsCheckedBy());
        assertEquals(0, ratings.backlog().unchecked());
        assertEquals(auditBefore + 3, auditEntries());
        assertThrows(AlreadyDoneException.class, () -> ratings.hideReply(app.trackingNumber(), "again", "operator",
                new AuditEntry(SUBMITTED, "staff:operator", "hide-review-reply", app.trackingNumber(), null)));
        // the authority writes a new reply in its place: unhidden, unapproved, unchecked
        Review replaced = ratings.reply(app.trackingNumber(), "Дякуємо, врахуємо", "olena",
                new AuditEntry(SUBMITTED.plusSeconds(10 * 3600), "staff:olena", "reply", app.trackingNumber(), null));
        assertFalse(replaced.replyHidden());
        assertEquals("Дякуємо, врахуємо", replaced.reply());
        assertEquals(null, replaced.replyApprovedAt());
        assertEquals(null, replaced.textsCheckedAt());
        assertEquals(1, ratings.backlog().unchecked());
        assertThrows(AlreadyDoneException.class, () -> ratings.showReply(app.trackingNumber(), "operator",
                new AuditEntry(SUBMITTED, "staff:operator", "show-review-reply", app.trackingNumber(), null)));
        ratings.hideReply(app.trackingNumber(), "still", "operator",
                new AuditEntry(SUBMITTED.plusSeconds(11 * 3600), "staff:operator", "hide-review-reply", app.trackingNumber(), "x"));
        Review replyShown = ratings.showReply(app.trackingNumber(), "operator",
                new AuditEntry(SUBMITTED.plusSeconds(12 * 3600), "staff:operator", "show-review-reply", app.trackingNumber(), "y"));
        assertFalse(replyShown.replyHidden());
        assertEquals(SUBMITTED.plusSeconds(12 * 3600), replyShown.replyApprovedAt(), "shown again is approved");
        assertEquals(0, ratings.backlog().unchecked());
    }

    /**
     * An application is decided on time only if every step its authority took came by its deadline: an approval a week
     * late stays late when the document is then issued within the issuing term. A citizen's late answer is not the
     * authority's delay. A rebuild of the rollup agrees.
     */
    @Test
    void aLateApprovalMakesTheDecisionLateEvenIfTheIssueIsOnTime() {
        Instant reviewDue = SUBMITTED.plusSeconds(2 * 86_400);
        Instant issueDue = SUBMITTED.plusSeconds(20 * 86_400);
        StoredApplication late = step(submit(89), "in_review", "olena", SUBMITTED.plusSeconds(3600), reviewDue);
        late = step(late, "approved", "olena", reviewDue.plusSeconds(7 * 86_400), issueDue); // a week late
        step(late, "issued", "olena", reviewDue.plusSeconds(7 * 86_400 + 3600), null); // issued within its term

        StoredApplication onTime = step(submit(89), "in_review", "olena", SUBMITTED.plusSeconds(3600), reviewDue);
        onTime = step(onTime, "needs_information", "olena", SUBMITTED.plusSeconds(7200), SUBMITTED.plusSeconds(3600));
        onTime = step(onTime, "in_review", "dev:x", SUBMITTED.plusSeconds(3 * 86_400), reviewDue.plusSeconds(86_400));
        step(onTime, "rejected", "olena", reviewDue.plusSeconds(3600), null); // the citizen answered late, not olena

        StatsCell authority = only("authority");
        assertEquals(2, authority.timed());
        assertEquals(1, authority.onTime(), "the late approval is not on time");
        assertEquals(2, statistics.rebuild());
        assertEquals(1, only("authority").onTime(), "the rebuild agrees");
    }

    @Test
    void reviewsWithTextWaitForAnOperatorToLookAtThemAndAReplyMakesThemWaitAgain() {
        StoredApplication first = closed(89);
        StoredApplication second = closed(89);
        StoredApplication starsOnly = closed(89);
        assertEquals(new ReviewBacklog(0, null), ratings.backlog());
        ratings.rate(second.trackingNumber(), 2, "Довго", audit(SUBMITTED.plusSeconds(5 * 3600), "rate", second));
        ratings.rate(first.trackingNumber(), 4, "Добре", audit(SUBMITTED.plusSeconds(4 * 3600), "rate", first));
        ratings.rate(starsOnly.trackingNumber(), 5, null, audit(SUBMITTED.plusSeconds(3 * 3600), "rate", starsOnly));
        assertEquals(List.of(first.trackingNumber(), second.trackingNumber()), unchecked(),
                "the oldest rating first; a rating without text has nothing to look at");
        assertEquals(new ReviewBacklog(2, SUBMITTED.plusSeconds(4 * 3600)), ratings.backlog());

        long auditBefore = auditEntries();
        Review checked = ratings.markChecked(first.trackingNumber(), "operator",
                audit(SUBMITTED.plusSeconds(6 * 3600), "check-review", first));
        assertEquals("operator", checked.textsCheckedBy());
        assertEquals(SUBMITTED.plusSeconds(6 * 3600), checked.textsCheckedAt());
        assertFalse(checked.unchecked());
        assertEquals(List.of(second.trackingNumber()), unchecked());
        assertEquals(new ReviewBacklog(1, SUBMITTED.plusSeconds(5 * 3600)), ratings.backlog());
        assertEquals(auditBefore + 1, auditEntries());
        AlreadyDoneException twice = assertThrows(AlreadyDoneException.class, () -> ratings.markChecked(
                first.trackingNumber(), "operator", audit(SUBMITTED, "check-review", first)));
        assertTrue(twice.getMessage().contains("checked already, by operator"), twice.getMessage());
        AlreadyDoneException noText = assertThrows(AlreadyDoneException.class, () -> ratings.markChecked(
                starsOnly.trackingNumber(), "operator", audit(SUBMITTED, "check-review", starsOnly)));
        assertTrue(noText.getMessage().contains("no text to check"), noText.getMessage());
        assertEquals(auditBefore + 1, auditEntries()); // nothing written for the refused ones

        // the authority replies: new published text, so the review waits for an operator again
        ratings.reply(first.trackingNumber(), "Дякуємо", "olena", audit(SUBMITTED.plusSeconds(7 * 3600), "reply", first));
        assertEquals(List.of(first.trackingNumber(), second.trackingNumber()), unchecked());
        assertEquals(new ReviewBacklog(2, SUBMITTED.plusSeconds(5 * 3600)), ratings.backlog(), "second's comment");
        // a reply alone is text too
        ratings.reply(starsOnly.trackingNumber(), "Дякуємо за оцінку", "olena", audit(SUBMITTED, "reply", starsOnly));
        assertEquals(3, unchecked().size());
        // hiding a comment, or showing it again, is a decision about it: checked, by whoever made it
        Review hidden = ratings.hideComment(second.trackingNumber(), "abuse", "moderator",
                audit(SUBMITTED.plusSeconds(8 * 3600), "hide-review-comment", second));
        assertEquals("moderator", hidden.textsCheckedBy());
        assertEquals(List.of(starsOnly.trackingNumber(), first.trackingNumber()), unchecked(), "by when they were rated");
        ratings.reply(second.trackingNumber(), "Перепрошуємо", "olena", audit(SUBMITTED, "reply", second));
        assertTrue(unchecked().contains(second.trackingNumber()));
        // showing the comment again is a decision about the comment, not about the reply written meanwhile, which
        // nobody has looked at: it stays unapproved and keeps the review on the queue
        Review shown = ratings.showComment(second.trackingNumber(), "operator",
                audit(SUBMITTED.plusSeconds(9 * 3600), "show-review-comment", second));
        assertNull(shown.textsCheckedBy());
        assertNull(shown.replyApprovedAt());
        assertTrue(unchecked().contains(second.trackingNumber()));
        assertEquals("operator", ratings.markChecked(second.trackingNumber(), "operator",
                audit(SUBMITTED.plusSeconds(9 * 3600), "check-review", second)).textsCheckedBy());
        assertFalse(unchecked().contains(second.trackingNumber()));
        // what waits now is first's reply, written at 7 h, and starsOnly's reply: first's comment was checked at 6 h,
        // so the review has waited since its reply, not since its rating at 4 h
        assertEquals(new ReviewBacklog(2, SUBMITTED), ratings.backlog(), "starsOnly's reply, dated SUBMITTED");
        ratings.markChecked(starsOnly.trackingNumber(), "operator", audit(SUBMITTED.plusSeconds(10 * 3600),
                "check-review", starsOnly));
        assertEquals(new ReviewBacklog(1, SUBMITTED.plusSeconds(7 * 3600)), ratings.backlog(), "first's reply");
        assertEquals(1, ratings.uncheckedReviews(1).size());
    }

    @Test
    void aHiddenCommentIsAppealedOnceAndTheAppealWaitsForAnOperatorsDecision() {
        StoredApplication app = closed(89);
        ratings.rate(app.trackingNumber(), 1, "Погано", audit(SUBMITTED.plusSeconds(4 * 3600), "rate", app));
        AlreadyDoneException notHidden = assertThrows(AlreadyDoneException.class,
                () -> ratings.appeal(app.trackingNumber(), "why?", audit(SUBMITTED, "appeal", app)));
        assertTrue(notHidden.getMessage().contains("is not hidden"), notHidden.getMessage());
        ratings.hideComment(app.trackingNumber(), "abuse", "operator", audit(SUBMITTED.plusSeconds(5 * 3600), "hide", app));
        assertEquals(List.of(), unchecked(), "the hiding was a check");

        Review appealed = ratings.appeal(app.trackingNumber(), "Там немає образ",
                audit(SUBMITTED.plusSeconds(6 * 3600), "appeal", app));
        assertEquals("pending", appealed.appealOutcome());
        assertEquals("Там немає образ", appealed.appealText());
        assertEquals(List.of(app.trackingNumber()), unchecked(), "back on the queue");
        assertThrows(AlreadyDoneException.class,
                () -> ratings.appeal(app.trackingNumber(), "again", audit(SUBMITTED, "appeal", app)));

        Review rejected = ratings.markChecked(app.trackingNumber(), "operator", audit(SUBMITTED.plusSeconds(7 * 3600), "check", app));
        assertEquals("rejected", rejected.appealOutcome());
        assertTrue(rejected.commentHidden());
        assertEquals(SUBMITTED.plusSeconds(7 * 3600), rejected.appealDecidedAt());
        // the authority replies later: the review is back on the queue, and the appeal stays rejected
        ratings.reply(app.trackingNumber(), "Шкода", "olena", audit(SUBMITTED.plusSeconds(7 * 3600 + 60), "reply", app));
        assertEquals("rejected", ratings.review(app.trackingNumber()).orElseThrow().appealOutcome());
        Review checkedAgain = ratings.markChecked(app.trackingNumber(), "operator",
                audit(SUBMITTED.plusSeconds(7 * 3600 + 120), "check", app));
        assertEquals(SUBMITTED.plusSeconds(7 * 3600), checkedAgain.appealDecidedAt(), "decided once");
        Review upheld = ratings.showComment(app.trackingNumber(), "operator", audit(SUBMITTED.plusSeconds(8 * 3600), "show", app));
        assertEquals("upheld", upheld.appealOutcome());
        // hidden again later: a new hiding, which may be appealed again
        Review hiddenAgain = ratings.hideComment(app.trackingNumber(), "abuse", "operator", audit(SUBMITTED, "hide", app));
        assertEquals(null, hiddenAgain.appealOutcome());
        assertEquals("pending", ratings.appeal(app.trackingNumber(), "once more", audit(SUBMITTED, "appeal", app)).appealOutcome());
    }

    @Test
    void messagesAboutAReviewChangeAreWrittenWithItAndOnlyWithIt() {
        StoredApplication app = closed(89);
        ratings.rate(app.trackingNumber(), 1, "Погано", audit(SUBMITTED.plusSeconds(4 * 3600), "rate", app));
        List<String> seen = new ArrayList<>();
        ReviewMessages tell = (before, after) -> {
            seen.add(before.appealOutcome() + " -> " + after.appealOutcome());
            return List.of(new OutboxMessage("email", "taras@example.ua", "about " + after.appealOutcome(), "text",
                    after.trackingNumber()));
        };
        ratings.hideComment(app.trackingNumber(), "abuse", "operator", audit(SUBMITTED.plusSeconds(5 * 3600), "hide", app), tell);
        assertEquals(List.of("about null"), outboxSubjects(app));
        ratings.appeal(app.trackingNumber(), "Там немає образ", audit(SUBMITTED.plusSeconds(6 * 3600), "appeal", app));
        ratings.markChecked(app.trackingNumber(), "operator", audit(SUBMITTED.plusSeconds(7 * 3600), "check", app), tell);
        assertEquals(List.of("null -> null", "pending -> rejected"), seen, "each change tells what it was before and after");

        long audited = auditEntries();
        assertThrows(AlreadyDoneException.class, () -> ratings.markChecked(app.trackingNumber(), "operator",
                audit(SUBMITTED.plusSeconds(8 * 3600), "check", app), tell));
        assertThrows(IllegalStateException.class, () -> ratings.showComment(app.trackingNumber(), "operator",
                audit(SUBMITTED.plusSeconds(8 * 3600), "show", app), (before, after) -> {
                    throw new IllegalStateException("the messages could not be made");
                }));
        assertEquals(List.of("about null", "about rejected"), outboxSubjects(app), "a refused or failed change tells nothing");
        assertEquals(audited, auditEntries());
        assertTrue(ratings.review(app.trackingNumber()).orElseThrow().commentHidden(), "the failed showing wrote nothing");
    }

    @Test
    void aCheckApprovesTheTextsForPublicationAndALaterReplyDoesNotWithdrawTheComment() {
        StoredApplication app = closed(89);
        Review rated = ratings.rate(app.trackingNumber(), 2, "Довго", audit(SUBMITTED.plusSeconds(4 * 3600), "rate", app));
        assertEquals(null, rated.commentApprovedAt());
        Review checked = ratings.markChecked(app.trackingNumber(), "operator", audit(SUBMITTED.plusSeconds(5 * 3600), "check", app));
        assertEquals(SUBMITTED.plusSeconds(5 * 3600), checked.commentApprovedAt());
        assertEquals(null, checked.replyApprovedAt(), "no reply yet");
        Review replied = ratings.reply(app.trackingNumber(), "Перепрошуємо", "olena", audit(SUBMITTED.plusSeconds(6 * 3600), "reply", app));
        assertTrue(replied.unchecked(), "the reply is new text to look at");
        assertEquals(SUBMITTED.plusSeconds(5 * 3600), replied.commentApprovedAt(), "the comment stays approved");
        assertEquals(null, replied.replyApprovedAt());
        Review again = ratings.markChecked(app.trackingNumber(), "operator", audit(SUBMITTED.plusSeconds(7 * 3600), "check", app));
        assertEquals(SUBMITTED.plusSeconds(5 * 3600), again.commentApprovedAt(), "approved once");
        assertEquals(SUBMITTED.plusSeconds(7 * 3600), again.replyApprovedAt());

        StoredApplication other = closed(89);
        ratings.rate(other.trackingNumber(), 1, "Образа", audit(SUBMITTED.plusSeconds(4 * 3600), "rate", other));
        ratings.hideComment(other.trackingNumber(), "abuse", "operator", audit(SUBMITTED.plusSeconds(5 * 3600), "hide", other));
        assertEquals(null, ratings.review(other.trackingNumber()).orElseThrow().commentApprovedAt(), "hiding approves nothing");
        Review shown = ratings.showComment(other.trackingNumber(), "operator", audit(SUBMITTED.plusSeconds(6 * 3600), "show", other));
        assertEquals(SUBMITTED.plusSeconds(6 * 3600), shown.commentApprovedAt(), "showing it is approving it");
    }

    @Test
    void preModerationIsOneSettingForEveryNodeChangedOnTheRecord() {
        JdbcRatingStore otherNode = new JdbcRatingStore(database);
        assertEquals(new ReviewSettings(false, null, null), otherNode.settings(), "off as installed");
        long audited = auditEntries();
        ReviewSettings on = ratings.premoderation(true, "operator", new AuditEntry(SUBMITTED, "staff:operator",
                "set-review-premoderation", null, "on"));
        assertEquals(new ReviewSettings(true, SUBMITTED, "operator"), on);
        assertEquals(on, otherNode.settings(), "another node reads the same");
        AlreadyDoneException again = assertThrows(AlreadyDoneException.class, () -> otherNode.premoderation(true, "admin",
                new AuditEntry(SUBMITTED.plusSeconds(60), "staff:admin", "set-review-premoderation", null, "on")));
        assertTrue(again.getMessage().contains("on already") && again.getMessage().contains("operator"), again.getMessage());
        assertEquals(audited + 1, auditEntries(), "the change audited once; the refused one wrote nothing");
        assertFalse(otherNode.premoderation(false, "admin", new AuditEntry(SUBMITTED.plusSeconds(120), "staff:admin",
                "set-review-premoderation", null, "off")).premoderation());
        assertFalse(ratings.settings().premoderation());
    }

    @Test
    void reviewsCheckedBeforeDecisionsAndApprovalsWereStoredCountAsDecidedAndApprovedAtTheirLastCheck() throws Exception {
        StoredApplication rejectedOne = closed(89);
        StoredApplication pendingOne = closed(89);
        for (StoredApplication app : List.of(rejectedOne, pendingOne)) {
            ratings.rate(app.trackingNumber(), 1, "Погано", audit(SUBMITTED.plusSeconds(4 * 3600), "rate", app));
            ratings.hideComment(app.trackingNumber(), "abuse", "operator", audit(SUBMITTED.plusSeconds(5 * 3600), "hide", app));
            ratings.appeal(app.trackingNumber(), "Там немає образ", audit(SUBMITTED.plusSeconds(6 * 3600), "appeal", app));
        }
        ratings.markChecked(rejectedOne.trackingNumber(), "operator", audit(SUBMITTED.plusSeconds(7 * 3600), "check", rejectedOne));
        // the database as changeset 0017 left it: no decision column, and the changeset that adds it not yet run
        javax.sql.DataSource dataSource = database.jdbc().dataSource();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("ALTER TABLE application_rating DROP COLUMN appeal_decided_at");
            s.executeUpdate("ALTER TABLE application_rating DROP COLUMN comment_approved_at");
            s.executeUpdate("ALTER TABLE application_rating DROP COLUMN reply_approved_at");
            assertEquals(2, s.executeUpdate("DELETE FROM databasechangelog "
                    + "WHERE id IN ('0018-review-appeal-decisions', '0019-review-approvals')"));
        }
        MigratedDatabase migrated = new MigratedDatabase(dataSource);
        assertEquals(List.of(), migrated.pendingChangeSets());
        JdbcRatingStore after = new JdbcRatingStore(migrated);
        Review rejected = after.review(rejectedOne.trackingNumber()).orElseThrow();
        assertEquals("rejected", rejected.appealOutcome());
        assertEquals(SUBMITTED.plusSeconds(7 * 3600), rejected.appealDecidedAt());
        assertEquals("pending", after.review(pendingOne.trackingNumber()).orElseThrow().appealOutcome());
        assertEquals(SUBMITTED.plusSeconds(7 * 3600), rejected.commentApprovedAt(), "checked texts count as approved");
        assertEquals(null, after.review(pendingOne.trackingNumber()).orElseThrow().commentApprovedAt());
    }

    private List<String> outboxSubjects(StoredApplication app) {
        try (java.sql.Connection c = database.jdbc().dataSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "SELECT subject FROM outbox WHERE tracking_number = ? ORDER BY id" + Jdbc.FIRST_ROWS)) {
            ps.setString(1, app.trackingNumber());
            return Jdbc.rows(ps, 2, 100, rs -> rs.getString(1));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredApplication closed(int authority) {
        return step(step(submit(authority), "in_review", "olena", SUBMITTED.plusSeconds(600), null),
                "rejected", "olena", SUBMITTED.plusSeconds(3600), null);
    }

    private static AuditEntry audit(Instant at, String action, StoredApplication app) {
        return new AuditEntry(at, "staff:x", action, app.trackingNumber(), null);
    }

    private List<String> unchecked() {
        return ratings.uncheckedReviews(50).stream().map(Review::trackingNumber).toList();
    }

    @Test
    void onlyAnExistingVisibleCommentCanBeHidden() {
        StoredApplication app = step(step(submit(89), "in_review", "olena", SUBMITTED.plusSeconds(600), null),
                "rejected", "olena", SUBMITTED.plusSeconds(3600), null);
        AuditEntry audit = new AuditEntry(SUBMITTED, "staff:operator", "hide-review-comment", app.trackingNumber(), null);
        AlreadyDoneException unrated = assertThrows(AlreadyDoneException.class,
                () -> ratings.hideComment(app.trackingNumber(), "x", "operator", audit));
        assertTrue(unrated.getMessage().contains("has no rating"), unrated.getMessage());
        ratings.rate(app.trackingNumber(), 2, null, new AuditEntry(SUBMITTED, "citizen:dev:x", "rate", app.trackingNumber(), null));
        AlreadyDoneException noComment = assertThrows(AlreadyDoneException.class,
                () -> ratings.hideComment(app.trackingNumber(), "x", "operator", audit));
        assertTrue(noComment.getMessage().contains("has no comment"), noComment.getMessage());
        assertFalse(ratings.review(app.trackingNumber()).orElseThrow().commentHidden());
    }

    private long auditEntries() {
        try (java.sql.Connection c = database.jdbc().dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_log")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void concurrentWritersOnOneRowLoseNothingAndARebuildAgrees() throws Exception {
        // Derby hands out application numbers in blocks; four first numbers drawn at once on a fresh database can
        // fail with "too much contention on sequence" (a Derby limitation of its own, not the rollup's): draw one first.
        submit(89);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        StoredApplication app = submit(89);
                        step(app, "in_review", "olena", SUBMITTED.plusSeconds(60), SUBMITTED.plusSeconds(86_400));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<StatsCell> kept = statistics.cells("official", DAY, DAY, Set.of());
        assertEquals(List.of("", "olena"), kept.stream().map(StatsCell::value).toList());
        assertEquals(40L, kept.get(1).byStatus().get("in_review"));
        assertEquals(40, kept.get(1).total());
        assertEquals(41, statistics.rebuild());
        List<StatsCell> rebuilt = statistics.cells("official", DAY, DAY, Set.of());
        assertEquals(kept.stream().map(StatsCell::byStatus).toList(), rebuilt.stream().map(StatsCell::byStatus).toList());
    }

    @Test
    void theRegionsOfEachAuthoritysApplicationsAreThoseOfThePeriod() {
        submit(89, "lviv");
        submit(89, "lviv");
        submit(225, "lviv");
        submit(225, "kyiv");
        submit(null, "odesa"); // no authority: in no authority's line
        StoredApplication cancelled = submit(14, "volyn");
        step(cancelled, "cancelled", "olena", SUBMITTED.plusSeconds(60), null);

        LocalDate month = DAY.withDayOfMonth(1);
        assertEquals(Map.of(89, Set.of("lviv"), 225, Set.of("kyiv", "lviv"), 14, Set.of("volyn")),
                statistics.regionsOfAuthorities(month, month.withDayOfMonth(month.lengthOfMonth())));
        assertEquals(Map.of(), statistics.regionsOfAuthorities(month.minusMonths(1), month.minusDays(1)));
        assertEquals(Map.of(89, Set.of("lviv"), 225, Set.of("kyiv", "lviv"), 14, Set.of("volyn")),
                statistics.regionsOfAuthorities(DAY, DAY), "read from day rows as well as month rows");
    }
}
