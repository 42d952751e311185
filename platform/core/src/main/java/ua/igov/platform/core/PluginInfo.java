package ua.igov.platform.core;

/**
 * A plugin as operators see it: what kind, what it contributes, which bundle brought it and in what state it is.
 *
 * @param kind         {@code region}, {@code service}, or {@code refused} for a plugin this node will not serve
 * @param id           the region id or the service code; for a refused plugin its bundle id
 * @param name         the region's or service's name; for a refused plugin why it was refused
 * @param contributes  a one-line summary, e.g. "1759 offerings of 312 services" or "form 1.0, own workflow"
 * @param state        {@code active}, {@code refused}, or {@code waiting} for a plugin whose region id or service code
 *                     another plugin serves already (it is served when that one leaves)
 */
public record PluginInfo(String kind, String id, String name, String bundle, String version, String contributes,
                         String state) {

    public static final String ACTIVE = "active";
    public static final String REFUSED = "refused";
    public static final String WAITING = "waiting";

    /** A plugin being served. */
    public PluginInfo(String kind, String id, String name, String bundle, String version, String contributes) {
        this(kind, id, name, bundle, version, contributes, ACTIVE);
    }
}
