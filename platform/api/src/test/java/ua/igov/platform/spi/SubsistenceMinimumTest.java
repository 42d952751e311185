package ua.igov.platform.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SubsistenceMinimumTest {

    /** The amounts ЦНАПs published for these years' fees (land extract 0.055; residence 0.015 and 0.025). */
    @Test
    void sharesComeToThePublishedFees() {
        assertEquals(18_304, SubsistenceMinimum.shareInKopiykas("0.055", 2026));
        assertEquals(4_992, SubsistenceMinimum.shareInKopiykas("0.015", 2026));
        assertEquals(8_320, SubsistenceMinimum.shareInKopiykas("0.025", 2026));
        assertEquals(4_542, SubsistenceMinimum.shareInKopiykas("0.015", 2024));
        assertEquals(7_570, SubsistenceMinimum.shareInKopiykas("0.025", 2024));
        assertEquals(4_026, SubsistenceMinimum.shareInKopiykas("0.015", 2023));
        assertEquals(3_722, SubsistenceMinimum.shareInKopiykas("0.015", 2022), "37.215 rounds half up");
        assertEquals(14_762, SubsistenceMinimum.shareInKopiykas("0.055", 2023));
    }

    @Test
    void aYearAfterTheTableIsChargedAtItsLastFigureAndOneBeforeItIsRefused() {
        assertEquals(332_800, SubsistenceMinimum.ableBodiedKopiykas(SubsistenceMinimum.LAST_KNOWN_YEAR));
        assertEquals(332_800, SubsistenceMinimum.ableBodiedKopiykas(SubsistenceMinimum.LAST_KNOWN_YEAR + 3));
        assertEquals(302_800, SubsistenceMinimum.ableBodiedKopiykas(2025), "2025 kept 2024's");
        assertThrows(IllegalArgumentException.class, () -> SubsistenceMinimum.ableBodiedKopiykas(2021));
    }

    /** New Year comes to Kyiv two hours before it comes to UTC: the fee of a submission then is the new year's. */
    @Test
    void theYearIsKyivs() {
        Clock newYearInKyiv = Clock.fixed(Instant.parse("2025-12-31T22:30:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2026, 1, 1), SubsistenceMinimum.today(newYearInKyiv));
    }
}
