package ua.igov.platform.rest.internal;

import java.time.Duration;
import java.util.List;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.store.StoreException;

/**
 * The database did not answer a read the core left to the caller (down, failing over, out of connections). That is
 * not a bug, so not a {@code 500}: the request is worth repeating, and the citizen is told so. Writes never get here;
 * the core answers their failures itself, saying that nothing was changed.
 */
final class StoreExceptionMapper implements ExceptionMapper<StoreException> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreExceptionMapper.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(StoreException failure) {
        LOG.error("The database did not answer serving {}: {}", uri == null ? "?" : uri.getPath(), failure.getMessage());
        return ProblemResponses.of(new ProblemException(503, "unavailable", "Temporarily unavailable",
                "The data cannot be read right now. Please try again in a minute.", List.of(), RETRY_AFTER), uri);
    }
}
