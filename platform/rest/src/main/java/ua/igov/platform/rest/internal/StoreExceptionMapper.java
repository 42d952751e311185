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
import ua.igov.platform.store.CommitOutcomeUnknownException;
import ua.igov.platform.store.StoreException;

/**
 * The database did not answer a read the core left to the caller (down, failing over, out of connections). That is
 * not a bug, so not a {@code 500}: the request is worth repeating, and the citizen is told so. Most writes' failures are
 * answered by the core itself; one that gets here and whose commit the database did not confirm is
 * {@code 503 outcome-unknown}, since repeating it could store it twice.
 */
final class StoreExceptionMapper implements ExceptionMapper<StoreException> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreExceptionMapper.class);
    static final Duration RETRY_AFTER = ua.igov.platform.core.Problems.READ_RETRY_AFTER;

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(StoreException failure) {
        if (failure instanceof CommitOutcomeUnknownException) {
            // a write the core left to the caller (an upload): it may be stored, so "try again" could store it twice
            LOG.error("The database did not confirm a write serving {}: {}", uri == null ? "?" : uri.getPath(),
                    failure.getMessage());
            return ProblemResponses.of(new ProblemException(503, "outcome-unknown", "Not confirmed", "The database did "
                    + "not confirm that this was saved: it may have been. Read it back before you repeat it."), uri);
        }
        LOG.error("The database did not answer serving {}: {}", uri == null ? "?" : uri.getPath(), failure.getMessage());
        return ProblemResponses.of(new ProblemException(503, "unavailable", "Temporarily unavailable",
                "The data cannot be read right now. Please try again in a minute.", List.of(), RETRY_AFTER), uri);
    }
}
