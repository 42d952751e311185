package ua.igov.platform.core.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Lets one log line about the same thing through per interval and counts the ones it held back, so that the next line
 * can say how many there were. Why: a plugin that fails or is stuck fails every request that reaches it, and a line
 * (with a stack trace) per request would flood the log under load, hide everything else in it and fill the disk.
 *
 * <p>Keys must come from a small set (service codes and what was being done), since each key is remembered.
 */
final class LogThrottle {

    /** What {@link #admit} answers when the line is to be held back. */
    static final long HOLD_BACK = -1;

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    LogThrottle(Duration interval) {
        this(interval, System::nanoTime);
    }

    LogThrottle(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * @return {@link #HOLD_BACK} if a line about {@code key} was let through less than an interval ago; otherwise the
     *         number of lines about it held back since the last one let through (0 for the first)
     */
    long admit(String key) {
        Window window = windows.computeIfAbsent(key, k -> new Window());
        long now = nanoClock.getAsLong();
        synchronized (window) {
            if (window.admittedOnce && now - window.lastAdmitted < intervalNanos) {
                window.heldBack++;
                return HOLD_BACK;
            }
            long heldBack = window.heldBack;
            window.admittedOnce = true;
            window.lastAdmitted = now;
            window.heldBack = 0;
            return heldBack;
        }
    }

    /** A few words to append to the line that is let through, or nothing when none were held back. */
    static String heldBackNote(long heldBack) {
        return heldBack <= 0 ? "" : " (" + heldBack + " more like this since the last one were not logged)";
    }

    private static final class Window {
        boolean admittedOnce;
        long lastAdmitted;
        long heldBack;
    }
}
