package ua.igov.platform.spi;

import java.util.Set;

/**
 * A kind of application citizens can submit online. A service plugin registers one as an OSGi service; the core
 * serves its form and accepts applications while the service is registered.
 */
public interface ServiceType {

    /** A stable, URL-safe code such as {@code residence-registration}; it appears in URLs and tracking records. */
    String code();

    /** The service's name as citizens see it; each language's at most 1 000 characters (longer is refused on arrival). */
    LocalizedText name();

    /** The ids of the iGov catalogue services this type implements; their offerings become submittable. */
    Set<Integer> catalogueServiceIds();

    FormDefinition form();

    default SubmissionHandler handler() {
        return SubmissionHandler.ACCEPT_ALL;
    }

    /**
     * Optional hints for the screens that render the form, as a JSON document the platform serves untouched: field
     * order, widgets, help texts, English labels beside the schema's Ukrainian titles. Empty when the schema suffices.
     */
    default java.util.Optional<String> uiHints() {
        return java.util.Optional.empty();
    }

    /** How its applications move and how long each step may take; {@link Workflow#DEFAULT} unless overridden. */
    default Workflow workflow() {
        return Workflow.DEFAULT;
    }

    /**
     * What the citizen pays for this submission, in kopiykas, or 0 for a free service. Computed when the
     * application is submitted, and again when the citizen answers a clarification request (the answered form may
     * change the price), and stored with it.
     */
    default long feeInKopiykas(Submission submission) {
        return 0;
    }

    /**
     * The data of the document issued when an official issues the decision (an extract, a certificate); stored
     * with the application and shown to its citizen. The default issues a document with the decision only. The
     * platform adds {@code issuedOn} (the Kyiv date) and {@code issuedBy} (the official's display name, if their
     * account has one) to whatever is returned. Do not put {@link Decision#official()} in it: that is a login, which
     * citizens are never shown.
     */
    default java.util.Map<String, Object> issueDocument(Decision decision) {
        return java.util.Map.of("trackingNumber", decision.trackingNumber(), "service", decision.serviceCode());
    }

    /**
     * This service's own text for the message the citizen gets after a workflow step, replacing the platform's
     * default for that step. The platform looks for the step's action first ({@code submit}, {@code claim},
     * {@code request-information}, {@code approve}, {@code reject}, {@code issue}, {@code cancel}, ...), then for the
     * status the step leads to; empty (the default) keeps the platform's text.
     *
     * @param language {@code uk} or {@code en}
     * @since 1.1
     */
    default java.util.Optional<NotificationTemplate> notificationTemplate(String actionOrStatus, String language) {
        return java.util.Optional.empty();
    }

    /**
     * What happens when this service's applications get stuck. For each trigger the service declares, its rules
     * replace the region's and the platform's rules of that trigger; an empty list (the default) leaves the region's
     * and the platform's rules in force.
     *
     * @since 1.1
     */
    default java.util.List<EscalationRule> escalationRules() {
        return java.util.List.of();
    }

    /**
     * Where the form asks the citizen for an e-mail address for messages about the application: a JSON Pointer into
     * the form, such as {@code /contacts/email}; empty (the default) if it does not. What the citizen writes there is
     * where the platform sends its messages, unless the request's own {@code contact} names an address; a value the
     * platform could not send to is left out.
     *
     * @since 1.4
     */
    default java.util.Optional<String> contactEmailField() {
        return java.util.Optional.empty();
    }

    /**
     * Where the form asks for a mobile phone number ({@code +380} and 9 digits) for SMS about the application, as
     * {@link #contactEmailField()} does for e-mail: a JSON Pointer such as {@code /contacts/phone}, or empty.
     *
     * @since 1.4
     */
    default java.util.Optional<String> contactPhoneField() {
        return java.util.Optional.empty();
    }
}
