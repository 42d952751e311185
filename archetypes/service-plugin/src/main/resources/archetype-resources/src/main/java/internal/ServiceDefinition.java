package ${package}.internal;

import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import ua.igov.platform.spi.Decision;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.FormResources;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.NotificationTemplate;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.SubmissionHandler;
import ua.igov.platform.spi.Workflow;

/**
 * ${serviceNameEn} (iGov catalogue service ${catalogueServiceId}): what the platform needs to serve it. Registered as
 * an OSGi service; the platform serves the form while this bundle runs.
 */
@Component(service = ServiceType.class)
public class ServiceDefinition implements ServiceType {

    static final String CODE = "${serviceCode}";
    /**
     * Bump with every change to the schema file (and its $id) or to the workflow and its deadlines: applications keep
     * the version they were made on, and the platform keeps the workflow it first saw with each version.
     */
    static final String FORM_VERSION = "1.0";
    /** Working days an official has to decide once the application is claimed. */
    static final int REVIEW_WORKING_DAYS = 5;

    static final Workflow WORKFLOW;

    static {
        Map<Status, Integer> deadlines = new EnumMap<>(Status.class);
        deadlines.putAll(Workflow.DEFAULT.deadlines());
        deadlines.put(Status.IN_REVIEW, REVIEW_WORKING_DAYS);
        WORKFLOW = Workflow.DEFAULT.withDeadlines(deadlines);
    }

    private final FormDefinition form = new FormDefinition(FORM_VERSION,
            FormResources.read(ServiceDefinition.class, "/form/${serviceCode}.schema.json"));
    private final String uiHints = FormResources.read(ServiceDefinition.class, "/form/${serviceCode}.ui.json");
    /** Today is Kyiv's, whatever time zone the server runs in. */
    private final SubmissionHandler handler = new ServiceChecks(Clock.system(java.time.ZoneId.of("Europe/Kyiv")));
    private final NotificationTexts notifications = NotificationTexts.load();

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("${serviceNameUk}", "${serviceNameEn}");
    }

    /** The form's «Контакти для повідомлень»: messages about the application go there. */
    @Override
    public Optional<String> contactEmailField() {
        return Optional.of("/contacts/email");
    }

    @Override
    public Optional<String> contactPhoneField() {
        return Optional.of("/contacts/phone");
    }

    @Override
    public Set<Integer> catalogueServiceIds() {
        return Set.of(${catalogueServiceId});
    }

    @Override
    public FormDefinition form() {
        return form;
    }

    /** Field order, widgets and English labels for the portals, beside the schema's Ukrainian titles. */
    @Override
    public Optional<String> uiHints() {
        return Optional.of(uiHints);
    }

    @Override
    public SubmissionHandler handler() {
        return handler;
    }

    @Override
    public Workflow workflow() {
        return WORKFLOW;
    }

    /** The certificate the citizen receives; the platform adds the date it is issued on and who issued it. */
    @Override
    public Map<String, Object> issueDocument(Decision decision) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("document", "${serviceNameUk}");
        document.put("trackingNumber", decision.trackingNumber());
        if (decision.form().get("applicant") instanceof Map<?, ?> applicant) {
            document.put("lastName", applicant.get("lastName"));
            document.put("firstName", applicant.get("firstName"));
        }
        document.put("purpose", decision.form().get("purpose"));
        return Collections.unmodifiableMap(document);
    }

    /** The service's own message when the document is issued; every other step keeps the platform's text. */
    @Override
    public Optional<NotificationTemplate> notificationTemplate(String actionOrStatus, String language) {
        return notifications.template(actionOrStatus, language);
    }
}
