package ua.igov.platform.core.internal;

import java.util.Set;

import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Workflow;

/**
 * A service type as served now: the plugin's object, its code, its compiled form, its workflow and the catalogue
 * services it implements (asked for once, when the plugin arrives: plugins may build them on every call, every status
 * read needs the workflow, every catalogue entry shown looks for its service type, and the registry lists every
 * plugin by its code on every change, so one slow or failing plugin must not slow down or break the catalogue of
 * every region, or the registry itself) and where it came from.
 */
record InstalledServiceType(ServiceType type, String code, LocalizedText name, String formVersion, FormSchema form,
                            Workflow workflow, Set<Integer> catalogueServiceIds, PluginOrigin origin) {

    InstalledServiceType {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a service type needs a code, got '" + code + "'");
        }
        if (name == null || formVersion == null || formVersion.isBlank()) {
            throw new IllegalArgumentException("a service type needs a name and a form version");
        }
        catalogueServiceIds = Set.copyOf(catalogueServiceIds);
    }

    InstalledServiceType(ServiceType type, FormSchema form, PluginOrigin origin) {
        this(type, type.code(), type.name(), type.form().version(), form, type.workflow(), type.catalogueServiceIds(),
                origin);
    }
}
