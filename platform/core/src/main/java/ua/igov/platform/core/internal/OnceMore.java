package ua.igov.platform.core.internal;

/**
 * Runs a write that may lose a race with another node: nodes starting together on an empty database each insert the
 * same first rows (a service type, a region's offerings), and all but one fail on the primary key. The second try
 * reads what the winner committed and writes only what is still missing, usually nothing.
 */
final class OnceMore {

    private OnceMore() {
    }

    /** Runs {@code write}; if it throws, runs it once more, and a second failure is thrown. */
    static void run(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException first) {
            write.run();
        }
    }
}
