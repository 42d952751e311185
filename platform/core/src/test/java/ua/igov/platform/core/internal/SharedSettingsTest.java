package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import ua.igov.platform.core.Caller;
import ua.igov.platform.spi.Role;

class SharedSettingsTest {

    private static Dictionary<String, Object> properties(Object... keysAndValues) {
        Dictionary<String, Object> d = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            d.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return d;
    }

    @Test
    void theSameSettingsReadTheSameWhateverTheOrderTypeOrBookkeeping() {
        String a = SharedSettings.fingerprint(properties("origin", "27", "pluginTimeoutMillis", "5000",
                "service.pid", "ua.igov.platform.core", "felix.fileinstall.filename", "file:/node-a/etc/x.cfg"), Set.of());
        String b = SharedSettings.fingerprint(properties("pluginTimeoutMillis", 5000L, "origin", "27",
                "service.pid", "ua.igov.platform.core", "felix.fileinstall.filename", "file:/node-b/etc/x.cfg"), Set.of());
        assertEquals(a, b, "where the file is, and a number read as a number, are not a difference");
        assertNotEquals(a, SharedSettings.fingerprint(properties("origin", "28", "pluginTimeoutMillis", "5000"), Set.of()));
        assertNotEquals(a, SharedSettings.fingerprint(properties("origin", "27"), Set.of()), "a setting left out");
        assertEquals(SharedSettings.fingerprint(null, Set.of()), SharedSettings.fingerprint(properties(), Set.of()));
        assertEquals(64, a.length());
    }

    @Test
    void whatMayDifferPerNodeIsLeftOut() {
        Set<String> perNode = SharedSettings.PIDS.get("ua.igov.platform.escalation");
        assertEquals(SharedSettings.fingerprint(properties("enabled", "true", "defaultRules", "x"), perNode),
                SharedSettings.fingerprint(properties("enabled", "false", "intervalSeconds", "60", "defaultRules", "x"),
                        perNode));
        assertNotEquals(SharedSettings.fingerprint(properties("defaultRules", "x"), perNode),
                SharedSettings.fingerprint(properties("defaultRules", "y"), perNode));
    }

    /** Node A without a journal, node B with one: B would resend what A sent before it died. */
    @Test
    void theEmailSendersJournalIsComparedAndItsRelayIsNot() {
        Set<String> perNode = SharedSettings.PIDS.get("ua.igov.channel.email");
        assertNotEquals(SharedSettings.fingerprint(properties("from", "iGov <a@igov.example>", "journalAddress", ""), perNode),
                SharedSettings.fingerprint(properties("from", "iGov <a@igov.example>", "journalAddress", "j@igov.example"),
                        perNode));
        assertNotEquals(SharedSettings.fingerprint(properties("from", "iGov <a@igov.example>"), perNode),
                SharedSettings.fingerprint(properties("from", "iGov <b@igov.example>"), perNode), "the Message-ID's domain");
        assertEquals(SharedSettings.fingerprint(properties("from", "x", "host", "relay-a", ".password", "p"), perNode),
                SharedSettings.fingerprint(properties("from", "x", "host", "relay-b", ".password", "q"), perNode));
        Set<String> outbox = SharedSettings.PIDS.get("ua.igov.platform.outbox");
        assertNotEquals(SharedSettings.fingerprint(properties("maxAttempts", "8"), outbox),
                SharedSettings.fingerprint(properties("maxAttempts", "3"), outbox));
        assertEquals(SharedSettings.fingerprint(properties("maxAttempts", "8", "enabled", "true"), outbox),
                SharedSettings.fingerprint(properties("maxAttempts", "8", "enabled", "false"), outbox));
    }

    @Test
    void theRealmIsComparedByAccountsAndWhatTheirRolesMakeThem() {
        Caller.Staff olena = new Caller.Staff("olena", Set.of(Role.OFFICIAL), Set.of(89), false);
        Caller.Staff petro = new Caller.Staff("petro", Set.of(Role.OFFICIAL, Role.SUPERVISOR), Set.of(89, 90), false);
        assertEquals(SharedSettings.fingerprint(List.of(olena, petro)), SharedSettings.fingerprint(List.of(petro, olena)));
        assertNotEquals(SharedSettings.fingerprint(List.of(olena, petro)), SharedSettings.fingerprint(List.of(olena)));
        assertNotEquals(SharedSettings.fingerprint(List.of(olena)), SharedSettings.fingerprint(List.of(
                new Caller.Staff("olena", Set.of(Role.OFFICIAL), Set.of(90), false))), "another authority");
    }

    /** Read through Config Admin and the realm as a node does; a realm that cannot list is left out, not a difference. */
    @Test
    void aNodeReadsEverySharedSettingAndLeavesOutWhatItCannotRead() {
        Map<String, Dictionary<String, Object>> configured = Map.of("ua.igov.platform.core", properties("origin", "27"));
        ConfigurationAdmin admin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("listConfigurations")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String pid = ((String) args[0]).replaceAll("^\\(service\\.pid=(.*)\\)$", "$1");
                    Dictionary<String, Object> p = configured.get(pid);
                    return p == null ? null : new Configuration[] {(Configuration) Proxy.newProxyInstance(
                            getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                            (c, m, a) -> m.getName().equals("getProperties") ? p : null)};
                });
        StaffAccounts listing = new StaffAccounts() {
            public Lookup find(String login) {
                return new Missing();
            }

            public Optional<List<Caller.Staff>> all() {
                return Optional.of(List.of(new Caller.Staff("olena", Set.of(Role.OFFICIAL), Set.of(89), false)));
            }
        };
        Map<String, String> read = new SharedSettings(admin, listing).read();
        assertEquals(SharedSettings.PIDS.size() + 1, read.size(), read.toString());
        assertEquals(SharedSettings.fingerprint(properties("origin", "27"), Set.of()),
                read.get("etc/ua.igov.platform.core.cfg"));
        assertEquals(SharedSettings.fingerprint(null, Set.of()), read.get("etc/ua.igov.platform.calendar.cfg"));
        assertTrue(read.containsKey(SharedSettings.STAFF_ACCOUNTS));
        assertFalse(new SharedSettings(admin, StaffAccounts.NONE).read().containsKey(SharedSettings.STAFF_ACCOUNTS));
    }
}
