package ua.igov.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import ua.igov.platform.core.ProblemException;

/** Reads request bodies up to a limit, so an oversized one is refused before it fills memory. */
final class Bodies {

    private Bodies() {
    }

    static byte[] read(InputStream body, int max) throws IOException {
        byte[] bytes = body.readNBytes(max + 1);
        if (bytes.length > max) {
            throw tooLarge(max);
        }
        return bytes;
    }

    static ProblemException tooLarge(int max) {
        return new ProblemException(413, "too-large", "Request too large", "The request body is larger than "
                + (max >= 1024 * 1024 ? max / (1024 * 1024) + " MiB" : max / 1024 + " KiB") + ".");
    }
}
