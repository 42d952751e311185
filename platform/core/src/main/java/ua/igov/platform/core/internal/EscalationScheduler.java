package ua.igov.platform.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Workflow;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.Escalation;
import ua.igov.platform.store.EscalationCandidate;
import ua.igov.platform.store.EscalationStore;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoreException;

/**
 * Every few minutes, finds the applications near or over a deadline and applies the escalation rules in force for
 * them ({@link EscalationPolicy}). It runs on every node: the database lets each escalation be recorded once, by
 * whichever node gets there first, so a node can die or join at any moment. It keeps no state between runs.
 *
 * <p>An application is escalated only while its service's and its region's plugins are installed on this node:
 * a node still starting must not apply the platform's defaults in place of rules it has not loaded yet.
 */
@Component(immediate = true, configurationPid = "ua.igov.platform.escalation",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EscalationScheduler.Config.class)
public class EscalationScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(EscalationScheduler.class);
    static final String ACTOR = "platform";

    @ObjectClassDefinition(name = "iGov escalation", description = "Reminders and escalations of stuck applications")
    public @interface Config {
        @AttributeDefinition(description = "Whether this node looks for stuck applications (any number of nodes may)")
        boolean enabled() default true;

        @AttributeDefinition(description = "Seconds between two runs; the first run is one interval after start")
        long intervalSeconds() default 300;

        @AttributeDefinition(description = "Applications read per query page")
        int batchSize() default 500;

        @AttributeDefinition(description = "The platform's rules for triggers neither the service nor the region "
                + "declares: 'id: trigger workingDays -> action, action', separated by semicolons")
        String[] defaultRules() default {
            "unclaimed: unclaimed 1 -> remind-authority",
            "due-soon: before-due 1 -> remind-authority",
            "overdue: overdue 0 -> notify-supervisor, mark-escalated"
        };

        @AttributeDefinition(description = "Where staff get reminders and escalations: 'authority[@region] role "
                + "channel:address' (authority an id or *, region a region id, role officials or supervisors), "
                + "separated by semicolons")
        String[] staffAddresses() default {};
    }

    private final InstalledPlugins plugins;
    private final EscalationStore store;
    private final ApplicationStore applications;
    /** The terms an application follows are those recorded with its form version, as for its steps. */
    private final RecordedWorkflows recordedWorkflows;
    private final EscalationPolicy policy;
    private final Clock clock;
    private final List<EscalationRule> defaults;
    private final EscalationMessages messages;
    private final int batchSize;
    private final ScheduledExecutorService timer;

    /**
     * @param clock a {@link Clock} service registered with an {@code igov.clock} property replaces the system
     *              clock (tests in the container drive time with it); the component restarts when one appears
     */
    @Activate
    public EscalationScheduler(@Reference InstalledPlugins plugins, @Reference EscalationStore store,
                               @Reference ApplicationStore applications, @Reference WorkingCalendar calendar,
                               @Reference(cardinality = ReferenceCardinality.OPTIONAL,
                                       policyOption = ReferencePolicyOption.GREEDY, target = "(igov.clock=*)") Clock clock,
                               Config config) {
        this(plugins, store, applications, calendar, clock == null ? Clock.systemUTC() : clock,
                defaultRules(config.defaultRules()),
                StaffAddresses.parse(config.staffAddresses()), Math.max(1, config.batchSize()));
        if (config.enabled()) {
            long interval = Math.max(1, config.intervalSeconds());
            timer.scheduleWithFixedDelay(this::runLogged, interval, interval, TimeUnit.SECONDS);
            LOG.info("Escalation scheduler started: every {} s, platform rules {}", interval,
                    defaults.stream().map(EscalationRule::id).toList());
        } else {
            LOG.info("Escalation scheduler disabled on this node (etc/ua.igov.platform.escalation.cfg)");
        }
    }

    EscalationScheduler(InstalledPlugins plugins, EscalationStore store, ApplicationStore applications,
                        WorkingCalendar calendar, Clock clock, List<EscalationRule> defaults, StaffAddresses staff,
                        int batchSize) {
        this.plugins = plugins;
        this.store = store;
        this.applications = applications;
        this.recordedWorkflows = new RecordedWorkflows(applications);
        this.policy = new EscalationPolicy(calendar);
        this.clock = clock;
        this.defaults = List.copyOf(defaults);
        this.messages = new EscalationMessages(staff);
        this.batchSize = batchSize;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "igov-escalation");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A mistake in the configured defaults is refused at start, naming the rule, rather than ignored. Rules are
     * separated by semicolons, so one line of a {@code .cfg} file holds them all. Two rules with one id are a mistake
     * too, as in a plugin or a region file: what fired is recorded by rule id, so one of them would never fire.
     */
    static List<EscalationRule> defaultRules(String[] texts) {
        List<EscalationRule> rules = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String text : java.util.Arrays.stream(texts).flatMap(t -> java.util.Arrays.stream(t.split(";"))).toList()) {
            if (!text.isBlank()) {
                EscalationRule rule;
                try {
                    rule = EscalationPolicy.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("etc/ua.igov.platform.escalation.cfg defaultRules: " + e.getMessage(), e);
                }
                if (!ids.add(rule.id())) {
                    throw new IllegalArgumentException("etc/ua.igov.platform.escalation.cfg defaultRules: two rules "
                            + "are named '" + rule.id() + "'; give each its own name");
                }
                rules.add(rule);
            }
        }
        return rules;
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
        LOG.info("Escalation scheduler stopped");
    }

    private void runLogged() {
        try {
            long start = System.nanoTime();
            Run run = run();
            long millis = (System.nanoTime() - start) / 1_000_000;
            // Operators see each run that did something or took long; a quiet short run only at debug level.
            if (run.fired > 0 || millis >= 1000) {
                LOG.info("Escalation run: {} escalation(s) recorded; {} application(s) near or over a deadline read "
                        + "in {} ms", run.fired, run.read, millis);
            } else {
                LOG.debug("Escalation run: nothing due; {} application(s) read in {} ms", run.read, millis);
            }
        } catch (StoreException e) {
            LOG.warn("Escalation run failed, next run retries: {}", e.getMessage());
        } catch (RuntimeException | Error e) {
            // a task that throws is never run again: whatever a plugin's code threw, the next run must come
            LOG.error("Escalation run failed, next run retries", e);
        }
    }

    /** One run: every escalation due now is recorded, once; returns how many this run recorded. */
    int runOnce() {
        return run().fired;
    }

    /** What one run did: applications read as near or over a deadline, escalations recorded. */
    static final class Run {
        int read;
        int fired;
    }

    /**
     * One run. Overdue applications are read whatever their service. Those not yet due are read only for the
     * services a "before due" rule may still warn about in their status: a run must not read every application of
     * a one-day service, due tomorrow, to find that none of them gets a warning.
     */
    Run run() {
        Instant now = clock.instant();
        Map<String, RulesInForce> rulesByServiceAndRegion = new HashMap<>();
        List<EscalationRule> everyRule = everyRule();
        Run run = new Run();
        Set<String> statuses = EscalationPolicy.deadlineStatuses(everyRule);
        for (String status : statuses) {
            pages(after -> store.dueBy(status, now, after, batchSize), now, rulesByServiceAndRegion, run);
        }
        Instant dueBy = policy.dueHorizon(now, everyRule);
        if (dueBy.isAfter(now)) {
            Map<String, List<Workflow>> recorded = new HashMap<>(); // each service's read once per run
            for (String status : statuses) {
                Set<String> services = warnedServices(Status.fromWireName(status), recorded);
                pages(after -> store.dueBetween(status, services, now, dueBy, after, batchSize), now,
                        rulesByServiceAndRegion, run);
            }
        }
        Instant submittedBy = EscalationPolicy.unclaimedHorizon(now, everyRule);
        if (submittedBy != null) {
            pages(after -> store.unclaimedSince(submittedBy, after, batchSize), now, rulesByServiceAndRegion, run);
        }
        return run;
    }

    /**
     * The services installed here whose applications in {@code status} a "before due" rule may warn about: one of
     * the service's own such rules, or if it declares none one of any region's or the platform's, applies in the
     * status and warns earlier than the status's whole term (see {@link EscalationPolicy#fires}) in the installed
     * workflow or in one recorded with any of its form versions (applications in flight follow theirs). Loose on
     * purpose (any region's rule, any form version counts): the policy decides exactly for each application read.
     */
    private Set<String> warnedServices(Status status, Map<String, List<Workflow>> recorded) {
        List<EscalationRule> elsewhere = new ArrayList<>(defaults);
        plugins.regions().forEach(r -> elsewhere.addAll(r.catalogue().escalation()));
        Set<String> codes = new java.util.TreeSet<>();
        for (InstalledServiceType type : plugins.serviceTypes()) {
            Optional<List<EscalationRule>> own = serviceRules(type);
            if (own.isEmpty()) {
                continue; // its rules could not be read when it arrived: its applications wait for a version that can
            }
            List<EscalationRule> beforeDue = beforeDue(own.get());
            List<EscalationRule> applying = (beforeDue.isEmpty() ? beforeDue(elsewhere) : beforeDue).stream()
                    .filter(rule -> rule.statuses().contains(status)).toList();
            if (applying.isEmpty()) {
                continue;
            }
            List<Integer> terms = new ArrayList<>();
            terms.add(type.workflow().deadlines().get(status));
            recorded.computeIfAbsent(type.code(), this::recordedWorkflows)
                    .forEach(workflow -> terms.add(workflow.deadlines().get(status)));
            if (applying.stream().anyMatch(rule -> terms.stream()
                    .anyMatch(term -> EscalationPolicy.warnsWithinTheTerm(rule, term)))) {
                codes.add(type.code());
            }
        }
        return codes;
    }

    /** The workflows recorded with the service's form versions; a stored one that cannot be read is left out. */
    private List<Workflow> recordedWorkflows(String serviceCode) {
        List<Workflow> workflows = new ArrayList<>();
        applications.workflows(serviceCode).forEach((formVersion, json) -> {
            try {
                workflows.add(WorkflowJson.read(json));
            } catch (IllegalArgumentException e) {
                LOG.warn("The workflow stored with form {} of '{}' cannot be read: {}", formVersion, serviceCode,
                        e.getMessage());
            }
        });
        return workflows;
    }

    private static List<EscalationRule> beforeDue(List<EscalationRule> rules) {
        return rules.stream().filter(r -> r.trigger() == EscalationRule.Trigger.BEFORE_DUE).toList();
    }

    /** Every rule that may be in force anywhere now: the query bounds are the loosest of them. */
    private List<EscalationRule> everyRule() {
        List<EscalationRule> rules = new ArrayList<>(defaults);
        plugins.regions().forEach(r -> rules.addAll(r.catalogue().escalation()));
        plugins.serviceTypes().forEach(t -> rules.addAll(serviceRules(t).orElse(List.of())));
        return rules;
    }

    /** Every page of one query, each read from where the previous one ended (its last application). */
    private void pages(Function<EscalationCandidate, List<EscalationCandidate>> page, Instant now, Map<String, RulesInForce> cache,
                       Run run) {
        EscalationCandidate after = null;
        List<EscalationCandidate> candidates;
        do {
            candidates = page.apply(after);
            run.read += candidates.size();
            Map<Long, Set<String>> done = store.fired(candidates);
            Map<Recipients, List<Escalation>> groups = new LinkedHashMap<>();
            for (EscalationCandidate app : candidates) {
                Set<String> already = done.getOrDefault(app.id(), Set.of());
                RulesInForce inForce = rulesFor(app, cache);
                for (EscalationPolicy.InForce rule : inForce.rules()) {
                    if (!already.contains(rule.key()) && policy.fires(rule.rule(), app, now, inForce.deadlines())) {
                        groups.computeIfAbsent(new Recipients(app.authorityId(), app.regionId(), rule),
                                        k -> new ArrayList<>())
                                .add(escalation(app, rule, now));
                    }
                }
                after = app;
            }
            for (Map.Entry<Recipients, List<Escalation>> group : groups.entrySet()) {
                Recipients to = group.getKey();
                run.fired += store.escalateAll(group.getValue(), recorded -> messages.messages(to.rule().rule(),
                        to.authorityId(), to.regionId(), recorded.stream().map(Escalation::application).toList()))
                        .size();
            }
        } while (candidates.size() == batchSize);
    }

    /**
     * Escalations by one rule at one authority in one region in one page of a run: recorded together, and told to
     * that authority's staff for that region in one message per address (one authority id may serve several regions).
     */
    private record Recipients(Integer authorityId, String regionId, EscalationPolicy.InForce rule) {
    }

    /**
     * The rules in force for one service in one region, and the terms the workflow of one of its form versions gives
     * each status.
     */
    private record RulesInForce(List<EscalationPolicy.InForce> rules, Map<Status, Integer> deadlines) {
        static final RulesInForce NOT_KNOWN_HERE = new RulesInForce(List.of(), Map.of());
    }

    private RulesInForce rulesFor(EscalationCandidate app, Map<String, RulesInForce> cache) {
        return cache.computeIfAbsent(app.serviceCode() + "\n" + app.formVersion() + "\n" + app.regionId(), k -> {
            Optional<RegionIndex> region = app.regionId() == null ? Optional.empty() : plugins.region(app.regionId());
            Optional<InstalledServiceType> type = plugins.serviceType(app.serviceCode());
            Optional<List<EscalationRule>> service = type.flatMap(this::serviceRules);
            if (region.isEmpty() || service.isEmpty()) {
                // not all known on this node now: a run after the plugin or region arrives (here or on another node)
                // will do it; a plugin whose rules could not be read waits for a version whose rules can
                return RulesInForce.NOT_KNOWN_HERE;
            }
            Workflow workflow;
            try {
                workflow = recordedWorkflows.of(app.serviceCode(), app.formVersion())
                        .orElseGet(() -> type.get().workflow());
            } catch (IllegalArgumentException unreadable) {
                // one unreadable stored workflow must not stop every run for every service
                LOG.warn("The workflow stored with form {} of '{}' cannot be read ({}); its escalations count with "
                        + "the installed plugin's terms", app.formVersion(), app.serviceCode(), unreadable.getMessage());
                workflow = type.get().workflow();
            }
            return new RulesInForce(EscalationPolicy.inForce(service.get(), region.get().catalogue().escalation(),
                    defaults), workflow.deadlines());
        });
    }

    /**
     * A service's rules, read when its plugin arrived (see {@link InstalledServiceType}); empty if they could not be
     * (logged then), and its applications wait for a version whose rules can be read.
     */
    private Optional<List<EscalationRule>> serviceRules(InstalledServiceType type) {
        return type.escalationRules();
    }

    private Escalation escalation(EscalationCandidate app, EscalationPolicy.InForce inForce, Instant now) {
        EscalationRule rule = inForce.rule();
        String actions = rule.actions().stream().map(EscalationRule.Action::wireName).sorted()
                .collect(Collectors.joining(","));
        String details = "{\"rule\":\"" + inForce.key() + "\",\"trigger\":\"" + rule.trigger().wireName()
                + "\",\"workingDays\":" + rule.workingDays() + ",\"actions\":[\""
                + String.join("\",\"", actions.split(",")) + "\"]}";
        String note = EscalationNotes.note(rule, messages.unreachable(rule, app, EscalationRule.Action.REMIND_AUTHORITY),
                messages.unreachable(rule, app, EscalationRule.Action.NOTIFY_SUPERVISOR));
        return new Escalation(app, inForce.key(), rule.trigger().wireName(), actions,
                rule.actions().contains(EscalationRule.Action.MARK_ESCALATED),
                new StatusChange(app.status(), now, ACTOR, StepDeadline.ESCALATE, note, details),
                new AuditEntry(now, ACTOR + ":escalation", "escalate", app.trackingNumber(),
                        inForce.key() + " (" + rule.trigger().wireName() + " " + rule.workingDays() + "): " + actions));
    }
}
