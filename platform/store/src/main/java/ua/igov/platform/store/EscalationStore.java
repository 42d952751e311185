package ua.igov.platform.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the escalation scheduler reads and writes. The reads page through one status at a time in the order of an
 * index, (status, due_at, id) or (status, submitted_at, id): a page is read from where the previous one ended
 * ({@code after}, its last application; {@code null} for the first page), so each page costs one page's rows
 * however long the backlog is.
 */
public interface EscalationStore {

    /** Applications in {@code status} due at or before {@code dueBy}, by due date and then id, after {@code after}. */
    List<EscalationCandidate> dueBy(String status, Instant dueBy, EscalationCandidate after, int limit);

    /**
     * Applications in {@code status} of one of {@code serviceCodes} due after {@code after} and at or before
     * {@code until}, by due date and then id, after {@code afterApplication}: those a "before due" rule may warn about.
     */
    List<EscalationCandidate> dueBetween(String status, Set<String> serviceCodes, Instant after, Instant until,
                                         EscalationCandidate afterApplication, int limit);

    /**
     * Applications still {@code submitted} that were submitted at or before {@code submittedBy}, by submission time
     * and then id, after {@code after}.
     */
    List<EscalationCandidate> unclaimedSince(Instant submittedBy, EscalationCandidate after, int limit);

    /** The rule keys that already fired for each of these applications in its current step. */
    Map<Long, Set<String>> fired(Collection<EscalationCandidate> applications);

    /**
     * Records an escalation with its history entry, its messages (into the outbox) and its audit entry (and the
     * escalated mark) in one short transaction, unless it was recorded before (by this node or another) or the application has left the step
     * meanwhile; then nothing is written.
     *
     * @return whether it was recorded now
     */
    boolean escalate(Escalation escalation);

    /**
     * Records a group of escalations in one transaction, as {@link #escalate} does each, skipping (without failing
     * the group) each one recorded before or whose application left its step meanwhile. The messages {@code about}
     * makes of the escalations recorded (one digest for many, say) go into the outbox in the same transaction, so
     * a message is written exactly when what it tells of is.
     *
     * @param about given the escalations recorded now (never empty), the messages about them to staff
     * @return the escalations recorded now
     */
    List<Escalation> escalateAll(List<Escalation> group, Function<List<Escalation>, List<OutboxMessage>> about);
}
