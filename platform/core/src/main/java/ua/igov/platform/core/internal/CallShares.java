package ua.igov.platform.core.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the calls under way into each plugin and refuses one more than its share, without a thread of its own: the
 * count is taken before the call and given back when the call really returns, however long after its time that is.
 * Shares are told apart by a name and, optionally, a plugin object compared by identity (a plugin's own
 * {@code equals} and {@code hashCode} are never called, and two registrations never share). A share is forgotten when
 * its last call returns, so nothing of a plugin that left is kept here, nor its class loader.
 */
final class CallShares {

    private final Map<Share, Integer> underWay = new ConcurrentHashMap<>();

    /** @return whether the call may go in; if so, it must be given back with {@link #leave} */
    boolean enter(String name, Object plugin, int limit) {
        Share share = new Share(name, plugin);
        if (underWay.merge(share, 1, Integer::sum) > limit) {
            leave(share);
            return false;
        }
        return true;
    }

    void leave(String name, Object plugin) {
        leave(new Share(name, plugin));
    }

    private void leave(Share share) {
        underWay.computeIfPresent(share, (key, calls) -> calls == 1 ? null : calls - 1);
    }

    /** Calls under way in a share now. */
    int underWay(String name, Object plugin) {
        return underWay.getOrDefault(new Share(name, plugin), 0);
    }

    private record Share(String name, Object plugin) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Share share && share.name.equals(name) && share.plugin == plugin;
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + System.identityHashCode(plugin);
        }
    }
}
