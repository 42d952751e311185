package ua.igov.platform.core;

import java.util.List;

/**
 * An application's audit trail as shown: its newest entries, oldest first.
 *
 * @param entries      at most {@link #MAX_ENTRIES} entries, in the order they were written
 * @param olderLeftOut whether the application has older entries than these, not shown
 */
public record AuditTrail(List<AuditTrailEntry> entries, boolean olderLeftOut) {

    /** More than an application gathers in its life unless it is read over and over. */
    public static final int MAX_ENTRIES = 1000;

    public AuditTrail {
        entries = List.copyOf(entries);
    }
}
