package ua.igov.platform.core.internal;

import java.util.Set;

import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Workflow;

/**
 * A service type as served now: the plugin's object, its compiled form, its workflow and the catalogue services it
 * implements (both asked for once, when the plugin arrives: plugins may build them on every call, every status read
 * needs the workflow, and every catalogue entry shown looks for its service type, so one slow or failing plugin must
 * not slow down or break the catalogue of every region) and where it came from.
 */
record InstalledServiceType(ServiceType type, FormSchema form, Workflow workflow, Set<Integer> catalogueServiceIds,
                            PluginOrigin origin) {

    InstalledServiceType {
        catalogueServiceIds = Set.copyOf(catalogueServiceIds);
    }

    InstalledServiceType(ServiceType type, FormSchema form, PluginOrigin origin) {
        this(type, form, type.workflow(), type.catalogueServiceIds(), origin);
    }

    String code() {
        return type.code();
    }
}
