package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.AuditReport;
import ua.igov.platform.core.ClusterService;
import ua.igov.platform.core.PluginInfo;
import ua.igov.platform.core.PluginRegistry;
import ua.igov.platform.core.StaffNameService;
import ua.igov.platform.core.UnnamedStaff;
import ua.igov.platform.store.OutboxStore;
import ua.igov.platform.store.OutboxSummary;
import ua.igov.platform.store.RatingStore;
import ua.igov.platform.store.ReviewBacklog;
import ua.igov.platform.store.SchemaStatus;

/**
 * One look at what an operator checks first: the data source answers, every migration has run, the audit trail
 * holds, every plugin is wired to the SPI it was built for, none refused, notifications go out, and, where reviews
 * are pre-moderated, no citizen's comment has waited for an operator for more than two days.
 */
@Service
@Command(scope = PlatformCommand.SCOPE, name = "doctor",
        description = "Checks the data source, the migrations, the audit trail, the plugins, the notification outbox and "
                + "the review moderation queue; "
                + "fails when something is wrong")
public class DoctorCommand extends PlatformCommand {

    static final String DATA_SOURCE = "(dataSourceName=igov)";

    @Reference(optional = true)
    ApplicationService applications;

    @Reference(optional = true)
    PluginRegistry registry;

    @Reference(optional = true)
    SchemaStatus schema;

    @Reference(optional = true)
    BundleContext bundleContext;

    @Reference(optional = true)
    OutboxStore outbox;

    @Reference(optional = true)
    RatingStore ratings;

    @Reference(optional = true)
    StaffNameService staffNames;

    @Reference(optional = true)
    ClusterService cluster;

    /**
     * One check: what was looked at, whether it holds, and what was seen. A warning holds (the doctor does not fail)
     * but is something an operator of a production node should change.
     */
    public record Check(String check, boolean ok, boolean warning, String detail) {

        public Check(String check, boolean ok, String detail) {
            this(check, ok, false, detail);
        }

        static Check warning(String check, String detail) {
            return new Check(check, true, true, detail);
        }
    }

    /**
     * What a check needs is missing. The services are optional so that the doctor is there precisely when the
     * platform did not start: with no data source, or a migration that failed, the store registers none of them.
     */
    private static Check notStarted(String check, String service) {
        return new Check(check, false, "cannot be checked: " + service + " is not running (the store or the core did "
                + "not start; see the data source and migrations checks, and karaf.log)");
    }

    @Override
    protected boolean answersWithoutServices() {
        return true;
    }

    @Override
    protected Object query() {
        List<Check> checks = new ArrayList<>();
        checks.add(dataSource());
        checks.add(schema == null ? notStarted("migrations", "the store") : migrations());
        checks.add(applications == null ? notStarted("audit trail", "the application service") : audit());
        checks.addAll(registry == null ? List.of(notStarted("plugins", "the plugin registry")) : pluginChecks());
        checks.add(outbox == null ? notStarted("notification outbox", "the store") : outboxCheck());
        checks.add(ratings == null ? notStarted("review moderation", "the store") : moderationCheck());
        checks.add(staffNames == null ? notStarted("staff names", "the staff name service") : staffNamesCheck());
        if (applications != null) {
            checks.add(StatusLinkCheck.of(applications.statusLink()));
        }
        checks.add(cluster == null ? notStarted(NodeSettingsCheck.NAME, "the cluster service") : nodeSettingsCheck());
        return checks;
    }

    private List<Check> pluginChecks() {
        List<Check> checks = new ArrayList<>();
        List<PluginInfo> plugins = registry.plugins();
        long regions = plugins.stream().filter(p -> p.kind().equals("region")).count();
        long services = plugins.stream().filter(p -> p.kind().equals("service")).count();
        checks.add(new Check("plugins", regions > 0, regions + " regions and " + services + " services served"));
        for (PluginInfo p : plugins) {
            if (p.kind().equals("service")) {
                checks.add(new Check("plugin " + p.bundle(), true, "SPI wired, " + p.state() + ", " + p.id() + " " + p.version()));
            }
        }
        for (PluginInfo refused : plugins.stream().filter(p -> PluginInfo.REFUSED.equals(p.state())).toList()) {
            checks.add(new Check("plugin " + refused.bundle(), false, "REFUSED: " + refused.name()));
        }
        return checks;
    }

