package ua.igov.platform.store;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The durable record of citizens' applications. Every method either completes in one committed transaction or
 * throws {@link StoreException} having written nothing, so several nodes can share one database.
 */
public interface ApplicationStore {

    /**
     * Stores a new application with its first history entry, in one transaction that also draws its number from the
     * database's application-number sequence (unique across every node).
     *
     * @param trackingNumbers turns the drawn number into the tracking number stored with the application
     */
    StoredApplication insert(NewApplication application, LongFunction<String> trackingNumbers);

    Optional<StoredApplication> findByTrackingNumber(String trackingNumber);

    /** Records that a service type exists and which form version it serves now, keeping every version's schema. */
    void rememberServiceType(ServiceTypeRecord serviceType);

    Optional<ServiceTypeRecord> findServiceType(String code);

    long countApplications();
}
