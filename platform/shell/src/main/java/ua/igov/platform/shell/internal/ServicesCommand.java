package ua.igov.platform.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import ua.igov.platform.core.CatalogueQuery;
import ua.igov.platform.core.CataloguePage;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.RegionServiceEntry;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "services",
        description = "Lists catalogue services, by region, availability and words in their names")
public class ServicesCommand extends PlatformCommand {

    @Reference(optional = true)
    CatalogueService catalogue;

    @Option(name = "--region", aliases = "-r", description = "Only this region (its id, e.g. lviv)")
    @Completion(RegionIdCompleter.class)
    String region;

    @Option(name = "--status", aliases = "-s", description = "Only offerings of this availability")
    @Completion(value = StringsCompleter.class, values = {"online", "info_only", "coming_soon", "in_work"})
    String status;

    @Option(name = "--limit", aliases = "-n", description = "At most this many lines (1 to 100)")
    int limit = CatalogueQuery.MAX_SIZE;

    @Argument(index = 0, name = "words", description = "Words to search for in service names and keywords", multiValued = true)
    java.util.List<String> words;

    @Override
    protected Object query() {
        // checked here, so the console names its own option, not the REST parameter (size) behind it
        limit(limit, CatalogueQuery.MAX_SIZE);
        if (region != null && catalogue.regions().stream().noneMatch(r -> r.id().equals(region))) {
            throw new IllegalArgumentException("there is no region '" + region + "'; platform:regions lists them");
        }
        String text = words == null || words.isEmpty() ? null : String.join(" ", words);
        return catalogue.search(new CatalogueQuery(text, region, null, null, status, null, 0, limit));
    }

    @Override
    protected void print(Object result, PrintStream out) {
        CataloguePage page = (CataloguePage) result;
        ShellTable table = new ShellTable();
        table.column("Region");
        table.column("Id").alignRight();
        table.column("Name").maxSize(70);
        table.column("Availability");
        table.column("Places").alignRight();
        table.column("Form");
        for (RegionServiceEntry s : page.items()) {
            table.addRow().addContent(s.region(), s.serviceId(), oneLine(s.name().uk()), s.availability(), s.places().size(),
                    s.serviceCode() == null ? "" : s.serviceCode());
        }
        table.print(out);
        out.println(page.items().size() + " of " + page.total() + " shown");
    }
}
