package ua.igov.platform.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The transactional outbox: messages written durably (with a workflow step through {@link ApplicationStore}, or on
 * their own through {@link #enqueue}) and delivered later by a worker. Claiming works through a lease taken by a
 * conditional UPDATE, so several nodes sharing one database never hold the same message at once; a lease of a node
 * that died expires and another node takes the message over.
 */
public interface OutboxStore {

    String PENDING = "pending";
    String SENT = "sent";
    String DEAD = "dead";

    /** {@link OutboxEntry#doubt()}: its node lost the lease without a result; the channel is to be asked. */
    String IN_DOUBT = "open";
    /** {@link OutboxEntry#doubt()}: the channel said it had the message; recorded as sent without sending again. */
    String CONFIRMED = "confirmed";
    /** {@link OutboxEntry#doubt()}: the channel said it did not have it; sent once. */
    String NOT_DELIVERED = "not-delivered";
    /** {@link OutboxEntry#doubt()}: the channel could not tell; sent again with the same key. */
    String RESENT = "resent";

    /** Writes a message in its own transaction; it is due at once. @return its id */
    long enqueue(OutboxMessage message, Instant now);

    /**
     * Leases up to {@code limit} due messages of the given channels to {@code owner} until {@code now + lease}: pending,
     * due by {@code now}, and not leased to anyone (or their lease expired). Oldest due first.
     *
     * <p>A message whose lease expired is left {@link OutboxEntry#inDoubt() in doubt}: its owner neither recorded a
     * result nor gave it back, so it may have handed it over before it died. It stays in doubt until a
     * {@link #markSent(long, String, Instant, String, String)} settles it, through failed attempts and releases.
     */
    List<OutboxEntry> claim(String owner, Set<String> channels, Instant now, Duration lease, int limit);

    /** Records a delivery. @return false if the lease was no longer {@code owner}'s (it expired and was taken over) */
    default boolean markSent(long id, String owner, Instant at) {
        return markSent(id, owner, at, null, null);
    }

    /**
     * Records a delivery, or a message in doubt found delivered, and how its doubt was settled.
     *
     * @param doubt how it was settled ({@link #CONFIRMED}, {@link #NOT_DELIVERED}, {@link #RESENT}), or {@code null}
     *              to leave it as it is
     * @param note  kept where {@link OutboxEntry#lastError()} was, or {@code null}
     * @return false if the lease was no longer {@code owner}'s (it expired and was taken over)
     */
    boolean markSent(long id, String owner, Instant at, String doubt, String note);

    /**
     * Records a failed attempt: the message becomes due again at {@code retryAt}, or dead when {@code retryAt} is null.
     * A message in doubt stays in doubt.
     *
     * @return false if the lease was no longer {@code owner}'s
     */
    default boolean markFailed(long id, String owner, String error, Instant retryAt) {
        return markFailed(id, owner, error, retryAt, false);
    }

    /**
     * The same; with {@code outcomeUnknown}, the message is put in doubt ({@link #IN_DOUBT}), so its next attempt
     * asks the channel whether it has it before sending it again.
     */
    boolean markFailed(long id, String owner, String error, Instant retryAt, boolean outcomeUnknown);

    /**
     * Gives back the leases {@code owner} still holds on undelivered messages (a worker stopping in order): they are
     * not in doubt, since the worker stopped sending first; those that already were stay so.
     */
    default int release(String owner) {
        return release(owner, java.util.Set.of());
    }

    /**
     * Gives back the leases {@code owner} holds, except on {@code sentNotRecorded}: messages its channel took but
     * whose sending could not be recorded. Those leases run out by themselves, so the node that takes them over finds
     * them in doubt and asks the channel before it sends them again.
     */
    int release(String owner, Collection<Long> sentNotRecorded);

    /**
     * Gives back the leases {@code owner} holds on these messages, none of which was handed to its channel: a round
     * that ended early (the database away for a moment) leaves them due at once for any node, not in doubt. Only
     * leases that run out by {@code leasedUntil}, the round's own: one renewed since, or taken again by another lane
     * of the same owner (a replaced channel's) after the round's ran out, is left to run out.
     */
    int releaseUnsent(String owner, Collection<Long> ids, Instant leasedUntil);

    /**
     * Extends the leases {@code owner} still holds on these messages to {@code now + lease}, so that a batch which
     * takes long to send (a slow channel) is not taken over by another node while this one is still sending it. A
     * lease that has already run out is not extended: another node may hold the message now.
     *
     * @return the ids whose lease was extended
     */
    Set<Long> renew(String owner, Collection<Long> ids, Instant now, Duration lease);

    /**
     * Makes a dead message pending again, due at {@code now}, with its attempts reset, and records it on the audit
     * trail as {@code by}'s ({@code retry-notification}) in the same transaction. @return false if not dead
     */
    boolean retry(long id, Instant now, String by);

    /**
     * Makes pending messages that wait for a later retry due at {@code now} (an operator fixed what failed them and
     * does not want to wait out the back-off): the one with {@code id}, or every one when {@code id} is null. A
     * message leased to a node now is left to it. Attempts are kept. If any was, the audit trail records it as
     * {@code by}'s ({@code send-notifications-now}) in the same transaction.
     *
     * @return how many were made due
     */
    int sendNow(Long id, Instant now, String by);

    Optional<OutboxEntry> find(long id);

    /** Messages in a status: pending and dead ones oldest first, sent ones newest first. */
    List<OutboxEntry> list(String status, int limit);

    /** Every message about an application, oldest first. */
    List<OutboxEntry> forApplication(String trackingNumber);

    OutboxSummary summary();
}
