package ua.igov.platform.core.internal;

import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.Problems;
import ua.igov.platform.store.CommitOutcomeUnknownException;
import ua.igov.platform.store.StoreException;

/**
 * What a caller is told when the database fails a write. Usually nothing was written and the request may simply be
 * repeated; but when the connection broke as the database committed, the change may be in: "nothing was changed"
 * would be false, and a blind repeat could make it twice.
 */
final class WriteFailures {

    private WriteFailures() {
    }

    /**
     * @param notDone     what to say when nothing was written, e.g. "Naming the account failed; nothing was changed."
     * @param unconfirmed what may have been written and what to do, after "The database did not confirm", e.g.
     *                    "that the name was saved. Read it back before you repeat it."
     */
    static ProblemException problem(StoreException failure, String notDone, String unconfirmed) {
        if (failure instanceof CommitOutcomeUnknownException) {
            return notConfirmed(unconfirmed);
        }
        return Problems.unavailable(notDone);
    }

    /** The advice for a change the caller can read back. */
    static final String READ_IT_BACK = " Read it back before you repeat it.";

    /** The database did not confirm {@code what} (a sentence without "The database did not confirm"). */
    static ProblemException notConfirmed(String what) {
        return new ProblemException(503, "outcome-unknown", "Not confirmed", "The database did not confirm " + what);
    }
}
