package ua.igov.platform.core.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.core.ApplicationPage;
import ua.igov.platform.core.ApplicationReceipt;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.ApplicationStatus;
import ua.igov.platform.core.ApplicationSummary;
import ua.igov.platform.core.ApplicationView;
import ua.igov.platform.core.AttachmentDownload;
import ua.igov.platform.core.AuditReport;
import ua.igov.platform.core.AuditTrail;
import ua.igov.platform.core.AuditTrailEntry;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.OperatorsOnly;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.Problems;
import ua.igov.platform.spi.Decision;
import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.Offering;
import ua.igov.platform.spi.Role;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.SubmissionRejectedException;
import ua.igov.platform.spi.Transition;
import ua.igov.platform.spi.Workflow;
import ua.igov.platform.store.ApplicationHead;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.Attachment;
import ua.igov.platform.store.AttachmentFile;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.AuditVerification;
import ua.igov.platform.store.CitizenContact;
import ua.igov.platform.store.ConcurrentChangeException;
import ua.igov.platform.store.ListPosition;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.OutboxMessage;
import ua.igov.platform.store.QueueQuery;
import ua.igov.platform.store.StaffDirectory;
import ua.igov.platform.store.StateChange;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoreException;
import ua.igov.platform.store.StoredApplication;

/**
 * Applications from submission to decision. Every request is checked in this order: who is asking (an application
 * the caller may not see answers 404, as if it did not exist), then the request itself, then the workflow; only
 * then is anything stored, in one transaction with its history and audit entries.
 */
