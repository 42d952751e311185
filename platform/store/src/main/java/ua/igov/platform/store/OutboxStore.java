package ua.igov.platform.store;

import java.time.Duration;
import java.time.Instant;
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

    /** Writes a message in its own transaction; it is due at once. @return its id */
    long enqueue(OutboxMessage message, Instant now);

    /**
     * Leases up to {@code limit} due messages of the given channels to {@code owner} until {@code now + lease}: pending,
     * due by {@code now}, and not leased to anyone (or their lease expired). Oldest due first.
     */
    List<OutboxEntry> claim(String owner, Set<String> channels, Instant now, Duration lease, int limit);

    /** Records a delivery. @return false if the lease was no longer {@code owner}'s (it expired and was taken over) */
    boolean markSent(long id, String owner, Instant at);

    /**
     * Records a failed attempt: the message becomes due again at {@code retryAt}, or dead when {@code retryAt} is null.
     *
     * @return false if the lease was no longer {@code owner}'s
     */
    boolean markFailed(long id, String owner, String error, Instant retryAt);

    /** Gives back the leases {@code owner} still holds on undelivered messages (a worker stopping in order). */
    int release(String owner);

    /** Makes a dead message pending again, due at {@code now}, with its attempts reset. @return false if not dead */
    boolean retry(long id, Instant now);

    Optional<OutboxEntry> find(long id);

    /** Messages in a status, oldest first. */
    List<OutboxEntry> list(String status, int limit);

    /** Every message about an application, oldest first. */
    List<OutboxEntry> forApplication(String trackingNumber);

    OutboxSummary summary();
}
