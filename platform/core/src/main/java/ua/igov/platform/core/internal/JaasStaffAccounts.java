package ua.igov.platform.core.internal;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.core.Caller;

/**
 * Staff accounts looked up in Karaf's realm {@code karaf} the way Karaf's own {@code jaas:} commands do: each login
 * module of the realm through the backing engine registered for it ({@code users.properties}, JDBC, LDAP, …). A
 * module with no engine, or one that fails, makes the answer {@link StaffAccounts.Unknown} unless another module has
 * the account.
 */
@Component(service = StaffAccounts.class, configurationPid = "ua.igov.platform.identity")
public class JaasStaffAccounts implements StaffAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(JaasStaffAccounts.class);
    /** The option in which Karaf's proxy login module names the module it stands for. */
    static final String MODULE_OPTION = "org.apache.karaf.jaas.module";
    /** Karaf's audit modules record sign-ins; they hold no accounts. */
    private static final String AUDIT_MODULES = "org.apache.karaf.jaas.modules.audit.";

    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
    /** The staff sign-in's setting, read from the same configuration as {@link IdentityManager}'s. */
    private volatile boolean loginsIgnoreCase;

    @Activate
    @Modified
    void configure(IdentityManager.Config config) {
        loginsIgnoreCase = config.loginsIgnoreCase();
    }

    @Override
    public String canonical(String login) {
        return loginsIgnoreCase && login != null ? login.toLowerCase(java.util.Locale.ROOT) : login;
    }
    private final List<BackingEngineFactory> engines = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRealm(JaasRealm realm) {
        realms.add(realm);
    }

    void removeRealm(JaasRealm realm) {
        realms.remove(realm);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEngine(BackingEngineFactory engine) {
        engines.add(engine);
    }

    void removeEngine(BackingEngineFactory engine) {
        engines.remove(engine);
    }

    @Override
    public Lookup find(String login) {
        Optional<List<Module>> modules = accountModules();
        if (modules.isEmpty()) {
            return new Unknown("no JAAS realm '" + IdentityManager.REALM + "'");
        }
        String unasked = null;
        for (Module module : modules.get()) {
            if (module.engine() == null) {
                unasked = module.name() + " lists no accounts";
                continue;
            }
            try {
                UserPrincipal user = module.engine().lookupUser(login);
                if (user != null) {
                    return new Found(IdentityManager.staffFrom(login, roles(module.engine(), user)));
                }
            } catch (RuntimeException e) {
                LOG.warn("Staff account '{}' not looked up in {}: {}", login, module.name(), e.toString());
                unasked = module.name() + " failed: " + e.getMessage();
            }
        }
        return unasked == null ? new Missing() : new Unknown(unasked);
    }

    @Override
    public Optional<List<Caller.Staff>> all() {
        Optional<List<Module>> modules = accountModules();
        if (modules.isEmpty() || modules.get().stream().anyMatch(m -> m.engine() == null)) {
            return Optional.empty();
        }
        Map<String, Caller.Staff> accounts = new TreeMap<>();
        for (Module module : modules.get()) {
            try {
                for (UserPrincipal user : module.engine().listUsers()) {
                    accounts.putIfAbsent(user.getName(), IdentityManager.staffFrom(user.getName(), roles(module.engine(), user)));
                }
            } catch (RuntimeException e) {
                LOG.warn("Staff accounts not listed from {}: {}", module.name(), e.toString());
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(accounts.values()));
    }

    /** A login module of the realm and its backing engine ({@code null} where it has none or it cannot be opened). */
    private record Module(String name, BackingEngine engine) {
    }

    /**
     * The login modules of the realm {@code karaf} that hold accounts, in the realm's order, each with its backing
     * engine, or {@code null} where it has none or it cannot be opened; empty if there is no such realm.
     */
    private Optional<List<Module>> accountModules() {
        Optional<JaasRealm> realm = karafRealm();
        if (realm.isEmpty()) {
            return Optional.empty();
        }
        List<Module> modules = new java.util.ArrayList<>();
        for (AppConfigurationEntry entry : realm.get().getEntries()) {
            String module = module(entry);
            if (module.startsWith(AUDIT_MODULES)) {
                continue;
            }
            BackingEngine engine = null;
            try {
                Optional<BackingEngineFactory> factory = engines.stream().filter(f -> module.equals(f.getModuleClass())).findFirst();
                engine = factory.isEmpty() ? null : factory.get().build(entry.getOptions());
            } catch (RuntimeException e) {
                LOG.warn("The accounts of {} cannot be read: {}", module, e.toString());
            }
            modules.add(new Module(module, engine));
        }
        return Optional.of(modules);
    }

    private Optional<JaasRealm> karafRealm() {
        return realms.stream().filter(r -> IdentityManager.REALM.equals(r.getName()))
                .max(Comparator.comparingInt(JaasRealm::getRank));
    }

    /** The account's role names, its groups' included (the realm's {@code _g_:} groups). */
    private static Set<String> roles(BackingEngine engine, UserPrincipal user) {
        Set<String> roles = new HashSet<>();
        engine.listRoles(user).forEach(role -> roles.add(role.getName()));
        for (GroupPrincipal group : engine.listGroups(user)) {
            engine.listRoles(group).forEach(role -> roles.add(role.getName()));
        }
        return roles;
    }

    private static String module(AppConfigurationEntry entry) {
        Object proxied = entry.getOptions().get(MODULE_OPTION);
        return proxied instanceof String name ? name : entry.getLoginModuleName();
    }
}
