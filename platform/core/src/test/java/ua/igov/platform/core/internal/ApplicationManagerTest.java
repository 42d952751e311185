package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.core.ApplicationReceipt;
import ua.igov.platform.core.ApplicationSummary;
import ua.igov.platform.core.ApplicationView;
import ua.igov.platform.core.AttachmentDownload;
import ua.igov.platform.core.AuditTrailEntry;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.spi.Citizen;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.FormResources;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.Role;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Transition;
import ua.igov.platform.spi.Workflow;
import ua.igov.platform.spi.SubmissionHandler;
import ua.igov.platform.spi.SubmissionRejectedException;
import ua.igov.platform.store.ServiceTypeRecord;

class ApplicationManagerTest {

    static final String VALID = "{\"region\": \"testland\", \"placeId\": 1, "
            + "\"form\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-09\"}}";
    // The fixture's offering 100 is delivered by authority 7.
    static final Caller TARAS = new Caller.CitizenCaller(new Citizen("taras", "Тарас", "dev"));
    static final Caller LESYA = new Caller.CitizenCaller(new Citizen("lesya", "Леся", "dev"));
    static final Caller OLENA = new Caller.Staff("olena", Set.of(Role.OFFICIAL), Set.of(7), false);
    static final Caller PETRO = new Caller.Staff("petro", Set.of(Role.OFFICIAL), Set.of(7), false);
    static final Caller STRANGER = new Caller.Staff("ivan", Set.of(Role.OFFICIAL), Set.of(8), false);
    static final Caller SUPERVISOR = new Caller.Staff("oksana", Set.of(Role.SUPERVISOR), Set.of(7), false);
    static final Caller OPERATOR = new Caller.Staff("admin", Set.of(), Set.of(), true);

    private final DerbyStores stores = new DerbyStores();
    private final FakePlugins plugins = new FakePlugins();
    private SubmissionHandler handler = SubmissionHandler.ACCEPT_ALL;
    /** How the service's issueDocument fails: {@code throws}, {@code null}, {@code bad-value}; {@code null}: it works. */
    private volatile String documentFault;
    /** While set, the service's notification text for a submission hangs until it is counted down. */
    private volatile java.util.concurrent.CountDownLatch submitTextHangsUntil;
    /** While true, the service words the submission's message its own way. */
    private volatile boolean ownSubmitText;
    private ApplicationManager manager;

