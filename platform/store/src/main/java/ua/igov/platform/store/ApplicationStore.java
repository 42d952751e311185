package ua.igov.platform.store;

import java.util.Optional;

/**
 * The durable record of citizens' applications. Every method either completes in one committed transaction or
 * throws {@link StoreException} having written nothing, so several nodes can share one database.
 */
public interface ApplicationStore {

    /** The next number of the application-number sequence; numbers are unique across every node. */
    long nextApplicationNumber();

    /** Stores a new application with its first history entry, in one transaction. */
    StoredApplication insert(NewApplication application);

    Optional<StoredApplication> findByTrackingNumber(String trackingNumber);

    /** Records that a service type exists and which form version it serves now, keeping every version's schema. */
    void rememberServiceType(ServiceTypeRecord serviceType);

    Optional<ServiceTypeRecord> findServiceType(String code);

    long countApplications();
}
