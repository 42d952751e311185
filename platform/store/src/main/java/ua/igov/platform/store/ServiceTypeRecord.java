package ua.igov.platform.store;

import java.util.Objects;

/**
 * What the platform remembers of a service type after its plugin has gone: enough to say "not installed" rather
 * than "unknown", and the schema and workflow of every form version applications were made on.
 *
 * @param workflowJson the workflow published with this form version, as JSON; {@code null} when not known
 */
public record ServiceTypeRecord(String code, String nameUk, String nameEn, String formVersion, String formSchema,
                                String pluginVersion, String workflowJson) {

    public ServiceTypeRecord {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameUk, "nameUk");
        Objects.requireNonNull(formVersion, "formVersion");
        Objects.requireNonNull(formSchema, "formSchema");
    }

    /** A record without a workflow: applications on it follow whatever workflow the installed plugin has. */
    public ServiceTypeRecord(String code, String nameUk, String nameEn, String formVersion, String formSchema,
                             String pluginVersion) {
        this(code, nameUk, nameEn, formVersion, formSchema, pluginVersion, null);
    }
}
