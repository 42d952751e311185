package ua.igov.platform.core.internal;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import ua.igov.platform.core.ApplicationReview;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.ModeratedReview;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.PublicReview;
import ua.igov.platform.core.ReviewPolicy;
import ua.igov.platform.spi.Citizen;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.Role;
import ua.igov.platform.store.OutboxEntry;
import ua.igov.platform.store.OutboxMessage;

/** Rating rules on the fixture of {@link StatisticsFixture}: once, only one's own closed application, 1 to 5. */
class RatingManagerTest {

    private static final Caller OLENA = new Caller.Staff("olena", Set.of(Role.OFFICIAL), Set.of(89), false);
    private static final Caller IVAN = new Caller.Staff("ivan", Set.of(Role.OFFICIAL), Set.of(225), false);
    private static final Caller OPERATOR = new Caller.Staff("operator", Set.of(), Set.of(), true);

    private StatisticsFixture fixture;
    private RatingManager ratings;

    @BeforeEach
    void setUp() {
        fixture = new StatisticsFixture();
        ratings = new RatingManager(fixture.stores.applications, fixture.stores.ratings,
                new ApplicationManagerTest.FakePlugins(), Clock.fixed(StatisticsFixture.NOW, ZoneOffset.UTC),
                "https://igov.example/track/{trackingNumber}");
    }

    private static Caller citizen(String name) {
        return new Caller.CitizenCaller(new Citizen(name.toLowerCase(java.util.Locale.ROOT), StatisticsFixture.NAME, "dev"));
    }

    private PublicReview rate(String name, String body) {
        return ratings.rate(citizen(name), fixture.trackingNumber(name), body.getBytes(StandardCharsets.UTF_8));
    }

    private static void fails(int status, String type, Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(status, e.status(), e.detail());
        assertEquals(type, e.type());
    }

    @Test
    void theCitizenRatesTheirClosedApplicationOnce() {
        PublicReview review = rate("A1", "{\"rating\": 5, \"comment\": \"  Швидко і ввічливо \"}");
        assertEquals(5, review.rating());
        assertEquals("Швидко і ввічливо", review.comment());
        assertEquals(LocalDate.of(2026, 11, 25), review.ratedOn());
        fails(409, "already-rated", () -> rate("A1", "{\"rating\": 1}"));
        rate("A2", "{\"rating\": 1}"); // rejected counts as closed too
    }

    @Test
    void theCitizenReadsTheirRatingBackAndWhyItsCommentWasHiddenWhileStaffReadItAsThePublicDoes() {
        String a1 = fixture.trackingNumber("A1");
        fails(404, "not-rated", () -> ratings.review(citizen("A1"), a1));
        rate("A1", "{\"rating\": 2, \"comment\": \"Дзвоніть мені: +380501234567\"}");
        ratings.reply(OLENA, a1, "{\"reply\": \"Перепрошуємо\"}".getBytes(StandardCharsets.UTF_8));

        ApplicationReview own = ratings.review(citizen("A1"), a1);
        assertEquals("Дзвоніть мені: +380501234567", own.comment(), "their own words, as written");
        assertEquals(2, own.rating());
        assertEquals("Перепрошуємо", own.reply());
        assertEquals(LocalDate.of(2026, 11, 25), own.ratedOn());
        ApplicationReview forTheOfficial = ratings.review(OLENA, a1);
        assertEquals("Дзвоніть мені: " + PersonalDataMask.MASK, forTheOfficial.comment(), "as the public reads it");

        ratings.hideComment(OPERATOR, a1, "{\"reason\": \"A phone number in the comment\"}".getBytes(StandardCharsets.UTF_8));
        ApplicationReview hidden = ratings.review(citizen("A1"), a1);
        assertTrue(hidden.commentHidden());
        assertEquals("Дзвоніть мені: +380501234567", hidden.comment(), "the author still reads what they wrote");
        assertEquals("A phone number in the comment", hidden.commentHiddenReason(), "and why it was hidden");
        assertEquals(LocalDate.of(2026, 11, 25), hidden.commentHiddenOn());
        ApplicationReview hiddenForStaff = ratings.review(OLENA, a1);
        assertNull(hiddenForStaff.comment());
        assertNull(hiddenForStaff.commentHiddenReason());
        assertEquals("A phone number in the comment", ratings.review(OPERATOR, a1).commentHiddenReason());

        fails(404, "unknown-application", () -> ratings.review(citizen("A2"), a1)); // another citizen
        fails(404, "unknown-application", () -> ratings.review(IVAN, a1));          // another authority
        fails(401, "unauthenticated", () -> ratings.review(null, a1));
    }

