package ua.igov.platform.store;

/**
 * A stored attachment with its content, as read back for a download.
 *
 * @param attachment what was recorded when it was attached, with the SHA-256 of its content then
 * @param content    the bytes as stored now
 */
public record AttachmentFile(Attachment attachment, byte[] content) {
}
