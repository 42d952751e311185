package ua.igov.platform.spi;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the platform does when an application gets stuck: "unclaimed for 2 working days → remind the authority",
 * "overdue → notify the supervisor and mark it escalated". A service plugin declares its rules in
 * {@link ServiceType#escalationRules()}, a region in the {@code escalation} section of its catalogue file; the
 * platform has defaults for whatever neither declares. Each rule fires at most once per application and step.
 *
 * @param id          stable and unique among its declarer's rules (lower case, digits, dashes); the record of what
 *                    fired is keyed by it, so renaming a rule makes it fire again
 * @param trigger     what makes it fire
 * @param workingDays for {@link Trigger#UNCLAIMED}: working days since submission; for {@link Trigger#BEFORE_DUE}:
 *                    working days left before the due date; for {@link Trigger#OVERDUE}: working days past it (0 =
 *                    as soon as it is overdue)
 * @param actions     what it does, at least one
 * @param statuses    the statuses it applies in; {@link Trigger#UNCLAIMED} applies only to {@link Status#SUBMITTED}
 * @since 1.1
 */
public record EscalationRule(String id, Trigger trigger, int workingDays, Set<Action> actions, Set<Status> statuses) {

    /** Where the authority's staff must act: a citizen's own deadline (answering questions) is not escalated. */
    public static final Set<Status> STAFF_STATUSES = Set.of(Status.SUBMITTED, Status.IN_REVIEW, Status.APPROVED);

    /** When a rule fires. */
    public enum Trigger {
        /** Still {@code submitted} (nobody claimed it) {@code workingDays} working days after submission. */
        UNCLAIMED,
        /**
         * {@code workingDays} working days (or fewer) left before the current step's due date. Applied only in a
         * status the service's workflow gives more than {@code workingDays} working days: in a shorter one it would
         * fire the moment the status begins.
         */
        BEFORE_DUE,
        /** Past the current step's due date by more than {@code workingDays} working days. */
        OVERDUE;

        /** {@code unclaimed}, {@code before-due}, {@code overdue}: the name in region files and the API. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Trigger fromWireName(String value) {
            return byWireName(values(), Trigger::wireName, value, "trigger");
        }
    }

    /** What a rule does when it fires. */
    public enum Action {
        /** A reminder to the officials of the authority that delivers the service. */
        REMIND_AUTHORITY,
        /** A message to the supervisors of that authority. */
        NOTIFY_SUPERVISOR,
        /** Marks the application escalated until its status changes; officials can filter their queue by it. */
        MARK_ESCALATED;

        /** {@code remind-authority}, {@code notify-supervisor}, {@code mark-escalated}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Action fromWireName(String value) {
            return byWireName(values(), Action::wireName, value, "action");
        }
    }

    private static <E> E byWireName(E[] values, java.util.function.Function<E, String> wireName, String value, String what) {
        return Arrays.stream(values).filter(v -> wireName.apply(v).equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + value + "' (known: "
                        + String.join(", ", Arrays.stream(values).map(wireName).toList()) + ")"));
    }

    /** A rule for the statuses where staff act ({@link #STAFF_STATUSES}). */
    public EscalationRule(String id, Trigger trigger, int workingDays, Set<Action> actions) {
        this(id, trigger, workingDays, actions, trigger == Trigger.UNCLAIMED ? Set.of(Status.SUBMITTED) : STAFF_STATUSES);
    }

    public EscalationRule {
        Objects.requireNonNull(trigger, "trigger");
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("rule id '" + id + "' must be 1 to 40 lower-case letters, digits or dashes");
        }
        if (workingDays < 0 || workingDays > 365) {
            throw new IllegalArgumentException("rule '" + id + "': workingDays must be 0 to 365");
        }
        if (actions == null || actions.isEmpty()) {
            throw new IllegalArgumentException("rule '" + id + "' has no actions");
        }
        if (statuses == null || statuses.isEmpty()) {
            throw new IllegalArgumentException("rule '" + id + "' applies in no status");
        }
        if (statuses.stream().anyMatch(Status::isFinal)) {
            throw new IllegalArgumentException("rule '" + id + "': a decided application is never escalated");
        }
        if (trigger == Trigger.UNCLAIMED && !statuses.equals(Set.of(Status.SUBMITTED))) {
            throw new IllegalArgumentException("rule '" + id + "': 'unclaimed' applies only to submitted applications");
        }
        actions = Set.copyOf(EnumSet.copyOf(actions));
        statuses = Set.copyOf(EnumSet.copyOf(statuses));
    }
}
