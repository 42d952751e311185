package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.util.Set;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.AuditReport;
import ua.igov.platform.core.Caller;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "audit-verify",
        description = "Walks the hash-chained audit trail and reports the first entry that was altered or removed")
public class AuditVerifyCommand extends PlatformCommand {

    /** Whoever reaches the console has passed Karaf's login as an operator. */
    static final Caller CONSOLE = new Caller.Staff("console", Set.of(), Set.of(), true);

    @Reference(optional = true)
    ApplicationService applications;

    @Override
    protected Object query() {
        return applications.verifyAudit(CONSOLE);
    }

    @Override
    protected void print(Object result, PrintStream out) {
        AuditReport report = (AuditReport) result;
        if (report.intact()) {
            out.println("Audit trail intact: " + report.entries() + " entries checked.");
        } else {
            out.println("Audit trail BROKEN at entry " + report.chain() + "/" + report.firstBrokenEntry() + ": " + report.reason()
                    + " (" + report.entries() + " entries read).");
            // a scripted check (ssh ... platform:audit-verify) must fail too, not only print
            throw new IllegalStateException("the audit trail is broken at entry " + report.chain() + "/" + report.firstBrokenEntry());
        }
    }
}
