package ua.igov.platform.core.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.Role;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Transition;
import ua.igov.platform.spi.Workflow;

/**
 * A service type as served now: the plugin's object, its code, its form (the schema's text and the schema compiled
 * from that very text), its UI hints, its workflow, the catalogue services it implements and its form's contact
 * fields (asked for once, when the
 * plugin arrives: plugins may build them on every call, every status read needs the workflow, every catalogue entry
 * shown looks for its service type, and the registry lists every plugin by its code on every change, so one slow or
 * failing plugin must not slow down or break the catalogue of every region, or the registry itself) and where it came
 * from.
 */
record InstalledServiceType(ServiceType type, String code, LocalizedText name, String formVersion, String schemaText,
                            FormSchema form, Optional<String> uiHints, Workflow workflow, Set<Integer> catalogueServiceIds,
                            Optional<List<EscalationRule>> escalationRules, ContactFields contactFields,
                            PluginOrigin origin) {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledServiceType.class);

    /** What a code may be: it is a part of URLs and is stored with every application ({@code VARCHAR(64)}). */
    static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    InstalledServiceType {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a service type's code is 1 to 64 lower-case letters, digits and "
                    + "dashes, got '" + (code == null || code.length() <= 80 ? code : code.substring(0, 80) + "…") + "'");
        }
        if (name == null || formVersion == null || formVersion.isBlank() || formVersion.length() > 64
                || schemaText == null) {
            throw new IllegalArgumentException("a service type needs a name and a form version of 1 to 64 characters");
        }
        // what is stored with every application and step: refused here, not by the database at every submission
        if (name.uk().length() > MAX_NAME || (name.en() != null && name.en().length() > MAX_NAME)) {
            throw new IllegalArgumentException("a service type's name is at most " + MAX_NAME + " characters");
        }
        if (origin != null && origin.version().length() > 64) {
            throw new IllegalArgumentException("the plugin's bundle version is longer than 64 characters");
        }
        // asked once, by every request and the escalation scheduler: none is a broken plugin, not the default
        Objects.requireNonNull(workflow, "a service type's workflow() gives null; return Workflow.DEFAULT for none");
        for (Transition t : workflow.transitions()) {
            if (!ACTION.matcher(t.action()).matches()) {
                throw new IllegalArgumentException("the workflow's step '" + shortened(t.action()) + "' is not 1 to 40 "
                        + "lower-case letters, digits and dashes (it names the step in URLs and in every record)");
            }
            if (t.roles().contains(Role.CITIZEN) && DECISIONS.contains(t.to())) {
                throw new IllegalArgumentException("the workflow's step '" + t.action() + "' lets the citizen make "
                        + "their own application " + t.to().wireName() + "; only staff decide");
            }
        }
        catalogueServiceIds = Set.copyOf(catalogueServiceIds);
    }

    /** The longest name the platform stores ({@code service_type.name_uk}, {@code name_en}). */
    static final int MAX_NAME = 1000;
    /** What a workflow step's name may be: part of URLs, stored with each step ({@code application_event.action}). */
    static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** The statuses only staff move an application into. */
    private static final Set<Status> DECISIONS = Set.of(Status.APPROVED, Status.REJECTED, Status.ISSUED);

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /**
     * The plugin as it arrives with the code and form it gave: {@code form} is compiled from {@code definition}'s
     * schema, and that same text is what the form endpoint serves and the database records.
     */
    InstalledServiceType(ServiceType type, String code, FormDefinition definition, FormSchema form,
                         PluginOrigin origin) {
        this(type, code, type.name(), definition.version(), definition.jsonSchema(), form, uiHints(type),
                type.workflow(), type.catalogueServiceIds(), escalationRules(type),
                contactFields(type, definition.jsonSchema()), origin);
    }

    /** For tests: asks the plugin for its code and form once more. */
    InstalledServiceType(ServiceType type, FormSchema form, PluginOrigin origin) {
        this(type, type.code(), type.form(), form, origin);
    }

    /**
     * The plugin's UI hints, or none if they cannot be read or are not a JSON object (they are served as
     * {@code application/json}): the form still renders from its schema alone.
     */
    private static Optional<String> uiHints(ServiceType type) {
        try {
            Optional<String> hints = Optional.ofNullable(type.uiHints()).flatMap(h -> h);
            if (hints.isPresent() && !Json.MAPPER.readTree(hints.get()).isObject()) {
                throw new IllegalArgumentException("they are not a JSON object");
            }
            return hints;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warn("Service '{}' gives UI hints that are not JSON ({}); its form is served with its schema alone",
                    safeCode(type), e.getOriginalMessage());
            return Optional.empty();
        } catch (RuntimeException | Error e) {
            LOG.warn("Service '{}' gives no usable UI hints ({}); its form is served with its schema alone",
                    safeCode(type), e.toString());
            return Optional.empty();
        }
    }

    /**
     * The service's own escalation rules, or empty if they cannot be read: then its applications are not escalated,
     * and the plugin is served all the same. Asked here, once, so a plugin whose rules hang cannot stop every run of
     * the escalation scheduler on this node.
     */
    private static Optional<List<EscalationRule>> escalationRules(ServiceType type) {
        try {
            List<EscalationRule> rules = List.copyOf(type.escalationRules());
            if (rules.stream().map(EscalationRule::id).distinct().count() != rules.size()) {
                throw new IllegalArgumentException("two rules have the same id");
            }
            return Optional.of(rules);
        } catch (RuntimeException | Error e) {
            LOG.warn("Service '{}' declares no usable escalation rules ({}); its applications are not escalated",
                    safeCode(type), e.getMessage());
            return Optional.empty();
        }
    }

    /** Where the form asks for the citizen's e-mail address and phone for messages (JSON Pointers), if it does. */
    record ContactFields(Optional<String> email, Optional<String> phone) {
        static final ContactFields NONE = new ContactFields(Optional.empty(), Optional.empty());
    }

    /**
     * The form's contact fields, or none if the plugin cannot say: its citizens are then written to as before. A field
     * its form does not have (a typo) is left out, logged, rather than read in vain from every application.
     */
    private static ContactFields contactFields(ServiceType type, String schemaText) {
        try {
            com.fasterxml.jackson.databind.JsonNode schema = Json.MAPPER.readTree(schemaText);
            return new ContactFields(onTheForm(type, "contactEmailField", type.contactEmailField(), schema),
                    onTheForm(type, "contactPhoneField", type.contactPhoneField(), schema));
        } catch (java.io.IOException e) {
            return ContactFields.NONE; // not reached: the schema was compiled from this text before
        } catch (RuntimeException | Error e) {
            LOG.warn("Service '{}' names no usable contact fields ({}); its citizens are written to at the addresses "
                    + "their requests give", safeCode(type), e.toString());
            return ContactFields.NONE;
        }
    }

    private static Optional<String> onTheForm(ServiceType type, String method, Optional<String> field,
                                              com.fasterxml.jackson.databind.JsonNode schema) {
        Optional<String> named = Optional.ofNullable(field).flatMap(f -> f);
        if (named.isEmpty()) {
            return named;
        }
        if (!SchemaPointers.isFieldPointer(named.get()) || !SchemaPointers.describes(schema, named.get())) {
            LOG.warn("Service '{}' names {} {}, which its form does not have: no messages are sent there",
                    safeCode(type), method, named.get());
            return Optional.empty();
        }
        return named;
    }

    private static String safeCode(ServiceType type) {
        try {
            return type.code();
        } catch (RuntimeException | Error e) {
            return "?";
        }
    }
}
