package ua.igov.platform.core;

/**
 * A plugin as operators see it: what kind, what it contributes, and which bundle brought it.
 *
 * @param kind         {@code region} or {@code service}
 * @param id           the region id or the service code
 * @param contributes  a one-line summary, e.g. "1759 offerings" or "form 1.0"
 */
public record PluginInfo(String kind, String id, String name, String bundle, String version, String contributes) {
}
