package io.plugmate.vehicle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.plugmate.messaging.RetriedInPlace;
import io.plugmate.testinfra.DatabaseRelay;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.LogCapture;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link RetriedInPlace} on ChargerStateConsumer's batches: PostgreSQL away says nothing about the readings, so a batch
 * that meets it is tried again whole, in place, with the records behind it waiting, until the database is back — never
 * sent to {@code charger-state-dlq}, which is for records that do not read (ChargerStateBatchTest). Dead-lettered, the
 * readings would be lost, and the vehicles would keep no charger rate or an older one.
 * <p>
 * A fault test, not in the default run (its own application start): {@code ./mvnw -B -o -pl vehicle-service verify
 * -Dplugmate.fault-tests=true -Dtest=ChargerStateDatabaseDownTest}. The service reaches PostgreSQL through a
 * {@link DatabaseRelay} the test takes down and brings back, as WebhookDatabaseDownTest does.
 */
@QuarkusTest
@TestProfile(ChargerStateDatabaseDownTest.BehindRelay.class)
@EnabledIfSystemProperty(named = "plugmate.fault-tests", matches = "true")
class ChargerStateDatabaseDownTest {

    static final DatabaseRelay RELAY = new DatabaseRelay();

    public static class BehindRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            RELAY.up();
            // above the test resources' own source, which names the server itself
            return Map.of("config_ordinal", "1000", "quarkus.datasource.reactive.url", RELAY.reactiveUrl());
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String DLQ = Topics.dlq(Topics.CHARGER_STATE);

    private static ChargerStateObserved reading(String clientId, String chargerId, double kw, Instant at) {
        return new ChargerStateObserved(UUID.randomUUID(), 1, clientId, "alice", Instant.now(), chargerId, "EASEE", at,
                true, true, kw, 32.0);
    }

    /** This test's records on {@code charger-state-dlq} (its client is their key), read from the topic's start. */
    private static long deadLettered(KafkaTestClient.Reader dlq, String client) {
        return dlq.poll().stream().filter(r -> client.equals(r.key())).count();
    }

    /** What RetriedInPlace logged about this consumer (a WARN or an ERROR per failed attempt, an INFO once applied). */
    private static List<String> consumerLog(LogCapture log) {
        return log.records().stream()
                .map(r -> String.valueOf(r.getMessage()) + " " + Arrays.toString(r.getParameters()))
                .filter(line -> line.contains(ChargerStateConsumer.class.getSimpleName() + ".consume")).toList();
    }

    private static long failedAttempts(LogCapture log) {
        return consumerLog(log).stream().filter(line -> line.contains("(attempt ")).count();
    }

    private static boolean shows(ChargerStateObserved last, VehicleEntity v) {
        VehicleEntity stored = SeededVehicles.reload(v.id);
        return Objects.equals(stored.chargerChargeRateKw, last.chargeRateKw())
                && Objects.equals(stored.chargerRateObservedAt, last.observedAt());
    }

    @Test
    void readingsMetByAnUnreachableDatabaseAreRetriedInPlaceAndAppliedOnceItIsBackNoneDeadLettered() {
        String client = "client-" + UUID.randomUUID();
        String first = "charger-" + UUID.randomUUID();
        String second = "charger-" + UUID.randomUUID();
        String third = "charger-" + UUID.randomUUID();
        // two vehicles on the first charger: a reading reaches every vehicle plugged into its charger
        Map<VehicleEntity, String> plugged = Map.of(SeededVehicles.pluggedInto(client, "alice", first), first,
                SeededVehicles.pluggedInto(client, "bob", first), first,
                SeededVehicles.pluggedInto(client, "carol", second), second,
                SeededVehicles.pluggedInto(client, "dave", third), third);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // each charger's readings in the order they were taken: its last record is the reading its vehicles must keep
        List<ChargerStateObserved> sent = List.of(reading(client, first, 7.4, t), reading(client, second, 3.7, t),
                reading(client, first, 7.2, t.plusSeconds(5)), reading(client, third, 11.0, t),
                reading(client, second, 3.6, t.plusSeconds(5)), reading(client, first, 6.9, t.plusSeconds(10)),
                reading(client, third, 10.5, t.plusSeconds(10)));
        Map<String, ChargerStateObserved> last = sent.stream()
                .collect(Collectors.toMap(ChargerStateObserved::chargerId, Function.identity(), (older, newer) -> newer));
        List<String> logged;
        try (LogCapture log = LogCapture.of(RetriedInPlace.class.getName());
                KafkaTestClient.Reader dlq = KafkaTestClient.reader(DLQ)) {
            RELAY.down();
            // one key: one partition, so the records are consumed in the order sent, the later ones behind the first
            sent.forEach(reading -> KafkaTestClient.send(Topics.CHARGER_STATE, client, EventJson.write(reading)));
            // polled and failed against no database, then tried again and failed again; were the batch given up
            // instead, it would be on the DLQ by now
            await("the failed batch tried again (or given up to the DLQ)").atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> failedAttempts(log) >= 2 || deadLettered(dlq, client) > 0);
            assertThat(deadLettered(dlq, client)).as("records dead-lettered while the database was away").isZero();

            RELAY.up();
            // a read may still meet the pool reconnecting: asked again
            await().atMost(PATIENCE).ignoreExceptions().until(() -> plugged.entrySet().stream()
                    .allMatch(vehicle -> shows(last.get(vehicle.getValue()), vehicle.getKey())));
            logged = consumerLog(log);
            assertThat(deadLettered(dlq, client)).as("records dead-lettered, the database away or back").isZero();
        } finally {
            RELAY.up();
        }

        plugged.forEach((vehicle, charger) -> {
            VehicleEntity stored = SeededVehicles.reload(vehicle.id);
            assertThat(stored.chargerChargeRateKw).as("the rate of %s's last record", charger)
                    .isEqualTo(last.get(charger).chargeRateKw());
            assertThat(stored.chargerRateObservedAt).isEqualTo(last.get(charger).observedAt());
        });
        assertThat(logged).as("the batch that failed applied by a later attempt of the same call")
                .anySatisfy(line -> assertThat(line).contains("applied after"));
    }
}
