package ua.igov.platform.spi;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a service's applications move: the transitions each role may take, and how many working days each status
 * may last before the application is overdue. A service that declares none gets {@link #DEFAULT}.
 *
 * @param deadlines working days allowed in a status, 0 (the day the status begins) to {@value #LONGEST_TERM}; a
 *                  status not listed has no deadline
 */
public record Workflow(List<Transition> transitions, Map<Status, Integer> deadlines) {

    public static final String CLAIM = "claim";
    public static final String REQUEST_INFORMATION = "request-information";
    public static final String ANSWER = "answer";
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String ISSUE = "issue";
    public static final String CANCEL = "cancel";
    public static final String REASSIGN = "reassign";

    /** The longest term a status may have, in working days: about a year and a half. */
    public static final int LONGEST_TERM = 365;

    private static final Set<Role> STAFF = Set.of(Role.OFFICIAL, Role.SUPERVISOR);

    /**
     * Claim, review (asking the citizen for more where needed), decide, issue. The citizen may cancel until a
     * decision; a supervisor may hand an application under review to another official.
     */
    public static final Workflow DEFAULT = new Workflow(List.of(
            new Transition(CLAIM, Set.of(Status.SUBMITTED), Status.IN_REVIEW, STAFF),
            new Transition(REQUEST_INFORMATION, Set.of(Status.IN_REVIEW), Status.NEEDS_INFORMATION, STAFF),
            new Transition(ANSWER, Set.of(Status.NEEDS_INFORMATION), Status.IN_REVIEW, Set.of(Role.CITIZEN)),
            new Transition(APPROVE, Set.of(Status.IN_REVIEW), Status.APPROVED, STAFF),
            new Transition(REJECT, Set.of(Status.IN_REVIEW), Status.REJECTED, STAFF),
            new Transition(ISSUE, Set.of(Status.APPROVED), Status.ISSUED, STAFF),
            new Transition(CANCEL, Set.of(Status.SUBMITTED, Status.IN_REVIEW, Status.NEEDS_INFORMATION), Status.CANCELLED,
                    Set.of(Role.CITIZEN)),
            new Transition(REASSIGN, Set.of(Status.IN_REVIEW), Status.IN_REVIEW, Set.of(Role.SUPERVISOR))),
            Map.of(Status.SUBMITTED, 2, Status.IN_REVIEW, 10, Status.NEEDS_INFORMATION, 15, Status.APPROVED, 5));

    public Workflow {
        transitions = List.copyOf(transitions);
        Map<Status, Integer> copy = new EnumMap<>(Status.class);
        copy.putAll(deadlines);
        deadlines = Map.copyOf(copy);
        deadlines.forEach((status, days) -> {
            // A negative term would make every application overdue at once; a huge one would make every deadline
            // a count through millions of calendar days.
            if (days < 0 || days > LONGEST_TERM) {
                throw new IllegalArgumentException("the term of '" + status.wireName() + "' must be 0 to " + LONGEST_TERM
                        + " working days, was " + days);
            }
        });
        Set<String> actions = new HashSet<>();
        for (Transition t : transitions) {
            if (!actions.add(t.action())) {
                throw new IllegalArgumentException("action '" + t.action() + "' is declared twice");
            }
            if (t.from().stream().anyMatch(Status::isFinal)) {
                throw new IllegalArgumentException("action '" + t.action() + "' leaves a final status");
            }
        }
    }

    public Optional<Transition> transition(String action) {
        return transitions.stream().filter(t -> t.action().equals(action)).findFirst();
    }

    /**
     * The same workflow with other deadlines, for services whose law sets other terms. The map replaces the whole of
     * {@link #deadlines()}: a status left out has no deadline (it is never overdue, and never escalated by a
     * {@code before-due} or {@code overdue} rule), so start from
     * {@code Workflow.DEFAULT.deadlines()} and change what differs.
     */
    public Workflow withDeadlines(Map<Status, Integer> newDeadlines) {
        return new Workflow(transitions, newDeadlines);
    }
}
