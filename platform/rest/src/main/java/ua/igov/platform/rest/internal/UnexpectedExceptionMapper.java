package ua.igov.platform.rest.internal;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line: a bug answers with a reference the operator can find in the log, never with a stack trace.
 */
final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable error) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} serving {}", reference, uri == null ? "?" : uri.getPath(), error);
        return ProblemResponses.of(500, "internal-error", "Internal error",
                "Something went wrong on our side. Tell support this reference: " + reference, uri, List.of());
    }
}
