package ua.igov.platform.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.spi.DeliveryCheck;
import ua.igov.platform.spi.DeliveryException;
import ua.igov.platform.spi.NotificationChannel;
import ua.igov.platform.spi.OutgoingMessage;
import ua.igov.platform.spi.SmsGateway;
import ua.igov.platform.store.OutboxEntry;
import ua.igov.platform.store.OutboxStore;

/**
 * Delivers the outbox through the channels installed on this node. Every node runs one; they share the work
 * through leases in the database (see {@link OutboxStore#claim}), so a message is held by one node at a time, and a
 * node that dies leaves its messages to the others once their leases expire. A failed delivery is retried with
 * exponential back-off and, after the last attempt, left as a dead letter; one message or one channel failing
 * never holds up the others.
 *
 * <p>A message taken over from a node that died is in doubt: that node may have handed it to the channel before it
 * could record so. The worker asks the channel first ({@link NotificationChannel#check}): one that can tell gets the
 * message exactly once; one that cannot gets it again with the same key (at least once). A check that fails is retried
 * like a failed delivery, never answered by sending blindly: the channel said it can normally tell.
 */
@Component(service = OutboxWorker.class, immediate = true, configurationPid = OutboxWorker.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = OutboxWorker.Config.class)
public class OutboxWorker {

    static final String PID = "ua.igov.platform.outbox";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    @ObjectClassDefinition(name = "iGov outbox delivery", description = "How this node delivers notifications")
    public @interface Config {
        @AttributeDefinition(description = "Deliver on this node at all")
        boolean enabled() default true;

        @AttributeDefinition(description = "How often to look for due messages, in milliseconds")
        long pollMillis() default 2000;

        @AttributeDefinition(description = "How many messages to lease at once")
        int batchSize() default 20;

        @AttributeDefinition(description = "How long a leased message stays this node's, in seconds; another node "
                + "takes it over after that if this node died. While a send is under way the node renews it every "
                + "third of it, so a slow channel never has its message sent twice.")
        long leaseSeconds() default 120;

        @AttributeDefinition(description = "Failed attempts after which a message is a dead letter")
        int maxAttempts() default 8;

        @AttributeDefinition(description = "Wait before the first retry, in seconds; it doubles with every failure")
        long firstRetrySeconds() default 30;

        @AttributeDefinition(description = "The longest wait between retries, in seconds")
        long maxRetrySeconds() default 3600;
    }

    /** The settings a worker runs with, apart from Config Admin so tests build them directly. */
    public record Settings(Duration poll, int batchSize, Duration lease, Backoff backoff) {

        /**
         * Refused at start, naming the setting in {@code etc/ua.igov.platform.outbox.cfg}: with a lease of 0 every
         * round lost its whole batch and nothing was ever delivered, a poll of 0 left a channel without a lane, and a
         * batch of 0 leased nothing, all without a word.
         */
        public Settings {
            if (poll.isNegative() || poll.isZero()) {
                throw new IllegalArgumentException("etc/" + PID + ".cfg pollMillis must be more than 0, was " + poll.toMillis());
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("etc/" + PID + ".cfg batchSize must be at least 1, was " + batchSize);
            }
            if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("etc/" + PID + ".cfg leaseSeconds must be at least 1, was "
                        + lease.toSeconds());
            }
        }

