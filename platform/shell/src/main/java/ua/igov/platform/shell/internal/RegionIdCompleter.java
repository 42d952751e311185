package ua.igov.platform.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.RegionSummary;

/** Completes region ids from the regions installed now. */
@Service
public class RegionIdCompleter implements Completer {

    @Reference(optional = true)
    CatalogueService catalogue;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (catalogue == null) {
            return -1; // nothing to offer; the command itself says what is missing when it runs
        }
        StringsCompleter delegate = new StringsCompleter();
        catalogue.regions().stream().map(RegionSummary::id).forEach(delegate.getStrings()::add);
        return delegate.complete(session, commandLine, candidates);
    }
}
