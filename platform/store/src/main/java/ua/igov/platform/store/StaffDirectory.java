package ua.igov.platform.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names citizens know staff by, shared by every node. A login is half of a credential (with it, anyone can use
 * up an account's password guesses and lock it), so citizens never see one: an operator gives each account the name
 * shown in its place. Every change is on the audit trail, written in the change's transaction.
 */
public interface StaffDirectory {

    /** The display names of those of {@code accounts} that have one; an account without one is left out. */
    Map<String, String> displayNames(Collection<String> accounts);

    /** The named accounts in the order of their logins, at most {@code limit}. */
    List<StaffName> names(int limit);

    /**
     * Gives {@code name.account()} its display name, replacing the one it had, with the audit entry {@code audit} makes
     * of the name it had (empty if none).
     *
     * @return the name it had, if any
     * @throws AlreadyDoneException if it has that display name already (nothing is written)
     */
    Optional<StaffName> rename(StaffName name, Function<Optional<StaffName>, AuditEntry> audit);

    /**
     * Takes the account's display name away, with the audit entry {@code audit} makes of it.
     *
     * @return the name it had, or empty (and nothing written) if it had none
     */
    Optional<StaffName> unname(String account, Function<StaffName, AuditEntry> audit);
}
