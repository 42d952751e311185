package ua.igov.platform.store;

import java.util.Objects;

/**
 * How to reach the citizen about an application, stored with it.
 *
 * @param email    an e-mail address, or {@code null}
 * @param phone    a phone number in {@code +380...} form, or {@code null}
 * @param language {@code uk} or {@code en}: the language the citizen is written to in
 */
public record CitizenContact(String email, String phone, String language) {

    public CitizenContact {
        Objects.requireNonNull(language, "language");
    }

    public boolean reachable() {
        return email != null || phone != null;
    }
}
