package ua.igov.platform.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The subsistence minimum for able-bodied persons (прожитковий мінімум для працездатних осіб), which Ukrainian laws
 * set most administrative fees as shares of: the figure in force on 1 January of the year the service is given, as
 * that year's State Budget law sets it. One table for every service plugin, so a fee is not a number typed into a
 * plugin that goes stale the next January.
 *
 * <p>The table ends at {@link #LAST_KNOWN_YEAR}. A later year is charged at that year's figure until the platform
 * carries the new one (a budget law sets it in the preceding December; the figure has not fallen since it was
 * introduced, so the citizen is never charged more than the law asks).
 *
 * @since 1.6
 */
public final class SubsistenceMinimum {

    /** The year the state's dates and fees are counted in. */
    public static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    /** The last year whose figure this table has. */
    public static final int LAST_KNOWN_YEAR = 2026;

    /** Kopiykas a month, by year: the State Budget laws of 2022 to 2026 (2025 kept 2024's figure). */
    private static final NavigableMap<Integer, Long> ABLE_BODIED = new TreeMap<>(Map.of(
            2022, 248_100L, 2023, 268_400L, 2024, 302_800L, 2025, 302_800L, 2026, 332_800L));

    private SubsistenceMinimum() {
    }

    /**
     * The figure in force on 1 January of {@code year}, in kopiykas; a year after {@link #LAST_KNOWN_YEAR} gets that
     * year's.
     *
     * @throws IllegalArgumentException for a year before 2022, which no application is charged in
     */
    public static long ableBodiedKopiykas(int year) {
        Map.Entry<Integer, Long> entry = ABLE_BODIED.floorEntry(year);
        if (entry == null) {
            throw new IllegalArgumentException("no subsistence minimum is known for " + year);
        }
        return entry.getValue();
    }

    /**
     * A fee the law sets as {@code share} of the minimum (such as {@code "0.055"}) in {@code year}, rounded to the
     * kopiyka, half up.
     */
    public static long shareInKopiykas(String share, int year) {
        return new BigDecimal(share).multiply(BigDecimal.valueOf(ableBodiedKopiykas(year)))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Today's date in Kyiv by {@code clock}: the day whose year a fee is charged by. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(KYIV));
    }
}
