package ua.igov.platform.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Ratings, statistics and the open data in the real assembly, over HTTP with each role, and on the console. Five
 * applications to authority 89: one issued, one rejected, two submitted, one cancelled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StatisticsIT extends PlatformTestSupport {

    private void act(String trackingNumber, String action, String body, String who) {
        Answer answer = post("/applications/" + trackingNumber + "/actions/" + action, body, who);
        assertEquals(answer.body(), 200, answer.status());
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertEquals(answer.body(), status, answer.status());
        assertTrue(answer.contentType(), answer.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertEquals(answer.body(), field, answer.json().at("/errors/0/field").asText(answer.json().toString()));
        }
    }

    @Test
    public void ratingsStatisticsAndOpenDataOverHttpAndOnTheConsole() throws Exception {
        awaitStatus("/health", 200);
        String olena = staff("olena");
        List<String> citizens = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            citizens.add(citizen("stats-citizen-" + i));
            numbers.add(submitAs(citizens.get(i)));
        }
        act(numbers.get(0), "claim", "{}", olena);
        act(numbers.get(0), "approve", "{}", olena);
        act(numbers.get(0), "issue", "{}", olena);
        act(numbers.get(1), "claim", "{}", olena);
        act(numbers.get(1), "reject", "{\"reason\": \"Неповний пакет документів\"}", olena);
        act(numbers.get(4), "cancel", "{}", citizens.get(4));

        // ratings: once, only a closed application, only its owner, 1 to 5; one reply by the authority
        String rating = "/applications/" + numbers.get(0) + "/rating";
        Answer rated = post(rating, "{\"rating\": 5, \"comment\": \"Дуже швидко\"}", citizens.get(0));
        assertEquals(rated.body(), 201, rated.status());
        assertProblem(post(rating, "{\"rating\": 4}", citizens.get(0)), 409, null);
        assertProblem(post("/applications/" + numbers.get(1) + "/rating", "{\"rating\": 9}", citizens.get(1)), 422, "/rating");
        assertProblem(post("/applications/" + numbers.get(2) + "/rating", "{\"rating\": 3}", citizens.get(2)), 409, null);
        assertProblem(post(rating, "{\"rating\": 3}", citizens.get(1)), 404, null);
        assertProblem(post(rating + "/reply", "{\"reply\": \"Дякуємо\"}", staff("ivan")), 404, null);
        assertEquals(200, post(rating + "/reply", "{\"reply\": \"Дякуємо за відгук\"}", olena).status());
        assertProblem(post(rating + "/reply", "{\"reply\": \"Ще раз\"}", olena), 409, null);

        Answer reviews = get("/services/residence-registration/reviews");
        assertEquals(reviews.body(), 200, reviews.status());
        assertEquals("Дуже швидко", reviews.json().at("/0/comment").asText());
        assertEquals("Дякуємо за відгук", reviews.json().at("/0/reply").asText());
        assertNoPersonalData(reviews.body(), numbers);
        assertEquals(reviews.body(), false, reviews.json().at("/0/commentHidden").asBoolean(true));

        // published at once; operators work through what nobody has looked at yet, and mark it checked
        String operator = staff("operator");
        assertProblem(get("/operators/reviews/unchecked"), 401, null);
        assertProblem(get("/operators/reviews/unchecked", olena), 403, null);
        Answer unchecked = get("/operators/reviews/unchecked", operator);
        assertEquals(unchecked.body(), 200, unchecked.status());
        assertEquals(numbers.get(0), unchecked.json().at("/0/trackingNumber").asText());
        assertEquals("Дякуємо за відгук", unchecked.json().at("/0/reply").asText());
        String check = "/operators/reviews/" + numbers.get(0) + "/mark-checked";
        assertProblem(post(check, ""), 401, null);
        assertProblem(post(check, "", olena), 403, null);
        Answer checked = post(check, "", operator);
        assertEquals(checked.body(), 200, checked.status());
        assertProblem(post(check, "", operator), 409, null);
        assertFalse(get("/operators/reviews/unchecked", operator).body().contains(numbers.get(0)));

        // moderation: operators only (not the authority judged), a reason required; the public sees it was hidden
        String moderation = "/operators/reviews?service=residence-registration";
        assertProblem(get(moderation), 401, null);
        assertProblem(get(moderation, olena), 403, null);
        assertProblem(get("/operators/reviews"), 401, null);
        assertProblem(get("/operators/reviews", olena), 403, null);
        assertProblem(get("/operators/reviews", operator), 400, "service");
        Answer toModerate = get(moderation, operator);
        assertEquals(toModerate.body(), 200, toModerate.status());
        assertEquals(numbers.get(0), toModerate.json().at("/0/trackingNumber").asText());
        String hide = "/operators/reviews/" + numbers.get(0) + "/hide-comment";
        assertProblem(post(hide, "{\"reason\": \"x\"}"), 401, null);
        assertProblem(post(hide, "{\"reason\": \"x\"}", olena), 403, null);
        assertProblem(post(hide, "{\"reason\": \"x\"}", citizens.get(0)), 403, null);
        assertProblem(post(hide, "{}", operator), 422, "/reason");
        assertProblem(post(hide, "{\"reason\": ", operator), 400, null);
        assertProblem(post("/operators/reviews/" + numbers.get(1) + "/hide-comment", "{\"reason\": \"x\"}", operator), 409, null);
        assertEquals("a refused request hides nothing", "Дуже швидко",
                get("/services/residence-registration/reviews").json().at("/0/comment").asText());
        Answer hidden = post(hide, "{\"reason\": \"Перевірка модерації\"}", operator);
        assertEquals(hidden.body(), 200, hidden.status());
        assertProblem(post(hide, "{\"reason\": \"x\"}", operator), 409, null);
        // the citizen reads their rating back: their own words, and why the comment is hidden; staff as the public
        Answer own = get(rating, citizens.get(0));
        assertEquals(own.body(), 200, own.status());
        assertEquals("Дуже швидко", own.json().get("comment").asText());
        assertEquals("Перевірка модерації", own.json().get("commentHiddenReason").asText());
        Answer forOlena = get(rating, olena);
        assertEquals(forOlena.body(), 200, forOlena.status());
        assertTrue(forOlena.body(), forOlena.json().path("comment").isMissingNode() || forOlena.json().get("comment").isNull());
        assertProblem(get(rating, citizens.get(1)), 404, null);
        assertProblem(get(rating), 401, null);
        // and appeals, once; the appeal waits on the operators' queue
        assertProblem(post(rating + "/appeal", "{\"reason\": \"x\"}", olena), 403, null);
        assertProblem(post(rating + "/appeal", "{}", citizens.get(0)), 422, "/reason");
        Answer appealed = post(rating + "/appeal", "{\"reason\": \"У коментарі немає нічого особистого\"}", citizens.get(0));
        assertEquals(appealed.body(), 200, appealed.status());
        assertEquals("pending", appealed.json().get("appealOutcome").asText());
        assertProblem(post(rating + "/appeal", "{\"reason\": \"ще раз\"}", citizens.get(0)), 409, null);
        JsonNode appealQueued = get("/operators/reviews/unchecked", operator).json().get(0);
        assertEquals(numbers.get(0), appealQueued.get("trackingNumber").asText());
        assertEquals("У коментарі немає нічого особистого", appealQueued.get("appeal").asText());
        JsonNode afterHiding = get("/services/residence-registration/reviews").json().get(0);
        assertTrue(afterHiding.toString(), afterHiding.get("commentHidden").asBoolean());
        assertTrue(afterHiding.toString(), afterHiding.path("comment").isMissingNode() || afterHiding.get("comment").isNull());
        assertEquals(5, afterHiding.get("rating").asInt());
        assertEquals("Дякуємо за відгук", afterHiding.get("reply").asText());
        JsonNode kept = get(moderation, operator).json().get(0);
        assertEquals("Дуже швидко", kept.get("comment").asText());
        assertEquals("Перевірка модерації", kept.get("commentHiddenReason").asText());
        assertEquals("operator", kept.get("commentHiddenBy").asText());
        // and from the console, as the operator signed in there
        assertEquals(201, post("/applications/" + numbers.get(1) + "/rating",
                "{\"rating\": 1, \"comment\": \"Пишіть на taras@example.com\"}", citizens.get(1)).status());
        String published = get("/services/residence-registration/reviews").body();
        assertTrue(published, published.contains("Пишіть на [приховано]") && !published.contains("taras@example.com"));
        String toCheck = console("platform:reviews --unchecked");
        assertTrue(toCheck, toCheck.contains(numbers.get(1)));
        String checkedOnConsole = console("platform:review-checked " + numbers.get(1));
        assertTrue(checkedOnConsole, checkedOnConsole.contains("checked and left published"));
        assertFalse(console("platform:reviews --unchecked").contains(numbers.get(1)));
        String listed = console("platform:reviews residence-registration");
        assertTrue(listed, listed.contains(numbers.get(1)) && listed.contains("Пишіть на taras@example.com"));
        assertTrue(listed, listed.contains("by operator: Перевірка модерації"));
        String hiddenOnConsole = console("platform:review-hide " + numbers.get(1) + " an e-mail address in the comment");
        assertTrue(hiddenOnConsole, hiddenOnConsole.contains("Comment hidden"));
        assertFalse(get("/services/residence-registration/reviews").body().contains("taras@example.com"));
        assertTrue(console("platform:reviews residence-registration").contains("by operator: an e-mail address in the comment"));
        String again = console("platform:review-hide " + numbers.get(1) + " again");
        assertTrue(again, again.contains("Error executing command") && again.contains("No comment to hide"));
        // shown again: over HTTP for the first (operators only), on the console for the second
        String show = "/operators/reviews/" + numbers.get(0) + "/show-comment";
        assertProblem(post(show, "{\"reason\": \"x\"}", olena), 403, null);
        assertProblem(post(show, "{}", operator), 422, "/reason");
        Answer shown = post(show, "{\"reason\": \"Скаргу задоволено\"}", operator);
        assertEquals(shown.body(), 200, shown.status());
        assertEquals("Дуже швидко", shown.json().get("comment").asText());
        assertProblem(post(show, "{\"reason\": \"x\"}", operator), 409, null);
        assertEquals("the citizen reads that their appeal was upheld", "upheld",
                get(rating, citizens.get(0)).json().get("appealOutcome").asText());
        String shownOnConsole = console("platform:review-hide --show " + numbers.get(1) + " appeal upheld");
        assertTrue(shownOnConsole, shownOnConsole.contains("Comment shown to the public again"));
        String republished = get("/services/residence-registration/reviews").body();
        assertTrue(republished, republished.contains("Дуже швидко") && republished.contains("Пишіть на [приховано]"));

        // the authority's reply can be hidden too (operators only, with a reason), shown again, and replaced
        String hideReply = "/operators/reviews/" + numbers.get(0) + "/hide-reply";
        assertProblem(post(hideReply, "{\"reason\": \"x\"}", olena), 403, null);
        assertProblem(post(hideReply, "{}", operator), 422, "/reason");
        assertProblem(post("/operators/reviews/" + numbers.get(1) + "/hide-reply", "{\"reason\": \"x\"}", operator),
                409, null);
        Answer replyHidden = post(hideReply, "{\"reason\": \"Дані заявника у відповіді\"}", operator);
        assertEquals(replyHidden.body(), 200, replyHidden.status());
        JsonNode withoutReply = get("/services/residence-registration/reviews").json().get(1);
        assertTrue(withoutReply.toString(), withoutReply.get("replyHidden").asBoolean()
                && (withoutReply.path("reply").isMissingNode() || withoutReply.get("reply").isNull()));
        assertEquals("Дані заявника у відповіді",
                get(moderation, operator).json().get(1).get("replyHiddenReason").asText());
        assertTrue(console("platform:reviews residence-registration").contains("reply, by operator: Дані заявника у відповіді"));
        String replyShown = console("platform:review-hide --reply --show " + numbers.get(0) + " checked again");
        assertTrue(replyShown, replyShown.contains("Reply shown to the public again"));
        assertEquals("Дякуємо за відгук", get("/services/residence-registration/reviews").json().get(1).get("reply").asText());
        String replyHiddenOnConsole = console("platform:review-hide --reply " + numbers.get(0) + " personal data");
        assertTrue(replyHiddenOnConsole, replyHiddenOnConsole.contains("Reply hidden from the public"));
        Answer replaced = post(rating + "/reply", "{\"reply\": \"Дякуємо, врахуємо\"}", olena);
        assertEquals(replaced.body(), 200, replaced.status());
        JsonNode newReply = get("/services/residence-registration/reviews").json().get(1);
        assertEquals(newReply.toString(), "Дякуємо, врахуємо", newReply.get("reply").asText());
        assertFalse(newReply.toString(), newReply.get("replyHidden").asBoolean());
        assertTrue("a new reply is new text to look at",
                get("/operators/reviews/unchecked", operator).body().contains(numbers.get(0)));
        assertEquals(200, post("/operators/reviews/" + numbers.get(0) + "/mark-checked", "", operator).status());

        // statistics: supervisors of the authority and operators only
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));
        String period = "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        String path = "/statistics?by=authority" + period;
        assertProblem(get(path), 401, null);
        assertProblem(get(path, olena), 403, null);
        assertProblem(get(path + "&authority=225", staff("oksana")), 403, null);
        assertProblem(get("/statistics?by=authority&from=2026-13-01&to=2026-12-01", staff("oksana")), 400, "from");
        JsonNode bySupervisor = get(path, staff("oksana")).json();
        JsonNode row = bySupervisor.at("/rows/0");
        assertEquals(bySupervisor.toString(), "89", row.get("value").asText());
        assertEquals(5, row.get("applications").asInt());
        assertEquals(1, row.at("/byStatus/issued").asInt());
        assertEquals(1, row.at("/byStatus/rejected").asInt());
        assertEquals(2, row.at("/byStatus/submitted").asInt());
        assertEquals(1, row.at("/byStatus/cancelled").asInt());
        assertEquals(2, row.get("decided").asInt());
        assertEquals(1, row.get("medianHours").asInt()); // decided within the hour: the first bucket, (0, 1]
        assertEquals(1.0, row.get("onTimeShare").asDouble(), 0);
        assertEquals(3.0, row.get("averageRating").asDouble(), 0); // 5 and 1: a review with its comment hidden still counts
        JsonNode byOperator = get("/statistics?by=official" + period, staff("operator")).json();
        assertEquals(byOperator.toString(), 2, byOperator.at("/rows").size()); // unassigned, olena

        // open data: anyone, aggregates only, one calendar month that is over (these applications' month is not)
        assertProblem(get("/open-data/statistics.csv?by=authority" + period), 400, null);
        LocalDate thisMonth = today.withDayOfMonth(1);
        Answer current = get("/open-data/statistics.json?by=authority&from=" + thisMonth + "&to="
                + thisMonth.withDayOfMonth(thisMonth.lengthOfMonth()));
        assertProblem(current, 400, "to");
        assertTrue(current.body(), current.body().contains("is not over yet"));
        LocalDate lastMonth = thisMonth.minusMonths(1);
        String month = "&from=" + lastMonth + "&to=" + lastMonth.withDayOfMonth(lastMonth.lengthOfMonth());
        Answer csv = get("/open-data/statistics.csv?by=service" + month);
        assertEquals(csv.body(), 200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        assertEquals("no application was submitted last month", "from,to,by,value,applications,submitted,in_review,"
                + "needs_information,approved,rejected,issued,cancelled,decided,median_hours,p90_hours,on_time_share,"
                + "overdue_now,ratings,average_rating,suppressed", csv.body().strip());
        assertProblem(get("/open-data/statistics.json?by=official" + month), 400, "by");
        // last month as the rollup would hold it: in dnipropetrovsk authority 89 had 12 applications, 90 had 9 and
        // 91 had 2; in kyiv 225 had 30. 91 is withheld, and 90 with it, or dnipropetrovsk's 23 less 12 would give 91
        seedLastMonth(lastMonth, new Object[][] {{"dnipropetrovsk", 89, 12}, {"dnipropetrovsk", 90, 9},
                {"dnipropetrovsk", 91, 2}, {"kyiv", 225, 30}});
        try {
            JsonNode byAuthority = get("/open-data/statistics.json?by=authority" + month).json();
            java.util.Map<String, JsonNode> rows = new java.util.TreeMap<>();
            byAuthority.at("/rows").forEach(r -> rows.put(r.get("value").asText(), r));
            assertEquals(byAuthority.toString(), 12, rows.get("89").get("applications").asInt());
            assertEquals(byAuthority.toString(), 30, rows.get("225").get("applications").asInt());
            assertTrue(byAuthority.toString(), rows.get("91").get("suppressed").asBoolean());
            assertTrue("withheld so 91 cannot be worked out: " + byAuthority, rows.get("90").get("suppressed").asBoolean());
            assertFalse(byAuthority.toString(), rows.get("90").hasNonNull("applications"));
        } finally {
            seedLastMonth(lastMonth, null);
        }

        // the console
        String table = console("platform:stats --from " + today.minusDays(1) + " --to " + today.plusDays(1) + " authority");
        assertTrue(table, table.contains("89") && table.contains("TOTAL") && table.contains("Median h"));
        JsonNode console = JSON.readTree(console("platform:stats --json --service residence-registration --from "
                + today.minusDays(1) + " --to " + today.plusDays(1)));
        assertEquals(console.toString(), "residence-registration", console.at("/rows/0/value").asText());
        assertEquals(5, console.at("/rows/0/applications").asInt());
        String openData = console("platform:stats --open-data --csv region"); // last month's
        assertTrue(openData, openData.startsWith("from,to,by,value,applications"));
        String notOver = console("platform:stats --open-data --from " + thisMonth + " --to "
                + thisMonth.withDayOfMonth(thisMonth.lengthOfMonth()) + " region");
        assertTrue(notOver, notOver.contains("is not over yet"));
        String wrong = console("platform:stats colour");
        assertTrue(wrong, wrong.contains("by: required: one of"));

        // pre-moderation, one setting for every node, switched on while the platform serves: what no operator has
        // checked leaves the public list
        act(numbers.get(2), "claim", "{}", olena);
        act(numbers.get(2), "reject", "{\"reason\": \"Не той орган\"}", olena);
        assertEquals(201, post("/applications/" + numbers.get(2) + "/rating",
                "{\"rating\": 2, \"comment\": \"Чекали тиждень\"}", citizens.get(2)).status());
        assertTrue("published at once by default", get("/services/residence-registration/reviews").body().contains("Чекали тиждень"));
        String policy = "/operators/reviews/policy";
        assertProblem(get(policy), 401, null);
        assertProblem(put(policy, "{\"premoderation\": true}", olena), 403, null);
        assertProblem(put(policy, "{\"premoderation\": 1}", operator), 422, "/premoderation");
        assertFalse(get(policy, operator).json().get("premoderation").asBoolean());
        Answer switched = put(policy, "{\"premoderation\": true}", operator);
        assertEquals(switched.body(), 200, switched.status());
        assertEquals("operator", switched.json().get("changedBy").asText());
        assertProblem(put(policy, "{\"premoderation\": true}", operator), 409, null);
        JsonNode held = get("/services/residence-registration/reviews").json();
        assertFalse("held back at once, with no restart", held.toString().contains("Чекали тиждень"));
        assertEquals(held.toString(), 1, count(held, r -> r.get("awaitingModeration").asBoolean()));
        assertTrue("approved comments stay", held.toString().contains("Дуже швидко"));
        String doctor = console("platform:doctor");
        assertTrue(doctor, doctor.lines().anyMatch(l -> l.startsWith("review moderation") && l.matches(".*\\| yes +\\|.*")
                && l.contains("1 review(s) to check, the longest waiting for 0 h; pre-moderation on")));
        assertEquals(200, post("/operators/reviews/" + numbers.get(2) + "/mark-checked", "", operator).status());
        JsonNode approved = get("/services/residence-registration/reviews").json();
        assertTrue(approved.toString(), approved.toString().contains("Чекали тиждень"));
        assertEquals(approved.toString(), 0, count(approved, r -> r.get("awaitingModeration").asBoolean()));
        String shownPolicy = console("platform:review-policy");
        assertTrue(shownPolicy, shownPolicy.contains("Pre-moderation on") && shownPolicy.contains("set by operator"));
        String off = console("platform:review-policy --premoderation off");
        assertTrue(off, off.contains("Pre-moderation off"));
        assertFalse(get(policy, operator).json().get("premoderation").asBoolean());
        String wrongValue = console("platform:review-policy --premoderation maybe");
        assertTrue(wrongValue, wrongValue.contains("Error executing command") && wrongValue.contains("on or off"));
    }

    private static long count(JsonNode array, java.util.function.Predicate<JsonNode> which) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).filter(which).count();
    }

    private static void assertNoPersonalData(String published, List<String> trackingNumbers) {
        for (String number : trackingNumbers) {
            assertFalse(number + " published: " + published, published.contains(number));
        }
        for (String personal : List.of("stats-citizen", "Громадянин", "olena", "dev:", "Шевченко", "3294008776")) {
            assertFalse(personal + " published: " + published, published.contains(personal));
        }
    }

    /**
     * Writes last month's rollup rows for {@code lines} (region, authority, applications submitted) by region and by
     * authority, or, with {@code null}, takes them away: the runtime dates applications now, so only rows can stand
     * for a month that is over.
     */
    private void seedLastMonth(LocalDate lastMonth, Object[][] lines) throws Exception {
        org.osgi.framework.ServiceReference<javax.sql.DataSource> ref = bundleContext
                .getServiceReferences(javax.sql.DataSource.class, "(dataSourceName=igov)").iterator().next();
        try (java.sql.Connection c = bundleContext.getService(ref).getConnection()) {
            if (lines == null) {
                try (java.sql.PreparedStatement ps = c.prepareStatement("DELETE FROM stats_cell WHERE stat_day = ?")) {
                    ps.setDate(1, java.sql.Date.valueOf(lastMonth));
                    ps.executeUpdate();
                }
                return;
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO stats_cell (dimension, grain, stat_day, "
                    + "authority_id, dim_value, shard, submitted) VALUES (?, 'M', ?, ?, ?, 0, ?)")) {
                for (Object[] line : lines) {
                    for (String dimension : List.of("region", "authority")) {
                        ps.setString(1, dimension);
                        ps.setDate(2, java.sql.Date.valueOf(lastMonth));
                        ps.setInt(3, (Integer) line[1]);
                        ps.setString(4, dimension.equals("region") ? (String) line[0] : line[1].toString());
                        ps.setLong(5, ((Integer) line[2]).longValue());
                        ps.executeUpdate();
                    }
                }
            }
        } finally {
            bundleContext.ungetService(ref);
        }
    }
}
