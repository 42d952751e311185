package ua.igov.plugins.civilstatus.internal;

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
    /** Field order, widgets, the choices' words in Ukrainian and English, and English labels for every field. */
    private final String uiHints = FormResources.read(CivilStatusExtract.class, "/form/civil-status-extract.ui.json");
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
    public Optional<String> uiHints() {
        return Optional.of(uiHints);
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

    /** The form's codes as the extract words them for the citizen. */
    static final Map<String, String> RECORD_KINDS = Map.of("birth", "народження", "marriage", "шлюб",
            "divorce", "розірвання шлюбу", "name-change", "зміна імені", "death", "смерть");
    static final Map<String, String> RELATIONS = Map.of("self", "особа, якої стосується запис",
            "parent", "один із батьків", "child", "дитина", "spouse", "чоловік або дружина",
            "legal-representative", "законний представник", "heir", "спадкоємець");
    static final Map<String, String> PURPOSES = Map.of("personal", "для особистих потреб",
            "inheritance", "для оформлення спадщини", "pension-or-benefits", "для призначення пенсії чи соціальних виплат",
            "court", "для подання до суду", "use-abroad", "для використання за кордоном");

    /**
     * What the extract says about the record, in words (the form's codes are for machines); the date it is issued on
     * is the platform's to add.
     */
    @Override
    public Map<String, Object> issueDocument(Decision decision) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("document", "Витяг з Державного реєстру актів цивільного стану громадян");
        document.put("extractNumber", EXTRACT_NUMBER_PREFIX + decision.trackingNumber());
        document.put("trackingNumber", decision.trackingNumber());
        document.put("service", decision.serviceCode());
        putIfPresent(document, "record", worded(RECORD_KINDS, decision.form().get("recordKind"), null));
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
        putIfPresent(document, "relation", worded(RELATIONS, decision.form().get("relation"), null));
        putIfPresent(document, "purpose", worded(PURPOSES, decision.form().get("purpose"),
                decision.form().get("purposeDetails")));
        return Collections.unmodifiableMap(document);
    }

    /** A code's words; one the map does not know ("other") is what the citizen wrote about it, if anything. */
    private static Object worded(Map<String, String> words, Object code, Object ownWords) {
        return code == null ? null : words.getOrDefault(code.toString(), ownWords == null ? null : ownWords.toString());
    }

    private static void putIfPresent(Map<String, Object> target, String key, Object value) {
        if (value != null) {
            target.put(key, value);
        }
    }
}
