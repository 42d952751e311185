package ua.igov.plugins.civilstatus.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import ua.igov.platform.spi.Decision;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.FormResources;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.SubmissionHandler;
import ua.igov.platform.spi.Workflow;

/**
 * An extract from the State Register of Civil Status Acts (ДРАЦС) about a birth, marriage, divorce, change of name
 * or death (iGov catalogue service 1537). Free of charge.
 */
@Component(service = ServiceType.class)
public class CivilStatusExtract implements ServiceType {

    static final String CODE = "civil-status-extract";
    /**
     * Bump with every change to the schema file: applications keep the version they were made on. 1.1 wants a
     * letter in every name (1.0 took "-" for a name).
     */
    static final String FORM_VERSION = "1.1";
    /** The extract is issued on the day of application or within 3 working days. */
    static final int REVIEW_WORKING_DAYS = 3;
    static final String EXTRACT_NUMBER_PREFIX = "ДРАЦС-";

    static final Workflow WORKFLOW;

    static {
        Map<Status, Integer> deadlines = new EnumMap<>(Status.class);
        deadlines.putAll(Workflow.DEFAULT.deadlines());
        deadlines.put(Status.IN_REVIEW, REVIEW_WORKING_DAYS);
        WORKFLOW = Workflow.DEFAULT.withDeadlines(deadlines);
    }

    private final FormDefinition form = new FormDefinition(FORM_VERSION,
            FormResources.read(CivilStatusExtract.class, "/form/civil-status-extract.schema.json"));
    /** Today is Kyiv's: a server on UTC would have "today" start two or three hours late. */
    static final java.time.ZoneId KYIV = java.time.ZoneId.of("Europe/Kyiv");

    private final SubmissionHandler handler = new CivilStatusExtractChecks(java.time.Clock.system(KYIV));

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("Видача витягу з Державного реєстру актів цивільного стану громадян",
                "Extract from the State Register of Civil Status Acts");
    }

    @Override
    public Set<Integer> catalogueServiceIds() {
        return Set.of(1537);
    }

    @Override
    public FormDefinition form() {
        return form;
    }

    @Override
    public SubmissionHandler handler() {
        return handler;
    }

    @Override
    public Workflow workflow() {
        return WORKFLOW;
    }

    // feeInKopiykas: the default 0; the extract is free.

    /** What the extract says about the record; the date it is issued on is the platform's to add. */
    @Override
    public Map<String, Object> issueDocument(Decision decision) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("document", "Витяг з Державного реєстру актів цивільного стану громадян");
        document.put("extractNumber", EXTRACT_NUMBER_PREFIX + decision.trackingNumber());
        document.put("trackingNumber", decision.trackingNumber());
        document.put("service", decision.serviceCode());
        putIfPresent(document, "recordKind", decision.form().get("recordKind"));
        if (decision.form().get("recordSubject") instanceof Map<?, ?> subject) {
            Map<String, Object> person = new LinkedHashMap<>();
            for (String field : new String[] {"lastName", "firstName", "patronymic", "eventDate", "registrationPlace"}) {
                putIfPresent(person, field, subject.get(field));
            }
            document.put("recordSubject", Collections.unmodifiableMap(person));
        }
        if (decision.form().get("applicant") instanceof Map<?, ?> applicant) {
            Map<String, Object> recipient = new LinkedHashMap<>();
            for (String field : new String[] {"lastName", "firstName", "patronymic"}) {
                putIfPresent(recipient, field, applicant.get(field));
            }
            document.put("issuedTo", Collections.unmodifiableMap(recipient));
        }
        putIfPresent(document, "relation", decision.form().get("relation"));
        putIfPresent(document, "purpose", decision.form().get("purpose"));
        return Collections.unmodifiableMap(document);
    }

    private static void putIfPresent(Map<String, Object> target, String key, Object value) {
        if (value != null) {
            target.put(key, value);
        }
    }
}
