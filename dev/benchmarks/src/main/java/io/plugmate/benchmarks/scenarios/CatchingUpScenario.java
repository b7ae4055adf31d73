package io.plugmate.benchmarks.scenarios;

import java.time.Duration;

import io.plugmate.benchmarks.generate.Scenario;
import io.plugmate.benchmarks.generate.World;
import io.plugmate.events.Topics;
import io.plugmate.simulator.domain.FleetConfig;

/**
 * A class whose records are delivered as usual but consumed with one topic's consumer behind the others (after a
 * restart, a deploy, a burst): the detector gets the user's vehicle reports minutes before the charger reports of the
 * same minutes. The pairs must come out as if nobody were behind.
 */
final class CatchingUpScenario implements Scenario {

    private final Scenario households;
    private final String laggingTopic;
    private final Duration lag;

    CatchingUpScenario(Scenario households, String laggingTopic, Duration lag) {
        this.households = households;
        this.laggingTopic = laggingTopic;
        this.lag = lag;
    }

    @Override
    public String name() {
        return "catching-up";
    }

    @Override
    public String description() {
        return "as `single`, with the %s consumer %d min behind the others".formatted(laggingTopic, lag.toMinutes());
    }

    @Override
    public Duration length() {
        return households.length();
    }

    @Override
    public FleetConfig config(FleetConfig defaults) {
        return households.config(defaults);
    }

    @Override
    public void populate(World world) {
        households.populate(world);
    }

    @Override
    public Duration consumerLag(String topic) {
        return topic.equals(laggingTopic) ? lag : Duration.ZERO;
    }

    static CatchingUpScenario chargerTopicBehind(Scenario households, Duration lag) {
        return new CatchingUpScenario(households, Topics.CHARGER_STATE, lag);
    }
}
