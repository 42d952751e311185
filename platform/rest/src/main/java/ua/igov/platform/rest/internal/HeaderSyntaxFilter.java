package ua.igov.platform.rest.internal;

import java.util.List;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;

import ua.igov.platform.core.ProblemException;
import ua.igov.platform.spi.FieldProblem;

/**
 * Reads the headers Jersey needs to choose an endpoint ({@code Content-Type}, {@code Accept}) before it does. Jersey
 * answers a header it cannot parse with a bare 400 and no body, without asking any exception mapper; read here
 * first, the same header gets a problem document that names it. Over HTTP, Jersey's servlet reads
 * {@code Content-Type} even before the application, so {@link ApiServlet} checks that one first with
 * {@link #readableMediaType}.
 */
@PreMatching
final class HeaderSyntaxFilter implements ContainerRequestFilter {

    static final String MEDIA_TYPE_EXPECTED = "one media type, such as application/json or application/pdf";

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            request.getMediaType();
        } catch (RuntimeException e) {
            throw malformed(HttpHeaders.CONTENT_TYPE, request.getHeaderString(HttpHeaders.CONTENT_TYPE), MEDIA_TYPE_EXPECTED);
        }
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            throw malformed(HttpHeaders.ACCEPT, request.getHeaderString(HttpHeaders.ACCEPT),
                    "media types separated by commas, such as application/json");
        }
    }

    /** Whether Jersey can read this as one media type (absent is fine). */
    static boolean readableMediaType(String value) {
        try {
            if (value != null) {
                javax.ws.rs.core.MediaType.valueOf(value);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static ProblemException malformed(String header, String value, String expected) {
        return new ProblemException(400, "malformed-header", "Malformed header",
                "The " + header + " header '" + shown(value) + "' cannot be read: it should be " + expected + ".",
                List.of(new FieldProblem(header, "expected " + expected)));
    }

    /** A header's value as an answer may repeat it: at most 100 characters. */
    static String shown(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }
}
