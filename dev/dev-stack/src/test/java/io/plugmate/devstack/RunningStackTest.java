package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** The bookkeeping around the stop order; the order with real processes and signals is {@link StopOrderTest}. */
class RunningStackTest {

    private final List<String> closed = new CopyOnWriteArrayList<>();
    private final RunningStack stack = new RunningStack();

    @Test
    void tiersStopInOrderWhateverTheStartOrder() {
        stack.add("postgres", Tier.POSTGRES, closing("postgres"));
        stack.add("kafka", Tier.KAFKA_AND_KEYCLOAK, closing("kafka"));
        stack.add("oem-simulator", Tier.SIMULATOR, closing("oem-simulator"));
        stack.add("vehicle-service", Tier.SERVICE, closing("vehicle-service"));

        stack.stop();

        assertThat(closed).containsExactly("vehicle-service", "oem-simulator", "kafka", "postgres");
    }

    @Test
    void aPartThatFailsToStopDoesNotKeepTheNextTiersRunning() {
        stack.add("vehicle-service", Tier.SERVICE, () -> {
            throw new IllegalStateException("already gone");
        });
        stack.add("postgres", Tier.POSTGRES, closing("postgres"));

        stack.stop();

        assertThat(closed).containsExactly("postgres");
    }

    @Test
    void aPartStartedWhileStoppingIsStoppedAtOnceAndAStopRunsOnce() {
        stack.add("kafka", Tier.KAFKA_AND_KEYCLOAK, closing("kafka"));
        stack.stop();

        stack.add("vehicle-service", Tier.SERVICE, closing("vehicle-service"));
        stack.stop();

        assertThat(closed).containsExactly("kafka", "vehicle-service");
    }

    /** The supervisor's restart: the dead part's remains released once, its replacement the one stopped at the end. */
    @Test
    void aForgottenPartIsReleasedAndItsReplacementStopped() {
        stack.add("kafka", Tier.KAFKA_AND_KEYCLOAK, closing("dead kafka"));
        stack.add("postgres", Tier.POSTGRES, () -> {
            throw new IllegalStateException("its server is gone");
        });

        stack.forget("kafka");
        stack.forget("postgres");
        stack.add("kafka", Tier.KAFKA_AND_KEYCLOAK, closing("kafka"));
        stack.stop();

        assertThat(closed).containsExactly("dead kafka", "kafka");
    }

    private AutoCloseable closing(String name) {
        return () -> closed.add(name);
    }
}
