package ua.igov.platform.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Whether a file's first bytes are those of the type it was declared as. A web page or a program sent as
 * "application/pdf" would otherwise be stored and later handed to an official as a passport scan. Three fixed
 * signatures do not need a content-detection library.
 */
final class FileSignatures {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /**
     * PDF readers accept the header anywhere in the first kilobyte, after bytes some scanners put first. Here those
     * bytes may only be text (line breaks, spaces, printable ASCII, a UTF-8 byte order mark first), and never a '<':
     * a web page, or a program (which begins "MZ" and binary), with "%PDF-" in it would pass for a PDF.
     */
    private static final int PDF_HEADER_WITHIN = 1024;

    private static final Map<String, String> NAMES = Map.of("application/pdf", "a PDF", "image/png", "a PNG image",
            "image/jpeg", "a JPEG image");

    private FileSignatures() {
    }

    /** Why the content is not of the declared type, or {@code null} when its first bytes are right. */
    static String mismatch(String mediaType, byte[] content) {
        boolean matches = switch (mediaType) {
            case "application/pdf" -> {
                int header = indexOf(content, PDF, PDF_HEADER_WITHIN);
                yield header >= 0 && onlyTextBefore(content, header);
            }
            case "image/png" -> startsWith(content, PNG);
            case "image/jpeg" -> startsWith(content, JPEG);
            default -> false;
        };
        return matches ? null : "the file is not " + NAMES.getOrDefault(mediaType, mediaType)
                + ": it does not begin as one (send it with the Content-Type of what it is)";
    }

    private static boolean onlyTextBefore(byte[] content, int end) {
        int start = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
        for (int i = start; i < end; i++) {
            byte b = content[i];
            boolean text = b == '\t' || b == '\n' || b == '\r' || (b >= 0x20 && b <= 0x7E);
            if (!text || b == '<') {
                return false;
            }
        }
        return true;
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static boolean startsWith(byte[] content, byte[] signature) {
        return content.length >= signature.length
                && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }

    private static int indexOf(byte[] content, byte[] signature, int within) {
        int last = Math.min(content.length, within + signature.length) - signature.length;
        for (int i = 0; i <= last; i++) {
            if (Arrays.equals(content, i, i + signature.length, signature, 0, signature.length)) {
                return i;
            }
        }
        return -1;
    }
}
