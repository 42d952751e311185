package ua.igov.platform.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.EscalationRule.Trigger;
import ua.igov.platform.spi.Status;
import ua.igov.platform.store.EscalationCandidate;

/**
 * Which escalation rules are in force for an application, and whether one fires now. For each trigger the most
 * specific declarer wins: the service plugin's rules of that trigger if it declares any (the service's law sets its
 * deadlines), else the region's, else the platform's defaults. So a region that only says who is reminded about
 * unclaimed applications keeps the platform's overdue rule, and a service with its own overdue rule overrides both.
 */
final class EscalationPolicy {

    /** Where a rule in force comes from; its key qualifies the rule's id with it. */
    enum Source {
        SERVICE, REGION, PLATFORM;

        String key(EscalationRule rule) {
            return name().toLowerCase(java.util.Locale.ROOT) + ":" + rule.id();
        }
    }

    /** A rule in force, with the key that makes it fire once per application and step. */
    record InForce(String key, EscalationRule rule) {
    }

    private static final Pattern RULE = Pattern.compile(
            "\\s*([a-z0-9][a-z0-9-]*)\\s*:\\s*([a-z-]+)\\s+(\\d{1,3})\\s*->\\s*([a-z, -]+?)\\s*");

    private final WorkingCalendar calendar;

    EscalationPolicy(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    static List<InForce> inForce(List<EscalationRule> service, List<EscalationRule> region, List<EscalationRule> platform) {
        List<InForce> rules = new ArrayList<>();
        for (Trigger trigger : Trigger.values()) {
            if (add(rules, service, trigger, Source.SERVICE) || add(rules, region, trigger, Source.REGION)) {
                continue;
            }
            add(rules, platform, trigger, Source.PLATFORM);
        }
        return rules;
    }

    private static boolean add(List<InForce> rules, List<EscalationRule> declared, Trigger trigger, Source source) {
        boolean any = false;
        for (EscalationRule rule : declared) {
            if (rule.trigger() == trigger) {
                rules.add(new InForce(source.key(rule), rule));
                any = true;
            }
        }
        return any;
    }

    /**
     * Whether the rule fires for the application at {@code now}. Working days are counted like deadlines: whole
     * working days after the day of the event, ending at midnight in Kyiv.
     *
     * @param deadlines the working days the service's workflow allows in each status: a "before due" rule fires
     *                  only in a status whose term is longer than the rule's warning. In a one-day status, "one day
     *                  left" is true from the moment the application arrives, and the officials were told about it
     *                  then; a reminder at once would tell them nothing, for every application of the service.
     */
    boolean fires(EscalationRule rule, EscalationCandidate app, Instant now, Map<Status, Integer> deadlines) {
        Status status = Status.fromWireName(app.status());
        if (!rule.statuses().contains(status)) {
            return false;
        }
        return switch (rule.trigger()) {
            case UNCLAIMED -> !now.isBefore(calendar.after(app.submittedAt(), rule.workingDays()));
            // "0: on the due day", the day the due date ends (a holiday listed after it was computed included): on a
            // weekend before a Monday due date the next working day's end is the due date too, but "Due today" on
            // a Saturday would be false
            case BEFORE_DUE -> app.dueAt() != null && !now.isAfter(app.dueAt())
                    && warnsWithinTheTerm(rule, deadlines.get(status))
                    && !calendar.after(now, rule.workingDays()).isBefore(app.dueAt())
                    && (rule.workingDays() > 0 || now.atZone(WorkingCalendar.KYIV).toLocalDate()
                        .equals(app.dueAt().atZone(WorkingCalendar.KYIV).toLocalDate()));
            // "0: the moment it is overdue", as the queue and the statistics count it: rolled to a working day's end,
            // a due day listed as a holiday after the deadline was computed would escalate it days after that
            case OVERDUE -> app.dueAt() != null && now.isAfter(rule.workingDays() == 0 ? app.dueAt()
                    : calendar.after(app.dueAt(), rule.workingDays()));
        };
    }

    /**
     * Whether a "before due" rule's warning is shorter than the status's whole term; if not, it would fire the moment
     * the status begins. A status the workflow gives no term now (a plugin updated since) is not held back: its due
     * date still stands.
     */
    static boolean warnsWithinTheTerm(EscalationRule rule, Integer termWorkingDays) {
        return termWorkingDays == null || termWorkingDays > rule.workingDays();
    }

    /**
     * The latest due date a run must look at: every application due by then may have a "before due" rule firing.
     * Without such rules, only what is overdue now.
     */
    Instant dueHorizon(Instant now, List<EscalationRule> rules) {
        return rules.stream().filter(r -> r.trigger() == Trigger.BEFORE_DUE).mapToInt(EscalationRule::workingDays).max()
                .stream().mapToObj(days -> calendar.after(now, days)).findFirst().orElse(now);
    }

    /**
     * The latest submission an "unclaimed" rule may fire for, loosely: N working days after the day of submission
     * end at least N days (less an hour, for a summer-time change) after it, so the query reads a few more
     * applications than fire and {@link #fires} decides exactly.
     */
    static Instant unclaimedHorizon(Instant now, List<EscalationRule> rules) {
        return rules.stream().filter(r -> r.trigger() == Trigger.UNCLAIMED).mapToInt(EscalationRule::workingDays).min()
                .stream().mapToObj(days -> days == 0 ? now : now.minus(Duration.ofDays(days)).plus(Duration.ofHours(1)))
                .findFirst().orElse(null);
    }

    /** The statuses any deadline rule ("before due", "overdue") applies in. */
    static Set<String> deadlineStatuses(List<EscalationRule> rules) {
        Set<String> statuses = new java.util.TreeSet<>();
        rules.stream().filter(r -> r.trigger() != Trigger.UNCLAIMED)
                .forEach(r -> r.statuses().forEach(s -> statuses.add(s.wireName())));
        return statuses;
    }

    /**
     * A platform default rule as {@code etc/ua.igov.platform.escalation.cfg} writes it:
     * {@code id: trigger workingDays -> action, action}, e.g. {@code overdue: overdue 0 -> notify-supervisor, mark-escalated}.
     */
    static EscalationRule parse(String text) {
        Matcher m = RULE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rule; write it as "
                    + "'id: trigger workingDays -> action, action', e.g. 'overdue: overdue 0 -> notify-supervisor'");
        }
        Set<EscalationRule.Action> actions = EnumSet.noneOf(EscalationRule.Action.class);
        for (String action : m.group(4).split(",")) {
            actions.add(EscalationRule.Action.fromWireName(action.strip()));
        }
        return new EscalationRule(m.group(1), Trigger.fromWireName(m.group(2)), Integer.parseInt(m.group(3)), actions);
    }
}
