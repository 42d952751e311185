package ua.igov.plugins.residence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import ua.igov.platform.spi.SubsistenceMinimum;
import ua.igov.platform.spi.Workflow;

/**
 * Registration of a person's place of residence (iGov catalogue service 29), with the option to deregister from the
 * previous address at the same time.
 */
@Component(service = ServiceType.class)
public class ResidenceRegistration implements ServiceType {

    static final String CODE = "residence-registration";
    /**
     * Bump with every change to the schema file: applications keep the version they were made on. 1.1 no longer
     * offers a birth certificate as the identity document (1.0 offered it, and the checks always refused it). 1.2
     * wants a letter in every name and something other than spaces in an address (1.1 took "-" for a name and " "
     * for a street). 1.3 lets an address give its settlement's KATOTTG code (UA and 17 digits), the codifier that
     * replaced KOATUU. 1.4 asks for the date of arrival at the new address ({@code arrivedOn}, required: the fee
     * depends on it), and its series field is for a residence permit booklet (issued before 2016) as well as a
     * passport booklet (1.3 titled and showed it for a passport booklet only, though the checks wanted it for a
     * permit booklet too). 1.5 asks an applicant aged 14 to 17 whether the new address is their parents' or another
     * home with their parents' consent ({@code minorsBasis}), as the law requires of them.
     */
    static final String FORM_VERSION = "1.5";

    /**
     * The administrative fee (Law of Ukraine «Про свободу пересування та вільний вибір місця проживання в Україні»,
     * No. 1871-IX, art. 6), as shares of the subsistence minimum for able-bodied persons in force on 1 January of
     * the year of the application: applied for within {@link #IN_TIME_DAYS} calendar days after arriving at the new
     * address, and later (49.92 and 83.20 UAH in 2026).
     */
    static final String FEE_SHARE_IN_TIME = "0.015";
    static final String FEE_SHARE_LATE = "0.025";
    static final int IN_TIME_DAYS = 30;

    private final FormDefinition form = new FormDefinition(FORM_VERSION,
            FormResources.read(ResidenceRegistration.class, "/form/residence-registration.schema.json"));
    private final String uiHints = FormResources.read(ResidenceRegistration.class, "/form/residence-registration.ui.json");
    /** Today is Kyiv's: a server on UTC would have "today" start two or three hours late. */
    static final ZoneId KYIV = SubsistenceMinimum.KYIV;

    private final Clock clock;
    private final SubmissionHandler handler;

    /** The one Declarative Services builds: the system's clock, whose Kyiv date is "today". */
    public ResidenceRegistration() {
        this(Clock.systemUTC());
    }

    /** With the clock whose Kyiv date is "today", for the checks and the fee's year and lateness alike. */
    ResidenceRegistration(Clock clock) {
        this.clock = clock;
        this.handler = new ResidenceRegistrationChecks(clock);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("Реєстрація місця проживання особи", "Registration of place of residence");
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
        return Set.of(29);
    }

    @Override
    public FormDefinition form() {
        return form;
    }

    @Override
    public SubmissionHandler handler() {
        return handler;
    }

    /**
     * 1.5 % of the subsistence minimum when the citizen applies within 30 calendar days after arriving, 2.5 % later,
     * by the figure of the year applied in: both counted to the Kyiv date of {@link Submission#submittedAt}, so an
     * answer to an official's question, priced again, is priced as of the day of the application. The days are
     * counted as the Civil Code counts a term (art. 253): from the day after the arrival, so the 30th day is
     * {@code arrivedOn + 30} and an application made on it is still in time; one made on the day of arrival is too. Without a date of arrival (the form requires one; only
     * a form of another version could lack it) the fee is the lower one: the citizen is never charged more than the
     * law asks.
     */
    @Override
    public long feeInKopiykas(Submission submission) {
        LocalDate today = submission.submittedOn(clock); // on an answer, still the day the citizen applied
        boolean late = submission.form().get("arrivedOn") instanceof String arrived
                && today.isAfter(LocalDate.parse(arrived).plusDays(IN_TIME_DAYS));
        return SubsistenceMinimum.shareInKopiykas(late ? FEE_SHARE_LATE : FEE_SHARE_IN_TIME, today.getYear());
    }

    /**
     * The law has the registration done on the day the documents are accepted; a working day to claim it and one
     * to decide, and the rest of the default workflow as it is.
     */
    @Override
    public Workflow workflow() {
        Map<Status, Integer> deadlines = new EnumMap<>(Workflow.DEFAULT.deadlines());
        deadlines.put(Status.SUBMITTED, 1);
        deadlines.put(Status.IN_REVIEW, 1);
        return Workflow.DEFAULT.withDeadlines(deadlines);
    }

    @Override
    public Optional<String> uiHints() {
        return Optional.of(uiHints);
    }

    /**
     * The extract from the territorial community's register that confirms the registration: whom, at what address,
     * and the address left when the citizen asked to be deregistered there at once. The date (the day of
     * registration) is the platform's to add. Before, the citizen got only the tracking number and the service.
     */
    @Override
    public Map<String, Object> issueDocument(Decision decision) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("document", "Витяг з реєстру територіальної громади про зареєстроване місце проживання");
        document.put("trackingNumber", decision.trackingNumber());
        document.put("service", decision.serviceCode());
        if (decision.form().get("applicant") instanceof Map<?, ?> applicant) {
            Map<String, Object> person = new LinkedHashMap<>();
            for (String field : new String[] {"lastName", "firstName", "patronymic", "birthDate"}) {
                if (applicant.get(field) instanceof String value && !value.isEmpty()) {
                    person.put(field, value);
                }
            }
            document.put("person", Collections.unmodifiableMap(person));
        }
        if (decision.form().get("newAddress") instanceof Map<?, ?> address) {
            document.put("registeredAddress", addressLine(address));
        }
        if (Boolean.TRUE.equals(decision.form().get("deregisterPrevious"))
                && decision.form().get("previousAddress") instanceof Map<?, ?> previous) {
            document.put("deregisteredAddress", addressLine(previous));
        }
        return Collections.unmodifiableMap(document);
    }

    /** An address as it is written on a document: "49000, Дніпро, просп. Яворницького, буд. 1, кв. 12". */
    static String addressLine(Map<?, ?> address) {
        List<String> parts = new ArrayList<>();
        for (String[] part : new String[][] {{"postalCode", ""}, {"settlement", ""}, {"street", ""}, {"building", "буд. "},
                {"apartment", "кв. "}}) {
            if (address.get(part[0]) instanceof String value && !value.isBlank()) {
                parts.add(part[1] + value.strip());
            }
        }
        return String.join(", ", parts);
    }
}
