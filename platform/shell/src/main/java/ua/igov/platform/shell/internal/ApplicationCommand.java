package ua.igov.platform.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.ApplicationStatus;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "application", description = "Shows an application's status and history")
public class ApplicationCommand extends PlatformCommand {

    @Reference(optional = true)
    ApplicationService applications;

    @Argument(index = 0, name = "trackingNumber", description = "The tracking number, e.g. 1-00000042-0", required = true)
    String trackingNumber;

    @Override
    protected Object query() {
        return applications.status(signedInOperator(), trackingNumber);
    }

    @Override
    protected void print(Object result, PrintStream out) {
        ApplicationStatus app = (ApplicationStatus) result;
        out.println(app.trackingNumber() + "  " + app.serviceCode() + " (" + oneLine(app.serviceName().uk()) + ")");
        out.println("Region " + app.regionId() + (app.placeId() == null ? "" : ", place " + app.placeId())
                + ", form " + oneLine(app.formVersion()) + ", status " + app.status());
        // what an operator asked about a complaint needs first: who has it and whether it is late
        out.println("Authority " + (app.authorityId() == null ? "none" : app.authorityId())
                + (app.assignedTo() == null ? ", not claimed" : ", assigned to " + oneLine(app.assignedTo()))
                + (app.dueAt() == null ? ", no deadline" : ", due " + app.dueAt() + (app.overdue() ? " (OVERDUE)" : ""))
                + (app.escalatedAt() == null ? "" : ", escalated " + app.escalatedAt()));
        ShellTable table = new ShellTable();
        table.column("At");
        table.column("Status");
        table.column("Actor");
        table.column("Note");
        app.history().forEach(s -> table.addRow().addContent(s.at(), s.status(), oneLine(s.actor()), printable(s.note())));
        table.print(out);
    }
}
