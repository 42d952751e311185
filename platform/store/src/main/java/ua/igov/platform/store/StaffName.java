package ua.igov.platform.store;

import java.time.Instant;

/**
 * The name citizens know a member of staff by, given to their account by an operator.
 *
 * @param account     the login, as JAAS knows it
 * @param displayName what citizens see in its place, e.g. {@code Олена Коваленко}
 * @param namedAt     when an operator last set it
 * @param namedBy     who did ({@code staff:<login>})
 */
public record StaffName(String account, String displayName, Instant namedAt, String namedBy) {
}
