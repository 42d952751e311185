package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.LoginFailures;
import ua.igov.platform.store.StaffLoginStore;

/**
 * Staff accounts given wrong passwords over the API lately, and which of them are locked (on every node); an operator
 * lifts a lock once the member of staff is known to be who they say.
 */
@Service
@Command(scope = PlatformCommand.SCOPE, name = "staff-logins",
        description = "Lists staff accounts with recent wrong passwords and locks; --unlock ACCOUNT lifts a lock")
public class StaffLoginsCommand extends PlatformCommand {

    private static final Logger LOG = LoggerFactory.getLogger(StaffLoginsCommand.class);
    /** The audit trail's action of an operator lifting a lock. */
    static final String UNLOCK = "unlock-staff-account";

    @Reference(optional = true)
    StaffLoginStore logins;

    @Option(name = "--unlock", description = "The account whose lock and failures to clear")
    String unlock;

    @Option(name = "--limit", description = "How many accounts to list, latest failure first (1 to 1000)")
    int limit = 50;

    /** The answer to {@code --unlock}. */
    public record Unlocked(String account, boolean unlocked) {
    }

    @Override
    protected Object query() {
        if (unlock != null) {
            String operator = signedInOperator().name();
            Instant now = Instant.now();
            // Lifting a lock gives an account back its password guesses: an operator's decision, on the record.
            LoginFailures cleared = logins.unlock(unlock, f -> new AuditEntry(now, operator, UNLOCK, null,
                    "account '" + f.account() + "': " + f.failures() + " wrong passwords since " + f.firstFailedAt()
                            + (f.lockedAt(now) ? ", locked until " + f.lockedUntil() : ", not locked")))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "'" + unlock + "' has no recent wrong passwords and no lock" + otherSpelling(unlock)));
            LOG.info("Staff account '{}' unlocked by {} on the console ({} wrong passwords cleared)", unlock, operator,
                    cleared.failures());
            return new Unlocked(unlock, true);
        }
        return logins.recent(limit(limit, 1000));
    }

    /**
     * The account listed under another spelling of the same name (with {@code loginsIgnoreCase} the platform keeps
     * them in lower case): named, not unlocked, since in a realm that tells case apart it is another account.
     */
    String otherSpelling(String typed) {
        return logins.recent(1000).stream().map(LoginFailures::account)
                .filter(account -> account.equalsIgnoreCase(typed) && !account.equals(typed)).findFirst()
                .map(account -> "; did you mean '" + account + "'? (accounts are unlocked as platform:staff-logins "
                        + "lists them)")
                .orElse("");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void print(Object result, PrintStream out) {
        if (result instanceof Unlocked unlocked) {
            out.println("Unlocked '" + unlocked.account() + "': its wrong passwords are forgotten on every node.");
            return;
        }
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Account");
        table.column("Wrong passwords");
        table.column("First");
        table.column("Latest");
        table.column("Locked until");
        for (LoginFailures f : (List<LoginFailures>) result) {
            table.addRow().addContent(oneLine(f.account()), f.failures(), f.firstFailedAt(), f.lastFailedAt(), // typed by anyone
                    f.lockedAt(now) ? f.lockedUntil() : "");
        }
        table.print(out);
    }
}
