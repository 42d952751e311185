package ua.igov.platform.spi;

/**
 * What a service checks in an application beyond the schema, with code. Called before anything is committed, on
 * submission and again on each answer to a clarification request (the answered form is checked as the first was):
 * throwing rejects that request and nothing is stored. It may be called more than once for one application and for
 * requests that are then refused for other reasons, so it must have no side effects (write nothing, send nothing).
 */
@FunctionalInterface
public interface SubmissionHandler {

    /** A handler that accepts whatever the schema accepts. */
    SubmissionHandler ACCEPT_ALL = submission -> { };

    /**
     * @throws SubmissionRejectedException naming the fields a citizen must fix
     */
    void onSubmit(Submission submission) throws SubmissionRejectedException;
}