@Component(service = ApplicationService.class, configurationPid = "ua.igov.platform.core",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ApplicationManager.Config.class)
public class ApplicationManager implements ApplicationService {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationManager.class);
    private static final Set<String> ENVELOPE_FIELDS = Set.of("region", "placeId", "form", "contact");
    static final String DEFAULT_STATUS_LINK = "http://localhost:8181/api/applications/{trackingNumber}";
    static final int MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
    /** 20 files of at most 5 MiB: enough for any real application, and a bound on what one citizen can store. */
    static final int MAX_ATTACHMENTS = 20;
    /** What a queue shows by default: the steps where staff must act, in the order of the workflow. */
    static final List<String> STAFF_STEPS = java.util.Arrays.stream(Status.values())
            .filter(EscalationRule.STAFF_STATUSES::contains).map(Status::wireName).toList();
    /** The endings a file's name may have for each type, so what a downloader saves opens as what was checked. */
    static final Map<String, List<String>> ATTACHMENT_EXTENSIONS = Map.of("application/pdf", List.of(".pdf"),
            "image/jpeg", List.of(".jpg", ".jpeg"), "image/png", List.of(".png"));
    static final Set<String> ATTACHMENT_TYPES = ATTACHMENT_EXTENSIONS.keySet();
    static final int MAX_LIST = 200;
    /** The history entry of an issue the plugin failed; not a workflow step, so no plugin can declare it. */
    static final String ISSUE_FAILED = "issue-failed";
    /** The audit action of a look by staff at what a citizen gave or wrote. */
    static final String READ_PERSONAL_DATA = "read-personal-data";

    @ObjectClassDefinition(name = "iGov core", description = "How this installation issues tracking numbers")
    public @interface Config {
        @AttributeDefinition(description = "1 to 4 digits that start every tracking number this installation issues")
        String origin() default "1";

        @AttributeDefinition(description = "How long a service plugin's code may take on one call, in milliseconds")
        long pluginTimeoutMillis() default 5000;

        @AttributeDefinition(description = "The public address where a citizen follows an application, with "
                + "{trackingNumber} in it; every notification links to it")
        String statusLink() default DEFAULT_STATUS_LINK;
    }

    private final InstalledPlugins plugins;
    private final ApplicationStore store;
    /** The names citizens see in place of staff logins. */
    private final StaffDirectory staffNames;
    /** The realm's accounts: whom an application may be handed over to. */
    private final StaffAccounts accounts;
    private final Clock clock;
    private volatile String origin;
    private final PluginGuard guard;
    private final WorkingCalendar calendar;
    private volatile CitizenNotifications notifications;
    private final RecordedWorkflows recordedWorkflows;

    @Activate
    public ApplicationManager(@Reference InstalledPlugins plugins, @Reference ApplicationStore store,
                              @Reference StaffDirectory staffNames, @Reference StaffAccounts accounts,
                              @Reference WorkingCalendar calendar, Config config) {
        this(plugins, store, staffNames, accounts, calendar, Clock.systemUTC(), config.origin(),
                java.time.Duration.ofMillis(config.pluginTimeoutMillis()), config.statusLink());
    }

    ApplicationManager(InstalledPlugins plugins, ApplicationStore store, StaffDirectory staffNames,
                       WorkingCalendar calendar, Clock clock, String origin, java.time.Duration pluginTimeout) {
        this(plugins, store, staffNames, StaffAccounts.NONE, calendar, clock, origin, pluginTimeout, DEFAULT_STATUS_LINK);
    }

    ApplicationManager(InstalledPlugins plugins, ApplicationStore store, StaffDirectory staffNames,
                       StaffAccounts accounts, WorkingCalendar calendar, Clock clock, String origin,
                       java.time.Duration pluginTimeout, String statusLink) {
        this.plugins = plugins;
        this.store = store;
        this.staffNames = staffNames;
        this.accounts = accounts;
        this.calendar = calendar;
        this.clock = clock;
        this.origin = origin;
        TrackingNumbers.format(origin, 0); // refuse a bad origin at start, not at the first citizen's submission
        this.guard = new PluginGuard(pluginTimeout);
        this.notifications = new CitizenNotifications(statusLink, guard);
        this.recordedWorkflows = new RecordedWorkflows(store);
    }

    /**
     * A changed timeout, origin or status link applies to the next request; nothing restarts, no request in flight
     * fails. A change with a bad value is refused as a whole and the platform keeps serving as it was configured
     * before: an operator's typo must not take the API down, and half a change would be worse than none.
     */
    @org.osgi.service.component.annotations.Modified
    void modified(Config config) {
        apply(config);
    }

    /**
     * What is wrong with a configuration of this PID, or {@code null}: the one check of every component that reads
     * it ({@link RatingManager} takes the status link), so that none applies a part of a change the others refuse.
     */
    static String configProblem(Config config) {
        try {
            TrackingNumbers.format(config.origin(), 0);
            new CitizenNotifications(config.statusLink());
            PluginGuard.checked(java.time.Duration.ofMillis(config.pluginTimeoutMillis()));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** @return whether the change was applied */
    boolean apply(Config config) {
        String problem = configProblem(config);
        if (problem != null) {
            LOG.error("etc/ua.igov.platform.core.cfg: {}; nothing of this change applied, keeping origin {}, plugin "
                    + "timeout {} ms and status link {} until it is fixed", problem, origin,
                    guard.timeout().toMillis(), notifications.statusLinkPattern());
            return false;
        }
        this.origin = config.origin();
        guard.timeout(PluginGuard.checked(java.time.Duration.ofMillis(config.pluginTimeoutMillis())));
        this.notifications = new CitizenNotifications(config.statusLink(), guard);
        LOG.info("Configuration changed: origin {}, plugin timeout {} ms, status link {}", config.origin(),
                config.pluginTimeoutMillis(), config.statusLink());
        return true;
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        guard.close();
    }

    // ---- submitting ---------------------------------------------------------------------------------------------

    @Override
    public ApplicationReceipt submit(Caller caller, String requestedCode, byte[] body) {
        Caller.CitizenCaller citizen = citizenOnly(caller, "Only a signed-in citizen can apply.");
        InstalledServiceType type = plugins.serviceType(requestedCode)
                .or(() -> requestedCode.matches("\\d{1,9}") ? plugins.serviceTypeFor(Integer.parseInt(requestedCode)) : Optional.empty())
                .orElseThrow(() -> notInstalledOrUnknown(requestedCode));
        String serviceCode = type.code(); // a catalogue id applies through the service type that implements it
        ObjectNode envelope = parseEnvelope(body);
        String regionId = envelope.get("region").asText();
        Integer placeId = envelope.hasNonNull("placeId") ? envelope.get("placeId").asInt() : null;
        Offering offering = onlineOffering(type, regionId, placeId);
        JsonNode form = envelope.get("form");
        ContactDetails.Given asked = ContactDetails.given(envelope.get("contact"));

        List<FieldProblem> formProblems = type.form().validate(form);
        if (!formProblems.isEmpty()) {
            throw Problems.invalidForm(formProblems);
        }
        CitizenContact contact = ContactDetails.of(asked, ContactDetails.onTheForm(form, type.contactFields().email(),
                type.contactFields().phone()), citizen.citizen());
        Instant submittedAt = clock.instant();
        Submission submission = new Submission(serviceCode, regionId, placeId, values(form), submittedAt);
        try {
            guard.call(serviceCode, type.type(), "check the application", () -> {
                type.type().handler().onSubmit(submission);
                return null;
            });
        } catch (SubmissionRejectedException e) {
            throw Problems.invalidForm(e.problems());
        }
        long fee = Math.max(0, guard.callUnchecked(serviceCode, type.type(), "compute the fee",
                () -> type.type().feeInKopiykas(submission)));
        Instant now = submittedAt; // the moment the handler and the fee were told, stored as the submission's
        // the recorded one, if this version was served before: a node whose plugin changed it without a new form
        // version must not give this application other deadlines than the other nodes would
        String formVersion = type.formVersion();
        Workflow workflow = recordedWorkflows.of(serviceCode, formVersion).orElseGet(() -> {
            // Not recorded yet: the database was away when the plugin arrived. Recorded now, so that this application
            // and every later one follow the stored workflow, and an answer finds the stored schema; but only while
            // this plugin is still the one served, or a submission begun before an update would write the old
            // plugin's name and versions over the new one's.
            if (plugins.serviceType(serviceCode).filter(served -> served == type).isEmpty()) {
                throw Problems.unavailable("The service was updated while this application was being made, so it "
                        + "was not accepted. Send it again.");
            }
            try {
                ServiceTypeRecorder.record(store, type);
                return recordedWorkflows.of(serviceCode, formVersion).orElse(type.workflow());
            } catch (StoreException e) {
                LOG.error("Application for '{}' not stored: its form version could not be recorded: {}", serviceCode,
                        e.getMessage());
                throw Problems.unavailable("The application could not be saved, so it was not accepted.");
            } catch (RuntimeException | LinkageError e) {
                // not a database failure (its workflow could not be written down): served as it is, recorded another time
                LOG.warn("Form {} of '{}' could not be recorded: {}", formVersion, serviceCode, e.toString());
                return type.workflow();
            }
        });
        StatusChange first = new StatusChange(Status.SUBMITTED.wireName(), now, caller.name(), "submit", null, null);
        // The plugin's text is asked for now, not inside the transaction that waits for the tracking number: a slow
        // plugin would hold the database's writer there, and every service's submissions would queue behind it.
        java.util.function.Function<String, List<OutboxMessage>> messages = notifications.aboutLater("submit",
                Status.SUBMITTED, contact, type, type.name().in(contact == null ? "uk" : contact.language()),
                null);
        try {
            StoredApplication stored = store.insert(new NewApplication(serviceCode, regionId, placeId,
                    offering.serviceId(), offering.id(), type.formVersion(), type.origin().version(),
                    Json.MAPPER.writeValueAsString(form), first, citizen.citizen().ownerKey(), offering.authorityId(),
                    deadline(workflow, Status.SUBMITTED, now), fee),
                    number -> TrackingNumbers.format(origin, number),
                    new AuditEntry(now, caller.name(), "submit", null, serviceCode + " at offering " + offering.id()),
                    contact, messages);
            LOG.debug("Application {} for '{}' submitted", stored.trackingNumber(), serviceCode);
            return new ApplicationReceipt(stored.trackingNumber(), serviceCode, stored.status(), stored.submittedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed form always serialises", e);
        } catch (StoreException e) {
            LOG.error("Application for '{}' not stored: {}", serviceCode, e.getMessage());
            throw WriteFailures.problem(e, "The application could not be saved, so it was not accepted.",
                    "that your application was saved. Look for it among your applications before you send it again, "
                            + "so that it is not there twice.");
        }
    }

    /** Names Windows keeps for devices, with any extension. */
    private static final java.util.regex.Pattern WINDOWS_DEVICE =
            java.util.regex.Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³])(\\..*)?");

    /** A file name's ending, lower case, with its dot; "" for a name without one or with nothing before it. */
    static String extension(String fileName) {
        String name = fileName.strip();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> values(JsonNode form) {
        Map<String, Object> values = Json.MAPPER.convertValue(form, new TypeReference<Map<String, Object>>() { });
        values.values().removeIf(java.util.Objects::isNull); // a null field is an absent field to a handler
        return values;
    }

    private Instant deadline(Workflow workflow, Status status, Instant from) {
        Integer days = workflow.deadlines().get(status);
        return days == null ? null : calendar.after(from, days);
    }

    private ProblemException notInstalledOrUnknown(String serviceCode) {
        try {
            return store.findServiceType(serviceCode).isPresent()
                    ? Problems.serviceNotInstalled(serviceCode) : Problems.unknownService(serviceCode);
        } catch (StoreException e) {
            return Problems.unknownService(serviceCode);
        }
    }

    private static ObjectNode parseEnvelope(byte[] body) {
        JsonNode root = parse(body, "{\"region\": ..., \"form\": {...}}");
        if (root == null || !root.isObject()) {
            throw Problems.invalidRequest(List.of(new FieldProblem("/", "the body must be a JSON object "
                    + "{\"region\": ..., \"placeId\": ..., \"form\": {...}}")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!ENVELOPE_FIELDS.contains(name)) {
                problems.add(new FieldProblem("/" + limit(name), "unknown field; the body has only region, placeId, form and contact"));
            }
        });
        if (!root.path("region").isTextual()) {
            problems.add(new FieldProblem("/region", "required: the id of the region where you apply, e.g. \"dnipropetrovsk\""));
        }
        if (root.hasNonNull("placeId") && (!root.get("placeId").isIntegralNumber() || !root.get("placeId").canConvertToInt())) {
            problems.add(new FieldProblem("/placeId", "must be a whole number: the id of a place in the region"));
        }
        if (!root.path("form").isObject()) {
            problems.add(new FieldProblem("/form", "required: the filled-in form, a JSON object"));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalidRequest(problems);
        }
        return (ObjectNode) root;
    }

    private static JsonNode parse(byte[] body, String expected) {
        if (body == null || body.length == 0) {
            throw Problems.malformedJson("the body is empty; send " + expected);
        }
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw Problems.malformedJson(limit(e.getOriginalMessage()));
        } catch (IOException e) {
            throw Problems.malformedJson("the body could not be read");
        }
        Json.refuseNul(parsed);
        return parsed;
    }

    /** The offering the application is made at: the service type's, online, in the region (and place) asked for. */
    private Offering onlineOffering(InstalledServiceType type, String regionId, Integer placeId) {
        RegionIndex region = plugins.region(regionId).orElseThrow(() -> Problems.invalidRequest(List.of(
                new FieldProblem("/region", "there is no region '" + limit(regionId) + "' in the catalogue"))));
        return region.onlineOffering(type.catalogueServiceIds().stream().sorted().toList(), placeId)
                .orElseThrow(() -> {
                    String where = placeId == null ? "region '" + limit(regionId) + "'"
                            : "place " + placeId + " of region '" + limit(regionId) + "'";
                    return Problems.invalidRequest(List.of(new FieldProblem(placeId == null ? "/region" : "/placeId",
                            "the " + where + " does not offer '" + type.code() + "' online")));
                });
    }

    private static String limit(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** The application if the caller may see it; 404 otherwise, exactly as for a number that does not exist. */
    private StoredApplication visible(Caller caller, String typedNumber) {
        String trackingNumber = parsedNumber(typedNumber);
        StoredApplication app = read(trackingNumber, store::findByTrackingNumber);
        if (app == null || !maySee(caller, app.owner(), app.authorityId())) {
            throw Problems.unknownApplication(trackingNumber);
        }
        return app;
    }

    private static String parsedNumber(String typedNumber) {
        try {
            return TrackingNumbers.parse(typedNumber);
        } catch (IllegalArgumentException e) {
            throw Problems.malformedTrackingNumber(limit(typedNumber), e.getMessage());
        }
    }

    private static <T> T read(String trackingNumber, java.util.function.Function<String, Optional<T>> reader) {
        try {
            return reader.apply(trackingNumber).orElse(null);
        } catch (StoreException e) {
            LOG.error("Application {} not read: {}", trackingNumber, e.getMessage());
            throw Problems.notRead("The application could not be read.");
        }
    }

    static boolean maySee(Caller caller, String owner, Integer authorityId) {
        if (caller instanceof Caller.CitizenCaller citizen) {
            return citizen.citizen().ownerKey().equals(owner);
        }
        if (caller instanceof Caller.Staff staff) {
            // an authority role alone is not a job: an account whose official or supervisor role was taken away (or
            // never given) sees nothing of the authority, as it has no queue there
            return staff.operator() || (!staff.roles().isEmpty() && staff.worksFor(authorityId));
        }
        return false;
    }

    @Override
    public ApplicationSummary summary(Caller caller, String typedNumber) {
        String trackingNumber = parsedNumber(typedNumber);
        ApplicationHead head = read(trackingNumber, store::findHead);
        if (head == null || !maySee(caller, head.owner(), head.authorityId())) {
            throw Problems.unknownApplication(trackingNumber);
        }
        return new ApplicationSummary(head.trackingNumber(), head.serviceCode(), head.regionId(), head.authorityId(),
                head.status(), head.submittedAt(), head.dueAt(), overdue(head.dueAt(), head.status()),
                StaffShown.assignedTo(caller, head.assignedTo()), head.assignedToName(),
                head.escalatedAt());
    }

    @Override
    public ApplicationView application(Caller caller, String trackingNumber) {
        StoredApplication app = visible(caller, trackingNumber);
        onTheRecord(caller, app, null);
        return view(caller, app, true);
    }

    /**
     * Every look by staff (officials and operators alike) at a citizen's personal data is on the record; with no
     * record, no look. A citizen reading their own is not audited.
     */
    private void onTheRecord(Caller caller, StoredApplication app, String what) {
        if (caller instanceof Caller.Staff) {
            onTheRecord(store, List.of(new AuditEntry(clock.instant(), caller.name(), READ_PERSONAL_DATA,
                    app.trackingNumber(), what)));
        }
    }

    /** Staff reads of personal data, written before anything is shown: if they cannot be, nothing is (503). */
    static void onTheRecord(ApplicationStore store, List<AuditEntry> reads) {
        try {
            store.audit(reads);
        } catch (StoreException e) {
            LOG.error("{} read(s) of personal data by {} not audited: {}", reads.size(),
                    reads.isEmpty() ? "?" : reads.get(0).actor(), e.getMessage());
            throw Problems.unavailable("The read could not be put on the audit trail, so nothing is shown.");
        }
    }

    private ApplicationView view(Caller caller, StoredApplication app, boolean withPersonalData) {
        Workflow workflow = workflow(app);
        Status status = Status.fromWireName(app.status());
        // while its plugin is away an application waits: readable, but no step is offered until the plugin returns
        List<String> actions = plugins.serviceType(app.serviceCode()).isEmpty() ? List.of() : workflow.transitions().stream()
                .filter(t -> t.from().contains(status) && allowed(caller, app, t))
                .map(Transition::action)
                .toList();
        StaffShown shown = StaffShown.to(caller, staffNames, app.history().stream().map(StatusChange::actor).toList(),
                Collections.singleton(app.assignedTo()));
        List<ApplicationView.Step> history = app.history().stream()
                .map(s -> new ApplicationView.Step(s.status(), s.action(), s.at(), shown.actor(s.actor()),
                        shown.actorName(s.actor()), s.note(), changedFields(s)))
                .toList();
        List<ApplicationView.AttachmentView> files = app.attachmentCount() == 0 ? List.of() : store.attachments(app.trackingNumber()).stream()
                .map(a -> new ApplicationView.AttachmentView(a.id(), a.fileName(), a.mediaType(), a.sizeBytes(), a.sha256(),
                        a.uploadedAt()))
                .toList();
        return new ApplicationView(app.trackingNumber(), app.serviceCode(), serviceName(app.serviceCode()), app.regionId(),
                app.placeId(), app.authorityId(), app.status(), app.submittedAt(), app.updatedAt(), app.dueAt(),
                shown.assignedTo(app.assignedTo()), shown.nameOf(app.assignedTo()), app.feeKopiykas(), app.formVersion(),
                withPersonalData ? readMap(app.formJson()) : null,
                withPersonalData && app.issuedDocument() != null ? issuedDocument(caller, app, shown) : null,
                status == Status.NEEDS_INFORMATION ? lastQuestions(app) : List.of(), actions, history, files,
                app.escalatedAt());
    }

    /**
     * The issued document as the reader may see it. Documents issued before staff had display names carry the
     * issuer's login in {@code issuedBy}; a citizen gets the issuer's name there instead, or no {@code issuedBy}.
     * The stored document is not changed: it is the record of what was issued.
     */
    private static Map<String, Object> issuedDocument(Caller caller, StoredApplication app, StaffShown shown) {
        Map<String, Object> document = readMap(app.issuedDocument());
        if (caller instanceof Caller.CitizenCaller && document.get("issuedBy") instanceof String issuedBy) {
            app.history().stream().filter(s -> Workflow.ISSUE.equals(s.action())).map(StatusChange::actor)
                    .filter(actor -> issuedBy.equals(StaffShown.login(actor))).findFirst()
                    .ifPresent(issuer -> {
                        String name = shown.actorName(issuer);
                        if (name == null) {
                            document.remove("issuedBy");
                        } else {
                            document.put("issuedBy", name);
                        }
                    });
        }
        return document;
    }

    /** What an answer changed, as its step recorded it. */
    private static List<String> changedFields(StatusChange step) {
        if (!Workflow.ANSWER.equals(step.action()) || step.details() == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(step.details(), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static List<ApplicationView.Question> lastQuestions(StoredApplication app) {
        for (int i = app.history().size() - 1; i >= 0; i--) {
            StatusChange step = app.history().get(i);
            if (Workflow.REQUEST_INFORMATION.equals(step.action()) && step.details() != null) {
                try {
                    return Json.MAPPER.readValue(step.details(), new TypeReference<List<ApplicationView.Question>>() { });
                } catch (JsonProcessingException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    private static Map<String, Object> readMap(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON always parses", e);
        }
    }

    @Override
    public ApplicationPage mine(Caller caller, String after, int limit) {
        Caller.CitizenCaller citizen = citizenOnly(caller, "Only a signed-in citizen has applications of their own.");
        // a position without a time is the queue's (no deadline): every application has a submission time
        ListPosition from = position(after, true, new ArrayList<>());
        int size = pageSize(limit);
        List<StoredApplication> rows = store.findByOwner(citizen.citizen().ownerKey(), from, size + 1);
        return page(caller, rows, size, StoredApplication::submittedAt);
    }

    @Override
    public ApplicationPage queue(Caller caller, List<String> statuses, Boolean escalated, String after, int limit) {
        if (!(caller instanceof Caller.Staff staff) || (staff.roles().isEmpty() && !staff.operator())) {
            throw Problems.forbidden(QUEUE_IS_FOR_STAFF);
        }
        Set<String> wanted = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String status : statuses.isEmpty() ? STAFF_STEPS : statuses) {
            try {
                wanted.add(Status.fromWireName(status).wireName());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "'" + limit(status) + "' is not a status"));
            }
        }
        ListPosition from = position(after, false, problems);
        int size = pageSize(limit);
        List<StoredApplication> rows = store.queue(new QueueQuery(staff.authorities(), wanted, escalated, from,
                size + 1));
        return page(caller, rows, size, StoredApplication::dueAt);
    }

    /**
     * Where a list's page starts ({@code timed}: a list sorted on a time every row has). Refuses the request with
     * every problem found so far ({@code problems}, which it adds to), so that a client learns of all its mistakes
     * at once.
     */
    private static ListPosition position(String after, boolean timed, List<FieldProblem> problems) {
        Optional<ListPosition> from = after == null ? Optional.empty()
                : ListCursor.decode(after).filter(position -> !timed || position.at() != null);
        if (after != null && from.isEmpty()) {
            problems.add(new FieldProblem("after", "is not a position this list gave: pass the previous page's next "
                    + "link as it was"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "invalid-query", "Invalid query", problems.get(0).message(), problems);
        }
        return from.orElse(null);
    }

    private static int pageSize(int limit) {
        return Math.min(Math.max(limit, 1), MAX_LIST);
    }

    /** One row past the page says there is a next one; the last row shown is where it starts. */
    private ApplicationPage page(Caller caller, List<StoredApplication> rows, int size,
                                 Function<StoredApplication, Instant> sortedOn) {
        if (rows.size() <= size) {
            return new ApplicationPage(summaries(caller, rows), null);
        }
        List<StoredApplication> shown = rows.subList(0, size);
        StoredApplication last = shown.get(size - 1);
        return new ApplicationPage(summaries(caller, shown),
                ListCursor.encode(new ListPosition(sortedOn.apply(last), last.id())));
    }

    private List<ApplicationSummary> summaries(Caller caller, List<StoredApplication> apps) {
        StaffShown shown = StaffShown.to(caller, staffNames, List.of(),
                apps.stream().map(StoredApplication::assignedTo).toList());
        return apps.stream().map(app -> new ApplicationSummary(app.trackingNumber(), app.serviceCode(), app.regionId(),
                app.authorityId(), app.status(), app.submittedAt(), app.dueAt(), overdue(app.dueAt(), app.status()),
                shown.assignedTo(app.assignedTo()), shown.nameOf(app.assignedTo()), app.escalatedAt())).toList();
    }

    /**
     * Late on the authority's side. An application waiting for the citizen's answer has the citizen's deadline, and
     * missing it is not the officials' delay: counting it would keep abandoned clarifications at the head of every
     * queue (the earliest deadlines) for good.
     */
    private boolean overdue(Instant dueAt, String status) {
        return dueAt != null && dueAt.isBefore(clock.instant())
                && EscalationRule.STAFF_STATUSES.contains(Status.fromWireName(status));
    }

    // ---- the workflow ---------------------------------------------------------------------------------------------

    /**
     * The workflow an application follows: the one published with the form version it was made on, so an update of
     * its plugin changes nothing for applications in flight. Form versions recorded before workflows were stored
     * follow the installed plugin's workflow, or the default.
     */
    private Workflow workflow(StoredApplication app) {
        return recordedWorkflows.of(app.serviceCode(), app.formVersion()).orElseGet(() ->
                plugins.serviceType(app.serviceCode()).map(InstalledServiceType::workflow).orElse(Workflow.DEFAULT));
    }

    /**
     * What only an authority does, whatever a plugin's workflow says: a citizen never claims, questions, decides,
     * issues or hands over an application, not even their own.
     */
    private static final Set<String> STAFF_ACTIONS = Set.of(Workflow.CLAIM, Workflow.REQUEST_INFORMATION,
            Workflow.APPROVE, Workflow.REJECT, Workflow.ISSUE, Workflow.REASSIGN);

    private static boolean allowed(Caller caller, StoredApplication app, Transition t) {
        if (caller instanceof Caller.CitizenCaller c) {
            return t.roles().contains(Role.CITIZEN) && !STAFF_ACTIONS.contains(t.action())
                    && c.citizen().ownerKey().equals(app.owner());
        }
        if (caller instanceof Caller.Staff staff && staff.worksFor(app.authorityId())) {
            boolean supervisor = staff.roles().contains(Role.SUPERVISOR);
            if (t.roles().contains(Role.SUPERVISOR) && supervisor) {
                return true;
            }
            if (t.roles().contains(Role.OFFICIAL) && (staff.roles().contains(Role.OFFICIAL) || supervisor)) {
                // an official works what is unassigned or assigned to them; a supervisor works anything
                return supervisor || app.assignedTo() == null || app.assignedTo().equals(staff.user());
            }
        }
        return false;
    }

    @Override
    public ApplicationView act(Caller caller, String trackingNumber, String action, byte[] body) {
        StoredApplication app = visible(caller, trackingNumber);
        if (plugins.serviceType(app.serviceCode()).isEmpty()) {
            throw Problems.servicePaused(app.serviceCode());
        }
        Workflow workflow = workflow(app);
        Transition transition = workflow.transition(action).orElseThrow(() -> new ProblemException(404, "unknown-action",
                "Unknown action", "'" + limit(action) + "' is not a step of this service's workflow; it has "
                + workflow.transitions().stream().map(Transition::action).toList()));
        if (!allowed(caller, app, transition)) {
            throw Problems.forbidden("You may not " + action + " this application"
                    + (app.assignedTo() != null && caller instanceof Caller.Staff ? " (it is assigned to " + app.assignedTo() + ")" : "")
                    + ".");
        }
        Status from = Status.fromWireName(app.status());
        if (!transition.from().contains(from)) {
            throw new ProblemException(409, "wrong-status", "Not possible in this status",
                    "The step '" + action + "' cannot be taken on an application that is " + from.wireName()
                            + "; it is possible only from " + transition.from().stream().map(Status::wireName).sorted().toList() + ".");
        }
        JsonNode request = body == null || body.length == 0 ? Json.MAPPER.createObjectNode() : parse(body, "a JSON object");
        if (!request.isObject()) {
            throw Problems.invalidRequest(List.of(new FieldProblem("/", "the body must be a JSON object")));
        }
        Instant now = clock.instant();
        Step step;
        try {
            step = prepare(caller, app, transition, (ObjectNode) request, now);
        } catch (ProblemException failed) {
            if (Workflow.ISSUE.equals(action) && (failed.status() == 502 || failed.status() == 504)) {
                recordFailedIssue(caller, app, failed, now);
            }
            throw failed;
        }
        StepDeadline due = StepDeadline.of(calendar, workflow, app, from, transition.to(), now);
        StatusChange event = new StatusChange(transition.to().wireName(), now, caller.name(), action, step.note(), step.details());
        AuditEntry audit = new AuditEntry(now, caller.name(), action, app.trackingNumber(),
                from.wireName() + " -> " + transition.to().wireName() + (step.note() == null ? "" : ": " + limit(step.note()))
                        + (step.audited() == null ? "" : "; " + step.audited()));
        StoredApplication changed;
        try {
            changed = store.change(app.trackingNumber(), new StateChange(app.version(),
                    transition.to().wireName(), due.dueAt(), step.assignedTo(), step.formJson(), step.issuedDocument(),
                    step.fee(), event, audit, due.pausedDueAt()), transition.to() == from ? List.of() : citizenMessages(app, action, transition.to(), step));
        } catch (ConcurrentChangeException e) {
            throw changedMeanwhile();
        } catch (StoreException e) {
            LOG.error("Step {} on {} not stored: {}", action, app.trackingNumber(), e.getMessage());
            throw WriteFailures.problem(e, "The step could not be saved, so it was not taken.",
                    "that the step was saved. Read the application again before you repeat it.");
        }
        try {
            // A member of staff is told where the application now stands; its form and issued document are a read of
            // personal data, which they make with GET, on the record. The step alone is not such a record.
            return view(caller, changed, !(caller instanceof Caller.Staff));
        } catch (StoreException e) {
            // Taken and stored, with its message to the citizen: saying otherwise would make the caller retry into a 409.
            LOG.warn("Step {} on {} stored, but the answer could not be read back: {}", action, app.trackingNumber(),
                    e.getMessage());
            throw Problems.unavailable("The step was taken and saved, but the application could not be read back; "
                    + "read it again in a moment.");
        }
    }

    private static ProblemException changedMeanwhile() {
        return new ProblemException(409, "changed-meanwhile", "Changed meanwhile",
                "Someone else changed this application a moment ago; read it again and retry.");
    }

    /** The messages to the citizen about a step that changed the status; none if they left no contact. */
    private List<OutboxMessage> citizenMessages(StoredApplication app, String action, Status to, Step step) {
        Optional<CitizenContact> contact = store.contact(app.trackingNumber());
        if (contact.isEmpty()) {
            return List.of();
        }
        String language = contact.get().language();
        InstalledServiceType type = plugins.serviceType(app.serviceCode()).orElse(null);
        return notifications.about(action, to, app.trackingNumber(), contact.get(), type,
                serviceName(app.serviceCode()).in(language), ContactDetails.note(step.note(), step.details()));
    }

    /**
     * The plugin could not issue the document: the application stays approved, and its history says so, so the
     * citizen sees why nothing arrived yet and officials see what to retry. The step itself is not taken.
     */
    private void recordFailedIssue(Caller caller, StoredApplication app, ProblemException failed, Instant now) {
        String note = "The document could not be issued: " + failed.detail();
        try {
            store.change(app.trackingNumber(), new StateChange(app.version(), app.status(), app.dueAt(), app.assignedTo(),
                    null, null, null, new StatusChange(app.status(), now, caller.name(), ISSUE_FAILED, note, null),
                    new AuditEntry(now, caller.name(), ISSUE_FAILED, app.trackingNumber(), failed.type()),
                    app.pausedDueAt()));
        } catch (StoreException e) {
            // the 502 still reaches the official; only its trace in the history is missing
            LOG.error("The failed issue of {} could not be recorded: {}", app.trackingNumber(), e.getMessage());
        }
    }

    /**
     * What a step writes besides its status: checked from the request body before anything is stored.
     *
     * @param audited what the audit trail records about the step besides its statuses and note, or {@code null}
     */
    private record Step(String note, String details, String assignedTo, String formJson, String issuedDocument, Long fee,
                        String audited) {
        Step(String note, String details, String assignedTo, String formJson, String issuedDocument) {
            this(note, details, assignedTo, formJson, issuedDocument, null, null);
        }
    }

    private Step prepare(Caller caller, StoredApplication app, Transition t, ObjectNode request, Instant now) {
        String reason = text(request, "reason", 2000);
        String assigned = app.assignedTo();
        switch (t.action()) {
            case Workflow.CLAIM:
                allowOnly(request, Set.of("reason"));
                return new Step(reason, null, ((Caller.Staff) caller).user(), null, null);
            case Workflow.REQUEST_INFORMATION:
                allowOnly(request, Set.of("reason", "questions"));
                return new Step(reason, questions(request, formSchemaOf(app)), assigned, null, null);
            case Workflow.ANSWER:
                allowOnly(request, Set.of("reason", "form"));
                return answer(app, reason, answeredForm(app, request));
            case Workflow.REJECT:
                allowOnly(request, Set.of("reason"));
                if (reason == null) {
                    throw Problems.invalidRequest(List.of(new FieldProblem("/reason",
                            "required: a rejection always says why, in words the citizen understands")));
                }
                return new Step(reason, null, assigned, null, null);
            case Workflow.REASSIGN:
                allowOnly(request, Set.of("reason", "official"));
                String typed = text(request, "official", 100);
                if (typed == null || !StaffNameManager.LOGIN.matcher(typed).matches()) {
                    throw Problems.invalidRequest(List.of(new FieldProblem("/official", "required: the login of the official to hand over to")));
                }
                String official = accounts.canonical(typed); // as she is known when she signs in
                checkCanWork(official, app);
                return new Step(reason, null, official, null, null);
            case Workflow.ISSUE:
                allowOnly(request, Set.of("reason"));
                return new Step(reason, null, assigned, null, issuedDocument(caller, app));
            default:
                allowOnly(request, Set.of("reason"));
                return new Step(reason, null, assigned, null, null);
        }
    }

    /**
     * An application is handed over only to someone who can work it: an official or supervisor of its authority, as
     * the realm has the account now. Handed to a mistyped login, it would sit with nobody until its deadline passed.
     * Where the realm cannot list its accounts, the login is taken as given.
     */
    private void checkCanWork(String official, StoredApplication app) {
        StaffAccounts.Lookup account = accounts.find(official);
        if (account instanceof StaffAccounts.Missing) {
            throw Problems.invalidRequest(List.of(new FieldProblem("/official", "no staff account is called '" + official + "'")));
        }
        if (account instanceof StaffAccounts.Found found) {
            Caller.Staff staff = found.staff();
            boolean works = staff.roles().contains(Role.OFFICIAL) || staff.roles().contains(Role.SUPERVISOR);
            if (!works || !staff.worksFor(app.authorityId())) {
                throw Problems.invalidRequest(List.of(new FieldProblem("/official", "'" + official + "' is not an official "
                        + "or supervisor of authority " + app.authorityId() + ", which works this application")));
            }
        } else if (account instanceof StaffAccounts.Unknown unknown) {
            LOG.debug("{} handed over to '{}' unchecked: {}", app.trackingNumber(), official, unknown.why());
        }
    }

    private static void allowOnly(ObjectNode request, Set<String> fields) {
        List<FieldProblem> problems = new ArrayList<>();
        request.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                problems.add(new FieldProblem("/" + limit(name), "not part of this step; it takes " + fields.stream().sorted().toList()));
            }
        });
        if (!problems.isEmpty()) {
            throw Problems.invalidRequest(problems);
        }
    }

    private static String text(ObjectNode request, String field, int max) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || Texts.blank(value.asText())) {
            throw Problems.invalidRequest(List.of(new FieldProblem("/" + field, "must be text")));
        }
        if (value.asText().strip().length() > max) {
            throw Problems.invalidRequest(List.of(new FieldProblem("/" + field, "at most " + max + " characters")));
        }
        return value.asText().strip();
    }

    /** The schema the application's form version was stored with; none if it cannot be read (nothing is checked then). */
    private JsonNode formSchemaOf(StoredApplication app) {
        try {
            return store.formSchema(app.serviceCode(), app.formVersion()).map(text -> {
                try {
                    return Json.MAPPER.readTree(text);
                } catch (IOException e) {
                    return null;
                }
            }).orElse(null);
        } catch (StoreException e) {
            return null; // the step itself needs the database, and says so if it is away
        }
    }

    private static String questions(ObjectNode request, JsonNode schema) {
        JsonNode questions = request.get("questions");
        if (questions == null || !questions.isArray() || questions.isEmpty() || questions.size() > 50) {
            throw Problems.invalidRequest(List.of(new FieldProblem("/questions",
                    "required: 1 to 50 questions, each {\"field\": \"/a/json/pointer\", \"question\": \"...\"}")));
        }
        List<ApplicationView.Question> list = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            JsonNode q = questions.get(i);
            String field = q.path("field").asText("");
            String question = q.path("question").isTextual() ? q.path("question").asText() : "";
            if (!q.isObject() || !SchemaPointers.isFieldPointer(field) || Texts.blank(question)
                    || question.strip().length() > 1000) {
                throw Problems.invalidRequest(List.of(new FieldProblem("/questions/" + i,
                        "needs \"field\" (a JSON Pointer into the form, e.g. /applicant/birthDate) and \"question\" (text)")));
            }
            if (schema != null && !SchemaPointers.describes(schema, field)) {
                throw Problems.invalidRequest(List.of(new FieldProblem("/questions/" + i + "/field",
                        "the form has no field " + limit(field) + " (a JSON Pointer into it, e.g. /applicant/birthDate)")));
            }
            list.add(new ApplicationView.Question(field, question.strip()));
        }
        try {
            return Json.MAPPER.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer's step names the fields it changed, for the official to look at again, in the history and the audit
     * trail; and the fee, when the answer changed it.
     */
    private Step answer(StoredApplication app, String reason, JsonNode answered) {
        List<String> changed;
        String formJson;
        try {
            changed = FormChanges.between(Json.MAPPER.readTree(app.formJson()), answered);
            formJson = Json.MAPPER.writeValueAsString(answered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON always parses", e);
        }
        Long fee = recomputedFee(app, formJson);
        String feeChange = fee == null || fee == app.feeKopiykas() ? ""
                : "; fee " + app.feeKopiykas() + " -> " + fee + " kopiykas";
        String audited = "changed " + (changed.isEmpty() ? "nothing" : FormChanges.listed(changed, 1_600)) + feeChange;
        try {
            return new Step(reason, Json.MAPPER.writeValueAsString(changed), app.assignedTo(), formJson, null, fee, audited);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A citizen's answer is the whole form again, validated against the form version the application was made on. */
    private JsonNode answeredForm(StoredApplication app, ObjectNode request) {
        JsonNode form = request.get("form");
        if (form == null || !form.isObject()) {
            throw Problems.invalidRequest(List.of(new FieldProblem("/form", "required: the corrected form, a JSON object")));
        }
        String schema = store.formSchema(app.serviceCode(), app.formVersion())
                .orElseThrow(() -> Problems.unavailable("The form this application was made on cannot be found."));
        List<FieldProblem> problems = FormSchema.compile(schema).validate(form);
        if (!problems.isEmpty()) {
            throw Problems.invalidForm(problems);
        }
        Optional<InstalledServiceType> type = plugins.serviceType(app.serviceCode());
        if (type.isPresent() && type.get().formVersion().equals(app.formVersion())) {
            Submission answered = new Submission(app.serviceCode(), app.regionId(), app.placeId(), values(form),
                    app.submittedAt());
            try {
                guard.call(app.serviceCode(), type.get().type(), "check the answer", () -> {
                    type.get().type().handler().onSubmit(answered);
                    return null;
                });
            } catch (SubmissionRejectedException e) {
                throw Problems.invalidForm(e.problems());
            }
        }
        return form;
    }

    /** A corrected form may change what the citizen pays (paper instead of electronic delivery, say). */
    private Long recomputedFee(StoredApplication app, String formJson) {
        Optional<InstalledServiceType> type = plugins.serviceType(app.serviceCode());
        if (type.isEmpty() || !type.get().formVersion().equals(app.formVersion())) {
            return null; // another form version's plugin cannot price this form: the fee stays as computed
        }
        try {
            // priced as of the day the citizen applied: answering a question does not make a fee "late" or next year's
            Submission answered = new Submission(app.serviceCode(), app.regionId(), app.placeId(),
                    values(Json.MAPPER.readTree(formJson)), app.submittedAt());
            return Math.max(0, guard.callUnchecked(app.serviceCode(), type.get().type(), "compute the fee",
                    () -> type.get().type().feeInKopiykas(answered)));
        } catch (IOException e) {
            throw new IllegalStateException("a validated form always parses", e);
        }
    }

    private String issuedDocument(Caller caller, StoredApplication app) {
        InstalledServiceType type = plugins.serviceType(app.serviceCode())
                .orElseThrow(() -> Problems.serviceNotInstalled(app.serviceCode()));
        Decision decision;
        try {
            decision = new Decision(app.trackingNumber(), app.serviceCode(), values(Json.MAPPER.readTree(app.formJson())),
                    ((Caller.Staff) caller).user());
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON always parses", e);
        }
        // Made into JSON under the guard too: the plugin's map and the values in it are its code (a getter may throw
        // or hang), and no document at all is the plugin's failure, not the platform's.
        ObjectNode document = guard.callUnchecked(app.serviceCode(), type.type(), "issue the document", () -> {
            Map<String, Object> made = type.type().issueDocument(decision);
            if (made == null) {
                throw new IllegalStateException("issueDocument gave no document (null)");
            }
            return (ObjectNode) Json.MAPPER.valueToTree(new java.util.LinkedHashMap<>(made));
        });
        // What every issued document carries, whatever the plugin wrote: when, and by whom, by the name citizens know
        // the official by (a login is never shown to a citizen; without a name the history still says who it was).
        document.put("issuedOn", java.time.LocalDate.ofInstant(clock.instant(), WorkingCalendar.KYIV).toString());
        document.remove("issuedBy");
        issuerName(((Caller.Staff) caller).user()).ifPresent(name -> document.put("issuedBy", name));
        return document.toString();
    }

    private Optional<String> issuerName(String official) {
        try {
            return Optional.ofNullable(staffNames.displayNames(List.of(official)).get(official));
        } catch (StoreException e) {
            LOG.error("The display name of {} not read, so no document is issued: {}", official, e.getMessage());
            throw Problems.unavailable("The document could not be issued now; the application stays approved.");
        }
    }

    // ---- files, audit, console ------------------------------------------------------------------------------------

    @Override
    public ApplicationView.AttachmentView attach(Caller caller, String trackingNumber, String typedName, String mediaType,
                                                 java.util.function.Supplier<byte[]> body) {
        citizenOnly(caller, "Only the citizen who applied attaches files.");
        // composed: a Mac writes "й" as "и" and a combining breve, which is still one letter to the citizen
        String fileName = typedName == null ? null : java.text.Normalizer.normalize(typedName, java.text.Normalizer.Form.NFC);
        StoredApplication app = visible(caller, trackingNumber);
        if (Status.fromWireName(app.status()).isFinal()) {
            throw new ProblemException(409, "wrong-status", "Not possible in this status",
                    "Files cannot be added to an application that is " + app.status() + ".");
        }
        if (app.attachmentCount() >= MAX_ATTACHMENTS) {
            throw new ProblemException(409, "too-many-attachments", "Too many files",
                    "An application takes at most " + MAX_ATTACHMENTS + " files; this one has them all.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String type = mediaType == null ? "" : mediaType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!ATTACHMENT_TYPES.contains(type)) {
            problems.add(new FieldProblem("Content-Type", "files must be PDF, JPEG or PNG"));
        }
        if (fileName == null || !fileName.matches("[\\p{L}\\p{N} ._()-]{1,120}")) {
            problems.add(new FieldProblem("fileName", "1 to 120 letters, digits, spaces and . _ ( ) -"));
        } else if (!fileName.equals(fileName.strip()) || Texts.blank(fileName.substring(0, fileName.lastIndexOf('.') < 0
                ? fileName.length() : fileName.lastIndexOf('.')).replace(".", ""))
                || Texts.blank(fileName.substring(0, Character.charCount(fileName.codePointAt(0))))) {
            // "scan.pdf " is saved as another name than it shows; a name of fillers shows as none
            problems.add(new FieldProblem("fileName", "no space at either end, and a name a reader can see"));
        } else if (WINDOWS_DEVICE.matcher(fileName).matches()) {
            problems.add(new FieldProblem("fileName", "CON, PRN, AUX, NUL, COM1-9 and LPT1-9 are device names on "
                    + "Windows: a file so named cannot be saved there"));
        } else if (ATTACHMENT_TYPES.contains(type) && !ATTACHMENT_EXTENSIONS.get(type).contains(extension(fileName))) {
            // the name is what a downloader's computer goes by: "scan.exe" sent as a PDF would be saved as a program
            problems.add(new FieldProblem("fileName", "must be a name ending in " + String.join(" or ",
                    ATTACHMENT_EXTENSIONS.get(type)) + " for " + type));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalidRequest(problems); // the file itself is not read for a request refused anyway
        }
        byte[] content = body.get();
        if (content == null || content.length == 0) {
            problems.add(new FieldProblem("body", "the file is empty"));
        } else if (content.length > MAX_ATTACHMENT_BYTES) {
            throw new ProblemException(413, "too-large", "File too large", "Files may be at most 5 MiB.");
        } else if (ATTACHMENT_TYPES.contains(type) && FileSignatures.mismatch(type, content) != null) {
            problems.add(new FieldProblem("body", FileSignatures.mismatch(type, content)));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalidRequest(problems);
        }
        String sha256 = sha256(content);
        Attachment stored;
        try {
            stored = store.attach(app.trackingNumber(), app.version(), app.attachmentCount(), fileName, type, content,
                    sha256, new AuditEntry(clock.instant(), caller.name(), "attach", app.trackingNumber(),
                            fileName + " sha256:" + sha256));
        } catch (ConcurrentChangeException e) {
            throw changedMeanwhile(); // a step (perhaps closing it) or another file came first
        }
        return new ApplicationView.AttachmentView(stored.id(), stored.fileName(), stored.mediaType(), stored.sizeBytes(),
                stored.sha256(), stored.uploadedAt());
    }

    @Override
    public AttachmentDownload attachment(Caller caller, String trackingNumber, String attachmentId) {
        if (caller == null) {
            throw Problems.unauthenticated();
        }
        StoredApplication app = visible(caller, trackingNumber);
        long id = attachmentId(attachmentId);
        AttachmentFile file = read(app.trackingNumber(), n -> store.attachment(n, id));
        if (file == null) {
            throw new ProblemException(404, "unknown-attachment", "Unknown attachment",
                    "Application " + app.trackingNumber() + " has no attachment " + id + ".");
        }
        Attachment stored = file.attachment();
        if (!sha256(file.content()).equals(stored.sha256())) {
            // Changed in the database since it was attached: whoever relies on it must not get other bytes.
            LOG.error("Attachment {} of {} no longer matches the SHA-256 recorded when it was attached; not served",
                    id, app.trackingNumber());
            throw new ProblemException(500, "attachment-altered", "Attachment altered",
                    "The stored file no longer matches the SHA-256 recorded when it was attached, so it is not served. "
                            + "The operators can see this in the log.");
        }
        onTheRecord(caller, app, "attachment " + id + " " + stored.fileName());
        return new AttachmentDownload(stored.id(), stored.fileName(), stored.mediaType(), stored.sha256(), file.content());
    }

    private static long attachmentId(String text) {
        // ASCII digits without a leading zero only: Long.parseLong also takes "+1", "01", " 1" (stripped) and
        // Arabic-Indic or full-width digits, which gave one file many addresses
        if (text != null && text.matches("[1-9][0-9]{0,17}")) {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        }
        String why = "the id of one of the application's attachments, a positive whole number";
        throw new ProblemException(400, "malformed-attachment-id", "Malformed attachment id",
                "'" + limit(text) + "' is not an attachment id: " + why, List.of(new FieldProblem("attachmentId", why)));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detail of a staff read of an application's audit trail. */
    static final String AUDIT_TRAIL_READ = "audit trail";

    @Override
    public AuditTrail auditTrail(Caller caller, String trackingNumber) {
        if (caller == null) {
            throw Problems.unauthenticated();
        }
        StoredApplication app = visible(caller, trackingNumber);
        if (caller instanceof Caller.Staff staff && !staff.operator() && !staff.roles().contains(Role.SUPERVISOR)) {
            throw Problems.forbidden("An application's audit trail is for its citizen, the supervisors of its authority "
                    + "and operators; officials see its history.");
        }
        // The trail names the citizen's account and holds the steps' reasons: staff reading it read personal data.
        onTheRecord(caller, app, AUDIT_TRAIL_READ);
        try {
            // one more than is shown, to know whether older ones are left out
            List<AuditEntry> newest = store.auditTrail(app.trackingNumber(), AuditTrail.MAX_ENTRIES + 1);
            boolean olderLeftOut = newest.size() > AuditTrail.MAX_ENTRIES;
            List<AuditEntry> entries = olderLeftOut ? newest.subList(1, newest.size()) : newest;
            StaffShown shown = StaffShown.to(caller, staffNames, entries.stream().map(AuditEntry::actor).toList(), List.of());
            boolean supervisor = caller instanceof Caller.Staff staff && !staff.operator();
            return new AuditTrail(entries.stream().map(e -> new AuditTrailEntry(e.at(), shown.actor(e.actor()),
                    shown.actorName(e.actor()), e.action(),
                    supervisor && RatingManager.MODERATION_REASONS.contains(e.action()) ? null : e.detail())).toList(),
                    olderLeftOut);
        } catch (StoreException e) {
            LOG.error("Audit trail of {} not read: {}", app.trackingNumber(), e.getMessage());
            throw Problems.notRead("The audit trail could not be read.");
        }
    }

    @Override
    public AuditReport verifyAudit(Caller caller) {
        if (!(caller instanceof Caller.Staff staff) || !staff.operator()) {
            throw Problems.forbidden("Only operators verify the audit trail.");
        }
        AuditVerification result = store.verifyAudit();
        return new AuditReport(result.intact(), result.entries(), result.chain(), result.firstBroken(), result.reason());
    }

    @Override
    public String statusLink() {
        return notifications.statusLinkPattern();
    }

    @Override
    public ApplicationStatus status(Caller operator, String typedNumber) {
        OperatorsOnly.check(operator, "reads an application's history on the console");
        String trackingNumber = parsedNumber(typedNumber);
        StoredApplication app = read(trackingNumber, store::findByTrackingNumber);
        if (app == null) {
            throw Problems.unknownApplication(trackingNumber);
        }
        onTheRecord(operator, app, "status and history, on the console");
        List<ApplicationStatus.Step> history = app.history().stream()
                .map(s -> new ApplicationStatus.Step(s.status(), s.at(), s.actor(), s.note()))
                .toList();
        return new ApplicationStatus(app.trackingNumber(), app.serviceCode(), serviceName(app.serviceCode()),
                app.regionId(), app.placeId(), app.status(), app.submittedAt(), app.updatedAt(), app.formVersion(),
                app.authorityId(), app.assignedTo(), app.dueAt(), overdue(app.dueAt(), app.status()), app.escalatedAt(),
                history);
    }

    private LocalizedText serviceName(String code) {
        return serviceName(plugins, store, code);
    }

    /** A service's name from its plugin, or as recorded when its plugin has gone, or its code if neither is known. */
    static LocalizedText serviceName(InstalledPlugins plugins, ApplicationStore store, String code) {
        return plugins.serviceType(code).map(InstalledServiceType::name)
                .or(() -> store.findServiceType(code).map(r -> new LocalizedText(r.nameUk(), r.nameEn())))
                .orElse(LocalizedText.of(code));
    }

    private static Caller.CitizenCaller citizenOnly(Caller caller, String why) {
        if (caller instanceof Caller.CitizenCaller citizen) {
            return citizen;
        }
        throw caller == null ? Problems.unauthenticated() : Problems.forbidden(why);
    }
}
