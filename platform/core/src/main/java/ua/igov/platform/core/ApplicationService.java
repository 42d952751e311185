package ua.igov.platform.core;

/** Citizens' applications: submitting them and following where they stand. */
public interface ApplicationService {

    /**
     * Validates and stores an application. The body is the JSON envelope
     * {@code {"region": "...", "placeId": 1, "form": {...}}}; once this returns, the application is committed.
     *
     * @throws ProblemException naming every field to fix, or why the service cannot take applications now
     */
    ApplicationReceipt submit(String serviceCode, byte[] body);

    /** @throws ProblemException if the number is malformed or no such application exists */
    ApplicationStatus status(String trackingNumber);
}