    @Test
    void theCitizenAppealsAHidingAndReadsWhatBecameOfIt() throws Exception {
        String a1 = fixture.trackingNumber("A1");
        byte[] appeal = "{\"reason\": \"Телефон мій, я хочу, щоб мені дзвонили\"}".getBytes(StandardCharsets.UTF_8);
        rate("A1", "{\"rating\": 2, \"comment\": \"Дзвоніть мені: +380501234567\"}");
        fails(409, "nothing-to-appeal", () -> ratings.appeal(citizen("A1"), a1, appeal));
        ratings.hideComment(OPERATOR, a1, "{\"reason\": \"A phone number in the comment\"}".getBytes(StandardCharsets.UTF_8));

        fails(403, "forbidden", () -> ratings.appeal(OLENA, a1, appeal));
        fails(401, "unauthenticated", () -> ratings.appeal(null, a1, appeal));
        fails(404, "unknown-application", () -> ratings.appeal(citizen("A2"), a1, appeal));
        fails(422, "invalid-request", () -> ratings.appeal(citizen("A1"), a1, "{}".getBytes()));
        ApplicationReview pending = ratings.appeal(citizen("A1"), a1, appeal);
        assertEquals("pending", pending.appealOutcome());
        assertEquals(LocalDate.of(2026, 11, 25), pending.appealedOn());
        fails(409, "nothing-to-appeal", () -> ratings.appeal(citizen("A1"), a1, appeal));

        ModeratedReview queued = ratings.uncheckedReviews(OPERATOR, 50).get(0);
        assertEquals(a1, queued.trackingNumber(), "the appeal is on the operators' queue");
        assertEquals("Телефон мій, я хочу, щоб мені дзвонили", queued.appeal());
        assertNull(ratings.review(OLENA, a1).appealOutcome(), "the authority is not told of the appeal");

        ratings.markChecked(OPERATOR, a1); // not upheld: the comment stays hidden
        assertEquals("rejected", ratings.review(citizen("A1"), a1).appealOutcome());
        ratings.showComment(OPERATOR, a1, "{\"reason\": \"On second thought\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("upheld", ratings.review(citizen("A1"), a1).appealOutcome());
        List<Audited> appeals = audit("appeal-review-hiding");
        assertEquals(1, appeals.size(), "audited once: refused appeals wrote nothing");
        assertEquals("Телефон мій, я хочу, щоб мені дзвонили", appeals.get(0).detail());

        // the authority's supervisor reads the trail: that there was a hiding and an appeal, not what they said
        ApplicationManager applications = new ApplicationManager(new ApplicationManagerTest.FakePlugins(),
                fixture.stores.applications, fixture.stores.staffNames, new WorkingCalendar(Set.of(), Set.of()),
                Clock.fixed(StatisticsFixture.NOW, ZoneOffset.UTC), "1", java.time.Duration.ofMillis(300));
        Caller supervisor = new Caller.Staff("oksana", Set.of(Role.SUPERVISOR), Set.of(89), false);
        java.util.Map<String, String> bySupervisor = new java.util.HashMap<>();
        applications.auditTrail(supervisor, a1).entries().forEach(e -> bySupervisor.put(e.action(), String.valueOf(e.detail())));
        for (String moderated : List.of("appeal-review-hiding", "hide-review-comment", "show-review-comment")) {
            assertEquals("null", bySupervisor.get(moderated), moderated);
        }
        assertEquals("rating 2", bySupervisor.get("rate"), "the rest as it is");
        assertTrue(applications.auditTrail(OPERATOR, a1).entries().stream().anyMatch(e ->
                "Телефон мій, я хочу, щоб мені дзвонили".equals(e.detail())), "operators read it whole");
    }

    @Test
    void theAuthorIsToldOfAReplyAHidingAShowingAndARejectedAppealInTheirLanguage() {
        String a1 = fixture.trackingNumber("A1");
        rate("A1", "{\"rating\": 2, \"comment\": \"Дзвоніть мені: +380501234567\"}");
        assertEquals(List.of(), messages(a1), "rating is the citizen's own act: nothing to tell");
        ratings.reply(OLENA, a1, "{\"reply\": \"Перепрошуємо за затримку\"}".getBytes(StandardCharsets.UTF_8));
        ratings.hideComment(OPERATOR, a1, "{\"reason\": \"Номер телефону в коментарі\"}".getBytes(StandardCharsets.UTF_8));
        ratings.appeal(citizen("A1"), a1, "{\"reason\": \"Це мій номер\"}".getBytes(StandardCharsets.UTF_8));
        ratings.markChecked(OPERATOR, a1); // the appeal rejected
        ratings.showComment(OPERATOR, a1, "{\"reason\": \"Номер прибрано з публікації\"}".getBytes(StandardCharsets.UTF_8));

        List<OutboxMessage> told = messages(a1);
        assertEquals(List.of("Заява " + a1 + ": відповідь на ваш відгук", "Заява " + a1 + ": ваш коментар приховано",
                "Заява " + a1 + ": скаргу на приховування коментаря відхилено",
                "Заява " + a1 + ": ваш коментар знову опубліковано"), told.stream().map(OutboxMessage::subject).toList(),
                "the appeal itself is the citizen's act, so it is not among them");
        assertTrue(told.stream().allMatch(m -> m.recipient().equals("a1@example.ua") && m.channel().equals("email")));
        assertTrue(told.get(0).body().contains("Перепрошуємо за затримку"), told.get(0).body());
        assertTrue(told.get(1).body().contains("Причина: Номер телефону в коментарі"), told.get(1).body());
        assertTrue(told.get(1).body().contains("оскаржити"), "the hiding message says an appeal is possible");
        assertTrue(told.get(2).body().contains("Причина приховування: Номер телефону в коментарі"), told.get(2).body());
        assertTrue(told.get(3).body().contains("Номер прибрано з публікації"), told.get(3).body());
        assertTrue(told.stream().allMatch(m -> m.body().contains("https://igov.example/track/" + a1)), "the link in each");
        assertTrue(told.stream().allMatch(m -> m.body().contains(StatisticsFixture.RESIDENCE)),
                "the service by name (its code when no plugin or record names it)");

        // a check with no appeal waiting tells nothing; neither does a refused change
        String a2 = fixture.trackingNumber("A2");
        rate("A2", "{\"rating\": 1, \"comment\": \"Slow\"}");
        ratings.markChecked(OPERATOR, a2);
        fails(409, "nothing-to-check", () -> ratings.markChecked(OPERATOR, a2));
        fails(409, "no-hidden-comment", () -> ratings.showComment(OPERATOR, a2, "{\"reason\": \"x\"}".getBytes()));
        assertEquals(List.of(), messages(a2));
        ratings.hideComment(OPERATOR, a2, "{\"reason\": \"Off topic\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("Application " + a2 + ": your comment was hidden"),
                messages(a2).stream().map(OutboxMessage::subject).toList(), "in the language the citizen chose");

        // once rejected, a later reply and check do not reject the appeal a second time
        ratings.appeal(citizen("A2"), a2, "{\"reason\": \"It was on topic\"}".getBytes(StandardCharsets.UTF_8));
        ratings.markChecked(OPERATOR, a2);
        ratings.reply(OLENA, a2, "{\"reply\": \"Sorry\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("rejected", ratings.review(citizen("A2"), a2).appealOutcome());
        ratings.markChecked(OPERATOR, a2);
        assertEquals(1, messages(a2).stream().filter(m -> m.subject().contains("appeal")).count());
    }

    @Test
    void withPremoderationTextsArePublishedOnlyOnceAnOperatorLookedAndAReplyCannotWithdrawAComment() throws Exception {
        byte[] on = "{\"premoderation\": true}".getBytes(StandardCharsets.UTF_8);
        fails(401, "unauthenticated", () -> ratings.changeReviewPolicy(null, on));
        fails(403, "forbidden", () -> ratings.changeReviewPolicy(OLENA, on)); // the authority judged: never
        fails(403, "forbidden", () -> ratings.reviewPolicy(citizen("A1")));
        fails(422, "invalid-request", () -> ratings.changeReviewPolicy(OPERATOR, "{\"premoderation\": \"yes\"}".getBytes()));
        fails(422, "invalid-request", () -> ratings.changeReviewPolicy(OPERATOR, "{\"premod\": true}".getBytes()));
        fails(400, "malformed-json", () -> ratings.changeReviewPolicy(OPERATOR, "{\"premoderation\": tru".getBytes()));
        fails(422, "invalid-request", () -> ratings.changeReviewPolicy(OPERATOR, new byte[0]));
        assertFalse(ratings.reviewPolicy(OPERATOR).premoderation(), "off as installed");
        ReviewPolicy changed = ratings.changeReviewPolicy(OPERATOR, on);
        assertTrue(changed.premoderation());
        assertEquals("operator", changed.changedBy());
        assertEquals(StatisticsFixture.NOW, changed.changedAt());
        fails(409, "policy-unchanged", () -> ratings.changeReviewPolicy(OPERATOR, on));
        assertEquals(List.of(new Audited("set-review-premoderation", null, "staff:operator", "on")),
                audit("set-review-premoderation"), "on the record once");
        String a1 = fixture.trackingNumber("A1");
        PublicReview answered = rate("A1", "{\"rating\": 2, \"comment\": \"Черга на дві години\"}");
        assertNull(answered.comment(), "held back even in the answer to its author, which is the public form");
        assertTrue(answered.awaitingModeration());
        PublicReview listed = only(ratings.reviews(StatisticsFixture.RESIDENCE, 50));
        fails(404, "unknown-service", () -> ratings.reviews("residence-registraton", 50));
        ApplicationManagerTest.FakePlugins residenceInstalled = new ApplicationManagerTest.FakePlugins();
        residenceInstalled.type = new InstalledServiceType(new ua.igov.platform.spi.ServiceType() {
            public String code() { return StatisticsFixture.RESIDENCE; }
            public ua.igov.platform.spi.LocalizedText name() { return ua.igov.platform.spi.LocalizedText.of("Реєстрація"); }
            public Set<Integer> catalogueServiceIds() { return Set.of(29); }
            public ua.igov.platform.spi.FormDefinition form() { return new ua.igov.platform.spi.FormDefinition("1.0", "{}"); }
        }, FormSchema.compile("{}"), new PluginOrigin("svc", "1"));
        assertEquals(List.of(listed), new RatingManager(fixture.stores.applications, fixture.stores.ratings, residenceInstalled,
                Clock.fixed(StatisticsFixture.NOW, ZoneOffset.UTC), "https://igov.example/status/{trackingNumber}")
                .reviews("29", 50), "a catalogue id lists its service type's reviews, as applying takes it");
        assertEquals(2, listed.rating(), "the rating counts at once");
        assertNull(listed.comment());
        assertTrue(listed.awaitingModeration());
        assertFalse(listed.commentHidden(), "held back is not hidden");
        assertEquals("Черга на дві години", ratings.review(citizen("A1"), a1).comment(), "its author reads it");

        ratings.markChecked(OPERATOR, a1);
        listed = only(ratings.reviews(StatisticsFixture.RESIDENCE, 50));
        assertEquals("Черга на дві години", listed.comment());
        assertFalse(listed.awaitingModeration());

        PublicReview replied = ratings.reply(OLENA, a1, "{\"reply\": \"Додали вікно\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("Черга на дві години", replied.comment(), "the authority's reply does not withdraw the comment");
        assertNull(replied.reply());
        assertNull(replied.repliedOn());
        assertTrue(replied.awaitingModeration());
        ratings.markChecked(OPERATOR, a1);
        assertEquals("Додали вікно", only(ratings.reviews(StatisticsFixture.RESIDENCE, 50)).reply());

        ratings.changeReviewPolicy(OPERATOR, "{\"premoderation\": false}".getBytes(StandardCharsets.UTF_8));
        rate("A2", "{\"rating\": 1, \"comment\": \"Slow\"}");
        assertTrue(ratings.reviews(StatisticsFixture.RESIDENCE, 50).stream()
                .anyMatch(r -> "Slow".equals(r.comment()) && !r.awaitingModeration()), "off again: published at once");
    }

    /**
     * With pre-moderation on, an operator hides an offending comment of a review whose reply waits for approval. The
     * operator decided about the comment; the reply may have come after they opened the list, so it is not published
     * unseen: it stays held, and the review stays on the queue until an operator checks it. Showing a hidden comment
     * again is the same.
     */
    @Test
    void hidingOrShowingACommentPublishesNoReplyUnseen() throws Exception {
        ratings.changeReviewPolicy(OPERATOR, "{\"premoderation\": true}".getBytes(StandardCharsets.UTF_8));
        String a1 = fixture.trackingNumber("A1");
        rate("A1", "{\"rating\": 1, \"comment\": \"Образливий коментар\"}");
        ratings.reply(OLENA, a1, "{\"reply\": \"Перепрошуємо за чергу\"}".getBytes(StandardCharsets.UTF_8));
        assertNull(only(ratings.reviews(StatisticsFixture.RESIDENCE, 50)).reply(), "held back");
        ratings.hideComment(OPERATOR, a1, "{\"reason\": \"Образи\"}".getBytes(StandardCharsets.UTF_8));
        assertNull(only(ratings.reviews(StatisticsFixture.RESIDENCE, 50)).reply(), "still held back");
        assertEquals(List.of(a1), ratings.uncheckedReviews(OPERATOR, 50).stream().map(ModeratedReview::trackingNumber)
                .toList(), "the reply waits for a look");
        ratings.markChecked(OPERATOR, a1, null);
        PublicReview checked = only(ratings.reviews(StatisticsFixture.RESIDENCE, 50));
        assertEquals("Перепрошуємо за чергу", checked.reply());
        assertFalse(checked.awaitingModeration());

        String a2 = fixture.trackingNumber("A2");
        rate("A2", "{\"rating\": 2, \"comment\": \"Довго\"}");
        ratings.hideComment(OPERATOR, a2, "{\"reason\": \"Перевірка\"}".getBytes(StandardCharsets.UTF_8));
        ratings.reply(OLENA, a2, "{\"reply\": \"Виправимо\"}".getBytes(StandardCharsets.UTF_8));
        ratings.showComment(OPERATOR, a2, "{\"reason\": \"Нічого образливого\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(ratings.reviews(StatisticsFixture.RESIDENCE, 50).stream()
                .anyMatch(r -> "Довго".equals(r.comment()) && r.reply() == null), "the comment published, the reply held");
    }

    /**
     * The operator looked at the list, then a reply came, then the operator clicked "checked" with what they saw:
     * nothing is approved unseen (409); read again, the check goes through and publishes the reply they now saw.
     */
    @Test
    void aCheckOfWhatTheOperatorSawDoesNotApproveWhatCameAfter() throws Exception {
        ratings.changeReviewPolicy(OPERATOR, "{\"premoderation\": true}".getBytes(StandardCharsets.UTF_8));
        String a1 = fixture.trackingNumber("A1");
        rate("A1", "{\"rating\": 3, \"comment\": \"Нормально\"}");
        ModeratedReview looked = ratings.uncheckedReviews(OPERATOR, 10).get(0);
        assertNull(looked.repliedAt());
        ratings.reply(OLENA, a1, "{\"reply\": \"Дякуємо\"}".getBytes(StandardCharsets.UTF_8)); // after the look
        fails(409, "changed-meanwhile", () -> ratings.markChecked(OPERATOR, a1,
                "{\"repliedAt\": null, \"appealedAt\": null}".getBytes(StandardCharsets.UTF_8)));
        assertNull(only(ratings.reviews(StatisticsFixture.RESIDENCE, 50)).reply(), "the reply nobody read stays held");
        fails(422, "invalid-request", () -> ratings.markChecked(OPERATOR, a1,
                "{\"repliedAt\": \"yesterday\"}".getBytes(StandardCharsets.UTF_8)));
        for (String never : List.of("+10000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "+1000000000-12-31T23:59:59Z")) {
            // a time no database holds is a bad request, not a 503 that asks to try again
            fails(422, "invalid-request", () -> ratings.markChecked(OPERATOR, a1,
                    ("{\"appealedAt\": \"" + never + "\"}").getBytes(StandardCharsets.UTF_8)));
        }

        ModeratedReview again = ratings.uncheckedReviews(OPERATOR, 10).get(0);
        ratings.markChecked(OPERATOR, a1, ("{\"repliedAt\": \"" + again.repliedAt() + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals("Дякуємо", only(ratings.reviews(StatisticsFixture.RESIDENCE, 50)).reply());
    }

    private static PublicReview only(List<PublicReview> reviews) {
        assertEquals(1, reviews.size(), reviews.toString());
        return reviews.get(0);
    }

    @Test
    void whenTheAuthorsContactCannotBeReadNothingIsChangedAndTheAnswerIsA503() {
        String a1 = fixture.trackingNumber("A1");
        rate("A1", "{\"rating\": 2, \"comment\": \"Довго\"}");
        RatingManager withoutContacts = new RatingManager(AuditFailing.failing(fixture.stores.applications, "contact"),
                fixture.stores.ratings, new ApplicationManagerTest.FakePlugins(),
                Clock.fixed(StatisticsFixture.NOW, ZoneOffset.UTC), ApplicationManager.DEFAULT_STATUS_LINK);
        ProblemException e = assertThrows(ProblemException.class, () -> withoutContacts.hideComment(OPERATOR, a1,
                "{\"reason\": \"Образа\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(503, e.status());
        assertTrue(e.detail().contains("nothing was changed"), e.detail());
        assertFalse(fixture.stores.ratings.review(a1).orElseThrow().commentHidden());
        assertEquals(List.of(), messages(a1));
    }

    private List<OutboxMessage> messages(String trackingNumber) {
        return fixture.stores.outbox.forApplication(trackingNumber).stream().map(OutboxEntry::message).toList();
    }

    @Test
    void onlyTheOwnerOfAnIssuedOrRejectedApplicationRates() {
        fails(404, "unknown-application", () -> ratings.rate(citizen("A2"), fixture.trackingNumber("A1"),
                "{\"rating\": 1}".getBytes(StandardCharsets.UTF_8)));
        fails(409, "not-closed", () -> rate("A6", "{\"rating\": 5}"));   // in review
        fails(409, "not-closed", () -> rate("A7", "{\"rating\": 5}"));   // cancelled by the citizen
        fails(403, "forbidden", () -> ratings.rate(OLENA, fixture.trackingNumber("A1"), "{\"rating\": 5}".getBytes()));
        fails(401, "unauthenticated", () -> ratings.rate(null, fixture.trackingNumber("A1"), "{\"rating\": 5}".getBytes()));
    }

    @Test
    void aBadRatingNamesItsField() {
        for (String body : List.of("{\"rating\": 0}", "{\"rating\": 6}", "{\"rating\": \"5\"}", "{\"rating\": 4.5}", "{}",
                "{\"rating\": 4294967297}", "{\"rating\": -4294967291}", "{\"rating\": 99999999999999999999999}")) {
            ProblemException e = assertThrows(ProblemException.class, () -> rate("A1", body));
            assertEquals(422, e.status(), body);
            assertEquals("/rating", e.fieldProblems().get(0).field(), body);
        }
        ProblemException tooLong = assertThrows(ProblemException.class, () ->
                rate("A1", "{\"rating\": 5, \"comment\": \"" + "я".repeat(1001) + "\"}"));
        assertEquals("/comment", tooLong.fieldProblems().get(0).field());
        assertEquals("/name", assertThrows(ProblemException.class, () ->
                rate("A1", "{\"rating\": 5, \"name\": \"Taras\"}")).fieldProblems().get(0).field());
        fails(400, "malformed-json", () -> rate("A1", "{\"rating\": "));
        assertTrue(fixture.stores.ratings.review(fixture.trackingNumber("A1")).isEmpty(), "nothing half-written");
    }

    @Test
    void anOfficialOfTheAuthorityRepliesOnceAndBothAreAudited() throws Exception {
        String a1 = fixture.trackingNumber("A1");
        fails(409, "no-rating-to-reply", () -> ratings.reply(OLENA, a1, "{\"reply\": \"Дякуємо\"}".getBytes(StandardCharsets.UTF_8)));
        rate("A1", "{\"rating\": 4}");
        fails(404, "unknown-application", () -> ratings.reply(IVAN, a1, "{\"reply\": \"x\"}".getBytes()));
        fails(403, "forbidden", () -> ratings.reply(OPERATOR, a1, "{\"reply\": \"x\"}".getBytes()));
        fails(403, "forbidden", () -> ratings.reply(citizen("A1"), a1, "{\"reply\": \"x\"}".getBytes()));
        fails(422, "invalid-request", () -> ratings.reply(OLENA, a1, "{}".getBytes()));

        PublicReview replied = ratings.reply(OLENA, a1, "{\"reply\": \"Дякуємо\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("Дякуємо", replied.reply());
        fails(409, "no-rating-to-reply", () -> ratings.reply(OLENA, a1, "{\"reply\": \"Ще раз\"}".getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of("rate:citizen:dev:a1", "reply-to-rating:staff:olena"), audited(a1));
        assertTrue(fixture.stores.applications.verifyAudit().intact());
    }

    private List<String> audited(String trackingNumber) throws Exception {
        return audit("rate", "reply-to-rating").stream().filter(a -> a.subject().equals(trackingNumber))
                .map(a -> a.action() + ":" + a.actor()).toList();
    }

    /** One entry of the audit trail. */
    private record Audited(String action, String subject, String actor, String detail) {
    }

    /** The audit trail's entries of these actions, in the order they were written. */
    private List<Audited> audit(String... actions) throws Exception {
        try (Connection c = fixture.stores.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT action, subject, actor, detail FROM audit_log "
                     + "WHERE action IN (" + String.join(", ", java.util.Collections.nCopies(actions.length, "?"))
                     + ") ORDER BY occurred_at, seq")) {
            for (int i = 0; i < actions.length; i++) {
                ps.setString(i + 1, actions[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Audited> entries = new java.util.ArrayList<>();
                while (rs.next()) {
                    entries.add(new Audited(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
                return entries;
            }
        }
    }

    @Test
    void publicReviewsCarryNoPersonalData() {
        rate("A1", "{\"rating\": 5, \"comment\": \"Добре\"}");
        rate("A3", "{\"rating\": 3}");
        ratings.reply(OLENA, fixture.trackingNumber("A1"), "{\"reply\": \"Дякуємо\"}".getBytes(StandardCharsets.UTF_8));

        List<PublicReview> reviews = ratings.reviews(StatisticsFixture.RESIDENCE, 50);
        assertEquals(2, reviews.size());
        String published = reviews.toString();
        for (String item : List.of(fixture.trackingNumber("A1"), fixture.trackingNumber("A3"), "olena", "dev:",
                StatisticsFixture.NAME, StatisticsFixture.RNOKPP)) {
            assertFalse(published.contains(item), item + " is in a public review");
        }
        PublicReview a1 = reviews.stream().filter(r -> r.rating() == 5).findFirst().orElseThrow();
        assertEquals("dnipropetrovsk", a1.regionId());
        assertEquals(89, a1.authorityId());
        assertEquals("Дякуємо", a1.reply());
        assertNull(reviews.stream().filter(r -> r.rating() == 3).findFirst().orElseThrow().reply());
        assertTrue(ratings.reviews(StatisticsFixture.LAND, 50).isEmpty());
    }

    @Test
    void anOperatorHidesACommentWithAReasonAndThePublicNoLongerSeesIt() throws Exception {
        String a1 = fixture.trackingNumber("A1");
        rate("A1", "{\"rating\": 2, \"comment\": \"Дзвоніть мені: +380501234567\"}");
        ratings.reply(OLENA, a1, "{\"reply\": \"Перепрошуємо\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals("Дзвоніть мені: " + PersonalDataMask.MASK, ratings.reviews(StatisticsFixture.RESIDENCE, 50).get(0).comment(),
                "the public never reads the phone number, even before an operator looks");
        List<ModeratedReview> toModerate = ratings.reviewsToModerate(OPERATOR, StatisticsFixture.RESIDENCE, 50);
        assertEquals(a1, toModerate.get(0).trackingNumber()); // operators find the review by its application
        assertEquals("Дзвоніть мені: +380501234567", toModerate.get(0).comment());
        assertNull(toModerate.get(0).commentHiddenAt());

        PublicReview hidden = ratings.hideComment(OPERATOR, a1,
                "{\"reason\": \"A phone number in the comment\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(hidden.commentHidden());
        assertNull(hidden.comment());
        PublicReview published = ratings.reviews(StatisticsFixture.RESIDENCE, 50).get(0);
        assertNull(published.comment());
        assertTrue(published.commentHidden());
        assertEquals(2, published.rating());             // the rating still counts
        assertEquals("Перепрошуємо", published.reply()); // the authority's reply stays
        assertFalse(ratings.reviews(StatisticsFixture.RESIDENCE, 50).toString().contains("380501234567"));

        ModeratedReview moderated = ratings.reviewsToModerate(OPERATOR, StatisticsFixture.RESIDENCE, 50).get(0);
        assertEquals("Дзвоніть мені: +380501234567", moderated.comment()); // kept for the record and an appeal
        assertEquals("operator", moderated.commentHiddenBy());
        assertEquals("A phone number in the comment", moderated.commentHiddenReason());
        assertEquals(StatisticsFixture.NOW, moderated.commentHiddenAt());
        fails(409, "no-comment-to-hide", () -> ratings.hideComment(OPERATOR, a1, "{\"reason\": \"again\"}".getBytes()));

        assertEquals(List.of(new Audited("hide-review-comment", a1, "staff:operator", "A phone number in the comment")),
                audit("hide-review-comment"), "the hiding is audited, once");
        // an appeal upheld: shown again (still masked), both decisions in the audit trail
        fails(403, "forbidden", () -> ratings.showComment(OLENA, a1, "{\"reason\": \"x\"}".getBytes()));
        fails(422, "invalid-request", () -> ratings.showComment(OPERATOR, a1, "{}".getBytes()));
        PublicReview shown = ratings.showComment(OPERATOR, a1, "{\"reason\": \"Appeal upheld\"}".getBytes(StandardCharsets.UTF_8));
        assertFalse(shown.commentHidden());
        assertEquals("Дзвоніть мені: " + PersonalDataMask.MASK, shown.comment());
        fails(409, "no-hidden-comment", () -> ratings.showComment(OPERATOR, a1, "{\"reason\": \"x\"}".getBytes()));
        assertEquals(List.of("hide-review-comment: A phone number in the comment", "show-review-comment: Appeal upheld"),
                audit("hide-review-comment", "show-review-comment").stream()
                        .filter(a -> a.subject().equals(a1)).map(a -> a.action() + ": " + a.detail()).toList());
        assertTrue(fixture.stores.applications.verifyAudit().intact());
    }

    /**
     * An authority's reply that repeats the citizen's details: an operator hides it (not the authority itself), with a
     * reason the authority may read; the public sees that there was one; hiding it does not approve a comment that
     * waits, so the review stays on the queue; the authority can write a new reply in its place, which is unchecked
     * and shown; and a hidden reply can be shown again.
     */
    @Test
    void anOperatorHidesAReplyAndTheAuthorityMayWriteANewOne() throws Exception {
        String a1 = fixture.trackingNumber("A1");
        rate("A1", "{\"rating\": 3, \"comment\": \"Довго\"}");
        ratings.reply(OLENA, a1, "{\"reply\": \"Пане Тарасе з вул. Шевченка, 5\"}".getBytes(StandardCharsets.UTF_8));
        byte[] reason = "{\"reason\": \"Адреса заявника у відповіді\"}".getBytes(StandardCharsets.UTF_8);
        fails(403, "forbidden", () -> ratings.hideReply(OLENA, a1, reason));
        fails(422, "invalid-request", () -> ratings.hideReply(OPERATOR, a1, "{}".getBytes()));
        fails(409, "no-hidden-reply", () -> ratings.showReply(OPERATOR, a1, reason));

        PublicReview hidden = ratings.hideReply(OPERATOR, a1, reason);
        assertTrue(hidden.replyHidden());
        assertNull(hidden.reply());
        assertNull(hidden.repliedOn());
        assertEquals("Довго", hidden.comment(), "the comment is not touched");
        PublicReview listed = only(ratings.reviews(StatisticsFixture.RESIDENCE, 50));
        assertTrue(listed.replyHidden());
        assertNull(listed.reply());
        fails(409, "no-reply-to-hide", () -> ratings.hideReply(OPERATOR, a1, reason));
        ModeratedReview moderated = ratings.reviewsToModerate(OPERATOR, StatisticsFixture.RESIDENCE, 50).get(0);
        assertEquals("Пане Тарасе з вул. Шевченка, 5", moderated.reply(), "kept for the record");
        assertEquals("Адреса заявника у відповіді", moderated.replyHiddenReason());
        assertEquals("operator", moderated.replyHiddenBy());
        ApplicationReview forOlena = ratings.review(OLENA, a1);
        assertTrue(forOlena.replyHidden());
        assertEquals("Адреса заявника у відповіді", forOlena.replyHiddenReason(), "the authority learns why");
        assertEquals(StatisticsFixture.NOW, moderated.replyHiddenAt());
        assertNull(moderated.textsCheckedAt(), "the comment still waits for a look: hiding the reply checks no comment");
        ratings.hideComment(OPERATOR, a1, "{\"reason\": \"Образливо\"}".getBytes(StandardCharsets.UTF_8));
        assertNotNull(ratings.reviewsToModerate(OPERATOR, StatisticsFixture.RESIDENCE, 50).get(0).textsCheckedAt(),
                "the comment decided too: nothing waits, the hidden reply was decided on");
        assertFalse(ratings.uncheckedReviews(OPERATOR, 50).stream().anyMatch(r -> r.trackingNumber().equals(a1)));

        PublicReview replaced = ratings.reply(OLENA, a1,
                "{\"reply\": \"Дякуємо, врахуємо\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("Дякуємо, врахуємо", replaced.reply());
        assertFalse(replaced.replyHidden());
        fails(409, "no-rating-to-reply", () -> ratings.reply(OLENA, a1, "{\"reply\": \"ще\"}".getBytes(StandardCharsets.UTF_8)));

        ratings.hideReply(OPERATOR, a1, reason);
        PublicReview shown = ratings.showReply(OPERATOR, a1,
                "{\"reason\": \"Помилка модератора\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("Дякуємо, врахуємо", shown.reply());
        assertFalse(shown.replyHidden());
        assertEquals(List.of("hide-review-reply: Адреса заявника у відповіді", "hide-review-reply: Адреса заявника у відповіді",
                        "show-review-reply: Помилка модератора"),
                audit("hide-review-reply", "show-review-reply").stream().map(a -> a.action() + ": " + a.detail()).toList());
        assertTrue(fixture.stores.applications.verifyAudit().intact());
    }

    /**
     * An operator decides on the reply they saw ({@code repliedAt} from the list): meanwhile another operator hid it,
     * the authority wrote a new one in its place and that was hidden too. Showing "it" again would publish a reply
     * nobody approved, and hiding with an old look would hide one nobody read; both change nothing and say so.
     */
    @Test
    void aDecisionOnAReplyThatWasReplacedSinceTheOperatorsLookChangesNothing() throws Exception {
        String a1 = fixture.trackingNumber("A1");
        rate("A1", "{\"rating\": 3}");
        ratings.reply(OLENA, a1, "{\"reply\": \"Пане Тарасе з вул. Шевченка, 5\"}".getBytes(StandardCharsets.UTF_8));
        java.time.Instant firstReply = ratings.reviewsToModerate(OPERATOR, StatisticsFixture.RESIDENCE, 50).get(0).repliedAt();
        assertEquals(StatisticsFixture.NOW, firstReply);
        ratings.hideReply(OPERATOR, a1, reasonAndReply("Адреса заявника", firstReply));

        RatingManager anHourLater = new RatingManager(fixture.stores.applications, fixture.stores.ratings,
                new ApplicationManagerTest.FakePlugins(), Clock.fixed(StatisticsFixture.NOW.plusSeconds(3600), ZoneOffset.UTC),
                ApplicationManager.DEFAULT_STATUS_LINK);
        anHourLater.reply(OLENA, a1, "{\"reply\": \"Тарасе, телефонуйте 067 123 45 67\"}".getBytes(StandardCharsets.UTF_8));
        anHourLater.hideReply(OPERATOR, a1, reasonAndReply("Телефон у відповіді", StatisticsFixture.NOW.plusSeconds(3600)));

        fails(409, "changed-meanwhile", () -> ratings.showReply(OPERATOR, a1, reasonAndReply("Помилка", firstReply)));
        ModeratedReview now = ratings.reviewsToModerate(OPERATOR, StatisticsFixture.RESIDENCE, 50).get(0);
        assertNotNull(now.replyHiddenAt(), "the second reply stays hidden");
        assertEquals("Телефон у відповіді", now.replyHiddenReason());
        assertEquals(List.of("hide-review-reply", "hide-review-reply"),
                audit("hide-review-reply", "show-review-reply").stream().map(Audited::action).toList(),
                "nothing written for the refused decision");

        PublicReview shown = anHourLater.showReply(OPERATOR, a1, reasonAndReply("Помилка", now.repliedAt()));
        assertTrue(shown.reply().startsWith("Тарасе, телефонуйте"), shown.reply());
        assertFalse(shown.replyHidden());
        fails(409, "changed-meanwhile", () -> ratings.hideReply(OPERATOR, a1, reasonAndReply("Адреса", firstReply)));
        assertNull(ratings.reviewsToModerate(OPERATOR, StatisticsFixture.RESIDENCE, 50).get(0).replyHiddenAt(), "shown, and left shown");

        ProblemException badTime = assertThrows(ProblemException.class, () -> ratings.hideReply(OPERATOR, a1,
                "{\"reason\": \"Адреса\", \"repliedAt\": \"вчора\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, badTime.status());
        assertEquals(List.of("/repliedAt"), badTime.fieldProblems().stream().map(FieldProblem::field).toList());
        fails(422, "invalid-request", () -> ratings.hideComment(OPERATOR, a1,
                "{\"reason\": \"x\", \"repliedAt\": null}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(fixture.stores.applications.verifyAudit().intact());
    }

    private static byte[] reasonAndReply(String reason, java.time.Instant repliedAt) {
        return ("{\"reason\": \"" + reason + "\", \"repliedAt\": \"" + repliedAt + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theModerationListIsAReadOfPersonalDataOnTheRecordForEachCommentShown() throws Exception {
        rate("A1", "{\"rating\": 2, \"comment\": \"Пишіть на a1@example.com\"}");
        rate("A3", "{\"rating\": 4}");
        assertEquals(2, ratings.reviewsToModerate(OPERATOR, StatisticsFixture.RESIDENCE, 50).size());
        assertEquals(List.of(fixture.trackingNumber("A1") + " staff:operator review comment"), personalDataReads(),
                "one entry for the comment shown; a rating without a comment shows nothing a citizen wrote");
        ratings.reviews(StatisticsFixture.RESIDENCE, 50);
        assertEquals(1, personalDataReads().size(), "the public list is masked: not a read of personal data");

        RatingManager withoutAudit = new RatingManager(AuditFailing.around(fixture.stores.applications),
                fixture.stores.ratings, new ApplicationManagerTest.FakePlugins(),
                Clock.fixed(StatisticsFixture.NOW, ZoneOffset.UTC), ApplicationManager.DEFAULT_STATUS_LINK);
        fails(503, "unavailable", () -> withoutAudit.reviewsToModerate(OPERATOR, StatisticsFixture.RESIDENCE, 50));
        assertTrue(fixture.stores.applications.verifyAudit().intact());
    }

    /** The connection broke as the database committed the rating: "nothing was changed" would be false. */
    @Test
    void aRatingTheDatabaseDidNotConfirmIsNotCalledUnsaved() {
        RatingManager unconfirmed = new RatingManager(fixture.stores.applications,
                AuditFailing.unconfirmed(ua.igov.platform.store.RatingStore.class, fixture.stores.ratings, "rate"),
                new ApplicationManagerTest.FakePlugins(), Clock.fixed(StatisticsFixture.NOW, ZoneOffset.UTC),
                ApplicationManager.DEFAULT_STATUS_LINK);
        fails(503, "outcome-unknown", () -> unconfirmed.rate(citizen("A1"), fixture.trackingNumber("A1"),
                "{\"rating\": 4}".getBytes(StandardCharsets.UTF_8)));
        fails(409, "already-rated", () -> rate("A1", "{\"rating\": 4}"));
    }

    private List<String> personalDataReads() throws Exception {
        return audit(ApplicationManager.READ_PERSONAL_DATA).stream()
                .map(a -> a.subject() + " " + a.actor() + " " + a.detail()).toList();
    }

    @Test
    void operatorsWorkThroughTheReviewsNobodyHasLookedAt() throws Exception {
        String a1 = fixture.trackingNumber("A1");
        String a2 = fixture.trackingNumber("A2");
        String a3 = fixture.trackingNumber("A3");
        rate("A1", "{\"rating\": 2, \"comment\": \"Пишіть на a1@example.com\"}");
        rate("A2", "{\"rating\": 1, \"comment\": \"Погано\"}");
        rate("A3", "{\"rating\": 5}");
        List<ModeratedReview> queue = ratings.uncheckedReviews(OPERATOR, 50);
        assertEquals(List.of(a1, a2), queue.stream().map(ModeratedReview::trackingNumber).toList(),
                "stars alone are nothing to look at");
        assertEquals("Пишіть на a1@example.com", queue.get(0).comment()); // as written: the operator judges it
        assertNull(queue.get(0).textsCheckedAt());
        assertNull(queue.get(0).commentApprovedAt());
        assertEquals(2, personalDataReads().size(), "each comment shown is a read of personal data on the record");

        PublicReview checked = ratings.markChecked(OPERATOR, a1);
        assertEquals("Пишіть на " + PersonalDataMask.MASK, checked.comment(), "left published, still masked");
        assertEquals(List.of(a2), ratings.uncheckedReviews(OPERATOR, 50).stream().map(ModeratedReview::trackingNumber).toList());
        ModeratedReview seen = ratings.reviewsToModerate(OPERATOR, StatisticsFixture.RESIDENCE, 50).stream()
                .filter(r -> r.trackingNumber().equals(a1)).findFirst().orElseThrow();
        assertEquals("operator", seen.textsCheckedBy());
        assertEquals(StatisticsFixture.NOW, seen.textsCheckedAt());
        assertEquals(StatisticsFixture.NOW, seen.commentApprovedAt(), "the operator sees when the comment was let out");
        assertNull(seen.replyApprovedAt(), "there is no reply");
        fails(409, "nothing-to-check", () -> ratings.markChecked(OPERATOR, a1));
        fails(409, "nothing-to-check", () -> ratings.markChecked(OPERATOR, a3));
        fails(404, "unknown-application", () -> ratings.markChecked(OPERATOR, TrackingNumbers.format("1", 99_999_999)));

        // the authority replies: new text, back in the queue
        ratings.reply(OLENA, a1, "{\"reply\": \"Ми вам написали\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(a1, a2), ratings.uncheckedReviews(OPERATOR, 50).stream().map(ModeratedReview::trackingNumber).toList());
        assertEquals(1, ratings.uncheckedReviews(OPERATOR, 1).size());

        // only operators: not the authority whose work is judged, not the citizen, not anyone anonymous
        fails(403, "forbidden", () -> ratings.markChecked(OLENA, a2));
        fails(403, "forbidden", () -> ratings.markChecked(citizen("A2"), a2));
        fails(401, "unauthenticated", () -> ratings.markChecked(null, a2));
        fails(403, "forbidden", () -> ratings.uncheckedReviews(OLENA, 50));
        fails(401, "unauthenticated", () -> ratings.uncheckedReviews(null, 50));
        assertEquals(List.of(new Audited("check-review", a1, "staff:operator", null)), audit("check-review"),
                "the check is audited once: the refused checks wrote nothing");
        RatingManager withoutAudit = new RatingManager(AuditFailing.around(fixture.stores.applications),
                fixture.stores.ratings, new ApplicationManagerTest.FakePlugins(),
                Clock.fixed(StatisticsFixture.NOW, ZoneOffset.UTC), ApplicationManager.DEFAULT_STATUS_LINK);
        fails(503, "unavailable", () -> withoutAudit.uncheckedReviews(OPERATOR, 50));
        assertTrue(fixture.stores.applications.verifyAudit().intact());
    }

    @Test
    void onlyOperatorsModerateAndABadRequestHidesNothing() {
        String a1 = fixture.trackingNumber("A1");
        byte[] reason = "{\"reason\": \"abuse\"}".getBytes(StandardCharsets.UTF_8);
        rate("A1", "{\"rating\": 1, \"comment\": \"Погано\"}");
        // the authority whose work is judged cannot hide it, nor can the citizen or anyone anonymous
        fails(403, "forbidden", () -> ratings.hideComment(OLENA, a1, reason));
        fails(403, "forbidden", () -> ratings.hideComment(new Caller.Staff("oksana", Set.of(Role.SUPERVISOR), Set.of(89), false), a1, reason));
        fails(403, "forbidden", () -> ratings.hideComment(citizen("A1"), a1, reason));
        fails(401, "unauthenticated", () -> ratings.hideComment(null, a1, reason));
        fails(403, "forbidden", () -> ratings.reviewsToModerate(OLENA, StatisticsFixture.RESIDENCE, 50));
        fails(401, "unauthenticated", () -> ratings.reviewsToModerate(null, StatisticsFixture.RESIDENCE, 50));
        fails(401, "unauthenticated", () -> ratings.reviewsToModerate(null, null, 50)); // who asks, before what is asked
        fails(403, "forbidden", () -> ratings.reviewsToModerate(OLENA, " ", 50));
        ProblemException noService = assertThrows(ProblemException.class, () -> ratings.reviewsToModerate(OPERATOR, " ", 50));
        assertEquals(400, noService.status());
        assertEquals("service", noService.fieldProblems().get(0).field());

        fails(404, "unknown-application", () -> ratings.hideComment(OPERATOR, TrackingNumbers.format("1", 99_999_999L), reason));
        fails(409, "no-comment-to-hide", () -> ratings.hideComment(OPERATOR, fixture.trackingNumber("A3"), reason)); // not rated
        for (String body : List.of("{}", "{\"reason\": \" \"}", "{\"reason\": 5}", "{\"reason\": \"\\u00a0\\u200b\"}",
                "{\"reason\": \"" + "я".repeat(1001) + "\"}")) {
            ProblemException e = assertThrows(ProblemException.class, () -> ratings.hideComment(OPERATOR, a1, body.getBytes(StandardCharsets.UTF_8)));
            assertEquals(422, e.status(), body);
            assertEquals("/reason", e.fieldProblems().get(0).field(), body);
        }
        assertEquals("/why", assertThrows(ProblemException.class, () -> ratings.hideComment(OPERATOR, a1,
                "{\"reason\": \"x\", \"why\": \"y\"}".getBytes(StandardCharsets.UTF_8))).fieldProblems().get(0).field());
        fails(400, "malformed-json", () -> ratings.hideComment(OPERATOR, a1, "{\"reason\": ".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Погано", ratings.reviews(StatisticsFixture.RESIDENCE, 50).get(0).comment(), "nothing hidden");
    }

    /** Its status link comes from the core's file: a change refused there for any value changes nothing here. */
    @Test
    void aChangeTheCoreRefusesChangesNoLinkHereAndAGoodOneDoes() {
        ratings.modified(ApplicationManagerTest.config("12345", 5000, "https://new.example/s/{trackingNumber}"));
        assertEquals("https://igov.example/track/{trackingNumber}", ratings.statusLink(), "a bad origin beside it");
        ratings.modified(ApplicationManagerTest.config("1", 5000, "https://new.example/s/"));
        assertEquals("https://igov.example/track/{trackingNumber}", ratings.statusLink(), "a bad link: no exception");
        ratings.modified(ApplicationManagerTest.config("1", 5000, "https://new.example/s/{trackingNumber}"));
        assertEquals("https://new.example/s/{trackingNumber}", ratings.statusLink());
    }
}
