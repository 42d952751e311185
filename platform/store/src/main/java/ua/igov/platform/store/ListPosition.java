package ua.igov.platform.store;

import java.time.Instant;

/**
 * Where a list of applications left off: the last row shown, by the values the list is sorted on. The next page
 * starts after it even when that row has meanwhile changed or left the list (a queue's application claimed by a
 * colleague), so paging neither skips nor repeats the rows that stayed.
 *
 * @param at the time the list sorts on (the queue's deadline, a citizen's submission time) as stored; {@code null}
 *           for a row without one (an application with no deadline sorts after all those with one)
 * @param id the row's id, which breaks ties
 */
public record ListPosition(Instant at, long id) {
}
