package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.AuditReport;
import ua.igov.platform.core.PluginInfo;
import ua.igov.platform.core.PluginRegistry;
import ua.igov.platform.store.OutboxStore;
import ua.igov.platform.store.OutboxSummary;

/**
 * One look at what an operator checks first: the database answers and the audit trail holds, every plugin wired to
 * the SPI it was built for, none refused.
 */
@Service
@Command(scope = PlatformCommand.SCOPE, name = "doctor",
        description = "Checks the database, the audit trail and the plugins; fails when something is wrong")
public class DoctorCommand extends PlatformCommand {

    static final String SPI_PACKAGE = "ua.igov.platform.spi";
    /** The platform's own bundles, which are not plugins. */
    static final java.util.Set<String> PLATFORM = java.util.Set.of("ua.igov.platform.igov-api", "ua.igov.platform.igov-core",
            "ua.igov.platform.igov-store", "ua.igov.platform.igov-rest", "ua.igov.platform.igov-shell");

    @Reference
    ApplicationService applications;

    @Reference
    PluginRegistry registry;

    @Reference
    BundleContext bundleContext;

    @Reference
    OutboxStore outbox;

    /** One check: what was looked at, whether it holds, and what was seen. */
    public record Check(String check, boolean ok, String detail) {
    }

    @Override
    protected Object query() {
        List<Check> checks = new ArrayList<>();
        try {
            AuditReport audit = applications.verifyAudit(AuditVerifyCommand.CONSOLE);
            checks.add(new Check("database", true, "answers; schema migrated"));
            checks.add(new Check("audit trail", audit.intact(), audit.intact() ? audit.entries() + " entries intact"
                    : "broken at " + audit.chain() + "/" + audit.firstBrokenEntry() + ": " + audit.reason()));
        } catch (RuntimeException e) {
            checks.add(new Check("database", false, "does not answer: " + e.getMessage()));
        }
        for (Bundle bundle : bundleContext.getBundles()) {
            String imports = bundle.getHeaders("").get(Constants.IMPORT_PACKAGE);
            if (imports != null && imports.contains(SPI_PACKAGE) && !PLATFORM.contains(bundle.getSymbolicName())) {
                boolean wired = bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.RESOLVED
                        || bundle.getState() == Bundle.STARTING;
                checks.add(new Check("plugin " + bundle.getSymbolicName(), wired, wired ? "SPI wired, " + state(bundle)
                        : "cannot wire to the SPI this platform exports (built for another major version?)"));
            }
        }
        long regions = registry.plugins().stream().filter(p -> p.kind().equals("region")).count();
        checks.add(new Check("regions", regions > 0, regions + " served"));
        for (PluginInfo refused : registry.plugins().stream().filter(p -> p.kind().equals("refused")).toList()) {
            checks.add(new Check("refused plugin", false, refused.name()));
        }
        checks.add(outboxCheck());
        return checks;
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
                    + " dead" + (ok ? "" : " (see platform:outbox --status " + (outbox.dead() > 0 ? "dead" : "pending") + ")"));
        } catch (RuntimeException e) {
            return new Check("notification outbox", false, "cannot be read: " + e.getMessage());
        }
    }

    private static String state(Bundle bundle) {
        return bundle.getState() == Bundle.ACTIVE ? "active" : "resolved";
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void print(Object result, PrintStream out) {
        List<Check> checks = (List<Check>) result;
        ShellTable table = new ShellTable();
        table.column("Check");
        table.column("OK");
        table.column("Detail").maxSize(90);
        checks.forEach(c -> table.addRow().addContent(c.check(), c.ok() ? "yes" : "NO", c.detail()));
        table.print(out);
        long failed = checks.stream().filter(c -> !c.ok()).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " check(s) failed");
        }
    }
}
