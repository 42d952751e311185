package ua.igov.platform.core.internal;

import ua.igov.platform.core.Caller;
import ua.igov.platform.core.Problems;

/** The first check of every door only operators use: 401 for nobody, 403 for anyone else. */
final class OperatorsOnly {

    private OperatorsOnly() {
    }

    /**
     * @param doesWhat what only an operator does, for the 403's detail, e.g. {@code "moderates reviews"}
     */
    static Caller.Staff check(Caller caller, String doesWhat) {
        if (caller == null) {
            throw Problems.unauthenticated();
        }
        if (!(caller instanceof Caller.Staff staff) || !staff.operator()) {
            throw Problems.forbidden("Only an operator " + doesWhat + ".");
        }
        return staff;
    }
}
