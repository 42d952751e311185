package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.StatisticsReport;
import ua.igov.platform.core.StatisticsRow;
import ua.igov.platform.spi.Citizen;
import ua.igov.platform.spi.Role;
import ua.igov.platform.store.StoredApplication;

/** Statistics on the fixture of {@link StatisticsFixture}, against figures counted by hand from its table. */
class StatisticsManagerTest {

    private static final Caller OPERATOR = new Caller.Staff("operator", Set.of(), Set.of(), true);
    private static final Caller SUPERVISOR_89 = new Caller.Staff("oksana", Set.of(Role.SUPERVISOR), Set.of(89), false);
    private static final Caller OFFICIAL_89 = new Caller.Staff("olena", Set.of(Role.OFFICIAL), Set.of(89), false);

    private static StatisticsFixture fixture;
    private static StatisticsManager statistics;

    @BeforeAll
    static void setUp() {
        fixture = new StatisticsFixture().rated();
        statistics = new StatisticsManager(fixture.stores.statistics, place -> null, Clock.fixed(StatisticsFixture.NOW, ZoneOffset.UTC));
    }

    private static StatisticsRow row(StatisticsReport report, String value) {
        return report.rows().stream().filter(r -> java.util.Objects.equals(r.value(), value)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + value + " in " + report.rows()));
    }

    @Test
    void byAuthorityForAnOperatorMatchesTheHandCountedFigures() {
        StatisticsReport report = statistics.statistics(OPERATOR, "authority", StatisticsFixture.FROM, StatisticsFixture.TO, null);

        assertEquals(List.of("225", "89"), report.rows().stream().map(StatisticsRow::value).toList());
        StatisticsRow a89 = row(report, "89");
        assertEquals(8, a89.applications()); // A1-A7 and A11; not the two just outside the period in Kyiv time
        assertEquals(Map.of("submitted", 2L, "in_review", 1L, "needs_information", 0L, "approved", 0L, "rejected", 2L,
                "issued", 2L, "cancelled", 1L), a89.byStatus());
        assertEquals(4, a89.decided());
        assertEquals(36, a89.medianHours()); // 1.5, 36, 72, 120 h: rank 2 is 36 h, in the bucket (24, 36]
        assertEquals(120, a89.p90Hours());   // rank ceil(0.9 * 4) = 4: 120 h, bucket (96, 120]
        assertEquals(0.75, a89.onTimeShare()); // A3 was decided after its deadline
        assertEquals(1, a89.overdueNow());    // A5
        assertEquals(3, a89.ratings());
        assertEquals(3.33, a89.averageRating()); // (5 + 2 + 3) / 3

        StatisticsRow a225 = row(report, "225");
        assertEquals(1, a225.applications());
        assertEquals(4, a225.medianHours());
        assertEquals(4, a225.p90Hours());
        assertEquals(1.0, a225.onTimeShare());
        assertEquals(0, a225.overdueNow());
        assertEquals(4.0, a225.averageRating());

        StatisticsRow total = report.total();
        assertEquals(9, total.applications());
        assertEquals(5, total.decided());
        assertEquals(36, total.medianHours()); // 1.5, 4, 36, 72, 120: rank 3
        assertEquals(120, total.p90Hours());   // rank 5
        assertEquals(0.8, total.onTimeShare());
        assertEquals(1, total.overdueNow());
        assertEquals(3.5, total.averageRating()); // (5 + 2 + 3 + 4) / 4
    }

    @Test
    void aCitizenLateWithAnAnswerIsNotCountedAsTheAuthoritysDelay() {
        StatisticsFixture own = new StatisticsFixture();
        StatisticsManager stats = new StatisticsManager(own.stores.statistics, place -> null, Clock.fixed(StatisticsFixture.NOW, ZoneOffset.UTC));
        java.time.Instant passed = java.time.Instant.parse("2026-11-20T21:59:59.999Z");
        StoredApplication a5 = own.step("A5", own.apps.get("A5"), "in_review", "olena", "2026-11-06T08:00:00Z", passed);
        assertEquals(1, stats.statistics(OPERATOR, "authority", StatisticsFixture.FROM, StatisticsFixture.TO, null)
                .total().overdueNow(), "under review past its deadline: the authority is late");
        own.step("A5", a5, "needs_information", "olena", "2026-11-06T09:00:00Z", passed);
        StatisticsReport report = stats.statistics(OPERATOR, "authority", StatisticsFixture.FROM, StatisticsFixture.TO, null);
        assertEquals(1L, row(report, "89").byStatus().get("needs_information"));
        assertEquals(0, report.total().overdueNow(), "waiting for the citizen past the citizen's deadline: it is not");
    }

    @Test
    void byOfficialForTheSupervisorShowsOnlyTheirAuthority() {
        StatisticsReport report = statistics.statistics(SUPERVISOR_89, "official", StatisticsFixture.FROM, StatisticsFixture.TO, null);

        assertEquals(List.of(89), report.authorities());
        assertEquals(3, report.rows().size()); // unassigned, olena, petro: ivan works for 225
        StatisticsRow olena = row(report, "olena");
        assertEquals(3, olena.applications());
        assertEquals(2, olena.medianHours()); // 1.5 and 36 h: rank 1 is 1.5 h, bucket (1, 2]
        assertEquals(36, olena.p90Hours());
        assertEquals(1.0, olena.onTimeShare());
        assertEquals(3.5, olena.averageRating());
        StatisticsRow petro = row(report, "petro");
        assertEquals(72, petro.medianHours());
        assertEquals(120, petro.p90Hours());
        assertEquals(0.5, petro.onTimeShare());
        assertEquals(3.0, petro.averageRating());
        StatisticsRow unassigned = row(report, null);
        assertEquals(3, unassigned.applications()); // A5, A11 submitted; A7 cancelled before anyone claimed it
        assertEquals(1, unassigned.overdueNow());
        assertNull(unassigned.medianHours());
        assertNull(unassigned.averageRating());
        assertEquals(8, report.total().applications());
    }

    @Test
    void byServiceRegionAndPlace() {
        StatisticsReport services = statistics.statistics(OPERATOR, "service", StatisticsFixture.FROM, StatisticsFixture.TO, null);
        assertEquals(1, row(services, StatisticsFixture.LAND).applications());
        assertEquals(120, row(services, StatisticsFixture.LAND).medianHours());
        assertEquals(8, row(services, StatisticsFixture.RESIDENCE).applications());
        StatisticsReport regions = statistics.statistics(OPERATOR, "region", StatisticsFixture.FROM, StatisticsFixture.TO, null);
        assertEquals(8, row(regions, "dnipropetrovsk").applications());
        assertEquals(1, row(regions, "kyiv").applications());
        StatisticsReport places = statistics.statistics(OPERATOR, "place", StatisticsFixture.FROM, StatisticsFixture.TO, "89");
        assertEquals(8, row(places, "1210100000").applications());
        assertEquals(List.of(89), places.authorities());
    }

    @Test
    void aPeriodCountsSubmissionDaysInKyivTime() {
        StatisticsReport firstDay = statistics.statistics(OPERATOR, "authority", "2026-11-02", "2026-11-02", null);
        assertEquals(3, firstDay.total().applications()); // A1, A2 and A11 (22:30 UTC on the 1st is the 2nd in Kyiv)
        StatisticsReport ninth = statistics.statistics(OPERATOR, "authority", "2026-11-09", "2026-11-09", null);
        assertEquals(1, ninth.total().applications()); // 22:30 UTC on the 8th
        // half a month of day rows, then November and December from month rows: every application of the fixture
        StatisticsReport months = statistics.statistics(OPERATOR, "official", "2026-10-15", "2026-12-31", null);
        assertEquals(11, months.total().applications());
        assertEquals(3.5, months.total().averageRating());
        assertEquals(36, months.total().medianHours());
    }

    @Test
    void onlySupervisorsOfTheAuthorityAndOperatorsReadStatistics() {
        ProblemException other = assertThrows(ProblemException.class, () ->
                statistics.statistics(SUPERVISOR_89, "service", StatisticsFixture.FROM, StatisticsFixture.TO, "225"));
        assertEquals(403, other.status());
        assertEquals(403, assertThrows(ProblemException.class, () ->
                statistics.statistics(OFFICIAL_89, "service", StatisticsFixture.FROM, StatisticsFixture.TO, null)).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> statistics.statistics(new Caller.CitizenCaller(
                new Citizen("taras", "Тарас", "dev")), "service", StatisticsFixture.FROM, StatisticsFixture.TO, null)).status());
        assertEquals(401, assertThrows(ProblemException.class, () ->
                statistics.statistics(null, "service", StatisticsFixture.FROM, StatisticsFixture.TO, null)).status());
        assertEquals(1, statistics.statistics(OPERATOR, "service", StatisticsFixture.FROM, StatisticsFixture.TO, "225")
                .total().applications());
    }

    @Test
    void aBadQueryNamesTheField() {
        assertEquals("by", problem("colour", "2026-11-01", "2026-11-02").fieldProblems().get(0).field());
        assertEquals("from", problem("region", "yesterday", "2026-11-02").fieldProblems().get(0).field());
        assertEquals("to", problem("region", "2026-11-02", null).fieldProblems().get(0).field());
        assertEquals("to", problem("region", "2026-11-02", "2026-11-01").fieldProblems().get(0).field());
        assertEquals("to", problem("region", "2020-01-01", "2026-11-01").fieldProblems().get(0).field());
        assertEquals("by", assertThrows(ProblemException.class, () -> statistics.openData("official", "2026-11-01",
                "2026-11-02")).fieldProblems().get(0).field()); // officials' logins are never open data
    }

    /** ISO dates reach year 999 999 999; no database (nor java.sql.Timestamp) does: a 400, never a 500 or a 503. */
    @Test
    void daysNoApplicationCanHaveAreABadQueryNotAnError() {
        for (String[] days : new String[][] {{"+999999999-12-31", "+999999999-12-31"}, {"-999999999-01-01",
                "-999999999-01-01"}, {"0000-01-01", "0000-01-02"}, {"9999-12-31", "9999-12-31"},
                {"+10000-01-01", "+10000-01-01"}, {"1999-12-31", "2000-01-01"}}) {
            ProblemException e = problem("region", days[0], days[1]);
            assertEquals("from", e.fieldProblems().get(0).field(), String.join(" ", days));
            assertTrue(e.fieldProblems().get(0).message().contains("2000-01-01"), e.fieldProblems().toString());
            assertEquals(400, assertThrows(ProblemException.class, () -> statistics.openData("region", days[0],
                    days[1])).status());
        }
        assertEquals("to", problem("region", "2999-12-31", "3000-01-01").fieldProblems().get(0).field());
        assertEquals(java.time.LocalDate.of(2000, 1, 1), statistics.statistics(OPERATOR, "region", "2000-01-01", "2000-01-31",
                null).from(), "the first day allowed is answered");
    }

    private static ProblemException problem(String by, String from, String to) {
        ProblemException e = assertThrows(ProblemException.class, () -> statistics.statistics(OPERATOR, by, from, to, null));
        assertEquals(400, e.status());
        return e;
    }

    /** The open data of November, read on 5 December; the fixture's place 1210100000 is in dnipropetrovsk. */
    private static StatisticsManager inDecember() {
        return new StatisticsManager(fixture.stores.statistics, place -> place == 1210100000 ? "dnipropetrovsk" : null,
                Clock.fixed(java.time.Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void openDataHasNoPersonalDataAndWithholdsSmallRows() throws Exception {
        StatisticsManager december = inDecember();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        StringBuilder published = new StringBuilder();
        for (String by : List.of("region", "place", "authority", "service")) {
            StatisticsReport report = december.openData(by, "2026-11-01", "2026-11-30");
            assertNull(report.total(), "no total, from which a withheld row could be worked out");
            published.append(json.writeValueAsString(report)).append(december.openDataCsv(report));
        }
        List<String> personal = new java.util.ArrayList<>(List.of(StatisticsFixture.NAME, StatisticsFixture.RNOKPP,
                StatisticsFixture.EMAIL, "olena", "petro", "ivan", "dev:", "citizen", "Коментар"));
        fixture.apps.values().forEach(a -> personal.add(a.trackingNumber()));
        for (String item : personal) { // as a whole word: "dnipropetrovsk" is no official called petro
            assertFalse(java.util.regex.Pattern.compile("(?U)\\b" + java.util.regex.Pattern.quote(item))
                    .matcher(published).find(), item + " is in the open data");
        }

        // November: A1-A8, A11 and the two just outside the fixture's week; 89 is in dnipropetrovsk, 225 in kyiv
        StatisticsReport byAuthority = december.openData("authority", "2026-11-01", "2026-11-30");
        StatisticsRow a225 = row(byAuthority, "225");
        assertTrue(a225.suppressed()); // one application
        assertNull(a225.applications());
        assertNull(a225.averageRating());
        assertTrue(row(byAuthority, "89").suppressed(), "the place table publishes the total (11): 11 - 89's 10 = 225");

        StatisticsReport byPlace = december.openData("place", "2026-11-01", "2026-11-30");
        StatisticsRow place = row(byPlace, "1210100000");
        assertFalse(place.suppressed());
        assertEquals(11, place.applications());
        assertEquals(5, place.overdueNow()); // A5, A6, A11, and the two outside the week: all past their deadlines now
        assertEquals(36, place.medianHours(), "5 decided: 1.5, 4, 36, 72, 120 h");
        assertEquals(0.8, place.onTimeShare());
        assertNull(place.averageRating(), "4 ratings: too few for a published average");

        String csv = december.openDataCsv(byAuthority);
        assertEquals("from,to,by,value,applications,submitted,in_review,needs_information,approved,rejected,issued,"
                + "cancelled,decided,median_hours,p90_hours,on_time_share,overdue_now,ratings,average_rating,suppressed",
                csv.lines().findFirst().orElseThrow());
        assertTrue(csv.contains("\r\n2026-11-01,2026-11-30,authority,225,,,,,,,,,,,,,,,,true\r\n"), csv);
        assertTrue(december.openDataCsv(byPlace).contains(
                "\r\n2026-11-01,2026-11-30,place,1210100000,11,4,1,0,0,3,2,1,5,36,120,0.8,5,4,,false\r\n"),
                december.openDataCsv(byPlace));
    }

    /**
     * Withholding kyiv alone would not hide it: the two regions add up to the service table's total, so
     * dnipropetrovsk's line is withheld too. The same for the two services.
     */
    @Test
    void aRowThatWouldGiveAWithheldOneBySubtractionIsWithheldToo() {
        StatisticsManager december = inDecember();
        StatisticsReport byRegion = december.openData("region", "2026-11-01", "2026-11-30");
        assertTrue(row(byRegion, "kyiv").suppressed());
        assertTrue(row(byRegion, "dnipropetrovsk").suppressed(), "10 applications, withheld so kyiv's 1 stays hidden");
        StatisticsReport byService = december.openData("service", "2026-11-01", "2026-11-30");
        assertTrue(row(byService, StatisticsFixture.LAND).suppressed());
        assertTrue(row(byService, StatisticsFixture.RESIDENCE).suppressed());
        StatisticsReport byPlace = december.openData("place", "2026-11-01", "2026-11-30");
        assertFalse(row(byPlace, "1210100000").suppressed(), "11 applications, and nothing withheld in its region");
    }

    @Test
    void openDataIsForOneCalendarMonthThatIsOver() {
        StatisticsManager december = inDecember();
        assertEquals(java.time.LocalDate.of(2026, 10, 1), december.openData("region", "2026-10-01", "2026-10-31").from());
        assertEquals("from", openDataProblem(december, "2026-11-02", "2026-11-30").field());
        assertEquals("to", openDataProblem(december, "2026-11-01", "2026-11-29").field());
        assertEquals("to", openDataProblem(december, "2026-10-01", "2026-11-30").field(), "two months");
        var current = openDataProblem(december, "2026-12-01", "2026-12-31");
        assertEquals("to", current.field());
        assertEquals("December 2026 is not over yet: its open data is published from 2027-01-01", current.message());

        // a month is over when it is over in Kyiv: 30 November 22:30 UTC is already 1 December there
        StatisticsManager midnight = new StatisticsManager(fixture.stores.statistics, place -> null,
                Clock.fixed(java.time.Instant.parse("2026-11-30T22:30:00Z"), ZoneOffset.UTC));
        assertEquals(java.time.LocalDate.of(2026, 11, 30), midnight.openData("place", "2026-11-01", "2026-11-30").to());
        StatisticsManager before = new StatisticsManager(fixture.stores.statistics, place -> null,
                Clock.fixed(java.time.Instant.parse("2026-11-30T21:30:00Z"), ZoneOffset.UTC));
        assertEquals("to", openDataProblem(before, "2026-11-01", "2026-11-30").field());
    }

    private static ua.igov.platform.spi.FieldProblem openDataProblem(StatisticsManager stats, String from, String to) {
        ProblemException e = assertThrows(ProblemException.class, () -> stats.openData("region", from, to));
        assertEquals(400, e.status());
        return e.fieldProblems().get(0);
    }

    @Test
    void theRollupRebuiltFromTheApplicationsEqualsTheOneKeptStepByStep() {
        StatisticsReport kept = statistics.statistics(OPERATOR, "official", "2026-11-01", "2026-11-09", null);
        fixture.stores.statistics.rebuild();
        StatisticsReport rebuilt = statistics.statistics(OPERATOR, "official", "2026-11-01", "2026-11-09", null);
        assertEquals(kept.rows(), rebuilt.rows());
        assertEquals(kept.total(), rebuilt.total());
    }
}
