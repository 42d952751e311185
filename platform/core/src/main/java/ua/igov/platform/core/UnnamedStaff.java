package ua.igov.platform.core;

import java.util.List;

/**
 * The staff accounts citizens see as plain {@code staff}: those the realm has as officials, supervisors or operators
 * and that no operator has given a display name.
 *
 * @param listed   whether the realm could list its accounts; if not, {@code accounts} is empty and says nothing
 * @param accounts their logins, in order
 */
public record UnnamedStaff(boolean listed, List<String> accounts) {

    public UnnamedStaff {
        accounts = List.copyOf(accounts);
    }
}
