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
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.SubmissionHandler;
import ua.igov.platform.spi.Workflow;

/**
 * An extract from the State Register of Civil Status Acts (ДРАЦС) about a birth, marriage, divorce, change of name
 * or death (iGov catalogue service 1537), for a fee of 73 UAH ({@link #FEE_KOPIYKAS}).
 */
@Component(service = ServiceType.class)
public class CivilStatusExtract implements ServiceType {

    static final String CODE = "civil-status-extract";
    /**
     * Bump with every change to the schema file or to the workflow: applications keep the version they were made on,
     * and the schema and workflow recorded with it. 1.1 wants a letter in every name (1.0 took "-" for a name). 1.2
     * asks whether the applicant is an internally displaced person ({@code internallyDisplaced}: the 73 UAH fee is
     * charged unless so; 1.0 and 1.1 charged nothing), and keeps the whole way from application to extract within the
     * law's next working day: 1 working day to take the application in, 0 to decide, 0 to issue (1.1 gave 2 + 3 + 5).
     * From 1.2 on the checks also refuse an applicant under 16 who asks in their own right.
     */
    static final String FORM_VERSION = "1.2";

    /**
     * The law's term: the extract is issued on the day of application or not later than the next working day
     * (Порядок ведення Державного реєстру актів цивільного стану громадян, постанова КМУ № 1064 від 22.08.2007;
     * «Строк: 1 день (робочі)» on the ЦНАП service cards).
     */
    static final int LEGAL_TERM_WORKING_DAYS = 1;
    /**
     * The terms of the statuses on the way to the extract ({@code submitted}, {@code in_review}, {@code approved}),
     * which add up to {@link #LEGAL_TERM_WORKING_DAYS}. The platform sets a status's deadline when the status begins:
     * the end of the N-th working day after that day, or for a term of 0 the end of that very day (of the next working
     * day, if it is not one). An application each step of which takes its whole term is therefore issued when the
     * terms added up have run out. The one day goes to taking the application in, and deciding and issuing are due on
     * the day they begin: then an application made on a day off (online, on a Saturday) is due on the next working
     * day too, as the law has it. Put the day later, and a 0 first would move it to Monday and the 1 to Tuesday.
     * Asking the citizen for information stops the authority's clock; the citizen's own term
     * ({@code needs_information}) is the default.
     */
    static final int TAKE_IN_WORKING_DAYS = 1;
    static final int REVIEW_WORKING_DAYS = 0;
    static final int ISSUE_WORKING_DAYS = 0;
    static final String EXTRACT_NUMBER_PREFIX = "ДРАЦС-";

    /**
     * The fee: 73 UAH (п. 2 of the same постанова № 1064). It is not charged to an internally displaced person, which
     * the form asks. Nor, under martial law, in an administrative-territorial unit on the Ministry of Justice's list of
     * those where access to its registers is suspended; that exemption goes by place, not by anything the applicant
     * says, and the platform has no such list, so it is not applied here: an application made there is charged 73 UAH
     * all the same.
     */
    static final long FEE_KOPIYKAS = 7_300;

    static final Workflow WORKFLOW;

    static {
        Map<Status, Integer> deadlines = new EnumMap<>(Status.class);
        deadlines.putAll(Workflow.DEFAULT.deadlines());
        deadlines.put(Status.SUBMITTED, TAKE_IN_WORKING_DAYS);
        deadlines.put(Status.IN_REVIEW, REVIEW_WORKING_DAYS);
        deadlines.put(Status.APPROVED, ISSUE_WORKING_DAYS);
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

    /** {@link #FEE_KOPIYKAS}, or nothing for an applicant who says they are an internally displaced person. */
    @Override
    public long feeInKopiykas(Submission submission) {
        return Boolean.TRUE.equals(submission.form().get("internallyDisplaced")) ? 0 : FEE_KOPIYKAS;
    }

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
     * is the platform's to add. A field left empty (a patronymic the form sends as "") is left out, not printed as an
     * empty line.
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

    /** Puts the value unless it is missing or an empty (or blank) string. */
    private static void putIfPresent(Map<String, Object> target, String key, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            target.put(key, value);
        }
    }
}
