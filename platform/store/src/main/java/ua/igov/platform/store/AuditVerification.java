package ua.igov.platform.store;

/**
 * The result of walking the audit chain.
 *
 * @param entries     how many entries were checked
 * @param firstBroken the sequence number of the first entry whose link or hash does not hold, or {@code null}
 * @param reason      what is wrong with it, or {@code null}
 */
public record AuditVerification(long entries, Long firstBroken, String reason) {

    public boolean intact() {
        return firstBroken == null;
    }
}
