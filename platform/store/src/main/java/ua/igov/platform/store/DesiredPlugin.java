package ua.igov.platform.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The operator's wish for one plugin feature on every node.
 *
 * @param version   a feature version, or null for "whichever version the runtime offers"
 * @param installed true to have it on every node, false to have it on none
 */
public record DesiredPlugin(String feature, String version, boolean installed, String changedBy, Instant changedAt) {

    public DesiredPlugin {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
