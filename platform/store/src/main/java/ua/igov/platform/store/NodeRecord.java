package ua.igov.platform.store;

import java.time.Instant;

/**
 * A node of the platform as its heartbeat row says.
 *
 * @param instanceId random per process start, so two processes given the same node id can be told apart
 */
public record NodeRecord(String nodeId, String instanceId, Instant startedAt, Instant heartbeatAt) {
}
