package ua.igov.platform.core;

/**
 * The first check of every door only operators use: 401 for nobody, 403 for anyone else. The REST API asks it before
 * it reads a request's parameters or body, so nobody else learns what such a door takes; the services ask it again,
 * for the console and every other way in.
 */
public final class OperatorsOnly {

    /** The moderation of reviews. */
    public static final String MODERATES_REVIEWS = "moderates reviews";
    /** The names citizens know staff accounts by. */
    public static final String NAMES_STAFF = "names staff accounts";

    private OperatorsOnly() {
    }

    /**
     * @param doesWhat what only an operator does, for the 403's detail, e.g. {@code "moderates reviews"}
     */
    public static Caller.Staff check(Caller caller, String doesWhat) {
        if (caller == null) {
            throw Problems.unauthenticated();
        }
        if (!(caller instanceof Caller.Staff staff) || !staff.operator()) {
            throw Problems.forbidden("Only an operator " + doesWhat + ".");
        }
        return staff;
    }
}
