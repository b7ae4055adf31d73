package io.plugmate.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.plugmate.device.GroupCommit.Waiting;
import io.smallrye.mutiny.Uni;

/** Issue 14: natural batching, counted on batches held open by the test — no timer, no timing. */
class GroupCommitTest {

    /** Batches started and not finished; each finishes when the test completes its gate. */
    private final List<List<Waiting<String, String>>> started = new ArrayList<>();
    private final List<CompletableFuture<Void>> gates = new ArrayList<>();

    private GroupCommit<String, String> commit(int maxSize, int inFlight) {
        return commit(maxSize, inFlight, 1000);
    }

    private GroupCommit<String, String> commit(int maxSize, int inFlight, int maxWaiting) {
        return new GroupCommit<>(maxSize, inFlight, maxWaiting, Runnable::run, batch -> {
            started.add(batch);
            CompletableFuture<Void> gate = new CompletableFuture<>();
            gates.add(gate);
            return Uni.createFrom().completionStage(gate).invoke(() -> batch.forEach(w -> w.complete(w.item() + "!")));
        });
    }

    private static List<String> items(List<Waiting<String, String>> batch) {
        return batch.stream().map(Waiting::item).toList();
    }

    @Test
    void aLoneItemStartsABatchAtOnce() {
        GroupCommit<String, String> commit = commit(64, 2);

        CompletableFuture<String> a = commit.submit("a").subscribeAsCompletionStage();

        assertThat(started).hasSize(1);
        assertThat(items(started.getFirst())).containsExactly("a");
        gates.getFirst().complete(null);
        assertThat(a).isCompletedWithValue("a!");
        assertThat(commit.running()).isZero();
    }

    @Test
    void itemsArrivingWhileEverySlotRunsWaitAndGoTogetherInArrivalOrder() {
        GroupCommit<String, String> commit = commit(64, 2);
        commit.submit("a").subscribeAsCompletionStage();
        commit.submit("b").subscribeAsCompletionStage();
        List<CompletableFuture<String>> later = List.of("c", "d", "e").stream()
                .map(item -> commit.submit(item).subscribeAsCompletionStage()).toList();

        assertThat(started).hasSize(2);
        assertThat(commit.waiting()).isEqualTo(3);
        gates.get(1).complete(null);

        assertThat(started).hasSize(3);
        assertThat(items(started.get(2))).containsExactly("c", "d", "e");
        gates.get(2).complete(null);
        assertThat(later).allSatisfy(outcome -> assertThat(outcome).isCompleted());
        assertThat(later.getFirst()).isCompletedWithValue("c!");
    }

    @Test
    void aBatchTakesAtMostMaxSize() {
        GroupCommit<String, String> commit = commit(2, 1);
        commit.submit("a").subscribeAsCompletionStage();
        List.of("b", "c", "d").forEach(item -> commit.submit(item).subscribeAsCompletionStage());

        gates.getFirst().complete(null);
        assertThat(items(started.get(1))).containsExactly("b", "c");
        assertThat(commit.waiting()).isEqualTo(1);
        gates.get(1).complete(null);
        assertThat(items(started.get(2))).containsExactly("d");
    }

    @Test
    void anItemTheBatchLeavesUnsettledFailsAndTheSlotIsFreed() {
        GroupCommit<String, String> commit = new GroupCommit<>(64, 1, 1000, Runnable::run,
                batch -> Uni.createFrom().failure(new IllegalStateException("down")));

        CompletableFuture<String> a = commit.submit("a").subscribeAsCompletionStage();
        CompletableFuture<String> b = commit.submit("b").subscribeAsCompletionStage();

        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompletedExceptionally();
        assertThat(commit.running()).isZero();
        assertThatThrownBy(() -> new GroupCommit<String, String>(0, 1, 1000, Runnable::run, batch -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anItemSubmittedWhileMaxWaitingWaitIsRefusedAtOnceAndNeverRuns() {
        GroupCommit<String, String> commit = commit(64, 1, 2);
        CompletableFuture<String> a = commit.submit("a").subscribeAsCompletionStage();
        List<CompletableFuture<String>> queued = List.of("b", "c").stream()
                .map(item -> commit.submit(item).subscribeAsCompletionStage()).toList();

        CompletableFuture<String> refused = commit.submit("refused").subscribeAsCompletionStage();

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(GroupCommit.Full.class)
                .cause().satisfies(full -> assertThat(((GroupCommit.Full) full).limit()).isEqualTo(2));
        assertThat(commit.waiting()).isEqualTo(2);
        assertThat(commit.running()).isEqualTo(1);

        gates.getFirst().complete(null);
        assertThat(a).isCompletedWithValue("a!");
        assertThat(items(started.get(1))).containsExactly("b", "c");
        CompletableFuture<String> later = commit.submit("later").subscribeAsCompletionStage();
        assertThat(commit.waiting()).isEqualTo(1);
        gates.get(1).complete(null);
        assertThat(queued).allSatisfy(outcome -> assertThat(outcome).isCompleted());
        assertThat(items(started.get(2))).containsExactly("later");
        gates.get(2).complete(null);
        assertThat(later).isCompletedWithValue("later!");
        assertThat(started).flatExtracting(GroupCommitTest::items).doesNotContain("refused");
    }

    @Test
    void atLeastOneItemMayWait() {
        assertThatThrownBy(() -> new GroupCommit<String, String>(64, 1, 0, Runnable::run, batch -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
