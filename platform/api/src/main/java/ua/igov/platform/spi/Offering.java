package ua.igov.platform.spi;

import java.util.List;
import java.util.Objects;

/**
 * A service delivered at a place by an authority: the unit a citizen applies to.
 *
 * @param placeId      where it is delivered; {@code null} means the whole region
 * @param authorityId  who delivers it, or {@code null} if not known
 * @param loginMethods how a citizen may sign in for it: {@code BankID}, {@code EDS}, {@code IDcard}, {@code email}
 * @param url          for {@link Availability#INFO_ONLY}: where the service really is
 * @param note         a free-text note as published
 * @param deadlineWorkingDays how many working days the authority has to deliver, where known
 * @param fee          what the citizen pays, as published (e.g. "безоплатно", "34 грн"), where known
 */
public record Offering(int id, int serviceId, Integer placeId, Integer authorityId, Availability availability,
                       List<String> loginMethods, String url, String note, Integer deadlineWorkingDays, String fee) {

    public Offering {
        Objects.requireNonNull(availability, "availability");
        loginMethods = loginMethods == null ? List.of() : List.copyOf(loginMethods);
        if (deadlineWorkingDays != null && deadlineWorkingDays < 0) {
            throw new IllegalArgumentException("deadlineWorkingDays cannot be negative");
        }
    }
}
