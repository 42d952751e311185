package ua.igov.platform.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import ua.igov.platform.core.Caller;

/**
 * The settings every node serving one database must read alike, as digests: the core's (tracking-number origin,
 * status link, plugin time limit), the working calendar (deadlines), staff sign-in and the development provider's
 * signing key (a token made on one node must be good on the next), the escalation rules, the outbox's retries, the
 * e-mail channel's sender and journal, and the staff realm's accounts with their roles (an official who can sign in on one node only). A digest says whether two nodes read
 * the same without the setting, or a key in it, leaving the node.
 *
 * <p>Settings that may rightly differ per node are left out: the node's own id, whether it delivers notifications
 * or runs the escalation scheduler, and how often, and the mail relay it sends through.
 */
final class SharedSettings {

    /** Configuration PIDs, each with the keys in it that may differ per node. */
    static final Map<String, Set<String>> PIDS = Map.of(
            "ua.igov.platform.core", Set.of(),
            "ua.igov.platform.calendar", Set.of(),
            "ua.igov.platform.identity", Set.of(),
            "ua.igov.identity.dev", Set.of(),
            "ua.igov.platform.escalation", Set.of("enabled", "intervalSeconds", "batchSize"),
            // a message's key and Message-ID, and whether a node taking it over can ask the journal, must not depend
            // on the node; each node may send through a relay of its own
            "ua.igov.channel.email", Set.of("host", "port", "startTls", "tls", "username", ".password"),
            "ua.igov.platform.outbox", Set.of("enabled", "pollMillis", "batchSize"));
    static final String STAFF_ACCOUNTS = "staff accounts and roles (the JAAS realm, etc/users.properties)";
    /** What Config Admin and fileinstall add to every configuration; not the operator's settings. */
    private static final Set<String> BOOKKEEPING = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "felix.fileinstall.filename", "component.name", "component.id");

    private final ConfigurationAdmin configurations;
    private final StaffAccounts accounts;

    SharedSettings(ConfigurationAdmin configurations, StaffAccounts accounts) {
        this.configurations = configurations;
        this.accounts = accounts;
    }

    /** The name an operator knows a PID's setting by. */
    static String name(String pid) {
        return "etc/" + pid + ".cfg";
    }

    /**
     * What this node reads now, setting by setting. A setting that cannot be read is left out (and so not compared),
     * rather than reported as a difference that is not there.
     */
    Map<String, String> read() {
        Map<String, String> read = new TreeMap<>();
        for (Map.Entry<String, Set<String>> pid : PIDS.entrySet()) {
            try {
                Configuration[] found = configurations.listConfigurations("(service.pid=" + pid.getKey() + ")");
                Dictionary<String, Object> properties = found == null || found.length == 0 ? null : found[0].getProperties();
                read.put(name(pid.getKey()), fingerprint(properties, pid.getValue()));
            } catch (IOException | InvalidSyntaxException | RuntimeException e) {
                // left out this time
            }
        }
        staffAccounts().ifPresent(digest -> read.put(STAFF_ACCOUNTS, digest));
        return read;
    }

    private Optional<String> staffAccounts() {
        try {
            return accounts.all().map(SharedSettings::fingerprint);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The digest of a configuration's settings: the same whatever order they were written or read in. */
    static String fingerprint(Dictionary<String, Object> properties, Set<String> perNode) {
        Map<String, String> settings = new TreeMap<>();
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                if (!BOOKKEEPING.contains(key) && !perNode.contains(key)) {
                    settings.put(key, text(properties.get(key)));
                }
            }
        }
        return sha256(settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")));
    }

    /** The digest of the realm's accounts with what their roles make them; no password goes into it. */
    static String fingerprint(List<Caller.Staff> staff) {
        Map<String, String> byLogin = new TreeMap<>();
        for (Caller.Staff s : staff) {
            byLogin.put(s.user(), new TreeMap<>(Map.of("roles", s.roles().stream().map(Enum::name).sorted().toList(),
                    "authorities", s.authorities().stream().sorted().toList(), "operator", List.of(s.operator())))
                    .toString());
        }
        return sha256(byLogin.toString());
    }

    private static String text(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (value != null && value.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {value}); // primitive arrays
        }
        return String.valueOf(value);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
