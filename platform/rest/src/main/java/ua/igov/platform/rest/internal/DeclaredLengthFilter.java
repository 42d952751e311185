package ua.igov.platform.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

/**
 * Refuses a request whose declared body (Content-Length) is larger than any endpoint takes, before anything reads
 * it: the largest body the API accepts is a 5 MiB file. Each endpoint still reads its body up to its own, smaller
 * limit ({@link Bodies}). Answering before the body is read also lets a client that asked {@code Expect:
 * 100-continue} (as curl does for large uploads) learn of the 413 without sending megabytes for nothing.
 */
@PreMatching
final class DeclaredLengthFilter implements ContainerRequestFilter {

    static final int MAX_ANY_BODY = ApplicationResource.MAX_FILE_BYTES;

    @Override
    public void filter(ContainerRequestContext request) {
        // Read here, not through getLength(): Jersey parses it as an int, and a length past 2 GiB would be a 500.
        String declared = request.getHeaderString("Content-Length");
        if (declared == null || declared.isBlank()) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException unreadable) {
            length = Long.MAX_VALUE; // digits beyond a long: far more than any endpoint takes
        }
        if (length > MAX_ANY_BODY) {
            throw Bodies.tooLarge(MAX_ANY_BODY);
        }
    }
}
