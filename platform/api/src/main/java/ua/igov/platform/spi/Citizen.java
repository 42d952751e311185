package ua.igov.platform.spi;

import java.util.Objects;

/**
 * A person signed in through an identity provider.
 *
 * @param subject     the provider's stable id for the person (never shown to others)
 * @param displayName how to address the person
 * @param provider    which provider vouched for them, e.g. {@code dev}, {@code bankid}
 * @param email       the e-mail address the provider knows for them, or {@code null} (since 1.1)
 * @param phone       their phone number in {@code +380...} form as the provider knows it, or {@code null} (since 1.1)
 * @param language    the language they use, {@code uk} or {@code en}, or {@code null} (since 1.1)
 */
public record Citizen(String subject, String displayName, String provider, String email, String phone, String language) {

    /** A citizen the provider knows no contact details of (every provider before SPI 1.1). */
    public Citizen(String subject, String displayName, String provider) {
        this(subject, displayName, provider, null, null, null);
    }

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
