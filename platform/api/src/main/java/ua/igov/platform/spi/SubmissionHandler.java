package ua.igov.platform.spi;

/**
 * What a service does with an application beyond the schema: checks that need code, and its own bookkeeping.
 * Called once per submission, before anything is committed; throwing rejects the submission and nothing is stored.
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
