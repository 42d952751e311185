package ua.igov.platform.core.internal;

import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Workflow;

/**
 * A service type as served now: the plugin's object, its compiled form, its workflow (asked for once, when the plugin
 * arrives: plugins build it on every call, and every status read needs it) and where it came from.
 */
record InstalledServiceType(ServiceType type, FormSchema form, Workflow workflow, PluginOrigin origin) {

    InstalledServiceType(ServiceType type, FormSchema form, PluginOrigin origin) {
        this(type, form, type.workflow(), origin);
    }

    String code() {
        return type.code();
    }
}
