package ua.igov.platform.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Wrong passwords for staff accounts, shared by every node: the throttle against guessing a password over the API.
 * Accounts are named as typed (a name that is no account is counted too: a failed login does not say which it was).
 */
public interface StaffLoginStore {

    /** The account's recent failures, if it has any. */
    Optional<LoginFailures> failures(String account);

    /**
     * Counts one more wrong password for the account, in one transaction with every node's: its failures are forgotten
     * first if none came within {@code window} (so any {@code maxFailures} within one window lock, whenever the window
     * starts), and the failure that reaches {@code maxFailures} locks the account until
     * {@code now + lock}. Rows of other accounts whose failures and lock are over are removed on the way.
     *
     * @return the account's failures with this one
     */
    LoginFailures failed(String account, Instant now, int maxFailures, Duration window, Duration lock);

    /**
     * Takes back one failure counted (by {@link #failed}) before a password was checked that turned out right, or
     * could not be checked at all; a lock that this count alone brought about goes with it, and so does the time of
     * the failure, so that right passwords do not keep earlier wrong ones from being forgotten. Other failures stay
     * until they are older than the window: a right password does not wipe out the guesses made meanwhile.
     *
     * @param countedAt        the {@code now} the failure was counted at
     * @param lastFailedBefore the account's latest failure before it, or {@code null} if it had none
     */
    void notAFailure(String account, int maxFailures, Instant countedAt, Instant lastFailedBefore);

    /**
     * An operator lifts the account's lock and forgets its failures, on the record: the audit entry {@code audit}
     * makes of what was cleared is appended to the audit trail in the same transaction.
     *
     * @return what was cleared, or empty (and nothing written) if the account had no failures and no lock
     */
    Optional<LoginFailures> unlock(String account, java.util.function.Function<LoginFailures, AuditEntry> audit);

    /** The accounts with recent failures or a lock, the latest failure first. */
    List<LoginFailures> recent(int limit);
}
