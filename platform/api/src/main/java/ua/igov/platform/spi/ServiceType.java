package ua.igov.platform.spi;

import java.util.Set;

/**
 * A kind of application citizens can submit online. A service plugin registers one as an OSGi service; the core
 * serves its form and accepts applications while the service is registered.
 */
public interface ServiceType {

    /** A stable, URL-safe code such as {@code residence-registration}; it appears in URLs and tracking records. */
    String code();

    LocalizedText name();

    /** The ids of the iGov catalogue services this type implements; their offerings become submittable. */
    Set<Integer> catalogueServiceIds();

    FormDefinition form();

    default SubmissionHandler handler() {
        return SubmissionHandler.ACCEPT_ALL;
    }
}
