package ua.igov.platform.store;

/**
 * The result of walking the audit chains.
 *
 * @param entries     how many entries were checked
 * @param chain       the chain of the first entry whose link or hash does not hold, or {@code null}
 * @param firstBroken that entry's number within its chain, or {@code null}
 * @param reason      what is wrong with it, or {@code null}
 */
public record AuditVerification(long entries, Integer chain, Long firstBroken, String reason) {

    public boolean intact() {
        return firstBroken == null;
    }
}
