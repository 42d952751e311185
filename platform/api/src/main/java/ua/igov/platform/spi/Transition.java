package ua.igov.platform.spi;

import java.util.Objects;
import java.util.Set;

/**
 * One step a role may take: the action's name, the statuses it may be taken from, and where it leads. The platform
 * refuses a plugin whose workflow has a step named otherwise than below, or one that lets {@link Role#CITIZEN} move
 * an application to {@code approved}, {@code rejected} or {@code issued} (only staff decide), when it arrives.
 *
 * @param action e.g. {@code claim}, {@code approve}; unique within a workflow; 1 to 40 lower-case letters, digits
 *               and dashes (it names the step in URLs and in every record of it)
 */
public record Transition(String action, Set<Status> from, Status to, Set<Role> roles) {

    public Transition {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(to, "to");
        from = Set.copyOf(from);
        roles = Set.copyOf(roles);
        if (from.isEmpty() || roles.isEmpty()) {
            throw new IllegalArgumentException("transition '" + action + "' needs at least one source status and role");
        }
    }
}