    /**
     * Staff without a display name are plain "staff" to citizens: worth knowing, not a failure (the platform works,
     * and citizens still see no login).
     */
    private Check staffNamesCheck() {
        try {
            UnnamedStaff unnamed = staffNames.unnamedStaff(signedInOperator());
            if (!unnamed.listed()) {
                return new Check("staff names", true, "the realm cannot list its accounts; see platform:staff-names");
            }
            List<String> accounts = unnamed.accounts();
            return new Check("staff names", true, accounts.isEmpty() ? "every official, supervisor and operator has a name"
                    : accounts.size() + " account(s) citizens see as plain 'staff': "
                    + String.join(", ", accounts.subList(0, Math.min(10, accounts.size())))
                    + (accounts.size() > 10 ? ", …" : "") + " (platform:staff-names ACCOUNT \"NAME\")");
        } catch (RuntimeException e) {
            return new Check("staff names", false, "cannot be read: " + e.getMessage());
        }
    }

    private Check nodeSettingsCheck() {
        try {
            long live = cluster.view().nodes().stream().filter(ClusterService.NodeView::alive).count();
            return NodeSettingsCheck.of(cluster.settingDifferences(), live);
        } catch (RuntimeException e) {
            return new Check(NodeSettingsCheck.NAME, false, "cannot be read: " + e.getMessage());
        }
    }

    /** With pre-moderation on, a comment waiting longer than this is a citizen's voice held back: worth a look. */
    static final Duration HELD_TOO_LONG = Duration.ofDays(2);

    private Check moderationCheck() {
        try {
            boolean premoderation = ratings.settings().premoderation();
            ReviewBacklog backlog = ratings.backlog();
            Duration oldest = backlog.waitingSince() == null ? Duration.ZERO
                    : Duration.between(backlog.waitingSince(), Instant.now());
            boolean ok = !premoderation || oldest.compareTo(HELD_TOO_LONG) < 0;
            return new Check("review moderation", ok, backlog.unchecked() + " review(s) to check"
                    + (backlog.unchecked() > 0 ? ", the longest waiting for " + oldest.toHours() + " h" : "")
                    + (premoderation ? "; pre-moderation on: their texts are not published until checked"
                    : "; pre-moderation off: published, masked")
                    + (backlog.unchecked() > 0 ? " (see platform:reviews --unchecked)" : ""));
        } catch (RuntimeException e) {
            return new Check("review moderation", false, "cannot be read: " + e.getMessage());
        }
    }

    /** Messages waiting longer than this mean delivery is stuck (no channel plugin, SMTP down): worth a look. */
    static final Duration STUCK = Duration.ofMinutes(30);

    private Check outboxCheck() {
        try {
            OutboxSummary outbox = this.outbox.summary();
            Duration oldest = outbox.oldestPending() == null ? Duration.ZERO
                    : Duration.between(outbox.oldestPending(), Instant.now());
            boolean ok = outbox.dead() == 0 && oldest.compareTo(STUCK) < 0;
            return new Check("notification outbox", ok, outbox.pending() + " pending"
                    + (outbox.pending() > 0 ? ", oldest " + oldest.toMinutes() + " min" : "") + ", " + outbox.dead()
                    + " dead" + doubts(outbox)
                    + (ok ? "" : " (see platform:outbox --status " + (outbox.dead() > 0 ? "dead" : "pending") + ")"));
        } catch (RuntimeException e) {
            return new Check("notification outbox", false, "cannot be read: " + e.getMessage());
        }
    }

    /** Messages a node died holding, and how they were settled: nothing when there were none. */
    static String doubts(OutboxSummary outbox) {
        if (outbox.inDoubt() + outbox.confirmed() + outbox.resent() == 0) {
            return "";
        }
        return "; in doubt (a node died, or a send's outcome unknown): " + outbox.confirmed() + " confirmed by their channel (not re-sent), "
                + outbox.resent() + " re-sent in doubt (their channel cannot tell)"
                + (outbox.inDoubt() > 0 ? ", " + outbox.inDoubt() + " still in doubt" : "");
    }

