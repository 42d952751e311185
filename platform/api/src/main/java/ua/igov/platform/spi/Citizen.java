package ua.igov.platform.spi;

import java.util.Objects;

/**
 * A person signed in through an identity provider.
 *
 * @param subject     the provider's stable id for the person (never shown to others)
 * @param displayName how to address the person
 * @param provider    which provider vouched for them, e.g. {@code dev}, {@code bankid}
 */
public record Citizen(String subject, String displayName, String provider) {

    public Citizen {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(provider, "provider");
        if (subject.isBlank() || subject.length() > 200) {
            throw new IllegalArgumentException("a subject is 1 to 200 characters");
        }
    }

    /** The owner key stored with applications: provider and subject, so two providers never collide. */
    public String ownerKey() {
        return provider + ":" + subject;
    }
}
