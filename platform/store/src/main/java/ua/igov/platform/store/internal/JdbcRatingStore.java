package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.store.AlreadyDoneException;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.ConcurrentChangeException;
import ua.igov.platform.store.RatingStore;
import ua.igov.platform.store.Review;
import ua.igov.platform.store.ReviewBacklog;
import ua.igov.platform.store.ReviewMessages;
import ua.igov.platform.store.ReviewSettings;

/** Ratings in {@code application_rating}, one per application (its primary key), counted in the rollup at once. */
@Component(service = RatingStore.class)
public class JdbcRatingStore implements RatingStore {

    private static final String COLUMNS = "a.tracking_number, r.service_code, r.region_id, r.authority_id, r.rating, "
            + "r.comment_text, r.rated_at, r.reply_text, r.replied_at, r.replied_by, r.comment_hidden_at, "
            + "r.comment_hidden_by, r.comment_hidden_reason, r.texts_checked_at, r.texts_checked_by, r.appeal_text, "
            + "r.appealed_at, r.appeal_decided_at, r.comment_approved_at, r.reply_approved_at, r.reply_hidden_at, "
            + "r.reply_hidden_by, r.reply_hidden_reason";
    /** Approves the comment for publication at the statement's moment (a parameter), if it has none yet. */
    private static final String APPROVE_COMMENT = "comment_approved_at = CASE WHEN comment_text IS NULL THEN NULL "
            + "ELSE COALESCE(comment_approved_at, CAST(? AS TIMESTAMP)) END";
    /** The same for the reply. */
    private static final String APPROVE_REPLY = "reply_approved_at = CASE WHEN reply_text IS NULL THEN NULL "
            + "ELSE COALESCE(reply_approved_at, CAST(? AS TIMESTAMP)) END";
    /** Decides a waiting appeal at the statement's moment (a parameter); nothing else if there is none. */
    private static final String DECIDE_APPEAL = "appeal_decided_at = CASE WHEN appealed_at IS NULL THEN NULL "
            + "ELSE COALESCE(appeal_decided_at, CAST(? AS TIMESTAMP)) END";
    /**
     * Hiding or showing a comment is a decision on the comment: the review counts as checked only when no reply waits
     * for an operator's look (one written while the operator decided, say; a hidden reply was decided on). That reply stays unpublished under
     * pre-moderation and keeps the review on the queue, until an operator checks it.
     */
    private static final String CHECKED_UNLESS_A_REPLY_WAITS = "texts_checked_at = CASE WHEN reply_text IS NOT NULL "
            + "AND reply_approved_at IS NULL AND reply_hidden_at IS NULL THEN NULL ELSE CAST(? AS TIMESTAMP) END, "
            + "texts_checked_by = CASE WHEN reply_text IS NOT NULL AND reply_approved_at IS NULL "
            + "AND reply_hidden_at IS NULL THEN NULL ELSE CAST(? AS VARCHAR(100)) END";
    /**
     * Hiding or showing a reply is a decision on the reply: the review counts as checked unless a comment or an appeal
     * still waits for an operator's look.
     */
    private static final String CHECKED_UNLESS_A_COMMENT_OR_APPEAL_WAITS = "texts_checked_at = CASE WHEN "
            + "texts_checked_at IS NULL AND (" + "comment_text IS NOT NULL AND comment_approved_at IS NULL "
            + "AND comment_hidden_at IS NULL OR appeal_text IS NOT NULL AND appeal_decided_at IS NULL) THEN NULL "
            + "ELSE CAST(? AS TIMESTAMP) END, texts_checked_by = CASE WHEN texts_checked_at IS NULL AND ("
            + "comment_text IS NOT NULL AND comment_approved_at IS NULL AND comment_hidden_at IS NULL "
            + "OR appeal_text IS NOT NULL AND appeal_decided_at IS NULL) THEN NULL ELSE CAST(? AS VARCHAR(100)) END";
    /** The rating has text an operator has not looked at since it was written. */
    private static final String UNCHECKED = "texts_checked_at IS NULL "
            + "AND (comment_text IS NOT NULL OR reply_text IS NOT NULL OR appeal_text IS NOT NULL)";

    private final Jdbc jdbc;
    private final SqlDialect dialect;

