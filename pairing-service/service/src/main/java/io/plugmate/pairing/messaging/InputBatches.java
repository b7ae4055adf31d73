package io.plugmate.pairing.messaging;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.messaging.ConsumerFailures;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.RecordBatches;
import io.plugmate.pairing.service.PairingService;
import io.plugmate.pairing.service.RefusedInput;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * A batch of one state topic's records, a transaction per {@link #USERS_PER_TRANSACTION} users: the inbox marks in one
 * statement, each user's detector locked, restored and stored once ({@link PairingService#acceptAll}). One transaction
 * per record was the bound of the live path (its round trips and commit, the snapshot parsed and written per record),
 * not the detector.
 * <p>
 * A record that cannot be applied — not JSON, the wrong type, refused by the checks or the detector — is left out
 * (the transaction is rolled back and tried again without it) and goes alone to {@code <topic>-dlq} with its reason
 * once the rest is committed; the batch is acknowledged after that. Any other failure fails the batch, and
 * {@code RetriedInPlace} tries it again whole: nothing of it was kept.
 */
@ApplicationScoped
public class InputBatches {

    /** Users per transaction: their round trips shared, their detectors in memory together (dev/benchmarks README). */
    static final int USERS_PER_TRANSACTION = 16;

    private final Inbox inbox;
    private final PairingService pairing;

    public InputBatches(Inbox inbox, PairingService pairing) {
        this.inbox = inbox;
        this.pairing = pairing;
    }

    public <T extends PlugmateEvent> Uni<Void> apply(String consumer, KafkaRecordBatch<String, String> batch,
            Class<T> type) {
        Map<KafkaRecord<String, String>, Throwable> poison = new IdentityHashMap<>();
        List<Input> inputs = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                inputs.add(new Input(record, EventJson.read(record.getPayload(), type)));
            } catch (RuntimeException unreadable) {
                poison.put(record, unreadable);
            }
        }
        Uni<Void> committed = Uni.createFrom().voidItem();
        for (List<Input> users : byUsers(inputs)) {
            committed = committed.chain(() -> commit(consumer, users, poison));
        }
        return RecordBatches.retriedWhole(committed).chain(() -> RecordBatches.settle(batch, poison));
    }

    private Uni<Void> commit(String consumer, List<Input> inputs, Map<KafkaRecord<String, String>, Throwable> poison) {
        if (inputs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> inbox.firstDeliveries(consumer, inputs.stream()
                .map(input -> input.event().eventId()).toList())
                .chain(first -> pairing.acceptAll(RecordBatches.firstDeliveries(inputs, input -> input.event().eventId(),
                        first).stream().map(Input::event).toList())))
                .replaceWithVoid()
                .onFailure(failure -> ConsumerFailures.poisonOr(failure) instanceof RefusedInput).recoverWithUni(failure -> {
                    RefusedInput refused = (RefusedInput) ConsumerFailures.poisonOr(failure);
                    List<Input> rest = new ArrayList<>();
                    for (Input input : inputs) {
                        if (input.event() == refused.event()) {
                            poison.put(input.record(), refused);
                        } else {
                            rest.add(input);
                        }
                    }
                    if (rest.size() == inputs.size()) {
                        // not one of this batch's inputs: never loop on it (retried whole, see RecordBatches)
                        return Uni.createFrom().failure(refused);
                    }
                    return commit(consumer, rest, poison);
                });
    }

    /**
     * The batch's inputs in groups of at most {@link #USERS_PER_TRANSACTION} users, a user's inputs together and in
     * their order. A transaction restores every detector of its group at once: a whole batch's users (hundreds) kept
     * the old generation growing until the heap filled its limit.
     */
    static List<List<Input>> byUsers(List<Input> inputs) {
        Map<String, List<Input>> users = new LinkedHashMap<>();
        for (Input input : inputs) {
            users.computeIfAbsent(input.event().clientId() + '\u0000' + input.event().userId(),
                    user -> new ArrayList<>()).add(input);
        }
        List<List<Input>> groups = new ArrayList<>();
        List<Input> group = new ArrayList<>();
        int members = 0;
        for (List<Input> user : users.values()) {
            if (members == USERS_PER_TRANSACTION) {
                groups.add(group);
                group = new ArrayList<>();
                members = 0;
            }
            group.addAll(user);
            members++;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    record Input(KafkaRecord<String, String> record, PlugmateEvent event) {
    }
}
