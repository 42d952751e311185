package ua.igov.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import ua.igov.platform.core.ProblemException;

/** Reads request bodies up to a limit, so an oversized one is refused before it fills memory. */
final class Bodies {

    private Bodies() {
    }

    static byte[] read(InputStream body, int max) throws IOException {
        byte[] bytes;
        try {
            bytes = body.readNBytes(max + 1);
        } catch (IOException brokenOff) {
            // the client stalled past the idle timeout, or sent less than it declared and closed: its request is
            // incomplete, which is not the server's fault (and not worth a stack trace in the log)
            throw new ProblemException(400, "incomplete-body", "Incomplete request body",
                    "The request body broke off before its end: " + brokenOff.getMessage() + ". Send it again.");
        }
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
