package ua.igov.platform.core;

import java.time.Instant;

/**
 * One entry of an application's audit trail: who did or read what, and when.
 *
 * @param actor  {@code citizen:<provider>:<subject>}, {@code staff:<login>} or {@code platform:<part>}; to a citizen
 *               {@code citizen}, {@code staff} or {@code platform:<part>} (a login is half of a credential)
 * @param actorName for an entry by staff, the name citizens know that person by, if the account has one
 * @param action {@code submit}, a workflow action, {@code attach}, {@code read-personal-data}, {@code escalate}, …
 * @param detail what the entry adds (a status change, a file and its digest, what was read), or {@code null}
 */
public record AuditTrailEntry(Instant at, String actor, String actorName, String action, String detail) {
}
