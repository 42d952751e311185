package ua.igov.platform.core;

import java.time.Instant;

/**
 * The name citizens know a member of staff by, shown to them in place of the account's login.
 *
 * @param account     the login
 * @param displayName e.g. {@code Олена Коваленко}
 * @param namedAt     when an operator set it
 * @param namedBy     who did
 */
public record StaffDisplayName(String account, String displayName, Instant namedAt, String namedBy) {
}
