package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import ua.igov.platform.core.PluginInfo;
import ua.igov.platform.core.PluginRegistry;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "plugins", description = "Lists the region and service plugins this node serves")
public class PluginsCommand extends PlatformCommand {

    @Reference
    PluginRegistry registry;

    @Override
    protected Object query() {
        return registry.plugins();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void print(Object result, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Id");
        table.column("Name");
        table.column("Bundle");
        table.column("Version");
        table.column("Contributes");
        for (PluginInfo p : (List<PluginInfo>) result) {
            table.addRow().addContent(p.kind(), p.id(), p.name(), p.bundle(), p.version(), p.contributes());
        }
        table.print(out);
    }
}
