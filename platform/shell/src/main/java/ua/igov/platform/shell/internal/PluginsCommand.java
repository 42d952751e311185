package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import ua.igov.platform.core.ClusterService;
import ua.igov.platform.core.ClusterService.ClusterView;
import ua.igov.platform.core.ClusterService.NodeView;
import ua.igov.platform.core.ClusterService.PluginOnNode;
import ua.igov.platform.core.PluginInfo;
import ua.igov.platform.core.PluginRegistry;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "plugins",
        description = "Lists the region and service plugins this node serves (version, state, what each contributes) and "
                + "the plugins it refused with the reason, or (--nodes) every node's plugin features")
public class PluginsCommand extends PlatformCommand {

    @Reference(optional = true)
    PluginRegistry registry;

    /** Optional: the plugins this node serves are worth listing when the store (and so the cluster view) is down. */
    @Reference(optional = true)
    ClusterService cluster;

    @Option(name = "--nodes", description = "Every node sharing the database: its last heartbeat, and each plugin "
            + "feature as decided by the operator and as installed on that node")
    boolean nodes;

    @Override
    protected boolean answersWithoutServices() {
        return true;
    }

    @Override
    protected Object query() {
        if (registry == null || (nodes && cluster == null)) {
            throw new IllegalStateException((registry == null ? "The plugin registry" : "The cluster service (--nodes)")
                    + " is not running: the store or the core did not start (see platform:doctor and karaf.log)");
        }
        return nodes ? cluster.view() : registry.plugins();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void print(Object result, PrintStream out) {
        if (result instanceof ClusterView view) {
            printNodes(view, out);
            return;
        }
        List<PluginInfo> plugins = (List<PluginInfo>) result;
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Id");
        table.column("Name");
        table.column("Bundle");
        table.column("Version");
        table.column("State");
        table.column("Contributes");
        // a plugin's words are its author's: shown, never acted on by the terminal
        plugins.stream().filter(p -> !PluginInfo.REFUSED.equals(p.state())).forEach(p -> table.addRow()
                .addContent(p.kind(), oneLine(p.id()), oneLine(p.name()), p.bundle(), oneLine(p.version()), p.state(),
                        oneLine(p.contributes())));
        table.print(out);
        // refused plugins apart, each with its whole reason: it is what the operator has to act on
        for (PluginInfo refused : plugins.stream().filter(p -> PluginInfo.REFUSED.equals(p.state())).toList()) {
            out.println("REFUSED " + refused.bundle() + " " + oneLine(refused.version()) + " (" + oneLine(refused.id())
                    + "): " + oneLine(refused.name()));
        }
    }

    private void printNodes(ClusterView view, PrintStream out) {
        ShellTable nodeTable = new ShellTable();
        nodeTable.column("Node");
        nodeTable.column("Started");
        nodeTable.column("Last heartbeat");
        nodeTable.column("Alive");
        for (NodeView n : view.nodes()) {
            String name = n.nodeId().equals(cluster.nodeId()) ? n.nodeId() + " (this node)" : n.nodeId();
            nodeTable.addRow().addContent(name, n.startedAt(), n.heartbeatAt(), n.alive() ? "yes" : "NO");
        }
        nodeTable.print(out);
        ShellTable plugins = new ShellTable();
        plugins.column("Node");
        plugins.column("Plugin");
        plugins.column("Desired");
        plugins.column("Installed");
        plugins.column("Converged");
        plugins.column("Since");
        plugins.column("Problem");
        for (PluginOnNode p : view.plugins()) {
            plugins.addRow().addContent(p.node(), p.feature(), p.desired() == null ? "(assembly)" : p.desired(),
                    p.installed() == null ? "-" : p.installed(), p.converged() ? "yes" : "NO", p.since(),
                    p.problem() == null ? "" : p.problem());
        }
        plugins.print(out);
    }
}
