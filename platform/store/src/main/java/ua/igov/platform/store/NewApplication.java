package ua.igov.platform.store;

import java.time.Instant;
import java.util.Objects;

/** An application about to be stored, with the form version it was validated against. */
public record NewApplication(String serviceCode, String regionId, Integer placeId,
                             String formVersion, String pluginVersion, String formJson, StatusChange firstStatus) {

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
