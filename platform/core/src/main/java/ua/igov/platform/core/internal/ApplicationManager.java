package ua.igov.platform.core.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import ua.igov.platform.core.ApplicationReceipt;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.ApplicationStatus;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.Problems;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.Offering;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.SubmissionRejectedException;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoreException;
import ua.igov.platform.store.StoredApplication;

/**
 * Takes applications in: the envelope and the form are checked, the plugin's handler has its say, and only then is
 * the application stored, in one transaction. A request that fails any step leaves nothing behind.
 */
@Component(service = ApplicationService.class, configurationPid = "ua.igov.platform.core",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ApplicationManager.Config.class)
public class ApplicationManager implements ApplicationService {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationManager.class);
    private static final Set<String> ENVELOPE_FIELDS = Set.of("region", "placeId", "form");
    static final String SUBMITTED = "submitted";

    @ObjectClassDefinition(name = "iGov core", description = "How this installation issues tracking numbers")
    public @interface Config {
        @AttributeDefinition(description = "1 to 4 digits that start every tracking number this installation issues")
        String origin() default "1";
    }

    private final InstalledPlugins plugins;
    private final ApplicationStore store;
    private final Clock clock;
    private final String origin;

    @Activate
    public ApplicationManager(@Reference InstalledPlugins plugins, @Reference ApplicationStore store, Config config) {
        this(plugins, store, Clock.systemUTC(), config.origin());
    }

    ApplicationManager(InstalledPlugins plugins, ApplicationStore store, Clock clock, String origin) {
        this.plugins = plugins;
        this.store = store;
        this.clock = clock;
        this.origin = origin;
        TrackingNumbers.format(origin, 0); // refuse a bad origin at start, not at the first citizen's submission
    }

    @Override
    public ApplicationReceipt submit(String serviceCode, byte[] body) {
        InstalledServiceType type = plugins.serviceType(serviceCode).orElseThrow(() -> notInstalledOrUnknown(serviceCode));
        ObjectNode envelope = parseEnvelope(body);
        String regionId = envelope.get("region").asText();
        Integer placeId = envelope.hasNonNull("placeId") ? envelope.get("placeId").asInt() : null;
        Offering offering = onlineOffering(type, regionId, placeId);
        JsonNode form = envelope.get("form");

        List<FieldProblem> formProblems = type.form().validate(form);
        if (!formProblems.isEmpty()) {
            throw Problems.invalidForm(formProblems);
        }
        Map<String, Object> formValues = Json.MAPPER.convertValue(form, new TypeReference<Map<String, Object>>() { });
        try {
            type.type().handler().onSubmit(new Submission(serviceCode, regionId, placeId, formValues));
        } catch (SubmissionRejectedException e) {
            throw Problems.invalidForm(e.problems());
        }
        StatusChange first = new StatusChange(SUBMITTED, clock.instant(), "citizen", null);
        try {
            StoredApplication stored = store.insert(new NewApplication(serviceCode, regionId, placeId,
                    offering.serviceId(), offering.id(), type.type().form().version(), type.origin().version(), Json.MAPPER.writeValueAsString(form), first),
                    number -> TrackingNumbers.format(origin, number));
            LOG.debug("Application {} for '{}' submitted", stored.trackingNumber(), serviceCode);
            return new ApplicationReceipt(stored.trackingNumber(), serviceCode, stored.status(), stored.submittedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed form always serialises", e);
        } catch (StoreException e) {
            LOG.error("Application for '{}' not stored: {}", serviceCode, e.getMessage());
            throw Problems.unavailable("The application could not be saved, so it was not accepted.");
        }
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
        if (body == null || body.length == 0) {
            throw Problems.malformedJson("the body is empty; send {\"region\": ..., \"form\": {...}}");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw Problems.malformedJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw Problems.malformedJson("the body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw Problems.invalidRequest(List.of(new FieldProblem("/", "the body must be a JSON object "
                    + "{\"region\": ..., \"placeId\": ..., \"form\": {...}}")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!ENVELOPE_FIELDS.contains(name)) {
                problems.add(new FieldProblem("/" + name, "unknown field; the body has only region, placeId and form"));
            }
        });
        if (!root.path("region").isTextual()) {
            problems.add(new FieldProblem("/region", "required: the id of the region where you apply, e.g. \"dnipropetrovsk\""));
        }
        if (root.hasNonNull("placeId") && !root.get("placeId").canConvertToInt()) {
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

    /** The offering the application is made at: the service type's, online, in the region (and place) asked for. */
    private Offering onlineOffering(InstalledServiceType type, String regionId, Integer placeId) {
        RegionIndex region = plugins.region(regionId).orElseThrow(() -> Problems.invalidRequest(List.of(
                new FieldProblem("/region", "there is no region '" + limit(regionId) + "' in the catalogue"))));
        return type.type().catalogueServiceIds().stream().sorted()
                .flatMap(id -> region.onlineOffering(id, placeId).stream())
                .findFirst()
                .orElseThrow(() -> {
                    String where = placeId == null ? "region '" + regionId + "'" : "place " + placeId + " of region '" + regionId + "'";
                    return Problems.invalidRequest(List.of(new FieldProblem(placeId == null ? "/region" : "/placeId",
                            "the " + where + " does not offer '" + type.code() + "' online")));
                });
    }

    private static String limit(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    @Override
    public ApplicationStatus status(String typedNumber) {
        String trackingNumber;
        try {
            trackingNumber = TrackingNumbers.parse(typedNumber);
        } catch (IllegalArgumentException e) {
            throw Problems.malformedTrackingNumber(limit(String.valueOf(typedNumber)), e.getMessage());
        }
        StoredApplication app;
        try {
            app = store.findByTrackingNumber(trackingNumber).orElseThrow(() -> Problems.unknownApplication(trackingNumber));
        } catch (StoreException e) {
            LOG.error("Application {} not read: {}", trackingNumber, e.getMessage());
            throw Problems.unavailable("The application's status could not be read.");
        }
        List<ApplicationStatus.Step> history = app.history().stream()
                .map(s -> new ApplicationStatus.Step(s.status(), s.at(), s.actor(), s.note()))
                .toList();
        return new ApplicationStatus(app.trackingNumber(), app.serviceCode(), serviceName(app.serviceCode()),
                app.regionId(), app.placeId(), app.status(), app.submittedAt(), app.updatedAt(), app.formVersion(), history);
    }

    private LocalizedText serviceName(String code) {
        return plugins.serviceType(code).map(t -> t.type().name())
                .or(() -> store.findServiceType(code).map(r -> new LocalizedText(r.nameUk(), r.nameEn())))
                .orElse(LocalizedText.of(code));
    }
}
