package ua.igov.platform.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One setting that must agree across nodes, as one node last read it.
 *
 * @param setting     what it is, e.g. {@code etc/ua.igov.platform.calendar.cfg}
 * @param fingerprint a SHA-256 digest of its content (hex): equal on two nodes exactly when they read the same
 * @param readAt      when the node read it so
 */
public record NodeSetting(String nodeId, String setting, String fingerprint, Instant readAt) {

    public NodeSetting {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(readAt, "readAt");
    }
}
