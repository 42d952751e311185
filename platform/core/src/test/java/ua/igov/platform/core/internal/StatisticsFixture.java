package ua.igov.platform.core.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.CitizenContact;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.StateChange;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoredApplication;

/**
 * A small, hand-counted set of applications written through the real store (so the rollup is maintained as in
 * production), for the statistics and ratings tests. The period is 2026-11-02 .. 2026-11-08 (Kyiv days); "now" is
 * 2026-11-25T10:00Z. Times are UTC; Kyiv is UTC+2 in November.
 *
 * <pre>
 * A1  residence 89 dnipro  2026-11-02 08:00  olena  issued   11-03 20:00  36 h    on time   rated 5
 * A2  residence 89 dnipro  2026-11-02 09:00  olena  rejected 11-02 10:30  1.5 h   on time   rated 2
 * A3  residence 89 dnipro  2026-11-03 07:00  petro  rejected 11-06 07:00  72 h    LATE      rated 3
 * A4  land      89 dnipro  2026-11-04 06:00  petro  issued   11-09 06:00  120 h   on time
 * A5  residence 89 dnipro  2026-11-05 10:00  -      submitted, due 11-06: OVERDUE now
 * A6  residence 89 dnipro  2026-11-06 10:00  olena  in_review, due 11-30
 * A7  residence 89 dnipro  2026-11-07 10:00  -      cancelled by the citizen
 * A8  residence 225 kyiv   2026-11-03 10:00  ivan   rejected 11-03 14:00  4 h     on time   rated 4
 * A11 residence 89 dnipro  2026-11-01 22:30 (Kyiv 11-02 00:30: inside)  submitted, due 11-30
 * out residence 89 dnipro  2026-11-01 21:30 (Kyiv 11-01 23:30) and 2026-11-08 22:30 (Kyiv 11-09 00:30): outside
 * </pre>
 */
final class StatisticsFixture {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String FROM = "2026-11-02";
    static final String TO = "2026-11-08";
    static final String RESIDENCE = "residence-registration";
    static final String LAND = "land-cadastre-extract";
    /** Personal data in every fixture form: none of it may reach statistics, open data or reviews. */
    static final String NAME = "Тарас Шевченко";
    static final String RNOKPP = "3456789012";
    static final String EMAIL = "taras@example.ua";
    static final String FORM = "{\"applicant\":{\"name\":\"" + NAME + "\",\"rnokpp\":\"" + RNOKPP + "\",\"email\":\""
            + EMAIL + "\"}}";

    final DerbyStores stores = new DerbyStores();
    final Map<String, StoredApplication> apps = new LinkedHashMap<>();

    StatisticsFixture() {
        // as the platform does when a service type's plugin first arrives, before any application of it
        for (String code : List.of(RESIDENCE, LAND)) {
            stores.applications.rememberServiceType(new ua.igov.platform.store.ServiceTypeRecord(code, code, code,
                    "1.0", "{}", "0.1.0"));
        }
        Instant lateDue = Instant.parse("2026-11-30T21:59:59.999Z");
        issued("A1", RESIDENCE, 89, "dnipropetrovsk", "2026-11-02T08:00:00Z", "olena", "2026-11-03T20:00:00Z",
                "2026-11-05T21:59:59.999Z");
        decided("A2", RESIDENCE, 89, "dnipropetrovsk", "2026-11-02T09:00:00Z", "olena", "rejected",
                "2026-11-02T10:30:00Z", "2026-11-04T21:59:59.999Z");
        decided("A3", RESIDENCE, 89, "dnipropetrovsk", "2026-11-03T07:00:00Z", "petro", "rejected",
                "2026-11-06T07:00:00Z", "2026-11-04T21:59:59.999Z");
        issued("A4", LAND, 89, "dnipropetrovsk", "2026-11-04T06:00:00Z", "petro", "2026-11-09T06:00:00Z",
                "2026-11-10T21:59:59.999Z");
        submit("A5", RESIDENCE, 89, "dnipropetrovsk", "2026-11-05T10:00:00Z", Instant.parse("2026-11-06T21:59:59.999Z"));
        claim("A6", submit("A6", RESIDENCE, 89, "dnipropetrovsk", "2026-11-06T10:00:00Z", lateDue), "olena",
                "2026-11-06T11:00:00Z", lateDue);
        StoredApplication a7 = submit("A7", RESIDENCE, 89, "dnipropetrovsk", "2026-11-07T10:00:00Z", lateDue);
        step("A7", a7, "cancelled", null, "2026-11-07T11:00:00Z", null);
        decided("A8", RESIDENCE, 225, "kyiv", "2026-11-03T10:00:00Z", "ivan", "rejected", "2026-11-03T14:00:00Z",
                "2026-11-05T21:59:59.999Z");
        submit("A11", RESIDENCE, 89, "dnipropetrovsk", "2026-11-01T22:30:00Z", lateDue);
        submit("before", RESIDENCE, 89, "dnipropetrovsk", "2026-11-01T21:30:00Z", Instant.parse("2026-11-03T21:59:59.999Z"));
        submit("after", RESIDENCE, 89, "dnipropetrovsk", "2026-11-08T22:30:00Z", Instant.parse("2026-11-10T21:59:59.999Z"));
    }

