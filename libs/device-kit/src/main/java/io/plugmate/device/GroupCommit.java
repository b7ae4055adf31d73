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

    private final int maxSize;
    private final int inFlight;
    private final Executor launcher;
    private final Runner<I, O> runner;
    private final Queue<Waiting<I, O>> waiting = new ArrayDeque<>();
    private int running;

    /**
     * @param launcher where a batch starts (e.g. a new Vert.x context of its own)
     */
    public GroupCommit(int maxSize, int inFlight, Executor launcher, Runner<I, O> runner) {
        if (maxSize < 1 || inFlight < 1) {
            throw new IllegalArgumentException("a batch takes at least one item and one batch runs at a time");
        }
        this.maxSize = maxSize;
        this.inFlight = inFlight;
        this.launcher = launcher;
        this.runner = runner;
    }

    /** The item's outcome, once the batch that takes it has run. */
    public Uni<O> submit(I item) {
        return Uni.createFrom().emitter(caller -> {
            List<Waiting<I, O>> batch;
            synchronized (this) {
                waiting.add(new Waiting<>(item, caller));
                batch = nextBatch();
            }
            if (batch != null) {
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