        public static Settings of(Duration poll, int batchSize, Duration lease, int maxAttempts, Duration firstRetry,
                                  Duration maxRetry) {
            return new Settings(poll, batchSize, lease, new Backoff(firstRetry, maxRetry, maxAttempts));
        }
    }

    private final OutboxStore store;
    private final Settings settings;
    private final Clock clock;
    private final String owner;
    /**
     * Messages the channel took whose sending could not be recorded, with when: their leases are not given back. One
     * whose lease has run out since is another node's to take over (in doubt), so it is forgotten.
     */
    private final Map<Long, Instant> sentNotRecorded = new ConcurrentHashMap<>();
    private final LeaseKeeper leases;
    private final Map<String, NotificationChannel> channels = new ConcurrentHashMap<>();
    private final Map<SmsGateway, NotificationChannel> gateways = new ConcurrentHashMap<>();
    /** Every channel installed here by name, in order of arrival: the first is in use, the others wait. */
    private final Map<String, List<NotificationChannel>> installed = new java.util.HashMap<>();
    /** Each channel's id, asked for once when it arrived. */
    private final Map<NotificationChannel, String> ids = new java.util.IdentityHashMap<>();
    /** Channels being asked for their id: one that leaves meanwhile is taken out here and never used. */
    private final Set<NotificationChannel> arriving = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private volatile boolean stopping;
    /** How long {@link #stop()} waits for a send under way; tests shorten it. */
    Duration stopWait = Duration.ofSeconds(30);
    /** One delivery lane per channel installed here, while started: a slow channel holds up only its own messages. */
    private final Map<String, ScheduledFuture<?>> lanes = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    /**
     * @param clock a {@link Clock} service registered with an {@code igov.clock} property replaces the system clock,
     *              as it does for the escalation scheduler: messages an escalation writes at its (test) time are then
     *              due at the worker's time too
     */
    @Activate
    public OutboxWorker(@Reference OutboxStore store,
                        @Reference(cardinality = ReferenceCardinality.OPTIONAL,
                                policyOption = ReferencePolicyOption.GREEDY, target = "(igov.clock=*)") Clock clock,
                        Config config) {
        this(store, Settings.of(Duration.ofMillis(config.pollMillis()), config.batchSize(),
                Duration.ofSeconds(config.leaseSeconds()), config.maxAttempts(),
                Duration.ofSeconds(config.firstRetrySeconds()), Duration.ofSeconds(config.maxRetrySeconds())),
                clock == null ? Clock.systemUTC() : clock);
        if (config.enabled()) {
            start();
        } else {
            LOG.info("Outbox delivery is disabled on this node");
        }
    }

    /**
     * A worker that does nothing until {@link #start()} or {@link #deliverDue()}: tests (the channels' too) drive it
     * with their clock. A factory, not a second public constructor: SCR tries every public constructor with as many
     * parameters as the {@code @Activate} one and logs an ERROR at each boot for the one it cannot fill.
     */
    public static OutboxWorker unscheduled(OutboxStore store, Settings settings, Clock clock) {
        return new OutboxWorker(store, settings, clock);
    }

    private OutboxWorker(OutboxStore store, Settings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        // A new owner each start: a lease left by this node's previous life is not mistaken for its own.
        this.owner = "node-" + UUID.randomUUID();
        this.leases = new LeaseKeeper(store, owner, settings.lease(), clock);
    }

    /**
     * A channel plugin arrived. Two with one name: the first is used, and the second waits, taking over when the
     * first leaves, so the name's messages never wait for a restart. Its name is asked for once, with a time limit,
     * and outside this worker's lock: a channel that hangs or fails there is not used, and holds up nothing else.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addChannel(NotificationChannel channel) {
        synchronized (this) {
            arriving.add(channel);
        }
        String id;
        try {
            id = PluginArrival.ask("give its channel id", () -> java.util.Objects.requireNonNull(channel.id(), "id"));
        } catch (RuntimeException | Error e) {
            LOG.error("Notification channel {} not used: it could not give its id: {}", channel.getClass().getName(),
                    e.toString());
            synchronized (this) {
                arriving.remove(channel);
            }
            return;
        }
        synchronized (this) {
            if (arriving.remove(channel)) { // else it left while it was asked
                add(channel, id);
            }
        }
    }

    private synchronized void add(NotificationChannel channel, String id) {
        ids.put(channel, id);
        List<NotificationChannel> named = installed.computeIfAbsent(id, name -> new java.util.ArrayList<>());
        if (named.stream().noneMatch(c -> c == channel)) {
            named.add(channel);
        }
        NotificationChannel previous = channels.putIfAbsent(id, channel);
        if (previous != null && previous != channel) {
            LOG.warn("Two channels named '{}' are installed; using the first, the other takes over if it leaves", id);
        } else {
            LOG.info("Notification channel '{}' available", id);
            openLane(id);
        }
    }

    /**
     * A send under way on a lane, with the rest of its round: what a channel leaving in the middle of it gives back
     * at once, rather than when (if ever) its send returns.
     */
    private record SendUnderWay(NotificationChannel channel, long sending, List<Long> rest, LeaseKeeper.Keeping kept,
                                java.util.concurrent.atomic.AtomicBoolean givenBack) {
    }

    private final Map<String, SendUnderWay> sendsUnderWay = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The channel left while one of its sends is under way, perhaps hanging for good: the rest of that round stops
     * being renewed and is given back now, for the channel that takes over or another node (kept renewed until the
     * send returned, a hung send held them for as long as the node ran). The message being sent stays this node's
     * until the send returns: giving it back could have it sent twice. Its lane's thread stays busy meanwhile, so the
     * pool gets one more, and the remaining lanes keep a thread each.
     */
    private void giveBackTheRestOf(String id, NotificationChannel leaving) {
        SendUnderWay underWay = sendsUnderWay.get(id);
        if (underWay == null || underWay.channel() != leaving) {
            return;
        }
        underWay.kept().narrowTo(List.of(underWay.sending()));
        underWay.givenBack().set(true);
        if (executor instanceof java.util.concurrent.ScheduledThreadPoolExecutor pool) {
            long abandoned = sendsUnderWay.keySet().stream().filter(channel -> !lanes.containsKey(channel)).count();
            pool.setCorePoolSize(Math.max(pool.getCorePoolSize(), lanes.size() + (int) abandoned + 1));
        }
        if (underWay.rest().isEmpty()) {
            return;
        }
        try {
            // Renewed by this round only (while it holds them no other lane of this node can take them), so up to
            // the latest renewal, with room for one under way now.
            store.releaseUnsent(owner, underWay.rest(), clock.instant().plus(settings.lease().multipliedBy(2)));
            LOG.info("Channel '{}' left while sending message {}; messages {} given back", id, underWay.sending(),
                    underWay.rest());
        } catch (RuntimeException e) {
            LOG.warn("Channel '{}' left while sending; leases of {} not given back ({}), they run out after {}", id,
                    underWay.rest(), e.getMessage(), settings.lease());
        }
    }

    public synchronized void removeChannel(NotificationChannel channel) {
        arriving.remove(channel);
        String id = ids.remove(channel);
        if (id == null) {
            return; // never used: it could not give its id
        }
        List<NotificationChannel> named = installed.getOrDefault(id, new java.util.ArrayList<>());
        named.removeIf(c -> c == channel);
        if (named.isEmpty()) {
            installed.remove(id);
        }
        if (channels.remove(id, channel)) {
            closeLane(id); // a send under way finishes, the rest of its round goes back; the lane's next round never comes
            giveBackTheRestOf(id, channel);
            if (!named.isEmpty()) {
                LOG.info("Notification channel '{}' left; the other one of that name takes over", id);
                add(named.get(0), id);
            }
        }
    }

    /** An SMS gateway plugin makes the {@code sms} channel; a second gateway waits until the first leaves. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addGateway(SmsGateway gateway) {
        gateways.putIfAbsent(gateway, new SmsChannel(gateway));
        addChannel(gateways.get(gateway));
    }

    public void removeGateway(SmsGateway gateway) {
        NotificationChannel channel = gateways.remove(gateway);
        if (channel != null) {
            removeChannel(channel); // another gateway's channel, waiting under the same name, takes over
        }
    }

    /**
     * Delivers on a lane of its own for each channel: a thread that leases and sends only that channel's messages,
     * so an e-mail server answering slowly (up to its timeout per message) does not hold up the SMS sent meanwhile.
     */
    public synchronized void start() {
        executor = Executors.newScheduledThreadPool(2, new ThreadFactory() {
            private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public Thread newThread(Runnable lane) {
                return new Thread(lane, "igov-outbox-" + count.incrementAndGet());
            }
        });
        channels.keySet().forEach(this::openLane);
        LOG.info("Outbox delivery started as {} (lease {}, up to {} attempts)", owner, settings.lease(),
                settings.backoff().maxAttempts());
    }

    private synchronized void openLane(String channel) {
        if (executor == null || executor.isShutdown() || lanes.containsKey(channel)) {
            return;
        }
        if (executor instanceof java.util.concurrent.ScheduledThreadPoolExecutor pool
                && pool.getCorePoolSize() < lanes.size() + 1) {
            pool.setCorePoolSize(lanes.size() + 1); // a thread per lane: a lane blocked in a send must not starve another
        }
        lanes.put(channel, executor.scheduleWithFixedDelay(() -> deliverOnLane(channel), 0, settings.poll().toMillis(),
                TimeUnit.MILLISECONDS));
    }

    private synchronized void closeLane(String channel) {
        ScheduledFuture<?> lane = lanes.remove(channel);
        if (lane != null) {
            lane.cancel(false);
        }
    }

    /**
     * Finishes the message being sent, then gives back the leases of the rest so another worker takes them at once.
     * A send still under way after {@link #stopWait} keeps its node's leases: they run out by themselves, and the
     * node that takes the messages over then asks the channel first. Giving them back would let another node send
     * that message at once, a second time.
     */
    @Deactivate
    public synchronized void stop() {
        stopping = true;
        lanes.clear();
        boolean finished = true;
        if (executor != null) {
            executor.shutdown(); // cancels every lane's next round; sends under way finish
            try {
                finished = executor.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                executor.shutdownNow();
            }
        }
        leases.stop();
        if (!finished) {
            LOG.warn("A send was still under way after {}: this node's leases are left to run out (in {}), so no "
                    + "message goes out twice", stopWait, settings.lease());
        } else {
            try {
                store.release(owner, stillLeased(sentNotRecorded, clock.instant().minus(settings.lease())));
            } catch (RuntimeException e) {
                LOG.warn("Leases not given back ({}); they expire after {}", e.getMessage(), settings.lease());
            }
        }
        LOG.info("Outbox delivery stopped");
    }

    boolean stopping() {
        return stopping;
    }

    /**
     * One turn of a lane: rounds one after the other while each leases a full batch and delivers some of it, so a
     * backlog drains as fast as the channel takes messages (a round every poll delivered at most a batch per poll, 10
     * a second per channel as shipped, and a burst of submissions left its e-mails hours behind). A round that
     * delivered nothing (the server down) waits for the next poll, so a failing channel is not asked faster than
     * before. The turn ends when the channel leaves or is replaced: the successor has a lane of its own.
     */
    void deliverOnLane(String channel) {
        NotificationChannel lanesChannel = channels.get(channel);
        try {
            Round round;
            do {
                round = deliverRound(Set.of(channel));
            } while (round.full(settings.batchSize()) && round.delivered() > 0 && !stopping
                    && lanesChannel != null && channels.get(channel) == lanesChannel);
        } catch (RuntimeException e) {
            // The database may be away for a moment: the next round tries again, the lane must not die.
            LOG.warn("Outbox delivery round for '{}' failed: {}", channel, e.getMessage());
        } catch (Error e) {
            // a channel plugin's classes gone from under it (uninstalled without a refresh), or its code overflowing
            // the stack: this round only. A scheduled task that throws is never run again, and says nothing.
            LOG.error("Outbox delivery round for '{}' failed: {}", channel, e.toString());
        }
    }

    /** One round: lease what is due on the channels installed here and deliver it. @return messages delivered */
    public int deliverDue() {
        return deliverDue(channels.keySet());
    }

    /** One round on these channels (those of them installed here). @return messages delivered */
    int deliverDue(Set<String> channelIds) {
        return deliverRound(channelIds).delivered();
    }

    /** What a round leased, and how many of those it delivered. */
    record Round(int leased, int delivered) {
        static final Round NOTHING = new Round(0, 0);

        /** It leased as many as it could: more may be due. */
        boolean full(int batchSize) {
            return leased >= batchSize;
        }
    }

    private Round deliverRound(Set<String> channelIds) {
        Map<String, NotificationChannel> installed = new java.util.HashMap<>(channels);
        installed.keySet().retainAll(channelIds);
        if (installed.isEmpty()) {
            return Round.NOTHING;
        }
        Instant claimedAt = clock.instant();
        List<OutboxEntry> batch = store.claim(owner, installed.keySet(), claimedAt, settings.lease(),
                settings.batchSize());
        Instant leasedUntil = claimedAt.plus(settings.lease());
        Set<Long> lost = new HashSet<>();
        int delivered = 0;
        int notHandedOver = 0; // the batch from here on has not reached a channel
        try {
            for (int i = 0; i < batch.size(); i++) {
                if (stopping) {
                    break; // the rest is released by stop()
                }
                Instant now = clock.instant();
                if (now.isAfter(leasedUntil.minus(settings.lease().dividedBy(2)))) {
                    lost.addAll(renewRest(batch.subList(i, batch.size()), now));
                    leasedUntil = now.plus(settings.lease());
                }
                OutboxEntry entry = batch.get(i);
                if (channels.get(entry.message().channel()) != installed.get(entry.message().channel())) {
                    // the channel left (or another took its name) during the round: the one sending finished, the
                    // rest goes back at once, for its successor or another node, not through a channel gone
                    releaseUnsent(batch.subList(i, batch.size()), lost, leasedUntil);
                    return new Round(batch.size(), delivered);
                }
                if (lost.contains(entry.id())) {
                    notHandedOver = i + 1;
                    continue;
                }
                List<Long> unsent = batch.subList(i, batch.size()).stream().map(OutboxEntry::id)
                        .filter(id -> !lost.contains(id)).toList();
                NotificationChannel channel = installed.get(entry.message().channel());
                try (LeaseKeeper.Keeping kept = leases.keep(unsent)) {
                    notHandedOver = i + 1;
                    SendUnderWay underWay = new SendUnderWay(channel, entry.id(), unsent.subList(1, unsent.size()), kept,
                            new java.util.concurrent.atomic.AtomicBoolean());
                    sendsUnderWay.put(entry.message().channel(), underWay);
                    try {
                        if (deliver(entry, channel)) {
                            delivered++;
                        }
                    } finally {
                        sendsUnderWay.remove(entry.message().channel(), underWay);
                    }
                    if (underWay.givenBack().get()) {
                        // its channel left during the send, and the rest went back then: not this round's any more
                        // (renewing or releasing them now could touch leases a successor lane of this node took)
                        return new Round(batch.size(), delivered);
                    }
                }
            }
        } catch (RuntimeException e) {
            releaseUnsent(batch.subList(notHandedOver, batch.size()), lost, leasedUntil);
            throw e;
        }
        return new Round(batch.size(), delivered);
    }

    /**
     * A round that ended early (the database away while recording a message) gives back the leases of what it did
     * not hand to a channel yet: they are due again at once, for any node, and not taken for messages in doubt when
     * their leases run out. Best effort: if the database is still away, the leases run out by themselves.
     *
     * <p>Only the round's own leases: after the round's ran out, another lane of this node (a replaced channel's,
     * under the same owner) may have leased those messages again and be sending them, and giving those leases back
     * would let another node send them too. A lease taken again runs later than the round's, so the store tells them
     * apart in the same statement. Left alone, they run out and are taken over as in doubt, the channel asked first.
     */
    private void releaseUnsent(List<OutboxEntry> rest, Set<Long> lost, Instant leasedUntil) {
        List<Long> ids = rest.stream().map(OutboxEntry::id).filter(id -> !lost.contains(id)).toList();
        try {
            store.releaseUnsent(owner, ids, leasedUntil);
        } catch (RuntimeException e) {
            LOG.warn("Leases of messages {} not given back ({}); they run out after {}", ids, e.getMessage(),
                    settings.lease());
        }
    }

    /**
     * Half the lease is gone and part of the batch is not sent yet (a slow channel): the rest's leases are extended
     * before the next send, so no other node takes a message over while this one may still send it. A message whose
     * lease already ran out (this node stalled) is left alone: another node may hold it now. So a message is only
     * ever sent with at least half a lease left, and {@link LeaseKeeper} keeps it (and the rest) while it is sent.
     *
     * @return the ids no longer this node's
     */
    private Set<Long> renewRest(List<OutboxEntry> rest, Instant now) {
        List<Long> ids = rest.stream().map(OutboxEntry::id).toList();
        Set<Long> renewed = store.renew(owner, ids, now, settings.lease());
        Set<Long> lost = new HashSet<>(ids);
        lost.removeAll(renewed);
        if (!lost.isEmpty()) {
            LOG.warn("Messages {} were not sent in time: their leases ran out, so they are left to whichever node "
                    + "holds them now", lost);
        }
        return lost;
    }

    private boolean deliver(OutboxEntry entry, NotificationChannel channel) {
        OutgoingMessage message = new OutgoingMessage(key(entry.id()), entry.message().recipient(),
                entry.message().subject(), entry.message().body(), entry.message().trackingNumber());
        String doubt = null;
        if (entry.inDoubt()) {
            DeliveryCheck answer;
            try {
                answer = channel.check(message);
            } catch (DeliveryException e) {
                failed(entry, "in doubt, and the channel could not say whether it has it: " + e.getMessage(), e.permanent());
                return false;
            } catch (RuntimeException | Error e) {
                rethrowIfTheJvmsTrouble(e);
                failed(entry, "in doubt, and the channel could not say whether it has it: " + e, false);
                return false;
            }
            if (answer == DeliveryCheck.DELIVERED) {
                return confirmed(entry);
            }
            doubt = answer == DeliveryCheck.NOT_DELIVERED ? OutboxStore.NOT_DELIVERED : OutboxStore.RESENT;
            if (answer == DeliveryCheck.NOT_DELIVERED) {
                LOG.info("Message {} was in doubt; '{}' does not have it, sending it", entry.id(), entry.message().channel());
            }
        }
        try {
            channel.send(message);
        } catch (DeliveryException e) {
            // the channel may have it after all (a timeout after the whole message went): in doubt, so the next
            // attempt asks it first, as for a message a dead node held
            failed(entry, e.getMessage(), e.permanent(), e.outcomeUnknown());
            return false;
        } catch (RuntimeException | Error e) {
            // a plugin's bug (an exception, a recursion too deep, a failed assert, a ServiceLoader that finds nothing
            // in OSGi), or its classes gone from under it, is a temporary failure: the attempt counts, so a message
            // that always fails ends as a dead letter
            rethrowIfTheJvmsTrouble(e);
            failed(entry, e.toString(), false);
            return false;
        }
        if (OutboxStore.RESENT.equals(doubt)) {
            LOG.warn("Message {} was in doubt and '{}' cannot tell whether it had it: sent again with the same key",
                    entry.id(), entry.message().channel());
        }
        String note = OutboxStore.RESENT.equals(doubt) ? "in doubt (a node died holding it, or a send's outcome "
                + "was unknown); the channel could not tell whether it had it, so it was sent again with the same key" : null;
        if (!recordSent(entry, doubt, note)) {
            LOG.warn("Message {} was sent after its lease ran out; another node may send it again", entry.id());
        }
        return true;
    }

    /** Out of memory (or an internal error of the JVM) is not the message's fault: the round ends, nothing counts. */
    private static void rethrowIfTheJvmsTrouble(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    /** The channel already had a message in doubt: recorded as sent, with a note of why it was not sent. */
    private boolean confirmed(OutboxEntry entry) {
        boolean recorded = recordSent(entry, OutboxStore.CONFIRMED,
                "in doubt (a node died holding it, or a send's outcome was unknown); the channel had it already, so it "
                        + "was not sent again");
        LOG.info("Message {} was in doubt; '{}' confirmed it had it, not sent again{}", entry.id(),
                entry.message().channel(), recorded ? "" : " (the lease had run out, another node will ask again)");
        return recorded;
    }

    /**
     * Records that the channel has the message. If that fails (the database away), the message is remembered, so a
     * stop does not give its lease back: the node taking it over then finds it in doubt and asks the channel, rather
     * than sending it a second time blindly.
     */
    private boolean recordSent(OutboxEntry entry, String doubt, String note) {
        try {
            boolean recorded = store.markSent(entry.id(), owner, clock.instant(), doubt, note);
            sentNotRecorded.remove(entry.id());
            return recorded;
        } catch (RuntimeException e) {
            Instant now = clock.instant();
            sentNotRecorded.put(entry.id(), now);
            sentNotRecorded.keySet().retainAll(stillLeased(sentNotRecorded, now.minus(settings.lease())));
            throw e;
        }
    }

    /** The messages whose sending could not be recorded after {@code leasedSince}: this node's leases may hold yet. */
    private static Set<Long> stillLeased(Map<Long, Instant> sentNotRecorded, Instant leasedSince) {
        Set<Long> ids = new HashSet<>();
        sentNotRecorded.forEach((id, at) -> {
            if (at.isAfter(leasedSince)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private void failed(OutboxEntry entry, String error, boolean permanent) {
        failed(entry, error, permanent, false);
    }

    private void failed(OutboxEntry entry, String error, boolean permanent, boolean outcomeUnknown) {
        int failures = entry.attempts() + 1;
        Duration wait = permanent ? null : settings.backoff().after(failures);
        Instant retryAt = wait == null ? null : clock.instant().plus(wait);
        store.markFailed(entry.id(), owner, error, retryAt, outcomeUnknown && !permanent);
        if (retryAt == null) {
            LOG.warn("Message {} through '{}' is a dead letter after {} attempt(s): {}", entry.id(),
                    entry.message().channel(), failures, error);
        } else {
            LOG.info("Message {} through '{}' failed ({}); next attempt at {}", entry.id(), entry.message().channel(),
                    error, retryAt);
        }
    }

    /** The message's key for channels: the same for every attempt, on every node. */
    static String key(long outboxId) {
        return "outbox-" + outboxId;
    }
}
