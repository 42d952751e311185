package ua.igov.plugins.residence.internal;

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
import ua.igov.platform.spi.SubmissionHandler;
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
     * for a street).
     */
    static final String FORM_VERSION = "1.3";

    private final FormDefinition form = new FormDefinition(FORM_VERSION,
            FormResources.read(ResidenceRegistration.class, "/form/residence-registration.schema.json"));
    private final String uiHints = FormResources.read(ResidenceRegistration.class, "/form/residence-registration.ui.json");
    /** Today is Kyiv's: a server on UTC would have "today" start two or three hours late. */
    static final java.time.ZoneId KYIV = java.time.ZoneId.of("Europe/Kyiv");

    private final SubmissionHandler handler = new ResidenceRegistrationChecks(java.time.Clock.system(KYIV));

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
