package ua.igov.platform.core.internal;

/**
 * Told when this node starts serving a plugin for a service code or a region: when it arrives and is preferred, and
 * when the plugin served before leaves and a waiting one takes over. A plugin that arrives and waits is not told about.
 * Calls come after the change is visible through {@link InstalledPlugins}, on the thread that made it, and may come
 * out of order when two changes happen at once: a listener that writes what is served checks that it still is.
 */
interface ServedPluginsListener {

    default void serviceTypeServed(InstalledServiceType type) {
    }

    default void regionServed(RegionIndex region) {
    }
}
