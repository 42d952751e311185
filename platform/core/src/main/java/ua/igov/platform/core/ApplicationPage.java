package ua.igov.platform.core;

import java.util.List;

/**
 * One page of a list of applications (a citizen's own, an official's queue).
 *
 * @param next where the next page starts (what the list takes as {@code after}), or {@code null} when this page is
 *             the last; an opaque string, meaningful only to the list that gave it
 */
public record ApplicationPage(List<ApplicationSummary> applications, String next) {

    public ApplicationPage {
        applications = List.copyOf(applications);
    }
}
