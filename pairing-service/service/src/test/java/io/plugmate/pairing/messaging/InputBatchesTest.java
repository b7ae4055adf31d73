package io.plugmate.pairing.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.VehicleStateObserved;

/** How a batch is cut into transactions: plain Java, no broker. */
class InputBatchesTest {

    @Test
    void aBatchIsCutIntoGroupsOfUsersEachUsersInputsTogetherAndInOrder() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int users = 1 + random.nextInt(60);
            List<InputBatches.Input> batch = new ArrayList<>();
            for (int i = random.nextInt(400); i >= 0; i--) {
                batch.add(input("client-" + random.nextInt(2), "user-" + random.nextInt(users), i));
            }

            List<List<InputBatches.Input>> groups = InputBatches.byUsers(batch);

            assertThat(groups.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(batch);
            assertThat(groups).allSatisfy(group -> assertThat(group.stream().map(InputBatchesTest::user).distinct())
                    .hasSizeBetween(1, InputBatches.USERS_PER_TRANSACTION));
            for (String user : batch.stream().map(InputBatchesTest::user).distinct().toList()) {
                List<List<InputBatches.Input>> holding = groups.stream()
                        .filter(group -> group.stream().anyMatch(input -> user(input).equals(user))).toList();
                assertThat(holding).as("one group holds all of " + user).hasSize(1);
                assertThat(holding.getFirst().stream().filter(input -> user(input).equals(user)).toList())
                        .as("in the batch's order").containsExactlyElementsOf(
                                batch.stream().filter(input -> user(input).equals(user)).toList());
            }
        }
    }

    @Test
    void noInputsNoGroups() {
        assertThat(InputBatches.byUsers(List.of())).isEmpty();
    }

    private static String user(InputBatches.Input input) {
        return input.event().clientId() + "/" + input.event().userId();
    }

    private static InputBatches.Input input(String client, String user, int n) {
        Instant at = Instant.parse("2026-12-06T00:00:00Z").plusSeconds(n);
        return new InputBatches.Input(null, new VehicleStateObserved(UUID.randomUUID(), 1, client, user, at,
                "vehicle-" + user, "TESLA", at, false, false, 0.0, 50.0, null));
    }
}