    /** Every fixture citizen left an e-mail address; A2 reads English, the others Ukrainian. */
    static CitizenContact contact(String name) {
        return new CitizenContact(name.toLowerCase(java.util.Locale.ROOT) + "@example.ua", null,
                name.equals("A2") ? "en" : "uk");
    }

    static String owner(String name) {
        return "dev:" + name.toLowerCase(java.util.Locale.ROOT);
    }

    StoredApplication submit(String name, String service, int authority, String region, String at, Instant due) {
        Instant when = Instant.parse(at);
        StoredApplication app = stores.applications.insert(new NewApplication(service, region, 1210100000, 2090, 7,
                "1.0", "0.1.0", FORM, new StatusChange("submitted", when, "citizen:" + owner(name), "submit", null, null),
                owner(name), authority, due, 0), n -> TrackingNumbers.format("1", n),
                new AuditEntry(when, "citizen:" + owner(name), "submit", null, null), contact(name), n -> List.of());
        apps.put(name, app);
        return app;
    }

    StoredApplication step(String name, StoredApplication app, String status, String official, String at, Instant due) {
        Instant when = Instant.parse(at);
        String actor = official == null ? "citizen:" + owner(name) : "staff:" + official;
        StoredApplication changed = stores.applications.change(app.trackingNumber(), new StateChange(app.version(),
                status, due, official, null, null, new StatusChange(status, when, actor, status, null, null),
                new AuditEntry(when, actor, status, app.trackingNumber(), null)));
        apps.put(name, changed);
        return changed;
    }

    private StoredApplication claim(String name, StoredApplication app, String official, String at, Instant due) {
        return step(name, app, "in_review", official, at, due);
    }

    /** Claimed an hour after submission with {@code due} as the review deadline, then decided at {@code decidedAt}. */
    private void decided(String name, String service, int authority, String region, String at, String official,
                         String status, String decidedAt, String due) {
        StoredApplication app = submit(name, service, authority, region, at, Instant.parse(due));
        app = claim(name, app, official, Instant.parse(at).plusSeconds(1800).toString(), Instant.parse(due));
        step(name, app, status, official, decidedAt, null);
    }

    /** Claimed, approved half an hour later with {@code due} as the issue deadline, then issued at {@code issuedAt}. */
    private void issued(String name, String service, int authority, String region, String at, String official,
                        String issuedAt, String due) {
        StoredApplication app = submit(name, service, authority, region, at, Instant.parse(due));
        app = claim(name, app, official, Instant.parse(at).plusSeconds(1800).toString(), Instant.parse(due));
        app = step(name, app, "approved", official, Instant.parse(at).plusSeconds(3600).toString(), Instant.parse(due));
        step(name, app, "issued", official, issuedAt, null);
    }

    /** A1 5, A2 2, A3 3 (authority 89), A8 4 (authority 225), as the table says. */
    StatisticsFixture rated() {
        Map.of("A1", 5, "A2", 2, "A3", 3, "A8", 4).forEach((name, rating) -> stores.ratings.rate(trackingNumber(name),
                rating, "Коментар " + name, new AuditEntry(NOW, "citizen:" + owner(name), "rate", trackingNumber(name), null)));
        return this;
    }

    String trackingNumber(String name) {
        return apps.get(name).trackingNumber();
    }
}
