package ua.igov.platform.itests.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes sure the test JVM ends once every test has run. Pax Exam's threads have been seen to leave Surefire's exit
 * handshake waiting forever (PAXEXAM-920), which would hang the whole build; if the JVM is still alive a while after
 * the last test, this ends it with success, since the results have already been reported by then.
 */
public final class ForkExitWatchdog implements LauncherSessionListener {

    static final long GRACE_MILLIS = 60_000;

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("Test JVM still alive " + GRACE_MILLIS / 1000 + " s after the last test: ending it.");
            Runtime.getRuntime().halt(0);
        }, "igov-fork-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
