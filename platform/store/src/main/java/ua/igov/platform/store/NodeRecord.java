package ua.igov.platform.store;

import java.time.Instant;

/**
 * A node of the platform as its heartbeat row says.
 *
 * @param instanceId       random per process start, so two processes given the same node id can be told apart
 * @param heartbeatSeconds how often the node beats: the others judge it by its own interval, not theirs
 */
public record NodeRecord(String nodeId, String instanceId, Instant startedAt, Instant heartbeatAt, int heartbeatSeconds) {
}
