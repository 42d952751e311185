package ua.igov.platform.store;

import java.util.Objects;

/**
 * What the platform remembers of a service type after its plugin has gone: enough to say "not installed" rather
 * than "unknown", and the schema of every form version applications were made on.
 */
public record ServiceTypeRecord(String code, String nameUk, String nameEn, String formVersion, String formSchema,
                                String pluginVersion) {

    public ServiceTypeRecord {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameUk, "nameUk");
        Objects.requireNonNull(formVersion, "formVersion");
        Objects.requireNonNull(formSchema, "formSchema");
    }
}
