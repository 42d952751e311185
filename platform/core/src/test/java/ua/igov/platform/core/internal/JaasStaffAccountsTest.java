package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.igov.platform.core.Caller;
import ua.igov.platform.spi.Role;

/** The lookup against Karaf's own properties backing engine, over a users.properties file like the assembly's. */
class JaasStaffAccountsTest {

    private static final String PROXY = "org.apache.karaf.jaas.boot.ProxyLoginModule";

    @TempDir
    Path etc;
    private final JaasStaffAccounts accounts = new JaasStaffAccounts();
    private Path users;

    @BeforeEach
    void setUp() throws Exception {
        users = etc.resolve("users.properties");
        Files.writeString(users, String.join("\n",
                "operator = {CRYPT}x{CRYPT},operator,_g_:admingroup",
                "olena = {CRYPT}x{CRYPT},official,authority-89",
                "oksana = {CRYPT}x{CRYPT},_g_:supervisors89",
                "_g_\\:admingroup = group,admin,manager",
                "_g_\\:supervisors89 = group,supervisor,authority-89", ""));
        accounts.addEngine(new PropertiesBackingEngineFactory());
    }

    private static AppConfigurationEntry entry(String module, Map<String, ?> options) {
        Map<String, Object> all = new java.util.HashMap<>(options);
        all.put(JaasStaffAccounts.MODULE_OPTION, module);
        return new AppConfigurationEntry(PROXY, LoginModuleControlFlag.SUFFICIENT, all);
    }

    private static JaasRealm realm(String name, int rank, AppConfigurationEntry... entries) {
        return new JaasRealm() {
            public String getName() { return name; }
            public int getRank() { return rank; }
            public AppConfigurationEntry[] getEntries() { return entries; }
        };
    }

    private void karafRealm(AppConfigurationEntry... more) {
        AppConfigurationEntry[] entries = new AppConfigurationEntry[more.length + 1];
        entries[0] = entry(PropertiesLoginModule.class.getName(), Map.of("users", users.toString()));
        System.arraycopy(more, 0, entries, 1, more.length);
        accounts.addRealm(realm("karaf", 0, entries));
    }

    @Test
    void anAccountIsFoundWithItsRolesAndItsGroupsRoles() {
        karafRealm(entry("org.apache.karaf.jaas.modules.audit.LogAuditLoginModule", Map.of()));
        Caller.Staff olena = assertInstanceOf(StaffAccounts.Found.class, accounts.find("olena")).staff();
        assertEquals(Set.of(Role.OFFICIAL), olena.roles());
        assertEquals(Set.of(89), olena.authorities());
        Caller.Staff oksana = assertInstanceOf(StaffAccounts.Found.class, accounts.find("oksana")).staff();
        assertEquals(Set.of(Role.SUPERVISOR), oksana.roles(), "through her group");
        assertEquals(Set.of(89), oksana.authorities());
        assertEquals(true, assertInstanceOf(StaffAccounts.Found.class, accounts.find("operator")).staff().operator());
        assertInstanceOf(StaffAccounts.Missing.class, accounts.find("petr"), "a mistyped login; the audit module holds no accounts");
    }

    @Test
    void whatCannotBeAskedIsUnknownNotMissing() {
        assertInstanceOf(StaffAccounts.Unknown.class, accounts.find("olena"), "no realm yet");
        accounts.addRealm(realm("other", 0, entry(PropertiesLoginModule.class.getName(), Map.of("users", users.toString()))));
        assertInstanceOf(StaffAccounts.Unknown.class, accounts.find("olena"), "only another realm");
        karafRealm(entry("com.example.LdapLikeLoginModule", Map.of()));
        assertInstanceOf(StaffAccounts.Found.class, accounts.find("olena"), "found in the part that can be asked");
        assertInstanceOf(StaffAccounts.Unknown.class, accounts.find("petr"),
                "not in users.properties, but a module without an engine may have it");
    }

    @Test
    void theRealmListsItsAccountsUnlessAPartOfItCannot() {
        assertEquals(java.util.Optional.empty(), accounts.all(), "no realm yet");
        karafRealm(entry("org.apache.karaf.jaas.modules.audit.LogAuditLoginModule", Map.of()));
        assertEquals(List.of("oksana supervisor", "olena official", "operator operator"), accounts.all().orElseThrow()
                .stream().map(s -> s.user() + " " + (s.operator() ? "operator" : s.roles().iterator().next().name().toLowerCase()))
                .toList(), "accounts, not groups, with their groups' roles");
        accounts.addRealm(realm("karaf", 5, entry(PropertiesLoginModule.class.getName(), Map.of("users", users.toString())),
                entry("com.example.LdapLikeLoginModule", Map.of())));
        assertEquals(java.util.Optional.empty(), accounts.all(), "a part that cannot list makes any list a partial one");
    }

    @Test
    void theHighestRankedRealmCounts() {
        karafRealm();
        Path others = etc.resolve("others.properties");
        accounts.addRealm(realm("karaf", 10, entry(PropertiesLoginModule.class.getName(), Map.of("users", others.toString()))));
        assertInstanceOf(StaffAccounts.Missing.class, accounts.find("olena"), "the ranked realm's file has no such account");
    }
}