    @BeforeEach
    void setUp() throws Exception {
        plugins.region = new RegionIndex(RegionCatalogueReaderTest.fixture(), new PluginOrigin("region", "1"));
        ServiceType type = serviceType();
        plugins.type = new InstalledServiceType(type, FormSchema.compile(type.form().jsonSchema()), new PluginOrigin("svc", "0.1.0"));
        stores.applications.rememberServiceType(new ServiceTypeRecord(type.code(), "Реєстрація", null, "1.0",
                type.form().jsonSchema(), "0.1.0"));
        manager = new ApplicationManager(plugins, stores.applications, stores.staffNames, new WorkingCalendar(Set.of(), Set.of()),
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), "1", java.time.Duration.ofMillis(300));
    }

    /** The {@code submittedAt} of every submission the service type priced, in order. */
    private final List<String> pricedAsOf = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ServiceType serviceType() {
        String schema = FormResources.read(ApplicationManagerTest.class, "/fixtures/form.schema.json");
        return new ServiceType() {
            public String code() { return "residence-registration"; }
            public LocalizedText name() { return LocalizedText.of("Реєстрація місця проживання"); }
            public Set<Integer> catalogueServiceIds() { return Set.of(29); }
            public FormDefinition form() { return new FormDefinition("1.0", schema); }
            public SubmissionHandler handler() { return submission -> handler.onSubmit(submission); }
            public Optional<String> contactEmailField() { return Optional.of("/contacts/email"); }
            public Optional<String> contactPhoneField() { return Optional.of("/contacts/phone"); }
            public long feeInKopiykas(ua.igov.platform.spi.Submission s) {
                pricedAsOf.add(String.valueOf(s.submittedAt()));
                return s.form().containsKey("children") ? 3_028 * ((Number) s.form().get("children")).longValue() : 0;
            }
            public Optional<ua.igov.platform.spi.NotificationTemplate> notificationTemplate(String step, String language) {
                java.util.concurrent.CountDownLatch hang = submitTextHangsUntil;
                while ("submit".equals(step) && hang != null && hang.getCount() > 0) {
                    try {
                        hang.await(); // deaf to the guard's interrupt, as a socket read would be
                    } catch (InterruptedException ignored) {
                        // keep hanging
                    }
                }
                if ("submit".equals(step) && ownSubmitText) {
                    return Optional.of(new ua.igov.platform.spi.NotificationTemplate("Прийнято: {trackingNumber}",
                            "Дякуємо.", "Прийнято {trackingNumber}"));
                }
                // This service words its approval its own way in English, and leaves the rest to the platform.
                return "approve".equals(step) && "en".equals(language)
                        ? Optional.of(new ua.igov.platform.spi.NotificationTemplate("Registration approved",
                                "Come to the office with your passport.", "Registration approved, bring your passport"))
                        : Optional.empty();
            }
            public Map<String, Object> issueDocument(ua.igov.platform.spi.Decision d) {
                if ("throws".equals(documentFault)) {
                    throw new IllegalStateException("the register is down");
                }
                if ("null".equals(documentFault)) {
                    return null;
                }
                if ("bad-value".equals(documentFault)) {
                    return Map.of("register", new Object() {
                        public String getEntry() {
                            throw new IllegalStateException("a getter of the plugin's that fails");
                        }
                    });
                }
                return Map.of("certificate", "Довідка " + d.trackingNumber(), "lastName", d.form().get("lastName"));
            }
        };
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String submit() {
        return manager.submit(TARAS, "residence-registration", json(VALID)).trackingNumber();
    }

    private ProblemException problem(Runnable call) {
        return assertThrows(ProblemException.class, call::run);
    }

    @Test
    void aCitizensApplicationGoesThroughEveryStatusWithEachRole() {
        ApplicationReceipt receipt = manager.submit(TARAS, "residence-registration", json(VALID));
        assertEquals("1-00000001-6", receipt.trackingNumber());
        String n = receipt.trackingNumber();
        ApplicationView submitted = manager.application(TARAS, n);
        assertEquals("submitted", submitted.status());
        assertEquals(7, submitted.authorityId());
        // submitted on Wednesday 25 November: two working days to claim it, so the end of Friday 27 November in Kyiv
        assertEquals(Instant.parse("2026-11-27T21:59:59.999Z"), submitted.dueAt(), "a deadline from the workflow");
        assertEquals(List.of("cancel"), submitted.actions());
        assertEquals("Шевченко", submitted.form().get("lastName"));

        assertEquals(List.of("claim"), manager.application(OLENA, n).actions());
        assertEquals("in_review", manager.act(OLENA, n, "claim", null).status());
        ApplicationView asking = manager.act(OLENA, n, "request-information",
                json("{\"questions\": [{\"field\": \"/birthDate\", \"question\": \"Уточніть дату народження\"}]}"));
        assertEquals("needs_information", asking.status());
        assertEquals("/birthDate", manager.application(TARAS, n).questions().get(0).field());

        ProblemException badAnswer = problem(() -> manager.act(TARAS, n, "answer", json("{\"form\": {\"lastName\": \"\"}}")));
        assertEquals("invalid-form", badAnswer.type());
        ApplicationView answered = manager.act(TARAS, n, "answer",
                json("{\"form\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-10\"}}"));
        assertEquals("in_review", answered.status());
        assertEquals("1990-03-10", answered.form().get("birthDate"), "the citizen's own answer shows their form");
        assertEquals("1990-03-10", manager.application(TARAS, n).form().get("birthDate"));

        assertEquals("approved", manager.act(OLENA, n, "approve", json("{\"reason\": \"Документи в порядку\"}")).status());
        ApplicationView issued = manager.act(OLENA, n, "issue", null);
        assertEquals("issued", issued.status());
        assertNull(issued.form(), "a step's answer shows staff no personal data: they read it with GET, on the record");
        assertNull(issued.issuedDocument());
        assertEquals("Довідка " + n, manager.application(TARAS, n).issuedDocument().get("certificate"));
        assertEquals("2026-11-25", manager.application(TARAS, n).issuedDocument().get("issuedOn"));
        assertFalse(manager.application(TARAS, n).issuedDocument().containsKey("issuedBy"),
                "Olena's account has no display name, and a login is never shown to a citizen");
        assertEquals(List.of(), issued.actions(), "nothing more to do once issued");
        assertEquals(List.of("submitted", "in_review", "needs_information", "in_review", "approved", "issued"),
                manager.application(TARAS, n).history().stream().map(ApplicationView.Step::status).toList());

        assertTrue(manager.verifyAudit(OPERATOR).intact());
    }

    @Test
    void anAnswerThatChangesWhatIsPaidChangesTheFee() {
        String n = submit();
        assertEquals(0, manager.application(TARAS, n).feeKopiykas());
        manager.act(OLENA, n, "claim", null);
        manager.act(OLENA, n, "request-information", json("{\"questions\": [{\"field\": \"/children\", \"question\": \"Скільки дітей?\"}]}"));
        manager.act(TARAS, n, "answer", json("{\"form\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-09\", \"children\": 2}}"));
        assertEquals(6_056, manager.application(TARAS, n).feeKopiykas());
    }

    /**
     * An answer given weeks later, in another year, is priced as of the day the citizen applied: a fee by the year's
     * subsistence minimum, or by days since an event, does not change because the authority asked a question.
     */
    @Test
    void anAnswerIsPricedAsOfTheDayOfTheApplication() {
        String n = submit();
        assertEquals(List.of("2026-11-25T10:00:00Z"), pricedAsOf, "priced with the moment the application is stored at");
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), manager.application(TARAS, n).submittedAt());
        manager.act(OLENA, n, "claim", null);
        manager.act(OLENA, n, "request-information", json("{\"questions\": [{\"field\": \"/children\", \"question\": \"Скільки дітей?\"}]}"));
        ApplicationManager inJanuary = new ApplicationManager(plugins, stores.applications, stores.staffNames,
                new WorkingCalendar(Set.of(), Set.of()), Clock.fixed(Instant.parse("2027-01-12T10:00:00Z"), ZoneOffset.UTC),
                "1", java.time.Duration.ofMillis(300));
        inJanuary.act(TARAS, n, "answer", json("{\"form\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-09\", \"children\": 1}}"));
        assertEquals(List.of("2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z"), pricedAsOf);
        assertEquals(3_028, manager.application(TARAS, n).feeKopiykas());
    }

    /**
     * An answer is the whole form again, and may change more than was asked: the official sees which fields it
     * changed (and the audit trail keeps them, with the fee it changed), so nothing reviewed before changes unseen.
     */
    @Test
    void anAnswerNamesTheFieldsItChangedForTheOfficialAndTheAuditTrail() {
        String n = submit();
        manager.act(OLENA, n, "claim", null);
        manager.act(OLENA, n, "request-information", json("{\"questions\": [{\"field\": \"/children\", \"question\": \"Скільки дітей?\"}]}"));
        manager.act(TARAS, n, "answer", json("{\"form\": {\"lastName\": \"Шевчук\", \"birthDate\": \"1990-03-09\", \"children\": 2}}"));

        ApplicationView.Step answered = manager.application(OLENA, n).history().get(3);
        assertEquals("answer", answered.action());
        assertEquals(List.of("/children", "/lastName"), answered.changedFields(), "what was asked, and what was not");
        assertNull(manager.application(OLENA, n).history().get(2).changedFields(), "only an answer changes the form");
        AuditTrailEntry audited = manager.auditTrail(OPERATOR, n).entries().stream()
                .filter(e -> e.action().equals("answer")).findFirst().orElseThrow();
        assertEquals("needs_information -> in_review; changed /children, /lastName; fee 0 -> 6056 kopiykas",
                audited.detail());

        manager.act(OLENA, n, "request-information", json("{\"questions\": [{\"field\": \"/children\", \"question\": \"Точно?\"}]}"));
        manager.act(TARAS, n, "answer", json("{\"form\": {\"lastName\": \"Шевчук\", \"birthDate\": \"1990-03-09\", \"children\": 2.0}}"));
        assertEquals(List.of(), manager.application(OLENA, n).history().get(5).changedFields(), "2.0 is the 2 it was");
    }

    @Test
    void nobodySeesAnotherPersonsApplicationNotEvenThatItExists() {
        String n = submit();
        ProblemException other = problem(() -> manager.application(LESYA, n));
        ProblemException nonexistent = problem(() -> manager.application(LESYA, "1-00000099-0"));
        assertEquals(404, other.status());
        assertEquals(other.type(), nonexistent.type(), "guessing a number tells nothing");
        assertEquals(404, problem(() -> manager.application(STRANGER, n)).status(), "another authority's official");
        assertEquals(404, problem(() -> manager.act(LESYA, n, "cancel", null)).status());
        assertEquals(401, problem(() -> manager.submit(null, "residence-registration", json(VALID))).status());
        assertEquals(403, problem(() -> manager.submit(OLENA, "residence-registration", json(VALID))).status());
        assertEquals(403, problem(() -> manager.verifyAudit(OLENA)).status());
        assertEquals(403, problem(() -> manager.queue(TARAS, List.of(), 10)).status());
        assertEquals(1, manager.mine(TARAS, 10).size());
        assertEquals(0, manager.mine(LESYA, 10).size());
    }

    /**
     * The connection breaks as the database commits: the application (or the step) may be stored. "It was not
     * accepted" would send the citizen to apply a second time; they are told to look first.
     */
    @Test
    void aWriteTheDatabaseDidNotConfirmIsNotCalledUndone() {
        String n = submit();
        ApplicationManager unconfirmedInsert = new ApplicationManager(plugins, AuditFailing.unconfirmed(stores.applications,
                "insert"), stores.staffNames, new WorkingCalendar(Set.of(), Set.of()),
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), "1", java.time.Duration.ofMillis(300));
        ProblemException submit = problem(() -> unconfirmedInsert.submit(TARAS, "residence-registration", json(VALID)));
        assertEquals(503, submit.status());
        assertEquals("outcome-unknown", submit.type());
        assertTrue(submit.detail().contains("Look for it among your applications"), submit.detail());
        assertEquals(2, manager.mine(TARAS, 10).size(), "it was stored: saying it was not would be false");

        ApplicationManager unconfirmedStep = new ApplicationManager(plugins, AuditFailing.unconfirmed(stores.applications,
                "change"), stores.staffNames, new WorkingCalendar(Set.of(), Set.of()),
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), "1", java.time.Duration.ofMillis(300));
        ProblemException step = problem(() -> unconfirmedStep.act(OLENA, n, "claim", null));
        assertEquals("outcome-unknown", step.type());
        assertEquals("in_review", manager.summary(TARAS, n).status());
    }

    /** A read the database did not answer says when to ask again, as the API promises ({@code Retry-After: 30}). */
    @Test
    void aReadTheDatabaseDidNotAnswerSaysWhenToAskAgain() {
        String n = submit();
        for (String method : List.of("findByTrackingNumber", "findHead")) {
            ApplicationManager unread = new ApplicationManager(plugins, AuditFailing.failing(stores.applications, method),
                    stores.staffNames, new WorkingCalendar(Set.of(), Set.of()),
                    Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), "1", java.time.Duration.ofMillis(300));
            ProblemException e = method.equals("findHead") ? problem(() -> unread.summary(TARAS, n))
                    : problem(() -> unread.application(TARAS, n));
            assertEquals(503, e.status(), method);
            assertEquals(java.time.Duration.ofSeconds(30), e.retryAfter().orElseThrow(), method);
        }
    }

    @Test
    void staffSeeNoPersonalDataThatCouldNotBePutOnTheRecord() {
        String n = submit();
        ApplicationManager withoutAudit = new ApplicationManager(plugins, AuditFailing.around(stores.applications), stores.staffNames,
                new WorkingCalendar(Set.of(), Set.of()), Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC),
                "1", java.time.Duration.ofMillis(300));
        ProblemException refused = problem(() -> withoutAudit.application(OLENA, n));
        assertEquals(503, refused.status(), refused.detail());
        assertEquals(503, problem(() -> withoutAudit.application(OPERATOR, n)).status(), "an operator's read is audited too");
        assertEquals("submitted", withoutAudit.summary(OLENA, n).status(), "the status read holds no personal data");
        assertEquals(n, withoutAudit.application(TARAS, n).trackingNumber(), "the citizen's own read is not audited");
        assertEquals(503, problem(() -> withoutAudit.auditTrail(SUPERVISOR, n).entries()).status(), "nor is the audit trail");
        assertEquals(503, problem(() -> withoutAudit.auditTrail(OPERATOR, n).entries()).status());
        assertEquals("submit", withoutAudit.auditTrail(TARAS, n).entries().get(0).action(), "the citizen's own trail is not audited");
    }

    @Test
    void theStatusReadShowsWhereItStandsToItsCitizenAndItsAuthorityOnlyWithoutPersonalData() {
        String n = submit();
        ApplicationSummary mine = manager.summary(TARAS, n);
        assertEquals(n, mine.trackingNumber());
        assertEquals("submitted", mine.status());
        assertEquals(Instant.parse("2026-11-27T21:59:59.999Z"), mine.dueAt());
        assertFalse(mine.overdue());
        long auditBefore = manager.verifyAudit(OPERATOR).entries();
        manager.act(OLENA, n, "claim", null);
        ApplicationSummary claimed = manager.summary(OLENA, n);
        assertEquals("in_review", claimed.status());
        assertEquals("olena", claimed.assignedTo());
        assertEquals(auditBefore + 1, manager.verifyAudit(OPERATOR).entries(),
                "the claim is audited; a status read holds no personal data, so it is not a read of it");
        assertEquals("in_review", manager.summary(SUPERVISOR, n).status());
        assertNull(manager.summary(TARAS, n).assignedTo(), "a citizen never sees a login");

        ProblemException other = problem(() -> manager.summary(LESYA, n));
        assertEquals(404, other.status());
        assertEquals(other.type(), problem(() -> manager.summary(LESYA, "1-00000099-0")).type(), "guessing tells nothing");
        assertEquals(404, problem(() -> manager.summary(STRANGER, n)).status(), "another authority's official");
        assertEquals(400, problem(() -> manager.summary(TARAS, "1-00000001-7")).status(), "a mistyped digit is caught");
    }

    @Test
    void everyStepIsCheckedAgainstTheWorkflowAndTheRole() {
        String n = submit();
        assertEquals(403, problem(() -> manager.act(TARAS, n, "claim", null)).status(), "a citizen cannot claim");
        assertEquals(409, problem(() -> manager.act(OLENA, n, "approve", null)).status(), "approve before review");
        assertEquals(404, problem(() -> manager.act(OLENA, n, "bribe", null)).status());
        manager.act(OLENA, n, "claim", null);
        assertEquals(403, problem(() -> manager.act(PETRO, n, "approve", null)).status(), "assigned to Olena");
        assertEquals(422, problem(() -> manager.act(OLENA, n, "reject", null)).status(), "a rejection says why");
        for (String unreadable : List.of("\\u00a0", "\\u200b", "\\ufeff \\u2003", "\\u0301")) {
            ProblemException e = problem(() -> manager.act(OLENA, n, "reject", json("{\"reason\": \"" + unreadable + "\"}")));
            assertEquals("/reason", e.fieldProblems().get(0).field(), unreadable + ": no reason anyone can read");
        }
        ProblemException typo = problem(() -> manager.act(OLENA, n, "request-information",
                json("{\"questions\": [{\"field\": \"/birthDay\", \"question\": \"Коли?\"}]}")));
        assertEquals("/questions/0/field", typo.fieldProblems().get(0).field(), "a field the form does not have");
        for (String question : List.of("123", "\"\\u200b\"", "null")) {
            ProblemException e = problem(() -> manager.act(OLENA, n, "request-information",
                    json("{\"questions\": [{\"field\": \"/children\", \"question\": " + question + "}]}")));
            assertEquals("/questions/0", e.fieldProblems().get(0).field(), question);
        }
        assertEquals(403, problem(() -> manager.act(OLENA, n, "reassign", json("{\"official\": \"petro\"}"))).status());
        assertEquals("petro", manager.act(SUPERVISOR, n, "reassign", json("{\"official\": \"petro\", \"reason\": \"відпустка\"}")).assignedTo());
        assertEquals("rejected", manager.act(PETRO, n, "reject", json("{\"reason\": \"Неповний пакет документів\"}")).status());
        assertEquals(409, problem(() -> manager.act(TARAS, n, "cancel", null)).status(), "decided: too late to cancel");
    }

    @Test
    void anApplicationIsHandedOverOnlyToSomeoneWhoCanWorkIt() {
        Map<String, StaffAccounts.Lookup> realm = Map.of(
                "petro", new StaffAccounts.Found((Caller.Staff) PETRO),
                "oksana", new StaffAccounts.Found((Caller.Staff) SUPERVISOR),
                "ivan", new StaffAccounts.Found((Caller.Staff) STRANGER),
                "admin", new StaffAccounts.Found((Caller.Staff) OPERATOR),
                "clerk", new StaffAccounts.Found(new Caller.Staff("clerk", Set.of(), Set.of(7), false)));
        ApplicationManager checked = new ApplicationManager(plugins, stores.applications, stores.staffNames,
                login -> realm.getOrDefault(login, login.startsWith("ldap") ? new StaffAccounts.Unknown("LDAP is away")
                        : new StaffAccounts.Missing()), new WorkingCalendar(Set.of(), Set.of()),
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), "1", java.time.Duration.ofMillis(300),
                ApplicationManager.DEFAULT_STATUS_LINK);
        String n = submit();
        checked.act(OLENA, n, "claim", null);
        for (String nobody : List.of("petr", "ivan", "admin", "clerk")) {
            ProblemException refused = problem(() -> checked.act(SUPERVISOR, n, "reassign",
                    json("{\"official\": \"" + nobody + "\"}")));
            assertEquals(422, refused.status(), nobody);
            assertEquals("/official", refused.fieldProblems().get(0).field(), nobody);
        }
        assertTrue(problem(() -> checked.act(SUPERVISOR, n, "reassign", json("{\"official\": \"ivan\"}")))
                .fieldProblems().get(0).message().contains("authority 7"), "another authority's official");
        assertEquals("olena", checked.summary(SUPERVISOR, n).assignedTo(), "nothing changed");
        assertEquals("petro", checked.act(SUPERVISOR, n, "reassign", json("{\"official\": \"petro\"}")).assignedTo());
        assertEquals("oksana", checked.act(SUPERVISOR, n, "reassign", json("{\"official\": \"oksana\"}")).assignedTo(),
                "a supervisor of the authority works it too");
        assertEquals("ldap-olga", checked.act(SUPERVISOR, n, "reassign", json("{\"official\": \"ldap-olga\"}")).assignedTo(),
                "where the realm cannot tell, the login is taken as given");
    }

    /**
     * A realm that takes logins in any case (LDAP) signs Olena in as olena, so a hand-over to "Olena" goes to olena:
     * otherwise the application would sit assigned to a name nobody signs in as, out of her queue.
     */
    @Test
    void aHandOverGoesToTheLoginSignInGivesWhereTheRealmIgnoresCase() {
        StaffAccounts ldap = new StaffAccounts() {
            public Lookup find(String login) { return new StaffAccounts.Unknown("LDAP lists no accounts"); }
            public String canonical(String login) { return login.toLowerCase(java.util.Locale.ROOT); }
        };
        ApplicationManager anyCase = new ApplicationManager(plugins, stores.applications, stores.staffNames, ldap,
                new WorkingCalendar(Set.of(), Set.of()), Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC),
                "1", java.time.Duration.ofMillis(300), ApplicationManager.DEFAULT_STATUS_LINK);
        String n = submit();
        anyCase.act(PETRO, n, "claim", null);
        assertEquals("olena", anyCase.act(SUPERVISOR, n, "reassign", json("{\"official\": \"Olena\"}")).assignedTo());
        assertEquals("approved", anyCase.act(OLENA, n, "approve", null).status(), "hers to work");
    }

    @Test
    void aCitizenCancelsWhileUndecided() {
        String n = submit();
        assertEquals("cancelled", manager.act(TARAS, n, "cancel", json("{\"reason\": \"Передумав\"}")).status());
        assertEquals(0, manager.queue(OLENA, List.of(), 10).size());
    }

    @Test
    void theQueueIsTheAuthoritysOwnMostUrgentFirst() {
        submit();
        submit();
        assertEquals(2, manager.queue(OLENA, List.of("submitted"), 10).size());
        assertEquals(0, manager.queue(STRANGER, List.of(), 10).size());
        assertEquals(400, problem(() -> manager.queue(OLENA, List.of("paid"), 10)).status());
    }

    /** A queue longer than a page is read a page at a time, each saying where the next starts; the last says none. */
    @Test
    void theQueueAndACitizensListAreReadAPageAtATime() {
        List<String> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(submit());
        }
        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ua.igov.platform.core.ApplicationPage page = manager.queue(OLENA, List.of(), null, after, 2);
            page.applications().forEach(a -> seen.add(a.trackingNumber()));
            after = page.next();
            pages++;
        } while (after != null);
        assertEquals(submitted, seen, "every one once, in order (one deadline: by arrival)");
        assertEquals(3, pages);
        assertEquals(null, manager.queue(OLENA, List.of(), null, null, 5).next(), "all on one page: no next");

        ua.igov.platform.core.ApplicationPage mine = manager.mine(TARAS, null, 4);
        assertEquals(List.of(submitted.get(4), submitted.get(3), submitted.get(2), submitted.get(1)),
                mine.applications().stream().map(ApplicationSummary::trackingNumber).toList(), "newest first");
        assertEquals(List.of(submitted.get(0)), manager.mine(TARAS, mine.next(), 4).applications().stream()
                .map(ApplicationSummary::trackingNumber).toList());
        String hers = manager.submit(LESYA, "residence-registration", json(VALID)).trackingNumber();
        assertEquals(List.of(hers), manager.mine(LESYA, null, 4).applications().stream()
                .map(ApplicationSummary::trackingNumber).toList());
        assertEquals(List.of(), manager.mine(LESYA, mine.next(), 4).applications(),
                "Taras's position moves through Lesya's own list only: hers came after it, his are not hers");
    }

    @Test
    void aPositionNoListGaveIsRefusedNamingIt() {
        for (String after : List.of("", "abc", "MTIz", "bm90LWEtcG9zaXRpb24", "x".repeat(100), "LS4tMQ")) {
            ProblemException bad = problem(() -> manager.queue(OLENA, List.of("paid"), null, after, 2));
            assertEquals(400, bad.status(), after);
            assertEquals(List.of("status", "after"), bad.fieldProblems().stream().map(FieldProblem::field).toList(),
                    "every mistake at once: " + after);
            assertEquals("after", problem(() -> manager.mine(TARAS, after, 2)).fieldProblems().get(0).field());
        }
        // "-.5": the queue's position after an application with no deadline; a citizen's list has none such
        assertEquals(0, manager.queue(OLENA, List.of(), null, "LS41", 2).applications().size());
        assertEquals("after", problem(() -> manager.mine(TARAS, "LS41", 2)).fieldProblems().get(0).field());
    }

    @Test
    void eachKindOfBadSubmissionGetsItsOwnProblemAndNothingIsStored() {
        assertEquals("unknown-service", problem(() -> manager.submit(TARAS, "no-such-service", json(VALID))).type());
        assertEquals("malformed-json", problem(() -> manager.submit(TARAS, "residence-registration", json("{\"region\": "))).type());
        assertEquals("malformed-json", problem(() -> manager.submit(TARAS, "residence-registration", json(""))).type());
        assertEquals("invalid-request", problem(() -> manager.submit(TARAS, "residence-registration", json("[1,2]"))).type());
        ProblemException invalid = problem(() -> manager.submit(TARAS, "residence-registration",
                json("{\"region\": \"testland\", \"form\": {\"lastName\": \"\"}}")));
        assertEquals(List.of("/birthDate", "/lastName"), invalid.fieldProblems().stream().map(FieldProblem::field).toList());
        ProblemException nullField = problem(() -> manager.submit(TARAS, "residence-registration",
                json("{\"region\": \"testland\", \"form\": {\"lastName\": null, \"birthDate\": \"1990-03-09\"}}")));
        assertEquals(422, nullField.status());
        for (String place : List.of("1.5", "4294967297", "\"1\"", "true")) { // never silently another place
            ProblemException wrongPlace = problem(() -> manager.submit(TARAS, "residence-registration",
                    json("{\"region\": \"testland\", \"placeId\": " + place + ", \"form\": {\"lastName\": \"Шевченко\", "
                            + "\"birthDate\": \"1990-03-09\"}}")));
            assertEquals("/placeId", wrongPlace.fieldProblems().get(0).field(), place);
        }
        assertEquals(0, stores.applications.countApplications());
    }

    @Test
    void theHandlersRejectionReachesTheCitizenAndNothingIsStored() {
        handler = submission -> {
            throw new SubmissionRejectedException(List.of(new FieldProblem("/lastName", "not in the register")));
        };
        assertEquals("/lastName", problem(() -> submit()).fieldProblems().get(0).field());
        assertEquals(0, stores.applications.countApplications());
    }

    @Test
    void aPluginThatThrowsFailsOnlyItsRequestWithA502AndStoresNothing() {
        handler = submission -> {
            throw new NullPointerException("a bug in the plugin");
        };
        ProblemException problem = problem(() -> submit());
        assertEquals(502, problem.status());
        assertEquals("plugin-failed", problem.type());
        assertFalse(problem.detail().contains("NullPointer"), "no internals in what the citizen reads");
        assertEquals(0, stores.applications.countApplications());
        handler = SubmissionHandler.ACCEPT_ALL;
        assertNotNull(submit(), "the next request is served");
    }

    @Test
    void aPluginThatHangsIsCutOffByTheTimeout() {
        handler = submission -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        long start = System.nanoTime();
        ProblemException problem = problem(() -> submit());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, problem.status());
        assertTrue(millis < 5_000, "answered after " + millis + " ms");
        assertEquals(0, stores.applications.countApplications());
    }

    /** It throws, gives no document, or one whose value cannot be read: a 502 each, recorded, never a 500. */
    @Test
    void aPluginThatCannotIssueLeavesTheApplicationApproved() {
        for (String fault : List.of("throws", "null", "bad-value")) {
            String n = submit();
            manager.act(OLENA, n, "claim", null);
            manager.act(OLENA, n, "approve", null);
            documentFault = fault;
            assertEquals(502, problem(() -> manager.act(OLENA, n, "issue", null)).status(), fault);
            ApplicationView waiting = manager.application(TARAS, n);
            assertEquals("approved", waiting.status());
            ApplicationView.Step failed = waiting.history().get(waiting.history().size() - 1);
            assertEquals("issue-failed", failed.action(), "the citizen sees why no document came yet");
            assertTrue(failed.note().contains("residence-registration"), failed.note());
            assertEquals(List.of("issue"), manager.application(OLENA, n).actions(), "and the official can retry");
            documentFault = null;
            assertEquals("issued", manager.act(OLENA, n, "issue", null).status());
        }
    }

    @Test
    void aServiceWhosePluginLeftIsNotInstalledNotUnknown() {
        plugins.type = null;
        assertEquals("service-not-installed", problem(() -> submit()).type());
    }

    @Test
    void anApplicationWhosePluginLeftWaitsReadableAndMovesAgainWhenItReturns() {
        String n = submit();
        manager.act(OLENA, n, "claim", null);
        InstalledServiceType installed = plugins.type;
        plugins.type = null;

        ApplicationView waiting = manager.application(OLENA, n);
        assertEquals("in_review", waiting.status());
        assertEquals("Шевченко", waiting.form().get("lastName"));
        assertEquals(List.of(), waiting.actions(), "no step is offered while the plugin is away");
        assertEquals("Шевченко", manager.application(TARAS, n).form().get("lastName"));
        ProblemException paused = problem(() -> manager.act(OLENA, n, "approve", null));
        assertEquals(503, paused.status());
        assertEquals("service-not-installed", paused.type());
        assertEquals("in_review", manager.application(TARAS, n).status(), "nothing was changed");

        plugins.type = installed;
        assertEquals(List.of("approve", "reject", "request-information"),
                manager.application(OLENA, n).actions().stream().sorted().toList());
        assertEquals("approved", manager.act(OLENA, n, "approve", null).status());
    }

    @Test
    void applicationsInFlightFinishOnTheirFormVersionsWorkflowAndNewOnesUseTheUpdatedOne() {
        install(withWorkflow("1.0", supervisorVerifiesFirst(1))); // version 1 has a step of its own
        String old = submit();

        install(withWorkflow("2.0", Workflow.DEFAULT)); // the update: a new form version with the default workflow
        String fresh = submit();
        assertEquals("2.0", manager.application(TARAS, fresh).formVersion());
        assertEquals(List.of("claim"), manager.application(OLENA, fresh).actions());

        assertEquals("1.0", manager.application(TARAS, old).formVersion());
        assertEquals(List.of(), manager.application(OLENA, old).actions(), "an official cannot verify");
        assertEquals(List.of("verify"), manager.application(SUPERVISOR, old).actions());
        assertEquals(404, problem(() -> manager.act(OLENA, old, "claim", null)).status(), "v2's steps are not v1's");
        assertEquals("in_review", manager.act(SUPERVISOR, old, "verify", null).status());
        assertEquals("approved", manager.act(OLENA, old, "approve", null).status());
    }

    /**
     * A plugin update that changes the workflow but keeps the form version: the workflow recorded with that version
     * goes on ruling, for applications in flight and new ones alike, so a node still on the old plugin and a node on
     * the new one offer the same steps and give the same deadlines.
     */
    @Test
    void aChangedWorkflowWithoutANewFormVersionChangesNothing() {
        install(withWorkflow("1.0", supervisorVerifiesFirst(7)));
        String inFlight = submit();
        install(withWorkflow("1.0", Workflow.DEFAULT)); // the careless update
        String fresh = submit();
        for (String n : List.of(inFlight, fresh)) {
            assertEquals(List.of("verify"), manager.application(SUPERVISOR, n).actions(), n);
            assertEquals(404, problem(() -> manager.act(OLENA, n, "claim", null)).status(), "DEFAULT's claim is not a step");
        }
        assertEquals(manager.application(TARAS, inFlight).dueAt(), manager.application(TARAS, fresh).dueAt(),
                "both given the recorded 7 working days");
        assertEquals("in_review", manager.act(SUPERVISOR, fresh, "verify", null).status());
    }

    /**
     * A plugin's workflow that gives a citizen the authority's steps (a mistake, or worse) gives them nothing: a
     * citizen never claims, decides, issues or hands over an application, not even their own. Before, the claim
     * failed with a ClassCastException (a 500), and a citizen could approve their own application. Such a plugin is
     * now refused when it arrives; a form version recorded with such a workflow before that (its applications follow
     * the recorded one) still gives citizens nothing.
     */
    @Test
    void aWorkflowGivingCitizensTheAuthoritysStepsGivesThemNothing() {
        Set<Role> everyone = Set.of(Role.CITIZEN, Role.OFFICIAL, Role.SUPERVISOR);
        ServiceType careless = withWorkflow("4.0", new Workflow(List.of(
                new Transition("claim", Set.of(Status.SUBMITTED), Status.IN_REVIEW, everyone),
                new Transition("reassign", Set.of(Status.IN_REVIEW), Status.IN_REVIEW, everyone),
                new Transition("approve", Set.of(Status.IN_REVIEW), Status.APPROVED, everyone),
                new Transition("issue", Set.of(Status.APPROVED), Status.ISSUED, everyone),
                new Transition("withdraw", Set.of(Status.SUBMITTED, Status.IN_REVIEW), Status.CANCELLED, everyone)),
                Map.of()));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> install(careless));
        assertTrue(refused.getMessage().contains("only staff decide"), refused.getMessage());
        // recorded by an earlier platform, served now by a plugin of the same form version
        plugins.type = new InstalledServiceType(withWorkflow("4.0", Workflow.DEFAULT),
                FormSchema.compile(careless.form().jsonSchema()), new PluginOrigin("svc", "4.0"));
        stores.applications.rememberServiceType(new ServiceTypeRecord(careless.code(), "Реєстрація", null, "4.0",
                careless.form().jsonSchema(), "4.0", WorkflowJson.write(careless.workflow())));
        String n = submit();
        assertEquals(List.of("withdraw"), manager.application(TARAS, n).actions(), "a step of the plugin's own stays");
        assertEquals(403, problem(() -> manager.act(TARAS, n, "claim", null)).status());
        assertEquals("in_review", manager.act(OLENA, n, "claim", null).status());
        assertEquals(403, problem(() -> manager.act(TARAS, n, "reassign", json("{\"official\": \"petro\"}"))).status());
        assertEquals(403, problem(() -> manager.act(TARAS, n, "approve", null)).status());
        assertEquals("in_review", manager.application(TARAS, n).status(), "nothing was changed");
    }

    /** A workflow whose first step, "verify", only a supervisor takes, within {@code submittedDays} working days. */
    private static Workflow supervisorVerifiesFirst(int submittedDays) {
        return new Workflow(List.of(
                new Transition("verify", Set.of(Status.SUBMITTED), Status.IN_REVIEW, Set.of(Role.SUPERVISOR)),
                new Transition("approve", Set.of(Status.IN_REVIEW), Status.APPROVED, Set.of(Role.OFFICIAL))),
                Map.of(Status.SUBMITTED, submittedDays));
    }

    /** What the registry and the recorder do when a plugin version arrives. */
    private void install(ServiceType type) {
        plugins.type = new InstalledServiceType(type, FormSchema.compile(type.form().jsonSchema()), new PluginOrigin("svc", type.form().version()));
        stores.applications.rememberServiceType(new ServiceTypeRecord(type.code(), "Реєстрація", null, type.form().version(),
                type.form().jsonSchema(), type.form().version(), WorkflowJson.write(type.workflow())));
    }

    private ServiceType withWorkflow(String formVersion, Workflow workflow) {
        ServiceType base = serviceType();
        return new ServiceType() {
            public String code() { return base.code(); }
            public LocalizedText name() { return base.name(); }
            public Set<Integer> catalogueServiceIds() { return base.catalogueServiceIds(); }
            public FormDefinition form() { return new FormDefinition(formVersion, base.form().jsonSchema()); }
            public Workflow workflow() { return workflow; }
        };
    }

    /**
     * The database was away when version 3 of the plugin arrived, so its form version was never recorded. The first
     * submission on it records it: the application follows the stored workflow, and a later plugin update without a
     * new form version changes nothing for it.
     */
    @Test
    void aFormVersionNotRecordedOnArrivalIsRecordedByItsFirstSubmission() {
        Workflow own = supervisorVerifiesFirst(3);
        ServiceType version3 = withWorkflow("3.0", own);
        plugins.type = new InstalledServiceType(version3, FormSchema.compile(version3.form().jsonSchema()),
                new PluginOrigin("svc", "3.0.0")); // served, but not recorded
        assertTrue(stores.applications.formSchema("residence-registration", "3.0").isEmpty());

        String n = submit();
        assertEquals(WorkflowJson.write(own), stores.applications.workflow("residence-registration", "3.0").orElseThrow());
        assertEquals(version3.form().jsonSchema(), stores.applications.formSchema("residence-registration", "3.0").orElseThrow());
        plugins.type = new InstalledServiceType(withWorkflow("3.0", Workflow.DEFAULT),
                FormSchema.compile(version3.form().jsonSchema()), new PluginOrigin("svc", "3.0.1"));
        assertEquals(404, problem(() -> manager.act(OLENA, n, "claim", null)).status(),
                "the default workflow's claim is not this application's: it follows the recorded one");
        assertEquals("in_review", manager.act(SUPERVISOR, n, "verify", null).status());
    }

    /**
     * The plugin is updated while a submission on its unrecorded form version is under way: the submission is not
     * accepted (send it again), and the old plugin's name and versions are not written over the new one's.
     */
    @Test
    void aSubmissionBegunBeforeAnUpdateDoesNotRecordTheOldPlugin() {
        ServiceType version3 = withWorkflow("3.0", supervisorVerifiesFirst(3));
        InstalledServiceType version4 = new InstalledServiceType(withWorkflow("4.0", Workflow.DEFAULT),
                FormSchema.compile(version3.form().jsonSchema()), new PluginOrigin("svc", "4.0.0"));
        ServiceType updatedMidway = new ServiceType() {
            public String code() { return version3.code(); }
            public LocalizedText name() { return version3.name(); }
            public Set<Integer> catalogueServiceIds() { return version3.catalogueServiceIds(); }
            public FormDefinition form() { return version3.form(); }
            public Workflow workflow() { return version3.workflow(); }
            public SubmissionHandler handler() { return submission -> plugins.type = version4; }
        };
        plugins.type = new InstalledServiceType(updatedMidway, FormSchema.compile(version3.form().jsonSchema()),
                new PluginOrigin("svc", "3.0.0")); // served, but not recorded

        ProblemException refused = problem(() -> submit());
        assertEquals(503, refused.status());
        assertTrue(refused.detail().contains("updated while"), refused.detail());
        assertEquals(0, stores.applications.countApplications());
        assertTrue(stores.applications.formSchema("residence-registration", "3.0").isEmpty(), "the old one not recorded");
        assertEquals("submitted", manager.application(TARAS, submit()).status(), "sent again, on the new one");
        assertTrue(stores.applications.formSchema("residence-registration", "4.0").isPresent());
    }

    /** Twenty files of at most 5 MiB each bound what one application can make the platform store. */
    @Test
    void anApplicationTakesAtMostTwentyFiles() {
        String n = submit();
        for (int i = 1; i <= ApplicationManager.MAX_ATTACHMENTS; i++) {
            manager.attach(TARAS, n, "сторінка " + i + ".pdf", "application/pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        }
        ProblemException more = problem(() -> manager.attach(TARAS, n, "ще.pdf", "application/pdf",
                "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(409, more.status());
        assertEquals("too-many-attachments", more.type());
        assertEquals(ApplicationManager.MAX_ATTACHMENTS, manager.application(TARAS, n).attachments().size());
    }

    /**
     * The step is stored (with its message to the citizen) and only reading the answer back fails: the caller is
     * told it was taken, not that it was not, which would send them into a retry and a 409.
     */
    @Test
    void aStepStoredButNotReadBackIsNotReportedAsNotTaken() {
        String n = submit();
        manager.attach(TARAS, n, "паспорт.pdf", "application/pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        ApplicationManager cannotReadFiles = new ApplicationManager(plugins, AuditFailing.failing(stores.applications,
                "attachments"), stores.staffNames, new WorkingCalendar(Set.of(), Set.of()),
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), "1", java.time.Duration.ofMillis(300));
        ProblemException answer = problem(() -> cannotReadFiles.act(OLENA, n, "claim", null));
        assertEquals(503, answer.status());
        assertTrue(answer.detail().contains("was taken and saved"), answer.detail());
        assertEquals("in_review", manager.application(TARAS, n).status());
    }

    @Test
    void attachmentsAreCheckedAndDigested() {
        String n = submit();
        ApplicationView.AttachmentView file = manager.attach(TARAS, n, "паспорт.pdf", "application/pdf",
                "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(64, file.sha256().length());
        assertEquals(1, manager.application(TARAS, n).attachments().size());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertEquals("image/png", manager.attach(TARAS, n, "фото.png", "image/png", png).mediaType());
        assertEquals("чай.png", manager.attach(TARAS, n, "ча\u0438\u0306.png", "image/png", png).fileName(),
                "a decomposed й (as a Mac writes it) is one letter, kept composed");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
        assertEquals("image/jpeg", manager.attach(TARAS, n, "скан.jpg", "image/jpeg; charset=x", jpeg).mediaType());
        byte[] scannerJunkFirst = ("\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals("application/pdf", manager.attach(TARAS, n, "a.pdf", "application/pdf", scannerJunkFirst).mediaType(),
                "a PDF header after a few bytes (some scanners write them) is still a PDF");
        for (Object[] lie : new Object[][] {
            {"application/pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)},
            {"application/pdf", "<html><script>alert(1)</script>%PDF-1.4</html>".getBytes(StandardCharsets.UTF_8)},
            {"application/pdf", new byte[] {'M', 'Z', (byte) 0x90, 0}},
            {"application/pdf", "MZ\u0090\u0000 %PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1)},
            {"image/jpeg", png},
            {"image/png", jpeg},
            {"image/png", new byte[] {(byte) 0x89, 'P', 'N'}}}) {
            String named = "a" + ApplicationManager.ATTACHMENT_EXTENSIONS.get((String) lie[0]).get(0);
            ProblemException refused = problem(() -> manager.attach(TARAS, n, named, (String) lie[0], (byte[]) lie[1]));
            assertEquals(422, refused.status(), lie[0] + " " + refused.detail());
            assertEquals("body", refused.fieldProblems().get(0).field());
        }
        assertEquals("application/pdf", manager.attach(TARAS, n, "b.pdf", "application/pdf",
                "\uFEFF\r\n%PDF-1.4\n".getBytes(StandardCharsets.UTF_8)).mediaType(), "a byte order mark, then text");
        assertEquals(6, manager.application(TARAS, n).attachments().size(), "no refused file was stored");
        assertEquals(422, problem(() -> manager.attach(TARAS, n, "x.exe", "application/x-msdownload", new byte[] {1})).status());
        // a program sent as a PDF, with a PDF's first bytes somewhere in it, would be saved by a downloader as a program
        byte[] pdfInside = "MZ\u0090\u0000 %PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
        for (String name : List.of("scan.exe", "scan", ".", "..", "scan.pdf.exe", "scan.jpg", "scan.pdf ", " scan.pdf",
                "\u3164.pdf", "\u3164.\u3164.pdf", "\u3164scan.pdf", "CON.pdf", "nul.pdf", "Com1.pdf", "COM¹.pdf")) {
            ProblemException misnamed = problem(() -> manager.attach(TARAS, n, name, "application/pdf", pdfInside));
            assertEquals(422, misnamed.status(), name);
            assertEquals("fileName", misnamed.fieldProblems().get(0).field(), name);
        }
        assertEquals("application/pdf", manager.attach(TARAS, n, "СКАН.PDF", "application/pdf",
                "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)).mediaType(), "the ending in any case");
        assertEquals("image/jpeg", manager.attach(TARAS, n, "фото.jpeg", "image/jpeg", jpeg).mediaType());
        assertEquals(413, problem(() -> manager.attach(TARAS, n, "big.pdf", "application/pdf",
                new byte[ApplicationManager.MAX_ATTACHMENT_BYTES + 1])).status());
        assertEquals(404, problem(() -> manager.attach(LESYA, n, "a.pdf", "application/pdf", new byte[] {1})).status());
    }

    /**
     * A file is read into memory only once everything else about the upload is right: another citizen's application,
     * one that does not exist, a decided one, a wrong name or type, or a staff caller never get their body read.
     */
    @Test
    void aFileIsReadOnlyForAnUploadThatMayBeStored() {
        String n = submit();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<byte[]> body = () -> {
            reads.incrementAndGet();
            return "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        };
        assertEquals(404, problem(() -> manager.attach(LESYA, n, "a.pdf", "application/pdf", body)).status());
        assertEquals(404, problem(() -> manager.attach(TARAS, "1-00000099-0", "a.pdf", "application/pdf", body)).status());
        assertEquals(422, problem(() -> manager.attach(TARAS, n, "a.exe", "application/pdf", body)).status());
        assertEquals(422, problem(() -> manager.attach(TARAS, n, "a.pdf", "text/html", body)).status());
        assertEquals(403, problem(() -> manager.attach(OLENA, n, "a.pdf", "application/pdf", body)).status());
        assertEquals(0, reads.get(), "no body read for a refused upload");
        manager.attach(TARAS, n, "a.pdf", "application/pdf", body);
        assertEquals(1, reads.get());
        manager.act(TARAS, n, "cancel", null);
        assertEquals(409, problem(() -> manager.attach(TARAS, n, "b.pdf", "application/pdf", body)).status());
        assertEquals(1, reads.get(), "nor for a decided application");
    }

    @Test
    void theCitizenAndTheAuthoritysStaffDownloadAnAttachmentAndStaffDownloadsAreOnTheRecord() throws Exception {
        String n = submit();
        byte[] scan = "%PDF-1.4".getBytes(StandardCharsets.US_ASCII);
        long id = manager.attach(TARAS, n, "паспорт.pdf", "application/pdf", scan).id();
        String other = submit();
        long othersFile = manager.attach(TARAS, other, "інше.pdf", "application/pdf",
                "%PDF-2.0".getBytes(StandardCharsets.US_ASCII)).id();
        long auditBefore = manager.verifyAudit(OPERATOR).entries();

        AttachmentDownload mine = manager.attachment(TARAS, n, String.valueOf(id));
        assertArrayEquals(scan, mine.content());
        assertEquals("паспорт.pdf", mine.fileName());
        assertEquals("application/pdf", mine.mediaType());
        assertEquals(auditBefore, manager.verifyAudit(OPERATOR).entries(), "the citizen's own file: not audited");

        assertArrayEquals(scan, manager.attachment(OLENA, n, String.valueOf(id)).content());
        String digits = String.valueOf(id);
        String arabicIndic = digits.chars().mapToObj(c -> String.valueOf((char) (c - '0' + 0x0660))).reduce("", String::concat);
        String fullWidth = digits.chars().mapToObj(c -> String.valueOf((char) (c - '0' + 0xFF10))).reduce("", String::concat);
        for (String alias : List.of(" " + digits + " ", "+" + digits, "0" + digits, arabicIndic, fullWidth)) {
            ProblemException refused = problem(() -> manager.attachment(OLENA, n, alias));
            assertEquals(400, refused.status(), "one file, one address: '" + alias + "'");
            assertEquals("malformed-attachment-id", refused.type());
        }
        assertEquals(auditBefore + 1, manager.verifyAudit(OPERATOR).entries());
        try (Connection c = stores.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT actor, detail FROM audit_log WHERE subject = ? "
                     + "AND action = 'read-personal-data'")) {
            ps.setString(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("staff:olena", rs.getString(1));
                assertEquals("attachment " + id + " паспорт.pdf", rs.getString(2));
            }
        }

        assertEquals(404, problem(() -> manager.attachment(LESYA, n, String.valueOf(id))).status(), "another citizen");
        assertEquals(404, problem(() -> manager.attachment(STRANGER, n, String.valueOf(id))).status(), "another authority");
        assertEquals(401, problem(() -> manager.attachment(null, n, String.valueOf(id))).status());
        ProblemException notANumber = problem(() -> manager.attachment(TARAS, n, "1; DROP TABLE attachment"));
        assertEquals(400, notANumber.status());
        assertEquals("attachmentId", notANumber.fieldProblems().get(0).field());
        assertEquals(400, problem(() -> manager.attachment(TARAS, n, "-1")).status());
        assertEquals("unknown-attachment", problem(() -> manager.attachment(TARAS, n, "999999")).type());
        assertEquals("unknown-attachment", problem(() -> manager.attachment(TARAS, n, String.valueOf(othersFile))).type(),
                "a file of another application is not reached through this one");

        ApplicationManager withoutAudit = new ApplicationManager(plugins, AuditFailing.around(stores.applications), stores.staffNames,
                new WorkingCalendar(Set.of(), Set.of()), Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC),
                "1", java.time.Duration.ofMillis(300));
        assertEquals(503, problem(() -> withoutAudit.attachment(OLENA, n, String.valueOf(id))).status(),
                "no record, no download");

        try (Connection c = stores.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE attachment SET content = ? WHERE id = ?")) {
            ps.setBytes(1, new byte[] {37, 80, 68, 70, 45, 50});
            ps.setLong(2, id);
            assertEquals(1, ps.executeUpdate());
        }
        long auditAfter = manager.verifyAudit(OPERATOR).entries();
        ProblemException altered = problem(() -> manager.attachment(OLENA, n, String.valueOf(id)));
        assertEquals(500, altered.status());
        assertEquals("attachment-altered", altered.type());
        assertEquals(auditAfter, manager.verifyAudit(OPERATOR).entries(), "nothing served, nothing read");
    }

    @Test
    void theCitizenTheSupervisorsAndOperatorsSeeWhoDidAndReadWhatWithAnApplication() {
        String n = submit();
        manager.application(OLENA, n);
        manager.act(OLENA, n, "claim", null);
        manager.application(OPERATOR, n);
        String other = submit();
        manager.application(OLENA, other);

        List<String> trail = manager.auditTrail(OPERATOR, n).entries().stream().map(e -> e.actor() + " " + e.action()).toList();
        assertEquals(List.of("citizen:dev:taras submit", "staff:olena read-personal-data", "staff:olena claim",
                "staff:admin read-personal-data", "staff:admin read-personal-data"), trail,
                "every entry about this application, in order, and no other's, this very read included");
        assertEquals(List.of("citizen submit", "staff read-personal-data", "staff claim", "staff read-personal-data",
                        "staff read-personal-data"),
                manager.auditTrail(TARAS, n).entries().stream().map(e -> e.actor() + " " + e.action()).toList(),
                "the citizen sees that staff read and acted, not their logins");
        AuditTrailEntry claim = manager.auditTrail(TARAS, n).entries().get(2);
        assertEquals("submitted -> in_review", claim.detail());
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), claim.at());
        assertEquals("audit trail", manager.auditTrail(TARAS, n).entries().get(4).detail(), "the operator's read of the trail");
        assertEquals(trail.size(), manager.auditTrail(TARAS, n).entries().size(), "a citizen reading their own is not audited");
        List<AuditTrailEntry> bySupervisor = manager.auditTrail(SUPERVISOR, n).entries();
        assertEquals(trail.size() + 1, bySupervisor.size(), "a supervisor's read of the trail is on it");
        assertEquals(SUPERVISOR.name() + " read-personal-data audit trail", bySupervisor.get(trail.size()).actor() + " "
                + bySupervisor.get(trail.size()).action() + " " + bySupervisor.get(trail.size()).detail());

        assertEquals(403, problem(() -> manager.auditTrail(OLENA, n).entries()).status(), "officials see the history");
        assertEquals(404, problem(() -> manager.auditTrail(LESYA, n).entries()).status());
        assertEquals(404, problem(() -> manager.auditTrail(STRANGER, n).entries()).status());
        assertEquals(401, problem(() -> manager.auditTrail(null, n).entries()).status());
        assertEquals(400, problem(() -> manager.auditTrail(TARAS, "1-00000001-7").entries()).status());
    }

    /** A trail read over and over keeps showing its newest entries, and says that older ones are left out. */
    @Test
    void aLongAuditTrailShowsItsNewestEntriesAndSaysOlderOnesAreLeftOut() {
        String n = submit();
        assertFalse(manager.auditTrail(TARAS, n).olderLeftOut());
        List<ua.igov.platform.store.AuditEntry> reads = new java.util.ArrayList<>();
        for (int i = 0; i < ua.igov.platform.core.AuditTrail.MAX_ENTRIES + 10; i++) {
            reads.add(new ua.igov.platform.store.AuditEntry(Instant.parse("2026-11-25T10:00:00Z"), "staff:olena", "read-personal-data", n, "read " + i));
        }
        stores.applications.audit(reads);
        ua.igov.platform.core.AuditTrail trail = manager.auditTrail(TARAS, n);
        assertTrue(trail.olderLeftOut());
        assertEquals(ua.igov.platform.core.AuditTrail.MAX_ENTRIES, trail.entries().size());
        assertEquals("read 10", trail.entries().get(0).detail(), "the submission and the oldest reads are left out");
        assertEquals("read 1009", trail.entries().get(trail.entries().size() - 1).detail(), "the newest read is shown");
    }

    @Test
    void citizensSeeStaffByTheNamesOperatorsGaveThemNeverByTheirLogins() {
        StaffNameManager names = new StaffNameManager(stores.staffNames, StaffAccounts.NONE);
        names.nameStaff(OPERATOR, "olena", json("{\"displayName\": \"Олена Коваленко\"}"));
        String n = submit();
        manager.application(OLENA, n);
        manager.act(OLENA, n, "claim", null);

        ApplicationView seen = manager.application(TARAS, n);
        assertNull(seen.assignedTo());
        assertEquals("Олена Коваленко", seen.assignedToName());
        ApplicationView.Step claim = seen.history().get(1);
        assertEquals("staff", claim.actor());
        assertEquals("Олена Коваленко", claim.actorName());
        assertEquals("citizen", seen.history().get(0).actor());
        assertNull(seen.history().get(0).actorName());
        ApplicationSummary summary = manager.summary(TARAS, n);
        assertNull(summary.assignedTo());
        assertEquals("Олена Коваленко", summary.assignedToName());
        assertEquals("Олена Коваленко", manager.mine(TARAS, 10).get(0).assignedToName());
        AuditTrailEntry read = manager.auditTrail(TARAS, n).entries().get(1);
        assertEquals("staff read-personal-data Олена Коваленко", read.actor() + " " + read.action() + " " + read.actorName());

        // staff see the login and the name
        ApplicationView supervisors = manager.application(SUPERVISOR, n);
        assertEquals("olena", supervisors.assignedTo());
        assertEquals("staff:olena Олена Коваленко", supervisors.history().get(1).actor() + " "
                + supervisors.history().get(1).actorName());
        assertEquals("olena", manager.queue(OLENA, List.of(), 10).get(0).assignedTo());
        assertEquals("Олена Коваленко", manager.queue(OLENA, List.of(), 10).get(0).assignedToName());

        // Petro has no name yet: the citizen sees that staff work it, and still no login
        manager.act(SUPERVISOR, n, "reassign", json("{\"official\": \"petro\"}"));
        manager.act(PETRO, n, "approve", null);
        ApplicationView approved = manager.application(TARAS, n);
        assertNull(approved.assignedTo());
        assertNull(approved.assignedToName());
        assertEquals("staff", approved.history().get(3).actor());
        assertNull(approved.history().get(3).actorName());
        // named before he issues: the document carries his name as it was then
        names.nameStaff(OPERATOR, "petro", json("{\"displayName\": \"Петро Іваненко\"}"));
        manager.act(PETRO, n, "issue", null);
        names.nameStaff(OPERATOR, "petro", json("{\"displayName\": \"Петро Іваненко-Шевчук\"}"));
        ApplicationView issued = manager.application(TARAS, n);
        assertEquals("Петро Іваненко", issued.issuedDocument().get("issuedBy"));
        assertEquals("Петро Іваненко-Шевчук", issued.assignedToName(), "the history and assignment use today's name");

        for (Object citizensView : List.of(issued, manager.summary(TARAS, n), manager.mine(TARAS, 10),
                manager.auditTrail(TARAS, n).entries())) {
            String text = citizensView.toString();
            assertFalse(text.contains("olena") || text.contains("petro") || text.contains("oksana")
                    || text.contains("admin"), text);
        }
    }

    @Test
    void aDocumentIssuedWithTheIssuersLoginShowsCitizensTheirNameInstead() throws Exception {
        String n = submit();
        manager.act(OLENA, n, "claim", null);
        manager.act(OLENA, n, "approve", null);
        manager.act(OLENA, n, "issue", null);
        // as documents were issued before staff had names: the login in issuedBy
        try (Connection c = stores.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE application SET issued_document = ? WHERE tracking_number = ?")) {
            ps.setString(1, "{\"certificate\": \"Довідка\", \"issuedOn\": \"2026-11-25\", \"issuedBy\": \"olena\"}");
            ps.setString(2, n);
            assertEquals(1, ps.executeUpdate());
        }
        assertFalse(manager.application(TARAS, n).issuedDocument().containsKey("issuedBy"), "no name yet: left out");
        assertEquals("Довідка", manager.application(TARAS, n).issuedDocument().get("certificate"));
        new StaffNameManager(stores.staffNames, StaffAccounts.NONE).nameStaff(OPERATOR, "olena",
                json("{\"displayName\": \"Олена Коваленко\"}"));
        assertEquals("Олена Коваленко", manager.application(TARAS, n).issuedDocument().get("issuedBy"));
        assertEquals("olena", manager.application(SUPERVISOR, n).issuedDocument().get("issuedBy"), "staff read the record as stored");
    }

    @Test
    void withoutTheNamesTheCitizenStillGetsTheAnswerAndStillNoLogin() {
        String n = submit();
        manager.act(OLENA, n, "claim", null);
        ua.igov.platform.store.StaffDirectory unreadable = new ua.igov.platform.store.StaffDirectory() {
            public Map<String, String> displayNames(Collection<String> accounts) {
                throw new ua.igov.platform.store.StoreException("the database is away", null);
            }
            public List<ua.igov.platform.store.StaffName> names(int limit) {
                throw new UnsupportedOperationException();
            }
            public Optional<ua.igov.platform.store.StaffName> rename(ua.igov.platform.store.StaffName name,
                    java.util.function.Function<Optional<ua.igov.platform.store.StaffName>, ua.igov.platform.store.AuditEntry> audit) {
                throw new UnsupportedOperationException();
            }
            public Optional<ua.igov.platform.store.StaffName> unname(String account,
                    java.util.function.Function<ua.igov.platform.store.StaffName, ua.igov.platform.store.AuditEntry> audit) {
                throw new UnsupportedOperationException();
            }
        };
        ApplicationManager withoutNames = new ApplicationManager(plugins, stores.applications, unreadable,
                new WorkingCalendar(Set.of(), Set.of()), Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC),
                "1", java.time.Duration.ofMillis(300));
        ApplicationView seen = withoutNames.application(TARAS, n);
        assertEquals("in_review", seen.status());
        assertNull(seen.assignedTo());
        assertEquals("staff", seen.history().get(1).actor());
        assertEquals("olena", withoutNames.summary(OLENA, n).assignedTo());
        withoutNames.act(OLENA, n, "approve", null);
        ProblemException notIssued = problem(() -> withoutNames.act(OLENA, n, "issue", null));
        assertEquals(503, notIssued.status(), "a document is not issued without knowing whose name it carries");
        assertEquals("approved", manager.summary(TARAS, n).status());
    }

    @Test
    void anEditedAuditRowIsFound() throws Exception {
        String n = submit();
        manager.act(OLENA, n, "claim", null);
        manager.application(OLENA, n); // an official's read is audited too
        assertTrue(manager.verifyAudit(OPERATOR).intact());
        assertEquals(3, manager.verifyAudit(OPERATOR).entries());
        try (Connection c = stores.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET detail = 'nothing happened' WHERE action = 'claim'")) {
            assertEquals(1, ps.executeUpdate());
        }
        assertFalse(manager.verifyAudit(OPERATOR).intact());
        assertEquals(2L, manager.verifyAudit(OPERATOR).firstBrokenEntry());
    }

    /** The console's history of an application shows citizens' reasons and officials' questions: an audited read. */
    @Test
    void theConsolesHistoryIsForOperatorsAndOnTheRecord() {
        String n = submit();
        assertEquals(403, problem(() -> manager.status(OLENA, n)).status());
        assertEquals(401, problem(() -> manager.status(null, n)).status());
        assertEquals(n, manager.status(OPERATOR, n).trackingNumber());
        AuditTrailEntry read = manager.auditTrail(OPERATOR, n).entries().get(1);
        assertEquals("staff:admin read-personal-data status and history, on the console",
                read.actor() + " " + read.action() + " " + read.detail());
    }

    /** An account with an authority but neither the official nor the supervisor role is nobody there. */
    @Test
    void anAuthorityWithoutARoleShowsNothing() {
        String n = submit();
        Caller clerk = new Caller.Staff("clerk", Set.of(), Set.of(7), false);
        assertEquals(404, problem(() -> manager.application(clerk, n)).status());
        assertEquals(404, problem(() -> manager.summary(clerk, n)).status());
        assertEquals(403, problem(() -> manager.queue(clerk, List.of(), 10)).status());
        assertEquals(n, manager.application(OLENA, n).trackingNumber(), "an official of the authority sees it");
    }

    @Test
    void mistypedNumbersAreAClearProblem() {
        ProblemException mistyped = problem(() -> manager.application(TARAS, "1-00000001-9"));
        assertEquals(400, mistyped.status());
        assertEquals("malformed-tracking-number", mistyped.type(), "a wrong check digit is a typing mistake, not 404");
        ProblemException garbage = problem(() -> manager.application(TARAS, "x".repeat(10_000)));
        assertEquals("malformed-tracking-number", garbage.type());
        assertTrue(garbage.detail().length() < 400, "the input is not echoed back whole");
    }

    private static final String WITH_CONTACT = "{\"region\": \"testland\", \"placeId\": 1, "
            + "\"contact\": {\"email\": \"taras@example.org\", \"phone\": \"+380 50 123 45 67\", \"language\": \"%s\"}, "
            + "\"form\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-09\"}}";

    private List<ua.igov.platform.store.OutboxMessage> messages(String trackingNumber) {
        return stores.outbox.forApplication(trackingNumber).stream().map(ua.igov.platform.store.OutboxEntry::message).toList();
    }

    @Test
    void aChangedStatusLinkIsInTheNextMessageWithoutARestart() {
        manager.modified(config("1", 5000, "https://igov.example/track/{trackingNumber}"));
        String n = manager.submit(TARAS, "residence-registration", json(String.format(WITH_CONTACT, "uk"))).trackingNumber();
        assertTrue(messages(n).stream().allMatch(m -> m.body().contains("https://igov.example/track/" + n)),
                messages(n).toString());
        assertFalse(manager.apply(config("27", 5000, "https://igov.example/")), "a link without the number is refused");
        String next = manager.submit(TARAS, "residence-registration", json(String.format(WITH_CONTACT, "uk"))).trackingNumber();
        assertTrue(messages(next).get(0).body().contains("https://igov.example/track/" + next), "the refused change changed nothing");
        assertTrue(next.startsWith("1-"), "not even its good origin: " + next);
    }

    /**
     * An operator's typo in etc/ua.igov.platform.core.cfg while the platform serves: the whole change is refused
     * (logged), nothing throws out of Config Admin's call, and citizens go on being served as configured before.
     */
    @Test
    void aBadChangeWhileServingIsRefusedWholeAndTheOldSettingsServeOn() {
        assertTrue(manager.apply(config("27", 5000, "https://igov.example/track/{trackingNumber}")));
        for (ApplicationManager.Config typo : List.of(config("12345", 5000, "https://igov.example/s/{trackingNumber}"),
                config("2x", 5000, "https://igov.example/s/{trackingNumber}"),
                config("", 5000, "https://igov.example/s/{trackingNumber}"),
                config("3", 0, "https://igov.example/s/{trackingNumber}"),
                config("3", -5, "https://igov.example/s/{trackingNumber}"),
                config("3", 600_001, "https://igov.example/s/{trackingNumber}"),
                config("3", 5000, "https://igov.example/s/"))) {
            manager.modified(typo); // as Config Admin calls it: must not throw
            assertFalse(manager.apply(typo));
        }
        String n = manager.submit(TARAS, "residence-registration", json(String.format(WITH_CONTACT, "uk"))).trackingNumber();
        assertTrue(n.startsWith("27-"), n);
        assertTrue(messages(n).get(0).body().contains("https://igov.example/track/" + n), messages(n).toString());
        assertEquals("https://igov.example/track/{trackingNumber}", manager.statusLink());
        assertTrue(manager.apply(config("3", 2000, "https://igov.example/s/{trackingNumber}")), "a good one applies again");
        assertTrue(manager.submit(TARAS, "residence-registration", json(String.format(WITH_CONTACT, "uk")))
                .trackingNumber().startsWith("3-"));
    }

    /** The configuration as Config Admin would hand it over. */
    static ApplicationManager.Config config(String origin, long pluginTimeoutMillis, String statusLink) {
        return (ApplicationManager.Config) java.lang.reflect.Proxy.newProxyInstance(ApplicationManager.Config.class.getClassLoader(),
                new Class<?>[] {ApplicationManager.Config.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "origin" -> origin;
                    case "pluginTimeoutMillis" -> pluginTimeoutMillis;
                    case "statusLink" -> statusLink;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * A service whose notification text hangs: the submission is answered once the plugin's time is up, with the
     * platform's text, while the plugin still hangs. Before, the text was asked for inside the transaction that draws
     * the tracking number, unguarded, holding the database's writer and every other submission behind it.
     */
    @Test
    void aServiceWhoseTextHangsHoldsNoSubmissionAndItsCitizenGetsThePlatformsText() {
        String platforms = manager.submit(TARAS, "residence-registration", json(String.format(WITH_CONTACT, "uk"))).trackingNumber();
        ownSubmitText = true;
        String usual = manager.submit(TARAS, "residence-registration", json(String.format(WITH_CONTACT, "uk"))).trackingNumber();
        assertEquals("Прийнято: " + usual, messages(usual).get(0).subject(), "the service's own text, when it answers");
        java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        submitTextHangsUntil = released;
        Thread safety = new Thread(() -> { // so that the old behaviour fails this test instead of hanging it
            try {
                released.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // ends the test's wait either way
            }
            released.countDown();
        });
        safety.setDaemon(true);
        safety.start();
        try {
            String n = manager.submit(TARAS, "residence-registration", json(String.format(WITH_CONTACT, "uk"))).trackingNumber();
            assertEquals(1, released.getCount(), "answered while the plugin's text still hangs");
            assertEquals(messages(platforms).stream().map(m -> m.body().replace(platforms, "N")).toList(),
                    messages(n).stream().map(m -> m.body().replace(n, "N")).toList(),
                    "the platform's text went instead of the service's");
        } finally {
            released.countDown();
        }
    }

    @Test
    void everyStepTheCitizenShouldKnowOfIsAMessageInTheirLanguageWithNumberAndLink() {
        String n = manager.submit(TARAS, "residence-registration", json(String.format(WITH_CONTACT, "uk"))).trackingNumber();
        List<ua.igov.platform.store.OutboxMessage> submitted = messages(n);
        assertEquals(List.of("email", "sms"), submitted.stream().map(ua.igov.platform.store.OutboxMessage::channel).toList());
        assertEquals("Заяву " + n + " прийнято", submitted.get(0).subject());
        String link = "http://localhost:8181/api/applications/" + n;
        assertTrue(submitted.get(0).body().contains("Реєстрація місця проживання") && submitted.get(0).body().contains(link),
                submitted.get(0).body());
        assertEquals("+380501234567", submitted.get(1).recipient());
        assertEquals("Заяву " + n + " прийнято. Статус: " + link, submitted.get(1).body());

        manager.act(OLENA, n, "claim", null);
        manager.act(OLENA, n, "request-information",
                json("{\"questions\": [{\"field\": \"/birthDate\", \"question\": \"Уточніть дату народження\"}]}"));
        assertTrue(messages(n).get(4).body().contains("- Уточніть дату народження"), messages(n).get(4).body());
        manager.act(TARAS, n, "answer", json("{\"form\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-10\"}}"));
        manager.act(SUPERVISOR, n, "reassign", json("{\"official\": \"petro\"}"));
        assertEquals(8, messages(n).size(), "a hand-over inside the authority is not the citizen's news");
        manager.act(PETRO, n, "approve", null);
        manager.act(PETRO, n, "issue", null);
        assertEquals(List.of("Заяву N прийнято", "Заява N на розгляді", "Заява N: потрібні уточнення",
                        "Заява N: відповідь отримано", "Заяву N схвалено", "Документ за заявою N видано"),
                messages(n).stream().filter(m -> m.channel().equals("email")).map(m -> m.subject().replace(n, "N")).toList());
        assertTrue(messages(n).stream().allMatch(m -> m.body().contains(n) && m.body().contains(link)));
    }

    @Test
    void englishAndTheServicesOwnTextAndARejectionsReason() {
        String n = manager.submit(TARAS, "residence-registration", json(String.format(WITH_CONTACT, "en"))).trackingNumber();
        assertEquals("Application " + n + " received", messages(n).get(0).subject());
        manager.act(OLENA, n, "claim", null);
        manager.act(OLENA, n, "approve", null);
        ua.igov.platform.store.OutboxMessage approved = messages(n).get(4);
        assertEquals("Registration approved (" + n + ")", approved.subject(), "the plugin's subject, the number added");
        assertEquals("Come to the office with your passport.\n\n" + n + "\n\nhttp://localhost:8181/api/applications/" + n,
                approved.body());

        String m = manager.submit(TARAS, "residence-registration", json(String.format(WITH_CONTACT, "en"))).trackingNumber();
        manager.act(OLENA, m, "claim", null);
        assertEquals(422, problem(() -> manager.act(OLENA, m, "reject", null)).status());
        assertEquals(4, messages(m).size(), "a refused step leaves no message");
        manager.act(OLENA, m, "reject", json("{\"reason\": \"The address does not exist\"}"));
        assertTrue(messages(m).get(4).body().contains("Reason: The address does not exist"));
    }

    @Test
    void whatTheIdentityProviderKnowsFillsInWhatTheSubmissionLeavesOut() {
        Caller mykola = new Caller.CitizenCaller(new Citizen("mykola", "Микола", "dev", "mykola@example.org", "bad", "en"));
        String n = manager.submit(mykola, "residence-registration", json(VALID)).trackingNumber();
        assertEquals(List.of("email:mykola@example.org:Application " + n + " received"), messages(n).stream()
                .map(m -> m.channel() + ":" + m.recipient() + ":" + m.subject()).toList(), "a bad phone from the provider is left out");

        String m = manager.submit(mykola, "residence-registration", json(VALID.replace("\"form\"",
                "\"contact\": {\"phone\": \"+380671112233\", \"language\": \"uk\"}, \"form\""))).trackingNumber();
        assertEquals(List.of("email:mykola@example.org:Заяву " + m + " прийнято", "sms:+380671112233:null"), messages(m).stream()
                .map(x -> x.channel() + ":" + x.recipient() + ":" + x.subject()).toList(), "the submission's own say first");
    }

    /**
     * A form that asks for «Контакти для повідомлень» is written to there: before, only the request's own
     * {@code contact} or the identity provider was, so a citizen who filled in the form's phone got no message. The
     * request's contact still comes first, and a form value the platform could not send to is left out.
     */
    @Test
    void theFormsOwnContactFieldsAreWrittenTo() {
        String n = manager.submit(TARAS, "residence-registration", json(VALID.replace("\"form\": {",
                "\"form\": {\"contacts\": {\"email\": \"taras@example.org\", \"phone\": \"+380 67 111 22 33\"}, "))).trackingNumber();
        assertEquals(List.of("email:taras@example.org", "sms:+380671112233"), messages(n).stream()
                .map(m -> m.channel() + ":" + m.recipient()).toList());

        String m = manager.submit(TARAS, "residence-registration", json(VALID.replace("\"form\": {",
                "\"contact\": {\"phone\": \"+380501234567\"}, \"form\": {\"contacts\": {\"email\": \"not an address\", "
                        + "\"phone\": \"+380671112233\"}, "))).trackingNumber();
        assertEquals(List.of("sms:+380501234567"), messages(m).stream().map(x -> x.channel() + ":" + x.recipient()).toList(),
                "the request's phone first; the form's e-mail is no address");
    }

    /** A contact field the form does not have (a plugin's typo) is left out when the plugin arrives, not read in vain. */
    @Test
    void aContactFieldTheFormDoesNotHaveIsLeftOut() {
        ServiceType typo = new ServiceType() {
            public String code() { return "residence-registration"; }
            public LocalizedText name() { return LocalizedText.of("Реєстрація"); }
            public Set<Integer> catalogueServiceIds() { return Set.of(29); }
            public FormDefinition form() { return serviceType().form(); }
            public Optional<String> contactEmailField() { return Optional.of("/contact/email"); }
            public Optional<String> contactPhoneField() { return Optional.of("/contacts/phone"); }
        };
        InstalledServiceType installed = new InstalledServiceType(typo, FormSchema.compile(typo.form().jsonSchema()),
                new PluginOrigin("svc", "0.1.0"));
        assertEquals(Optional.empty(), installed.contactFields().email());
        assertEquals(Optional.of("/contacts/phone"), installed.contactFields().phone());
    }

    @Test
    void aBadContactIsNamedFieldByFieldAndNothingIsStored() {
        ProblemException bad = problem(() -> manager.submit(TARAS, "residence-registration", json(
                "{\"region\": \"testland\", \"placeId\": 1, \"contact\": {\"email\": \"taras\", \"phone\": \"12345\", "
                        + "\"language\": \"de\", \"fax\": \"1\"}, \"form\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-09\"}}")));
        assertEquals(422, bad.status());
        assertEquals(List.of("/contact/fax", "/contact/email", "/contact/phone", "/contact/language"),
                bad.fieldProblems().stream().map(FieldProblem::field).toList());
        assertEquals(0, stores.applications.countApplications());
        assertEquals(0, stores.outbox.summary().pending());

        String silent = submit(); // no contact: no message, and nothing breaks
        manager.act(OLENA, silent, "claim", null);
        assertEquals(List.of(), messages(silent));
    }

    /** An address goes to a mail server and to the operator's terminal: no escape sequence, line break or space. */
    @Test
    void anAddressWithControlCharactersOrSpacesIsNotOne() {
        for (String email : List.of("taras\u001b[2J@example.org", "taras@exa\u0007mple.org", "ta\u00a0ras@example.org",
                "taras@example.org\u202e", "taras@example.org\r\nRCPT TO:x@y.z")) {
            ProblemException bad = problem(() -> manager.submit(TARAS, "residence-registration", json(
                    "{\"region\": \"testland\", \"placeId\": 1, \"contact\": {\"email\": "
                            + com.fasterxml.jackson.databind.node.TextNode.valueOf(email) + "}, "
                            + "\"form\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-09\"}}")));
            assertEquals("/contact/email", bad.fieldProblems().get(0).field(), email);
        }
        assertEquals(0, stores.applications.countApplications());
    }

    /** Plugins as the registry would present one region and one service type. */
    static final class FakePlugins implements InstalledPlugins {
        RegionIndex region;
        InstalledServiceType type;

        @Override
        public Optional<InstalledServiceType> serviceType(String code) {
            return Optional.ofNullable(type).filter(t -> t.code().equals(code));
        }

        @Override
        public Collection<InstalledServiceType> serviceTypes() {
            return type == null ? List.of() : List.of(type);
        }

        @Override
        public Optional<InstalledServiceType> serviceTypeFor(int id) {
            return Optional.ofNullable(type).filter(t -> t.type().catalogueServiceIds().contains(id));
        }

        @Override
        public Optional<RegionIndex> region(String id) {
            return Optional.ofNullable(region).filter(r -> r.id().equals(id));
        }

        @Override
        public Collection<RegionIndex> regions() {
            return region == null ? List.of() : List.of(region);
        }
    }
}
