package io.plugmate.device;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * Group commit without a timer (issue 14): what waits when a batch can start is run together. An item submitted while
 * fewer than {@code inFlight} batches run starts a batch at once, alone if nothing else waits, so a quiet service adds
 * no delay; items submitted while every slot runs wait, and the next batch to finish takes up to {@code maxSize} of them,
 * in arrival order. The busier the service, the larger the batches: the per-transaction cost is shared, not repeated.
 * <p>
 * The batch (a {@link Runner}) settles each of its items with its own outcome; one it leaves unsettled fails rather
 * than waits forever.
 * <p>
 * The queue is bounded ({@code maxWaiting}): under overload an unbounded one would hold every arrival in memory until
 * the heap ran out, each waiting longer than the last, long after its sender gave up. An item submitted while that many
 * wait fails at once with {@link Full} and never joins the queue: the caller sheds it (an OEM webhook is answered 503
 * and sent again), nothing else changes.
 *
 * @param <I> an item
 * @param <O> an item's outcome
 */
public final class GroupCommit<I, O> {

    /** Runs one batch; settles each item ({@link Waiting#complete}, {@link Waiting#fail}) before its Uni ends. */
    @FunctionalInterface
    public interface Runner<I, O> extends Function<List<Waiting<I, O>>, Uni<Void>> {
    }

    /** One submitted item and its caller's answer, settled once. */
    public static final class Waiting<I, O> {

        private final I item;
        private final UniEmitter<? super O> caller;
        private final AtomicBoolean settled = new AtomicBoolean();

        private Waiting(I item, UniEmitter<? super O> caller) {
            this.item = item;
            this.caller = caller;
        }

        public I item() {
            return item;
        }

        public void complete(O outcome) {
            if (settled.compareAndSet(false, true)) {
                caller.complete(outcome);
            }
        }

        public void fail(Throwable failure) {
            if (settled.compareAndSet(false, true)) {
                caller.fail(failure);
            }
        }
    }

    /** Refused at once: {@link #limit()} items already wait. */
    public static final class Full extends RuntimeException {

        private final int limit;

        private Full(int limit) {
            super(limit + " items already wait for a batch", null, false, false);
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    private final int maxSize;
    private final int inFlight;
    private final int maxWaiting;
    private final Executor launcher;
    private final Runner<I, O> runner;
    private final Queue<Waiting<I, O>> waiting = new ArrayDeque<>();
    private int running;

    /**
     * @param maxWaiting the most items that wait for a batch; one more is refused ({@link Full})
     * @param launcher where a batch starts (e.g. a new Vert.x context of its own)
     */
    public GroupCommit(int maxSize, int inFlight, int maxWaiting, Executor launcher, Runner<I, O> runner) {
        if (maxSize < 1 || inFlight < 1 || maxWaiting < 1) {
            throw new IllegalArgumentException(
                    "a batch takes at least one item, one batch runs at a time and one item may wait");
        }
        this.maxSize = maxSize;
        this.inFlight = inFlight;
        this.maxWaiting = maxWaiting;
        this.launcher = launcher;
        this.runner = runner;
    }

    /** The item's outcome, once the batch that takes it has run; {@link Full} at once when the queue is. */
    public Uni<O> submit(I item) {
        return Uni.createFrom().emitter(caller -> {
            List<Waiting<I, O>> batch = null;
            boolean full;
            synchronized (this) {
                full = waiting.size() >= maxWaiting;
                if (!full) {
                    waiting.add(new Waiting<>(item, caller));
                    batch = nextBatch();
                }
            }
            if (full) {
                caller.fail(new Full(maxWaiting));
            } else if (batch != null) {
                launch(batch);
            }
        });
    }

    /** Items submitted and not yet taken by a batch. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Batches running now. */
    public synchronized int running() {
        return running;
    }

    /** Under the lock: the next batch when a slot is free and something waits, the slot taken; else null. */
    private List<Waiting<I, O>> nextBatch() {
        if (running >= inFlight || waiting.isEmpty()) {
            return null;
        }
        List<Waiting<I, O>> batch = new ArrayList<>(Math.min(maxSize, waiting.size()));
        while (batch.size() < maxSize && !waiting.isEmpty()) {
            batch.add(waiting.poll());
        }
        running++;
        return batch;
    }

    private void launch(List<Waiting<I, O>> batch) {
        launcher.execute(() -> Uni.createFrom().deferred(() -> runner.apply(batch)).subscribe()
                .with(done -> finished(batch, null), failure -> finished(batch, failure)));
    }

    private void finished(List<Waiting<I, O>> batch, Throwable failure) {
        for (Waiting<I, O> item : batch) {
            item.fail(failure != null ? failure : new IllegalStateException("the batch did not settle this item"));
        }
        List<Waiting<I, O>> next;
        synchronized (this) {
            running--;
            next = nextBatch();
        }
        if (next != null) {
            launch(next);
        }
    }
}
