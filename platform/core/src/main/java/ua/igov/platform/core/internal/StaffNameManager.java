package ua.igov.platform.core.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.OperatorsOnly;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.Problems;
import ua.igov.platform.core.StaffDisplayName;
import ua.igov.platform.core.StaffNameService;
import ua.igov.platform.core.UnnamedStaff;
import ua.igov.platform.spi.Role;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.store.AlreadyDoneException;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.StaffDirectory;
import ua.igov.platform.store.StaffName;
import ua.igov.platform.store.StoreException;

/** Operators give staff accounts the names citizens see in place of their logins; each change on the audit trail. */
@Component(service = StaffNameService.class)
public class StaffNameManager implements StaffNameService {

    private static final Logger LOG = LoggerFactory.getLogger(StaffNameManager.class);
    /** What only an operator does here, for a refusal. */
    private static final String NAMING = OperatorsOnly.NAMES_STAFF;
    /** A staff login as the platform takes one from a request (the same as a reassignment's). */
    static final Pattern LOGIN = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,99}");
    /**
     * A person's name: Cyrillic or Latin letters with their marks, and spaces, apostrophes (Ukrainian {@code ʼ},
     * {@code ’} and {@code '}), hyphens and dots between them. Nothing else a citizen could be misled or attacked by:
     * no markup, no control or direction characters, no look-alike letters from other scripts (a Greek {@code Ο} for
     * a Cyrillic {@code О}); fullwidth and mathematical letters are refused by the NFKC check below.
     */
    private static final Pattern PERSONS_NAME = Pattern.compile(
            "[\\p{L}&&[\\p{IsCyrillic}\\p{IsLatin}]]\\p{M}*+(?:[ '’ʼ.-]{0,2}+[\\p{L}&&[\\p{IsCyrillic}\\p{IsLatin}]]\\p{M}*+)*+\\.?");
    static final int MAX_NAME = 100;
    static final int MAX_LISTED = 10_000;
    static final String NAME = "name-staff-account";
    static final String UNNAME = "unname-staff-account";

    private final StaffDirectory directory;
    private final StaffAccounts accounts;
    private final Clock clock;

    @Activate
    public StaffNameManager(@Reference StaffDirectory directory, @Reference StaffAccounts accounts) {
        this(directory, accounts, Clock.systemUTC());
    }

    StaffNameManager(StaffDirectory directory, StaffAccounts accounts, Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public String shownToCitizensAs(Caller caller) {
        if (!(caller instanceof Caller.Staff staff)) {
            return null;
        }
        String name = StaffShown.to(caller, directory, List.of(), List.of(staff.user())).nameOf(staff.user());
        return name == null ? "staff" : name;
    }

    @Override
    public UnnamedStaff unnamedStaff(Caller caller) {
        OperatorsOnly.check(caller, NAMING);
        Optional<List<Caller.Staff>> realm = accounts.all();
        if (realm.isEmpty()) {
            return new UnnamedStaff(false, List.of());
        }
        try {
            Set<String> named = directory.names(MAX_LISTED).stream().map(StaffName::account).collect(Collectors.toSet());
            return new UnnamedStaff(true, realm.get().stream()
                    .filter(s -> s.operator() || s.roles().contains(Role.OFFICIAL) || s.roles().contains(Role.SUPERVISOR))
                    .map(Caller.Staff::user).filter(login -> !named.contains(login)).sorted().toList());
        } catch (StoreException e) {
            LOG.error("Staff names not read: {}", e.getMessage());
            throw Problems.notRead("The staff names could not be read.");
        }
    }

    @Override
    public List<StaffDisplayName> staffNames(Caller caller) {
        OperatorsOnly.check(caller, NAMING);
        try {
            return directory.names(MAX_LISTED).stream().map(StaffNameManager::shown).toList();
        } catch (StoreException e) {
            LOG.error("Staff names not read: {}", e.getMessage());
            throw Problems.notRead("The staff names could not be read.");
        }
    }

    @Override
    public StaffDisplayName nameStaff(Caller caller, String typed, byte[] body) {
        Caller.Staff operator = OperatorsOnly.check(caller, NAMING);
        checkAccount(typed);
        String account = accounts.canonical(typed); // the name is found under the login sign-in gives
        String displayName = displayName(Json.requestObject(body, Set.of("displayName")).get("displayName"));
        if (accounts.find(account) instanceof StaffAccounts.Missing) {
            // a mistyped account would take the name while the real one stays plain "staff" to citizens
            throw Problems.invalidRequest(List.of(new FieldProblem("account", "the realm has no staff account '"
                    + account + "'; create it first (bin/igov-set-password), then name it")));
        }
        Instant now = clock.instant();
        StaffName name = new StaffName(account, displayName, now, caller.name());
        try {
            directory.rename(name, previous -> new AuditEntry(now, caller.name(), NAME, null, "'" + account
                    + "' is shown to citizens as '" + displayName + "'"
                    + previous.map(p -> " (was '" + p.displayName() + "')").orElse(" (had no name)")));
        } catch (AlreadyDoneException e) {
            throw new ProblemException(409, "name-unchanged", "Already so", "Nothing to change: " + e.getMessage() + ".");
        } catch (StoreException e) {
            LOG.error("The display name of '{}' not stored: {}", account, e.getMessage());
            throw WriteFailures.problem(e, "Naming the account failed; nothing was changed.", "that the name was saved." + WriteFailures.READ_IT_BACK);
        }
        LOG.info("Staff account '{}' is shown to citizens as '{}', set by {}", account, displayName, operator.user());
        return shown(name);
    }

    @Override
    public StaffDisplayName unnameStaff(Caller caller, String typed) {
        Caller.Staff operator = OperatorsOnly.check(caller, NAMING);
        checkAccount(typed);
        String account = accounts.canonical(typed);
        Instant now = clock.instant();
        Optional<StaffName> removed;
        try {
            removed = directory.unname(account, had -> new AuditEntry(now, caller.name(), UNNAME, null,
                    "'" + account + "' was shown to citizens as '" + had.displayName() + "'; now as staff only"));
        } catch (StoreException e) {
            LOG.error("The display name of '{}' not removed: {}", account, e.getMessage());
            throw WriteFailures.problem(e, "Removing the name failed; nothing was changed.", "that the name was removed." + WriteFailures.READ_IT_BACK);
        }
        StaffName had = removed.orElseThrow(() -> new ProblemException(404, "unknown-staff-name", "No such name",
                "'" + account + "' has no display name."));
        LOG.info("Staff account '{}' no longer has a display name, removed by {}", account, operator.user());
        return shown(had);
    }

    /** The display name as stored: trimmed, runs of spaces made one, in Unicode's composed form. */
    static String displayName(JsonNode value) {
        if (value == null || value.isNull() || !value.isTextual()) {
            throw invalidName("required: the person's name as citizens should see it, e.g. \"Олена Коваленко\"");
        }
        String name = Normalizer.normalize(value.asText(), Normalizer.Form.NFC).strip().replaceAll(" {2,}", " ");
        if (name.length() < 2 || name.length() > MAX_NAME) {
            throw invalidName("2 to " + MAX_NAME + " characters");
        }
        if (!PERSONS_NAME.matcher(name).matches() || !Normalizer.isNormalized(name, Normalizer.Form.NFKC)) {
            throw invalidName("a person's name: Cyrillic or Latin letters, with spaces, apostrophes, hyphens or dots "
                    + "between them");
        }
        return name;
    }

    private static ProblemException invalidName(String why) {
        return Problems.invalidRequest(List.of(new FieldProblem("/displayName", why)));
    }

    private static void checkAccount(String account) {
        if (account == null || !LOGIN.matcher(account).matches()) {
            throw new ProblemException(400, "invalid-request", "Invalid request",
                    "account must be a staff login: a letter, then up to 99 letters, digits, dots, dashes or underscores",
                    List.of(new FieldProblem("account", "a letter, then up to 99 of A-Z a-z 0-9 . _ -")));
        }
    }

    private static StaffDisplayName shown(StaffName name) {
        return new StaffDisplayName(name.account(), name.displayName(), name.namedAt(), name.namedBy());
    }
}
