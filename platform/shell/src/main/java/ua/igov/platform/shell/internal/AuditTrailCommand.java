package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.AuditTrail;
import ua.igov.platform.core.AuditTrailEntry;

/** What an operator answers a complaint with: everyone who acted on or looked at one application, and when. */
@Service
@Command(scope = PlatformCommand.SCOPE, name = "audit-trail",
        description = "Shows who did and read what with one application, from the audit trail")
public class AuditTrailCommand extends PlatformCommand {

    @Reference(optional = true)
    ApplicationService applications;

    @Argument(index = 0, name = "trackingNumber", description = "The tracking number, e.g. 1-00000042-0", required = true)
    String trackingNumber;

    @Override
    protected Object query() {
        return applications.auditTrail(signedInOperator(), trackingNumber);
    }

    @Override
    protected void print(Object result, PrintStream out) {
        AuditTrail trail = (AuditTrail) result;
        if (trail.olderLeftOut()) {
            out.println("Only the newest " + AuditTrail.MAX_ENTRIES + " entries are shown; older ones are in the "
                    + "audit_log table.");
        }
        List<AuditTrailEntry> entries = trail.entries();
        ShellTable table = new ShellTable();
        table.column("At");
        table.column("Actor");
        table.column("Action");
        table.column("Detail");
        entries.forEach(e -> table.addRow().addContent(e.at(), oneLine(e.actor()), e.action(), printable(e.detail())));
        table.print(out);
    }
}
