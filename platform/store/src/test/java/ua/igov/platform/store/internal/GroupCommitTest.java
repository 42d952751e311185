package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How {@link GroupCommit} groups requests that arrive while a transaction is under way, and how it fails. */
class GroupCommitTest {

    /** Every group the "database" was asked to write, in order. */
    private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
    }

    private Function<List<String>, List<String>> recording(Function<List<String>, List<String>> then) {
        return requests -> {
            groups.add(List.copyOf(requests));
            return then.apply(requests);
        };
    }

    private static List<String> upperCase(List<String> requests) {
        if (requests.contains("bad")) {
            throw new IllegalStateException("cannot write 'bad'");
        }
        if (requests.contains("unconfirmed")) {
            throw new ua.igov.platform.store.CommitOutcomeUnknownException("the connection broke at commit", null);
        }
        return requests.stream().map(String::toUpperCase).toList();
    }

    @Test
    void aRequestAloneIsWrittenAloneAndAnswered() {
        GroupCommit<String, String> commit = new GroupCommit<>(8, 1, recording(GroupCommitTest::upperCase));

        assertEquals("A", commit.write("a"));
        assertEquals("B", commit.write("b"));

        assertEquals(List.of(List.of("a"), List.of("b")), groups);
    }

    @Test
    void requestsArrivingWhileATransactionIsUnderWayAreWrittenTogetherInTheNextAndEachGetsItsOwnAnswer() throws Exception {
        Held writes = new Held(8, 1, "first");
        Future<String> first = writes.start().get(0);
        List<Future<String>> others = new ArrayList<>();
        for (String r : List.of("b", "c", "d", "e", "f")) {
            others.add(writes.write(r));
        }
        awaitWaiting(writes.commit, 5);
        writes.release();

        assertEquals("FIRST", first.get(10, TimeUnit.SECONDS));
        List<String> answers = new ArrayList<>();
        for (Future<String> f : others) {
            answers.add(f.get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("B", "C", "D", "E", "F"), answers);
        assertEquals(2, groups.size(), "one transaction for the first, one for the five that waited: " + groups);
        assertEquals(List.of("b", "c", "d", "e", "f"), groups.get(1).stream().sorted().toList());
    }

    @Test
    void aGroupThatCannotBeWrittenIsWrittenOneByOneSoOnlyTheBadRequestFails() throws Exception {
        Held writes = new Held(8, 1, "first");
        Future<String> first = writes.start().get(0);
        Future<String> a = writes.write("a");
        awaitWaiting(writes.commit, 1);
        Future<String> bad = writes.write("bad");
        awaitWaiting(writes.commit, 2);
        Future<String> c = writes.write("c");
        awaitWaiting(writes.commit, 3);
        writes.release();

        assertEquals("FIRST", first.get(10, TimeUnit.SECONDS));
        assertEquals("A", a.get(10, TimeUnit.SECONDS));
        assertEquals("C", c.get(10, TimeUnit.SECONDS));
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof IllegalStateException, failure.toString());
        assertEquals("cannot write 'bad'", failure.getCause().getMessage());
        assertEquals(List.of(List.of("first"), List.of("a", "bad", "c"), List.of("a"), List.of("bad"), List.of("c")), groups);
    }

    /** The group may be stored: written again one by one, each of its applications could be stored twice. */
    @Test
    void aGroupWhoseCommitWasNotConfirmedIsNotWrittenAgainAndEveryCallerIsTold() throws Exception {
        Held writes = new Held(8, 1, "first");
        Future<String> first = writes.start().get(0);
        Future<String> a = writes.write("a");
        awaitWaiting(writes.commit, 1);
        Future<String> unconfirmed = writes.write("unconfirmed");
        awaitWaiting(writes.commit, 2);
        writes.release();

        assertEquals("FIRST", first.get(10, TimeUnit.SECONDS));
        for (Future<String> caller : List.of(a, unconfirmed)) {
            var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> caller.get(10, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof ua.igov.platform.store.CommitOutcomeUnknownException, failure.toString());
        }
        assertEquals(List.of(List.of("first"), List.of("a", "unconfirmed")), groups, "nothing written a second time");
    }

    @Test
    void noTransactionTakesMoreThanTheLimitAndNothingIsLeftBehind() throws Exception {
        Held writes = new Held(3, 1, "first");
        Future<String> first = writes.start().get(0);
        List<Future<String>> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(writes.write("r" + i));
        }
        awaitWaiting(writes.commit, 10);
        writes.release();

        first.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 10; i++) {
            assertEquals("R" + i, others.get(i).get(10, TimeUnit.SECONDS));
        }
        assertTrue(groups.stream().allMatch(g -> g.size() <= 3), groups.toString());
        assertEquals(11, groups.stream().mapToInt(List::size).sum(), "each request written once: " + groups);
    }

    @Test
    void withTwoWritersAllowedTwoTransactionsRunAtOnceAndLaterRequestsWaitForEitherToFinish() throws Exception {
        Held writes = new Held(8, 2, "first", "second"); // start() fails unless both are written at once
        List<Future<String>> held = writes.start();
        Future<String> first = held.get(0);
        Future<String> second = held.get(1);
        Future<String> c = writes.write("c");
        Future<String> d = writes.write("d");
        awaitWaiting(writes.commit, 2);
        writes.release();

        assertEquals("FIRST", first.get(10, TimeUnit.SECONDS));
        assertEquals("SECOND", second.get(10, TimeUnit.SECONDS));
        assertEquals("C", c.get(10, TimeUnit.SECONDS));
        assertEquals("D", d.get(10, TimeUnit.SECONDS));
        assertEquals(4, groups.stream().mapToInt(List::size).sum(), "each request written once: " + groups);
        assertTrue(groups.contains(List.of("c", "d")) || groups.contains(List.of("d", "c")),
                "the two that waited went together: " + groups);
    }

    /**
     * A GroupCommit whose transactions for the held requests stay under way until {@link #release()}, so a test can
     * line up what arrives meanwhile.
     */
    private final class Held {
        final GroupCommit<String, String> commit;
        private final List<String> held;
        private final CountDownLatch writing;
        private final CountDownLatch release = new CountDownLatch(1);

        Held(int maxGroup, int maxWriters, String... held) {
            this.held = List.of(held);
            this.writing = new CountDownLatch(held.length);
            this.commit = new GroupCommit<>(maxGroup, maxWriters, recording(requests -> {
                if (requests.stream().anyMatch(this.held::contains)) {
                    writing.countDown();
                    await(release);
                }
                return upperCase(requests);
            }));
        }

        /**
         * Starts the held requests one after the other, each once the one before is in a transaction under way (so
         * none joins another's group), and returns when all are.
         */
        List<Future<String>> start() throws InterruptedException {
            List<Future<String>> answers = new ArrayList<>();
            for (String r : held) {
                answers.add(write(r));
                long stillToStart = held.size() - answers.size();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (writing.getCount() > stillToStart) {
                    assertTrue(System.nanoTime() < end, "'" + r + "' is not being written while the others are");
                    Thread.sleep(1);
                }
            }
            return answers;
        }

        Future<String> write(String request) {
            return callers.submit(() -> commit.write(request));
        }

        void release() {
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitWaiting(GroupCommit<?, ?> commit, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commit.waiting() < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("only " + commit.waiting() + " of " + n + " requests arrived");
            }
            Thread.sleep(1);
        }
    }
}
