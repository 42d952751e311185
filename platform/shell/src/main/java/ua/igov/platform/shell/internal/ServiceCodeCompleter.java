package ua.igov.platform.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import ua.igov.platform.core.PluginRegistry;

/** Completes the codes of the service types installed now. */
@Service
public class ServiceCodeCompleter implements Completer {

    @Reference(optional = true)
    PluginRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (registry == null) {
            return -1; // nothing to offer; the command itself says what is missing when it runs
        }
        StringsCompleter delegate = new StringsCompleter();
        registry.plugins().stream().filter(p -> "service".equals(p.kind())).forEach(p -> delegate.getStrings().add(p.id()));
        return delegate.complete(session, commandLine, candidates);
    }
}
