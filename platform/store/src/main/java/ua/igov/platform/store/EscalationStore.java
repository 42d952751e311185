package ua.igov.platform.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the escalation scheduler reads and writes. The queries use indexes on (status, due_at) and
 * (status, submitted_at) and page by id, so a run reads only the applications near or over a deadline.
 */
public interface EscalationStore {

    /** Applications in one of {@code statuses} due at or before {@code dueBy}, with an id above {@code afterId}, by id. */
    List<EscalationCandidate> dueBy(Set<String> statuses, Instant dueBy, long afterId, int limit);

    /**
     * Applications in {@code status} of one of {@code serviceCodes} due after {@code after} and at or before
     * {@code until}, with an id above {@code afterId}, by id: those a "before due" rule may warn about.
     */
    List<EscalationCandidate> dueBetween(String status, Set<String> serviceCodes, Instant after, Instant until,
                                         long afterId, int limit);

    /** Applications still {@code submitted} that were submitted at or before {@code submittedBy}, by id. */
    List<EscalationCandidate> unclaimedSince(Instant submittedBy, long afterId, int limit);

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
