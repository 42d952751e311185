package ua.igov.platform.core.internal;

import ua.igov.platform.spi.ServiceType;

/** A service type as served now: the plugin's object, its compiled form, and where it came from. */
record InstalledServiceType(ServiceType type, FormSchema form, PluginOrigin origin) {

    String code() {
        return type.code();
    }
}
