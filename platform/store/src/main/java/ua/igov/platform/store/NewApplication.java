package ua.igov.platform.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An application about to be stored, with the form version it was validated against.
 *
 * @param catalogueServiceId the iGov catalogue service it was made for
 * @param offeringId         the offering (service at a place) it was made at
 */
public record NewApplication(String serviceCode, String regionId, Integer placeId, Integer catalogueServiceId,
                             Integer offeringId, String formVersion, String pluginVersion, String formJson, StatusChange firstStatus,
                             String owner, Integer authorityId, Instant dueAt, long feeKopiykas) {

    /** An application with no owner, authority or deadline (tests, imports). */
    public NewApplication(String serviceCode, String regionId, Integer placeId, Integer catalogueServiceId,
                          Integer offeringId, String formVersion, String pluginVersion, String formJson,
                          StatusChange firstStatus) {
        this(serviceCode, regionId, placeId, catalogueServiceId, offeringId, formVersion, pluginVersion, formJson,
                firstStatus, null, null, null, 0);
    }

    public NewApplication {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(formVersion, "formVersion");
        Objects.requireNonNull(formJson, "formJson");
        Objects.requireNonNull(firstStatus, "firstStatus");
    }

    public Instant submittedAt() {
        return firstStatus.at();
    }
}
