package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import ua.igov.platform.core.StaffDisplayName;
import ua.igov.platform.core.StaffNameService;
import ua.igov.platform.core.UnnamedStaff;

/**
 * The names citizens see in place of staff logins: listed, given or taken away by an operator, for every node at
 * once and on the audit trail.
 */
@Service
@Command(scope = PlatformCommand.SCOPE, name = "staff-names",
        description = "Lists the names citizens see in place of staff logins; ACCOUNT \"NAME\" gives one, "
                + "--remove ACCOUNT takes it away (audited), --unnamed lists the accounts without one")
public class StaffNamesCommand extends PlatformCommand {

    @Reference(optional = true)
    StaffNameService names;

    @Argument(index = 0, name = "account", description = "The staff login to name")
    @Completion(StaffNameCompleter.class)
    String account;

    @Argument(index = 1, name = "name", description = "The name citizens see, in quotes: \"Олена Коваленко\"")
    String displayName;

    @Option(name = "--remove", description = "Take the account's name away: citizens see its steps as 'staff' only")
    boolean remove;

    @Option(name = "--unnamed", description = "The realm's officials, supervisors and operators that have no name yet")
    boolean unnamed;

    /** What a change did. */
    public record Changed(String action, StaffDisplayName name) {
    }

    @Override
    protected java.util.Map<String, String> fieldsAsTyped() {
        return java.util.Map.of("/displayName", "NAME");
    }

    @Override
    protected Object query() {
        if (unnamed) {
            if (account != null || remove) {
                throw new IllegalArgumentException("--unnamed takes no ACCOUNT and no other option");
            }
            return names.unnamedStaff(signedInOperator());
        }
        if (account == null) {
            if (remove) {
                throw new IllegalArgumentException("--remove needs the ACCOUNT whose name to take away");
            }
            return names.staffNames(signedInOperator());
        }
        if (remove) {
            if (displayName != null) {
                throw new IllegalArgumentException("--remove takes the ACCOUNT only, not a name");
            }
            return new Changed("removed", names.unnameStaff(signedInOperator(), account));
        }
        if (displayName == null) {
            throw new IllegalArgumentException("give the NAME citizens should see, in quotes, after the ACCOUNT");
        }
        String body = JsonNodeFactory.instance.objectNode().put("displayName", displayName).toString();
        return new Changed("named", names.nameStaff(signedInOperator(), account, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void print(Object result, PrintStream out) {
        if (result instanceof UnnamedStaff unnamedStaff) {
            if (!unnamedStaff.listed()) {
                out.println("The realm cannot list its accounts (a login module without a backing engine).");
            } else if (unnamedStaff.accounts().isEmpty()) {
                out.println("Every official, supervisor and operator has a name.");
            } else {
                out.println("Citizens see these accounts as plain 'staff':");
                unnamedStaff.accounts().forEach(login -> out.println("  " + login));
            }
            return;
        }
        if (result instanceof Changed changed) {
            StaffDisplayName name = changed.name();
            out.println(changed.action().equals("named")
                    ? "Citizens now see '" + name.account() + "' as '" + name.displayName() + "', on every node."
                    : "'" + name.account() + "' had the name '" + name.displayName() + "'; citizens now see 'staff' only.");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Account");
        table.column("Shown to citizens as");
        table.column("Named at");
        table.column("By");
        for (StaffDisplayName name : (List<StaffDisplayName>) result) {
            table.addRow().addContent(name.account(), name.displayName(), name.namedAt(), name.namedBy());
        }
        table.print(out);
    }
}
