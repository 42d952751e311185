package ua.igov.platform.core.internal;

import java.util.Collection;
import java.util.Optional;

/** The core's own view of what is installed now; a service inside this bundle only. */
interface InstalledPlugins {

    Optional<InstalledServiceType> serviceType(String code);

    Collection<InstalledServiceType> serviceTypes();

    /** The installed service type implementing a catalogue service, if any. */
    Optional<InstalledServiceType> serviceTypeFor(int catalogueServiceId);

    Optional<RegionIndex> region(String id);

    Collection<RegionIndex> regions();
}
