package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.StaffDisplayName;

class StaffNameManagerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final DerbyStores stores = new DerbyStores();
    private final StaffNameManager names = new StaffNameManager(stores.staffNames, StaffAccounts.NONE, Clock.fixed(NOW, ZoneOffset.UTC));

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private StaffDisplayName name(String account, String displayName) {
        return names.nameStaff(ApplicationManagerTest.OPERATOR, account,
                json("{\"displayName\": \"" + displayName + "\"}"));
    }

    private ProblemException problem(Runnable call) {
        return assertThrows(ProblemException.class, call::run);
    }

    @Test
    void anOperatorNamesRenamesAndUnnamesOnTheRecord() throws Exception {
        assertEquals(new StaffDisplayName("olena", "Олена Коваленко", NOW, "staff:admin"), name("olena", "Олена Коваленко"));
        name("petro", "Петро Іваненко");
        name("olena", "Олена Шевченко");
        assertEquals(List.of("olena Олена Шевченко", "petro Петро Іваненко"), names.staffNames(ApplicationManagerTest.OPERATOR)
                .stream().map(n -> n.account() + " " + n.displayName()).toList());
        assertEquals("Петро Іваненко", names.unnameStaff(ApplicationManagerTest.OPERATOR, "petro").displayName());
        assertEquals(List.of(
                "name-staff-account 'olena' is shown to citizens as 'Олена Коваленко' (had no name)",
                "name-staff-account 'petro' is shown to citizens as 'Петро Іваненко' (had no name)",
                "name-staff-account 'olena' is shown to citizens as 'Олена Шевченко' (was 'Олена Коваленко')",
                "unname-staff-account 'petro' was shown to citizens as 'Петро Іваненко'; now as staff only"), auditTrail());
        ProblemException again = problem(() -> name("olena", "Олена Шевченко"));
        assertEquals(409, again.status());
        assertEquals("name-unchanged", again.type());
        ProblemException none = problem(() -> names.unnameStaff(ApplicationManagerTest.OPERATOR, "petro"));
        assertEquals(404, none.status());
        assertEquals("unknown-staff-name", none.type());
        assertEquals(4, auditTrail().size(), "nothing written for what was refused");
    }

    @Test
    void theRealmsStaffWithoutANameAreListed() {
        List<Caller.Staff> realm = List.of((Caller.Staff) ApplicationManagerTest.OLENA, (Caller.Staff) ApplicationManagerTest.PETRO,
                (Caller.Staff) ApplicationManagerTest.SUPERVISOR, (Caller.Staff) ApplicationManagerTest.OPERATOR,
                new Caller.Staff("karaf-only", java.util.Set.of(), java.util.Set.of(), false));
        StaffNameManager listing = new StaffNameManager(stores.staffNames, new StaffAccounts() {
            public Lookup find(String login) {
                return new Unknown("not asked");
            }
            public java.util.Optional<List<Caller.Staff>> all() {
                return java.util.Optional.of(realm);
            }
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        name("petro", "Петро Іваненко");
        assertEquals(new ua.igov.platform.core.UnnamedStaff(true, List.of("admin", "oksana", "olena")),
                listing.unnamedStaff(ApplicationManagerTest.OPERATOR), "an account with no platform role is no one's business here");
        assertEquals(new ua.igov.platform.core.UnnamedStaff(false, List.of()), names.unnamedStaff(ApplicationManagerTest.OPERATOR),
                "a realm that cannot list its accounts says so");
        assertEquals(403, problem(() -> listing.unnamedStaff(ApplicationManagerTest.SUPERVISOR)).status());
    }

    /** Where the realm takes logins in any case, a name given to "Olena" is found for olena, who signs in as that. */
    @Test
    void aNameIsKeptUnderTheLoginSignInGivesWhereTheRealmIgnoresCase() throws Exception {
        StaffNameManager anyCase = new StaffNameManager(stores.staffNames, new StaffAccounts() {
            public Lookup find(String login) { return new Unknown("LDAP cannot list"); }
            public String canonical(String login) { return login.toLowerCase(java.util.Locale.ROOT); }
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        anyCase.nameStaff(ApplicationManagerTest.OPERATOR, "Olena", json("{\"displayName\": \"Олена Коваленко\"}"));
        assertEquals(List.of("olena"), anyCase.staffNames(ApplicationManagerTest.OPERATOR).stream()
                .map(StaffDisplayName::account).toList());
        anyCase.unnameStaff(ApplicationManagerTest.OPERATOR, "OLENA");
        assertEquals(List.of(), anyCase.staffNames(ApplicationManagerTest.OPERATOR));
    }

    @Test
    void onlyAnAccountTheRealmHasIsNamedWhereTheRealmCanTell() throws Exception {
        StaffNameManager checked = new StaffNameManager(stores.staffNames, new StaffAccounts() {
            public Lookup find(String login) {
                return login.equals("olena") ? new Found((Caller.Staff) ApplicationManagerTest.OLENA)
                        : login.startsWith("ldap") ? new Unknown("LDAP cannot list") : new Missing();
            }
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        ProblemException typo = problem(() -> checked.nameStaff(ApplicationManagerTest.OPERATOR, "olenna",
                json("{\"displayName\": \"Олена Коваленко\"}")));
        assertEquals(422, typo.status());
        assertEquals("account", typo.fieldProblems().get(0).field());
        assertEquals(List.of(), auditTrail(), "nothing written");
        checked.nameStaff(ApplicationManagerTest.OPERATOR, "olena", json("{\"displayName\": \"Олена Коваленко\"}"));
        checked.nameStaff(ApplicationManagerTest.OPERATOR, "ldap-olga", json("{\"displayName\": \"Ольга Бондар\"}"));
        assertEquals(List.of("ldap-olga", "olena"), checked.staffNames(ApplicationManagerTest.OPERATOR).stream()
                .map(StaffDisplayName::account).toList());
    }

    @Test
    void aMemberOfStaffSeesHowCitizensSeeThem() {
        assertEquals("staff", names.shownToCitizensAs(ApplicationManagerTest.OLENA), "no name yet");
        name("olena", "Олена Коваленко");
        assertEquals("Олена Коваленко", names.shownToCitizensAs(ApplicationManagerTest.OLENA));
        assertEquals(null, names.shownToCitizensAs(ApplicationManagerTest.TARAS));
        assertEquals(null, names.shownToCitizensAs(null));
    }

    @Test
    void onlyOperatorsNameStaff() {
        assertEquals(401, problem(() -> names.staffNames(null)).status());
        assertEquals(403, problem(() -> names.staffNames(ApplicationManagerTest.SUPERVISOR)).status());
        assertEquals(403, problem(() -> names.nameStaff(ApplicationManagerTest.OLENA, "olena",
                json("{\"displayName\": \"Олена Велика\"}"))).status(), "not even one's own name");
        assertEquals(403, problem(() -> names.unnameStaff(ApplicationManagerTest.TARAS, "olena")).status());
        assertEquals(401, problem(() -> names.unnameStaff(null, "olena")).status());
    }

    @Test
    void aNameIsAPersonsNameTidiedUp() {
        assertEquals("Олена Коваленко", name("olena", "  Олена   Коваленко ").displayName(), "spaces made single");
        assertEquals("Мар\u0027яна Ковальчук-Дзюба", name("maryana", "Мар'яна Ковальчук-Дзюба").displayName());
        assertEquals("Мар’яна", name("maryana2", "Мар’яна").displayName());
        assertEquals("Марʼяна О.", name("maryana3", "Марʼяна О.").displayName());
        assertEquals("О. Коваленко", name("kovalenko", "О. Коваленко").displayName());
        assertEquals("Jean-Luc O'Neill", name("oneill", "Jean-Luc O'Neill").displayName(), "Latin letters too");
        // й typed as и with a combining breve is stored as the one letter й, so the same name is the same text
        assertEquals("Андрій", name("andrii", "Андрі\u0438\u0306").displayName());
    }

    @Test
    void whatIsNotAPersonsNameIsRefusedNamingTheField() throws Exception {
        for (String body : List.of("{\"displayName\": \"\"}", "{\"displayName\": \" \"}", "{\"displayName\": \"О\"}",
                "{\"displayName\": \"<script>alert(1)</script>\"}", "{\"displayName\": \"Олена\\u0000\"}",
                "{\"displayName\": \"Олена\\nКоваленко\"}", "{\"displayName\": \"Олена 2\"}",
                "{\"displayName\": \"' OR 1=1 --\"}", "{\"displayName\": \"Олена\\u202eокнелаваК\"}",
                "{\"displayName\": \"\uD835\uDD7F\uD835\uDD86\uD835\uDD97\uD835\uDD86\uD835\uDD98\"}",
                "{\"displayName\": \"ＯＬＥＮＡ\"}", "{\"displayName\": \"Ολενα\"}",
                "{\"displayName\": \"" + "Я".repeat(101) + "\"}", "{\"displayName\": 7}", "{\"displayName\": null}",
                "{}", "[]")) {
            ProblemException refused = problem(() -> names.nameStaff(ApplicationManagerTest.OPERATOR, "olena", json(body)));
            assertEquals(422, refused.status(), body);
            assertEquals(body.equals("[]") ? "/" : "/displayName", refused.fieldProblems().get(0).field(), body);
        }
        ProblemException extra = problem(() -> names.nameStaff(ApplicationManagerTest.OPERATOR, "olena",
                json("{\"displayName\": \"Олена\", \"account\": \"petro\"}")));
        assertEquals("/account", extra.fieldProblems().get(0).field());
        assertEquals(400, problem(() -> names.nameStaff(ApplicationManagerTest.OPERATOR, "olena", json("{\"displayName\""))).status());
        for (String account : List.of("", "1olena", "olena kovalenko", "олена", "o".repeat(101), "../admin")) {
            ProblemException refused = problem(() -> name(account, "Олена"));
            assertEquals(400, refused.status(), account);
            assertEquals("account", refused.fieldProblems().get(0).field());
        }
        assertEquals(0, auditTrail().size(), "nothing written");
        assertEquals(List.of(), names.staffNames(ApplicationManagerTest.OPERATOR));
    }

    private List<String> auditTrail() throws Exception {
        try (Connection c = stores.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT action, detail FROM audit_log ORDER BY seq")) {
            List<String> rows = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return rows;
        }
    }
}
