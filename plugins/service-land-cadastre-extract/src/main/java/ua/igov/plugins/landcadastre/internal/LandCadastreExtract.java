package ua.igov.plugins.landcadastre.internal;

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
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.SubsistenceMinimum;
import ua.igov.platform.spi.SubmissionHandler;
import ua.igov.platform.spi.Workflow;

/**
 * An extract from the State Land Cadastre (ДЗК) about restrictions on the use of a land plot (iGov catalogue service
 * 47). The catalogue's other cadastre extracts are other services, not this one on another form: 46 is about the
 * lands of a whole territorial unit (no plot, no cadastral number) and 101 about a plot itself; each would be a
 * service type of its own, with its own document and fee.
 */
@Component(service = ServiceType.class)
public class LandCadastreExtract implements ServiceType {

    static final String CODE = "land-cadastre-extract";
    /**
     * Bump with every change to the schema file or the deadlines: applications keep the version they were made on.
     * 1.1 keeps an application taken in and decided on time within the law's 10 working days (2 + 8; 1.0 gave 10
     * after the claim, 12 in all), and
     * wants a letter in every name (1.0 took "-" for a name).
     * 1.2 keeps the issuing within the 10 days too (2 + 7 + 1; 1.1 gave 5 more days from approval to issue).
     */
    static final String FORM_VERSION = "1.2";

    /**
     * The fee for an extract about restrictions on land use: 0.055 of the subsistence minimum for able-bodied persons
     * in force on 1 January of the year the extract is asked for (Law of Ukraine «Про Державний земельний кадастр»,
     * art. 41 part 2(a)); 183.04 UAH in 2026. The law sets it for the extract, on paper or electronic alike.
     */
    static final String FEE_SHARE = "0.055";
    /**
     * An extract is due within 10 working days of the application: the default 2 to take the application in
     * ({@code submitted}), 7 from then to decide it, and 1 from the decision to issue it, so an application handled
     * on time at each step is issued within the 10. Each status's term counts from when it begins: one taken in late
     * is due 7 days after that.
     */
    static final int REVIEW_WORKING_DAYS = 7;
    static final int ISSUE_WORKING_DAYS = 1;
    static final String EXTRACT_NUMBER_PREFIX = "ДЗК-";

    static final Workflow WORKFLOW;

    static {
        Map<Status, Integer> deadlines = new EnumMap<>(Status.class);
        deadlines.putAll(Workflow.DEFAULT.deadlines());
        deadlines.put(Status.IN_REVIEW, REVIEW_WORKING_DAYS);
        deadlines.put(Status.APPROVED, ISSUE_WORKING_DAYS);
        WORKFLOW = Workflow.DEFAULT.withDeadlines(deadlines);
    }

    private final FormDefinition form = new FormDefinition(FORM_VERSION,
            FormResources.read(LandCadastreExtract.class, "/form/land-cadastre-extract.schema.json"));
    /** Field order, widgets, the choices' words in Ukrainian and English, and English labels for every field. */
    private final String uiHints = FormResources.read(LandCadastreExtract.class, "/form/land-cadastre-extract.ui.json");
    private final SubmissionHandler handler = new LandCadastreExtractChecks();
    private final Clock clock;

    public LandCadastreExtract() {
        this(Clock.systemUTC());
    }

    /** With the clock whose Kyiv date sets the year a fee is charged by. */
    LandCadastreExtract(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("Витяг з Державного земельного кадастру про обмеження у використанні земель",
                "Extract from the State Land Cadastre on restrictions on land use");
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
        return Set.of(47);
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

    /** {@link #FEE_SHARE} of the subsistence minimum of the year applied in, however the extract is delivered. */
    @Override
    public long feeInKopiykas(Submission submission) {
        // the year the citizen applied in: an answer in January does not price a December application anew
        return SubsistenceMinimum.shareInKopiykas(FEE_SHARE, submission.submittedOn(clock).getYear());
    }

    /** The form's codes as the extract words them for the citizen. */
    static final Map<String, String> APPLICANT_TYPES = Map.of("individual", "фізична особа",
            "legal-entity", "юридична особа");
    static final Map<String, String> PURPOSES = Map.of("notarial-action", "вчинення нотаріальних дій",
            "state-registration-of-rights", "державна реєстрація речових прав",
            "land-management", "розроблення документації із землеустрою", "construction", "проєктування та будівництво",
            "court", "подання до суду", "information", "ознайомлення");
    static final Map<String, String> DELIVERIES = Map.of("electronic", "в електронній формі",
            "paper-cnap", "у паперовій формі в ЦНАП");

    /** What the extract says, in words (the form's codes are for machines); the date it is issued on is the platform's to add. */
    @Override
    public Map<String, Object> issueDocument(Decision decision) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("document", "Витяг з Державного земельного кадастру про обмеження у використанні земель");
        document.put("extractNumber", EXTRACT_NUMBER_PREFIX + decision.trackingNumber());
        document.put("trackingNumber", decision.trackingNumber());
        document.put("service", decision.serviceCode());
        putIfPresent(document, "cadastralNumber", decision.form().get("cadastralNumber"));
        if (decision.form().get("applicant") instanceof Map<?, ?> applicant) {
            Map<String, Object> recipient = new LinkedHashMap<>();
            putIfPresent(recipient, "type", worded(APPLICANT_TYPES, applicant.get("type"), null));
            for (String field : new String[] {"lastName", "firstName", "patronymic", "organizationName", "edrpou"}) {
                putIfPresent(recipient, field, applicant.get(field));
            }
            document.put("applicant", Collections.unmodifiableMap(recipient));
        }
        putIfPresent(document, "purpose", worded(PURPOSES, decision.form().get("purpose"),
                decision.form().get("purposeDetails")));
        putIfPresent(document, "delivery", worded(DELIVERIES, decision.form().get("delivery"), null));
        return Collections.unmodifiableMap(document);
    }

    /** A code's words; one the map does not know ("other") is what the citizen wrote about it, if anything. */
    private static Object worded(Map<String, String> words, Object code, Object ownWords) {
        return code == null ? null : words.getOrDefault(code.toString(), ownWords == null ? null : ownWords.toString());
    }

    /** Puts the value unless it is missing or blank: a patronymic the form sends as "" is no line on the extract. */
    private static void putIfPresent(Map<String, Object> target, String key, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            target.put(key, value);
        }
    }
}
