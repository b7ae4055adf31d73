package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Which items of a batch are first deliveries (plain: the ids come as the inbox returns them). */
class RecordBatchesTest {

    private record Item(String name, UUID eventId) {
    }

    @Test
    void onlyTheFirstOfAnEventTheInboxCalledNewIsKeptInBatchOrder() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID seenBefore = UUID.randomUUID();
        List<Item> items = List.of(new Item("b", b), new Item("old", seenBefore), new Item("a", a),
                new Item("b again", b), new Item("a again", a));

        assertThat(RecordBatches.firstDeliveries(items, Item::eventId, Set.of(a, b))).extracting(Item::name)
                .containsExactly("b", "a");
    }

    @Test
    void nothingNewIsNothing() {
        assertThat(RecordBatches.firstDeliveries(List.of(new Item("x", UUID.randomUUID())), Item::eventId, Set.of()))
                .isEmpty();
    }
}
