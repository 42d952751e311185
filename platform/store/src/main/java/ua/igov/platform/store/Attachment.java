package ua.igov.platform.store;

import java.time.Instant;

/** A file attached to an application; its content is fetched separately. */
public record Attachment(long id, String fileName, String mediaType, long sizeBytes, String sha256, Instant uploadedAt,
                         String uploadedBy) {
}
