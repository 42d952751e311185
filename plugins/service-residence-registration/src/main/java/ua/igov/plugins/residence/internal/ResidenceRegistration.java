package ua.igov.plugins.residence.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
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
    static final String FORM_VERSION = "1.2";

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
}
