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
}