    @Activate
    public JdbcRatingStore(@Reference Database database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    @Override
    public Review rate(String trackingNumber, int rating, String comment, AuditEntry audit) {
        return jdbc.inTransaction("rate application " + trackingNumber, c -> {
            StatsRollup.Facts app = StatsRollup.read(c, trackingNumber)
                    .orElseThrow(() -> new ConcurrentChangeException(trackingNumber));
            if (find(c, trackingNumber).isPresent()) {
                throw new AlreadyDoneException("application " + trackingNumber + " is rated already");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO application_rating (application_id, service_code, "
                    + "region_id, authority_id, rating, comment_text, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, app.id());
                ps.setString(2, app.serviceCode());
                ps.setString(3, app.regionId());
                Jdbc.setNullableInt(ps, 4, app.authorityId());
                ps.setInt(5, rating);
                ps.setString(6, comment);
                ps.setTimestamp(7, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
                ps.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) { // rated at the same moment on another node
                    throw new AlreadyDoneException("application " + trackingNumber + " is rated already");
                }
                throw e;
            }
            AuditChain.append(c, dialect, audit); // the audit chain's row before the rollup's, as in every other transaction
            StatsRollup.rated(c, dialect, app, rating);
            return find(c, trackingNumber).orElseThrow();
        });
    }

    @Override
    public Review reply(String trackingNumber, String reply, String repliedBy, AuditEntry audit, ReviewMessages messages) {
        return change("reply to the rating of " + trackingNumber, trackingNumber,
                "reply_text = ?, replied_at = ?, replied_by = ?, texts_checked_at = NULL, texts_checked_by = NULL, "
                        + "reply_approved_at = NULL, reply_hidden_at = NULL, reply_hidden_by = NULL, "
                        + "reply_hidden_reason = NULL WHERE (reply_text IS NULL OR reply_hidden_at IS NOT NULL)", ps -> {
                    ps.setString(1, reply);
                    ps.setTimestamp(2, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
                    ps.setString(3, repliedBy);
                    return 4;
                }, audit, messages, review -> review.isPresent()
                        ? "the rating of " + trackingNumber + " has a reply already"
                        : "application " + trackingNumber + " has no rating to reply to");
    }

    @Override
    public Review hideComment(String trackingNumber, String reason, String hiddenBy, AuditEntry audit,
                              ReviewMessages messages) {
        return change("hide the comment on the rating of " + trackingNumber, trackingNumber,
                "comment_hidden_at = ?, comment_hidden_by = ?, comment_hidden_reason = ?, "
                        + CHECKED_UNLESS_A_REPLY_WAITS + ", appeal_text = NULL, appealed_at = NULL, "
                        + "appeal_decided_at = NULL WHERE comment_text IS NOT NULL AND comment_hidden_at IS NULL",
                hiding(audit, hiddenBy, reason), audit, messages, review -> review.isEmpty() ? "application " + trackingNumber + " has no rating"
                        : review.get().comment() == null ? "the rating of " + trackingNumber + " has no comment"
                        : "the comment on the rating of " + trackingNumber + " is hidden already");
    }

    @Override
    public Review showComment(String trackingNumber, String shownBy, AuditEntry audit, ReviewMessages messages) {
        return change("show the comment on the rating of " + trackingNumber, trackingNumber,
                DECIDE_APPEAL + ", " + APPROVE_COMMENT + ", comment_hidden_at = NULL, comment_hidden_by = NULL, "
                        + "comment_hidden_reason = NULL, " + CHECKED_UNLESS_A_REPLY_WAITS
                        + " WHERE comment_hidden_at IS NOT NULL", ps -> {
                    ps.setTimestamp(1, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
                    ps.setTimestamp(2, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
                    ps.setTimestamp(3, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
                    ps.setString(4, shownBy);
                    return 5;
                }, audit, messages, review -> review.isEmpty() ? "application " + trackingNumber + " has no rating"
                        : "the comment on the rating of " + trackingNumber + " is not hidden");
    }

    @Override
    public Review hideReply(String trackingNumber, String reason, String hiddenBy, java.time.Instant repliedAtSeen,
                            AuditEntry audit) {
        Parameters hiding = hiding(audit, hiddenBy, reason);
        return change("hide the reply on the rating of " + trackingNumber, trackingNumber,
                "reply_hidden_at = ?, reply_hidden_by = ?, reply_hidden_reason = ?, "
                        + CHECKED_UNLESS_A_COMMENT_OR_APPEAL_WAITS
                        + " WHERE reply_text IS NOT NULL AND reply_hidden_at IS NULL" + replySeen(repliedAtSeen),
                ps -> seen(ps, hiding.set(ps), repliedAtSeen), audit, ReviewMessages.NONE, review -> {
                    anotherReply(trackingNumber, review, repliedAtSeen);
                    return review.isEmpty() ? "application " + trackingNumber + " has no rating"
                            : review.get().reply() == null ? "the rating of " + trackingNumber + " has no reply"
                            : "the reply on the rating of " + trackingNumber + " is hidden already";
                });
    }

    @Override
    public Review showReply(String trackingNumber, String shownBy, java.time.Instant repliedAtSeen, AuditEntry audit) {
        return change("show the reply on the rating of " + trackingNumber, trackingNumber,
                APPROVE_REPLY + ", reply_hidden_at = NULL, reply_hidden_by = NULL, reply_hidden_reason = NULL, "
                        + CHECKED_UNLESS_A_COMMENT_OR_APPEAL_WAITS + " WHERE reply_hidden_at IS NOT NULL"
                        + replySeen(repliedAtSeen), ps -> {
                    ps.setTimestamp(1, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
                    ps.setTimestamp(2, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
                    ps.setString(3, shownBy);
                    return seen(ps, 4, repliedAtSeen);
                }, audit, ReviewMessages.NONE, review -> {
                    anotherReply(trackingNumber, review, repliedAtSeen);
                    return review.isEmpty() ? "application " + trackingNumber + " has no rating"
                            : "the reply on the rating of " + trackingNumber + " is not hidden";
                });
    }

    /** The condition that the reply is the one written at {@code repliedAtSeen}; none when that is not given. */
    private static String replySeen(java.time.Instant repliedAtSeen) {
        return repliedAtSeen == null ? "" : " AND replied_at = ?";
    }

    /** Binds {@link #replySeen}'s parameter, if any, at {@code next}; returns the index after it. */
    private static int seen(PreparedStatement ps, int next, java.time.Instant repliedAtSeen) throws SQLException {
        if (repliedAtSeen == null) {
            return next;
        }
        ps.setTimestamp(next, Jdbc.timestamp(repliedAtSeen), Jdbc.UTC.get());
        return next + 1;
    }

    /** A decision on a reply that did nothing because the reply is not the one the operator saw. */
    private static void anotherReply(String trackingNumber, Optional<Review> review, java.time.Instant repliedAtSeen) {
        if (repliedAtSeen != null && review.isPresent() && review.get().reply() != null
                && !repliedAtSeen.equals(review.get().repliedAt())) {
            throw new ua.igov.platform.store.ConcurrentChangeException(trackingNumber);
        }
    }

    @Override
    public Review appeal(String trackingNumber, String text, AuditEntry audit) {
        return change("appeal the hiding of the comment on " + trackingNumber, trackingNumber,
                "appeal_text = ?, appealed_at = ?, texts_checked_at = NULL, texts_checked_by = NULL "
                        + "WHERE comment_hidden_at IS NOT NULL AND appealed_at IS NULL", ps -> {
                    ps.setString(1, text);
                    ps.setTimestamp(2, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
                    return 3;
                }, audit, ReviewMessages.NONE, review -> review.isEmpty() ? "application " + trackingNumber + " has no rating"
                        : !review.get().commentHidden() ? "the comment on the rating of " + trackingNumber + " is not hidden"
                        : "the hiding was appealed already, on " + review.get().appealedAt());
    }

    @Override
    public Review markChecked(String trackingNumber, String checkedBy, ReviewSeen seen, AuditEntry audit,
                              ReviewMessages messages) {
        String asSeen = seen == null ? ""
                : (seen.repliedAt() == null ? " AND replied_at IS NULL" : " AND replied_at = ?")
                + (seen.appealedAt() == null ? " AND appealed_at IS NULL" : " AND appealed_at = ?");
        return change("mark the review of " + trackingNumber + " checked", trackingNumber,
                DECIDE_APPEAL + ", " + APPROVE_COMMENT + ", " + APPROVE_REPLY
                        + ", texts_checked_at = ?, texts_checked_by = ? WHERE " + UNCHECKED + asSeen, ps -> {
                    for (int i = 1; i <= 4; i++) {
                        ps.setTimestamp(i, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
                    }
                    ps.setString(5, checkedBy);
                    int next = 6;
                    if (seen != null && seen.repliedAt() != null) {
                        ps.setTimestamp(next++, Jdbc.timestamp(seen.repliedAt()), Jdbc.UTC.get());
                    }
                    if (seen != null && seen.appealedAt() != null) {
                        ps.setTimestamp(next++, Jdbc.timestamp(seen.appealedAt()), Jdbc.UTC.get());
                    }
                    return next;
                }, audit, messages, review -> {
                    if (seen != null && review.isPresent() && review.get().textsCheckedAt() == null
                            && (!java.util.Objects.equals(seen.repliedAt(), review.get().repliedAt())
                            || !java.util.Objects.equals(seen.appealedAt(), review.get().appealedAt()))) {
                        throw new ua.igov.platform.store.ConcurrentChangeException(trackingNumber);
                    }
                    return review.isEmpty() ? "application " + trackingNumber + " has no rating"
                        : review.get().comment() == null && review.get().reply() == null
                        ? "the rating of " + trackingNumber + " has no text to check"
                        : "the review of " + trackingNumber + " was checked already, by "
                                + review.get().textsCheckedBy() + " at " + review.get().textsCheckedAt();
                });
    }

    /** A hiding's parameters: when, by whom and why it was hidden, then when and by whom the review counts as checked. */
    private static Parameters hiding(AuditEntry audit, String hiddenBy, String reason) {
        return ps -> {
            ps.setTimestamp(1, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
            ps.setString(2, hiddenBy);
            ps.setString(3, reason);
            ps.setTimestamp(4, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
            ps.setString(5, hiddenBy);
            return 6;
        };
    }

    /** Sets the statement's own parameters and returns the index of the next one (the tracking number's). */
    @FunctionalInterface
    private interface Parameters {
        int set(PreparedStatement ps) throws SQLException;
    }

    /**
     * One change of an application's rating row, with its audit entry, in one transaction: {@code setAndCondition}
     * is "columns = values WHERE condition"; when no row meets the condition nothing is written and {@code whyNot}
     * says why, from the rating as it is. The messages about the change go into the outbox in the same transaction.
     */
    private Review change(String what, String trackingNumber, String setAndCondition, Parameters parameters,
                          AuditEntry audit, ReviewMessages messages,
                          java.util.function.Function<Optional<Review>, String> whyNot) {
        return jdbc.inTransaction(what, c -> {
            // the review as it was, read only when someone is to be told of the change (not of an appeal)
            Optional<Review> before = messages == ReviewMessages.NONE ? Optional.empty() : find(c, trackingNumber);
            try (PreparedStatement ps = c.prepareStatement("UPDATE application_rating SET " + setAndCondition
                    + " AND application_id = (SELECT id FROM application WHERE tracking_number = ?)")) {
                ps.setString(parameters.set(ps), trackingNumber);
                if (ps.executeUpdate() == 0) {
                    throw new AlreadyDoneException(whyNot.apply(find(c, trackingNumber)));
                }
            }
            AuditChain.append(c, dialect, audit);
            Review after = find(c, trackingNumber).orElseThrow();
            JdbcOutboxStore.insertAll(c, messages.about(before.orElse(null), after), audit.at());
            return after;
        });
    }

    @Override
    public ReviewSettings settings() {
        return jdbc.read("read the review settings", JdbcRatingStore::settings);
    }

    private static ReviewSettings settings(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT premoderation, changed_at, changed_by FROM review_settings WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("review_settings has lost its row; changeset 0020 writes it");
            }
            return new ReviewSettings(rs.getBoolean(1), Jdbc.instant(rs.getTimestamp(2, Jdbc.UTC.get())), rs.getString(3));
        }
    }

    @Override
    public ReviewSettings premoderation(boolean on, String changedBy, AuditEntry audit) {
        return jdbc.inTransaction("switch review pre-moderation " + (on ? "on" : "off"), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE review_settings SET premoderation = ?, "
                    + "changed_at = ?, changed_by = ? WHERE id = 1 AND premoderation <> ?")) {
                ps.setBoolean(1, on);
                ps.setTimestamp(2, Jdbc.timestamp(audit.at()), Jdbc.UTC.get());
                ps.setString(3, changedBy);
                ps.setBoolean(4, on);
                if (ps.executeUpdate() == 0) {
                    ReviewSettings now = settings(c);
                    throw new AlreadyDoneException("pre-moderation is " + (on ? "on" : "off") + " already"
                            + (now.changedBy() == null ? "" : ", since " + now.changedAt() + " (" + now.changedBy() + ")"));
                }
            }
            AuditChain.append(c, dialect, audit);
            return settings(c);
        });
    }

    @Override
    public Optional<Review> review(String trackingNumber) {
        return jdbc.read("read the rating of " + trackingNumber, c -> find(c, trackingNumber));
    }

    private static Optional<Review> find(Connection c, String trackingNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM application_rating r "
                + "JOIN application a ON a.id = r.application_id WHERE a.tracking_number = ?")) {
            ps.setString(1, trackingNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(review(rs)) : Optional.empty();
            }
        }
    }

    private static Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.nullableInt(rs, 4), rs.getInt(5),
                rs.getString(6), Jdbc.instant(rs.getTimestamp(7, Jdbc.UTC.get())), rs.getString(8),
                Jdbc.instant(rs.getTimestamp(9, Jdbc.UTC.get())), rs.getString(10),
                Jdbc.instant(rs.getTimestamp(11, Jdbc.UTC.get())), rs.getString(12), rs.getString(13),
                Jdbc.instant(rs.getTimestamp(14, Jdbc.UTC.get())), rs.getString(15), rs.getString(16),
                Jdbc.instant(rs.getTimestamp(17, Jdbc.UTC.get())), Jdbc.instant(rs.getTimestamp(18, Jdbc.UTC.get())),
                Jdbc.instant(rs.getTimestamp(19, Jdbc.UTC.get())), Jdbc.instant(rs.getTimestamp(20, Jdbc.UTC.get())),
                Jdbc.instant(rs.getTimestamp(21, Jdbc.UTC.get())), rs.getString(22), rs.getString(23));
    }

    @Override
    public List<Review> reviews(String serviceCode, int limit) {
        return jdbc.read("list reviews of " + serviceCode, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM application_rating r "
                    + "JOIN application a ON a.id = r.application_id WHERE r.service_code = ? ORDER BY r.rated_at DESC"
                    + Jdbc.FIRST_ROWS)) {
                ps.setString(1, serviceCode);
                return Jdbc.rows(ps, 2, limit, JdbcRatingStore::review);
            }
        });
    }

