package ua.igov.platform.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import ua.igov.platform.core.StaffDisplayName;
import ua.igov.platform.core.StaffNameService;

/**
 * Completes the staff accounts: those with a display name and, where the realm can list its accounts, those still
 * without one (naming a new official's account is what the completion is most needed for).
 */
@Service
public class StaffNameCompleter implements Completer {

    @Reference(optional = true)
    StaffNameService names;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (names == null) {
            return -1;
        }
        StringsCompleter delegate = new StringsCompleter();
        try {
            names.staffNames(PlatformCommand.signedInOperator()).stream().map(StaffDisplayName::account)
                    .forEach(delegate.getStrings()::add);
            delegate.getStrings().addAll(names.unnamedStaff(PlatformCommand.signedInOperator()).accounts());
        } catch (RuntimeException databaseAway) {
            return -1; // nothing to offer; the command itself says what is wrong when it runs
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
