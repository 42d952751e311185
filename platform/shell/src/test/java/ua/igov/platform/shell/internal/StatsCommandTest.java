package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ua.igov.platform.core.ProblemException;

class StatsCommandTest {

    /** An option the command would have dropped is refused before any figure is read (no statistics service here). */
    @Test
    void anOptionThatWouldBeIgnoredIsRefused() {
        StatsCommand openDataOfOne = new StatsCommand();
        openDataOfOne.openData = true;
        openDataOfOne.authority = "89";
        ProblemException national = assertThrows(ProblemException.class, openDataOfOne::query);
        assertEquals(400, national.status());
        assertTrue(national.detail().contains("--authority"), national.detail());

        StatsCommand csvOfStatistics = new StatsCommand();
        csvOfStatistics.csv = true;
        assertTrue(assertThrows(ProblemException.class, csvOfStatistics::query).detail().contains("--csv"));
    }

    /** A region that kept no line is said so, with both reasons it may have: not an empty table. */
    @Test
    void aRegionWithNoLineIsSaidSo() {
        StatsCommand command = new StatsCommand();
        command.region = "lvov";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        command.print(new ua.igov.platform.core.StatisticsReport("region", java.time.LocalDate.parse("2026-11-01"),
                java.time.LocalDate.parse("2026-11-27"), java.util.List.of(), java.time.Instant.now(),
                java.util.List.of(), null), new java.io.PrintStream(bytes, true));
        String said = bytes.toString();
        assertTrue(said.startsWith("No line for region lvov from 2026-11-01 to 2026-11-27"), said);
        assertTrue(said.contains("no such region"), said);
    }
}