    @Override
    public ReviewBacklog backlog() {
        return jdbc.read("count the reviews to check", c -> {
            // each text waits from when it was written until an operator decides on it: a reply to a review checked
            // long ago has waited since the reply, not since the rating
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), "
                    + "MIN(CASE WHEN comment_text IS NOT NULL AND comment_approved_at IS NULL AND comment_hidden_at IS NULL "
                    + "THEN rated_at END), "
                    + "MIN(CASE WHEN reply_text IS NOT NULL AND reply_approved_at IS NULL AND reply_hidden_at IS NULL "
                    + "THEN replied_at END), "
                    + "MIN(CASE WHEN appeal_text IS NOT NULL AND appeal_decided_at IS NULL THEN appealed_at END), "
                    + "MIN(rated_at) FROM application_rating WHERE " + UNCHECKED); ResultSet rs = ps.executeQuery()) {
                rs.next();
                Instant waiting = null;
                for (int column = 2; column <= 4; column++) {
                    Instant since = Jdbc.instant(rs.getTimestamp(column, Jdbc.UTC.get()));
                    waiting = since != null && (waiting == null || since.isBefore(waiting)) ? since : waiting;
                }
                // a review unchecked with no text waiting by these columns (written before they existed): its rating
                Instant oldestRated = Jdbc.instant(rs.getTimestamp(5, Jdbc.UTC.get()));
                return new ReviewBacklog(rs.getLong(1), waiting != null ? waiting : oldestRated);
            }
        });
    }

    @Override
    public List<Review> uncheckedReviews(int limit) {
        return jdbc.read("list the reviews to check", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM application_rating r "
                    + "JOIN application a ON a.id = r.application_id WHERE " + UNCHECKED
                    + " ORDER BY r.rated_at, r.application_id" + Jdbc.FIRST_ROWS)) {
                return Jdbc.rows(ps, 1, limit, JdbcRatingStore::review);
            }
        });
    }
}
