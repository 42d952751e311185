package ua.igov.platform.core.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.ServiceTypeRecord;
import ua.igov.platform.store.StoreException;
import ua.igov.platform.store.StoredApplication;

/** A store double for unit tests; the real JDBC store has its own tests on Derby. */
class InMemoryStore implements ApplicationStore {

    final Map<String, StoredApplication> applications = new ConcurrentHashMap<>();
    final Map<String, ServiceTypeRecord> types = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    volatile boolean broken;

    @Override
    public StoredApplication insert(NewApplication a, LongFunction<String> trackingNumbers) {
        failIfBroken();
        String trackingNumber = trackingNumbers.apply(sequence.incrementAndGet());
        StoredApplication stored = new StoredApplication(applications.size() + 1, trackingNumber, a.serviceCode(),
                a.regionId(), a.placeId(), a.formVersion(), a.pluginVersion(), a.formJson(), a.firstStatus().status(),
                a.submittedAt(), a.submittedAt(), java.util.List.of(a.firstStatus()));
        applications.put(trackingNumber, stored);
        return stored;
    }

    @Override
    public Optional<StoredApplication> findByTrackingNumber(String trackingNumber) {
        failIfBroken();
        return Optional.ofNullable(applications.get(trackingNumber));
    }

    @Override
    public void rememberServiceType(ServiceTypeRecord serviceType) {
        types.put(serviceType.code(), serviceType);
    }

    @Override
    public Optional<ServiceTypeRecord> findServiceType(String code) {
        return Optional.ofNullable(types.get(code));
    }

    @Override
    public long countApplications() {
        return applications.size();
    }

    private void failIfBroken() {
        if (broken) {
            throw new StoreException("database is down", null);
        }
    }
}
