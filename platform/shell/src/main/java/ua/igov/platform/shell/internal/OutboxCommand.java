package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import ua.igov.platform.store.OutboxEntry;
import ua.igov.platform.store.OutboxStore;

/**
 * The notification outbox as an operator sees it: what waits, what was given up, and a way to send a dead letter
 * again once its cause (a wrong SMTP password, a gateway down for days) is fixed.
 */
@Service
@Command(scope = PlatformCommand.SCOPE, name = "outbox",
        description = "Lists pending or dead notifications; --retry ID sends a dead one again; --send-now ID or "
                + "--send-all-now sends what waits for a retry at once")
public class OutboxCommand extends PlatformCommand {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutboxCommand.class);

    @Reference(optional = true)
    OutboxStore outbox;

    @Option(name = "--status", description = "pending (default), dead or sent; lists, so not with an action")
    @Completion(value = StringsCompleter.class, values = {OutboxStore.PENDING, OutboxStore.DEAD, OutboxStore.SENT})
    String status;

    @Option(name = "--retry", description = "The id of a dead message to make pending again")
    Long retry;

    @Option(name = "--send-now", description = "The id of a pending message waiting for a retry, to send at the next "
            + "delivery round")
    Long sendNow;

    @Option(name = "--send-all-now", description = "Every pending message waiting for a retry, at the next delivery round")
    boolean sendAllNow;

    @Option(name = "--limit", description = "How many messages to list, oldest first (1 to 1000)")
    int limit = 50;

    /** A message as listed: no body, which may hold personal data the operator need not read. */
    public record Row(long id, String channel, String recipient, String trackingNumber, String status, int attempts,
                      Instant createdAt, Instant nextAttemptAt, String lastError, String doubt) {
    }

    /** The answer to {@code --retry}. */
    public record Requeued(long id, boolean requeued) {
    }

    /** The answer to {@code --send-now} and {@code --send-all-now}. */
    public record MadeDue(int messages) {
    }

    @Override
    protected Object query() {
        if ((sendNow != null ? 1 : 0) + (sendAllNow ? 1 : 0) + (retry != null ? 1 : 0) > 1) {
            // one action a call: before, --retry given with either was left undone without a word
            throw new IllegalArgumentException("one of --retry ID, --send-now ID and --send-all-now at a time");
        }
        if (status != null && (sendNow != null || sendAllNow || retry != null)) {
            throw new IllegalArgumentException("--status chooses what to list; --retry, --send-now and --send-all-now "
                    + "act and list nothing: give one or the other");
        }
        if (sendNow != null || sendAllNow) {
            // the cause of the failures is fixed (an operator says so): no need to wait out the back-off
            String operator = signedInOperator().name();
            int due = outbox.sendNow(sendNow, Instant.now(), operator); // on the audit trail
            if (sendNow != null && due == 0) {
                throw new IllegalArgumentException("message " + sendNow + " is not waiting for a retry (it is due "
                        + "already, held by a node now, sent or dead; see platform:outbox)");
            }
            LOG.info("{} waiting notification(s) made due now on the console by {}", due, operator);
            return new MadeDue(due);
        }
        if (retry != null) {
            String operator = signedInOperator().name();
            boolean requeued = outbox.retry(retry, Instant.now(), operator); // on the audit trail
            if (!requeued) {
                throw new IllegalArgumentException("message " + retry + " is not a dead letter (see platform:outbox --status dead)");
            }
            LOG.info("Dead notification {} made pending again on the console by {}", retry, operator);
            return new Requeued(retry, true);
        }
        String listed = status == null ? OutboxStore.PENDING : status;
        if (!List.of(OutboxStore.PENDING, OutboxStore.DEAD, OutboxStore.SENT).contains(listed)) {
            throw new IllegalArgumentException("--status is pending, dead or sent, not " + oneLine(listed));
        }
        return outbox.list(listed, limit(limit, 1000)).stream().map(OutboxCommand::row).toList();
    }

    private static Row row(OutboxEntry e) {
        return new Row(e.id(), e.message().channel(), masked(e.message().recipient()), e.message().trackingNumber(),
                e.status(), e.attempts(), e.createdAt(), e.nextAttemptAt(), e.lastError(), e.doubt());
    }

    /**
     * A citizen's address or number, enough of it to tell two apart and see which domain or operator refuses them,
     * not enough to write to them: listing the outbox is not a read of personal data. No command or endpoint shows
     * the whole contact; it is kept only to send the notifications.
     */
    static String masked(String recipient) {
        if (recipient == null) {
            return null;
        }
        int at = recipient.lastIndexOf('@');
        if (at > 0) {
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
        StringBuilder number = new StringBuilder(recipient);
        int digits = 0;
        int total = (int) recipient.chars().filter(Character::isDigit).count();
        for (int i = 0; i < number.length(); i++) {
            if (Character.isDigit(number.charAt(i))) {
                digits++;
                if (digits > 5 && digits <= total - 2) { // the country and operator code, and the last two, stay
                    number.setCharAt(i, '*');
                }
            }
        }
        return number.toString();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void print(Object result, PrintStream out) {
        if (result instanceof MadeDue due) {
            out.println(due.messages() + " waiting message(s) go out at the next delivery round of a node with "
                    + "their channel.");
            return;
        }
        if (result instanceof Requeued requeued) {
            out.println("Message " + requeued.id() + " is pending again and will be sent at the next delivery round.");
            return;
        }
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Channel", "Recipient", "Application", "Attempts", "Created", "Next attempt",
                "Doubt")) {
            table.column(column);
        }
        table.column("Last error").maxSize(60).wrap();
        for (Row r : (List<Row>) result) {
            // an address is what a citizen typed, an error what a mail server or a channel plugin said: shown only
            table.addRow().addContent(r.id(), oneLine(r.channel()), oneLine(r.recipient()),
                    r.trackingNumber() == null ? "" : r.trackingNumber(), r.attempts(), r.createdAt(), r.nextAttemptAt(),
                    r.doubt() == null ? "" : r.doubt(), oneLine(r.lastError()));
        }
        table.print(out);
    }
}