    /**
     * The data source the store uses: {@code dataSource.target} of {@code etc/ua.igov.platform.store.cfg} where an
     * operator chose another, else the platform's own; with why the choice could not be read, if it could not (then
     * the platform's own is checked, and the doctor says so rather than pass it off as the store's).
     */
    private record StoreTarget(String filter, String unreadable) {
    }

    private StoreTarget storeDataSource() {
        ServiceReference<org.osgi.service.cm.ConfigurationAdmin> admin =
                bundleContext.getServiceReference(org.osgi.service.cm.ConfigurationAdmin.class);
        if (admin == null) {
            return new StoreTarget(DATA_SOURCE, "Configuration Admin is not running");
        }
        try {
            org.osgi.service.cm.Configuration[] store = bundleContext.getService(admin)
                    .listConfigurations("(service.pid=ua.igov.platform.store)");
            Object target = store == null ? null : store[0].getProperties().get("dataSource.target");
            return new StoreTarget(target instanceof String filter && !filter.isBlank() ? filter.strip() : DATA_SOURCE,
                    null);
        } catch (Exception unreadable) {
            return new StoreTarget(DATA_SOURCE, String.valueOf(unreadable.getMessage()));
        } finally {
            bundleContext.ungetService(admin);
        }
    }

    Check dataSource() {
        StoreTarget target = storeDataSource();
        String filter = target.filter();
        String caveat = target.unreadable() == null ? "" : " (the store's choice of data source could not be read: "
                + target.unreadable() + "; this is the platform's own)";
        try {
            Collection<ServiceReference<DataSource>> refs = bundleContext.getServiceReferences(DataSource.class, filter);
            if (refs.isEmpty()) {
                return new Check("data source", false, "no DataSource " + filter + " is registered; see "
                        + (filter.equals(DATA_SOURCE) ? "etc/org.ops4j.datasource-igov.cfg"
                        : "dataSource.target in etc/ua.igov.platform.store.cfg") + " and jdbc:ds-list" + caveat);
            }
            ServiceReference<DataSource> ref = refs.iterator().next();
            DataSource dataSource = bundleContext.getService(ref);
            try (Connection c = dataSource.getConnection()) {
                boolean valid = c.isValid(5);
                return new Check("data source", valid, (filter.equals(DATA_SOURCE) ? "igov" : filter) + ": "
                        + c.getMetaData().getDatabaseProductName() + " "
                        + c.getMetaData().getDatabaseProductVersion() + (valid ? ", answers" : ", does not answer")
                        + caveat);
            } finally {
                bundleContext.ungetService(ref);
            }
        } catch (Exception e) {
            return new Check("data source", false, "does not answer: " + e.getMessage() + caveat);
        }
    }

    private Check migrations() {
        try {
            List<String> pending = schema.pendingChangeSets();
            return new Check("migrations", pending.isEmpty(), pending.isEmpty()
                    ? "every changeset of the changelog has run" : "not run: " + pending);
        } catch (RuntimeException e) {
            return new Check("migrations", false, "cannot be read: " + e.getMessage());
        }
    }

    private Check audit() {
        try {
            AuditReport audit = applications.verifyAudit(AuditVerifyCommand.CONSOLE);
            return new Check("audit trail", audit.intact(), audit.intact() ? audit.entries() + " entries intact"
                    : "broken at " + audit.chain() + "/" + audit.firstBrokenEntry() + ": " + audit.reason());
        } catch (RuntimeException e) {
            return new Check("audit trail", false, "cannot be read: " + e.getMessage());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void print(Object result, PrintStream out) {
        List<Check> checks = (List<Check>) result;
        ShellTable table = new ShellTable();
        table.column("Check");
        table.column("OK");
        table.column("Detail").maxSize(110).wrap();
        checks.forEach(c -> table.addRow().addContent(c.check(), c.ok() ? c.warning() ? "warn" : "yes" : "NO", oneLine(c.detail())));
        table.print(out);
        long failed = checks.stream().filter(c -> !c.ok()).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " check(s) failed");
        }
    }
}
