package ua.igov.platform.core;

/**
 * A file attached to an application, as its citizen or the staff of its authority download it; its content matched
 * the SHA-256 recorded when it was attached.
 */
public record AttachmentDownload(long id, String fileName, String mediaType, String sha256, byte[] content) {
}
