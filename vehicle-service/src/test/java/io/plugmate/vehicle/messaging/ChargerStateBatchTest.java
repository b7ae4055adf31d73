package io.plugmate.vehicle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Statements;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Issue 14: {@code charger-state} is consumed a batch at a time (ChargerStateConsumer). The records of a test are sent
 * as one produce request to one partition (one key, a long linger, then a flush): the broker appends them as one record
 * batch and a fetch returns all of them or none, so the consumer gets them in one poll, i.e. one batch.
 */
@QuarkusTest
class ChargerStateBatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Sends the records together, so that they are consumed as one batch. */
    private static void sendTogether(String key, List<String> values) {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers",
                System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY), "acks", "all", "linger.ms", "60000"),
                new StringSerializer(), new StringSerializer())) {
            var sent = values.stream().map(value -> producer.send(new ProducerRecord<>(Topics.CHARGER_STATE, key, value)))
                    .toList();
            producer.flush();
            for (var each : sent) {
                each.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + Topics.CHARGER_STATE, e);
        }
    }

    private static ChargerStateObserved reading(String clientId, String chargerId, double kw, Instant at) {
        return new ChargerStateObserved(UUID.randomUUID(), 1, clientId, "alice", Instant.now(), chargerId, "EASEE", at,
                true, true, kw, 32.0);
    }

    private static String json(ChargerStateObserved event) {
        return EventJson.write(event);
    }

    /** A vehicle of the client plugged into the charger, as an activated pair leaves it. */
    private static VehicleEntity pluggedInto(String clientId, String chargerId) {
        return SeededVehicles.pluggedInto(clientId, "alice", chargerId);
    }

    /** What a pair change does to the charger's rate: forgotten, so that a re-applied reading would show. */
    private static void forgetRate(UUID vehicleId) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.find(VehicleEntity.class, vehicleId)).invoke(stored -> {
                        stored.chargerChargeRateKw = null;
                        stored.chargerRateObservedAt = null;
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Double rate(VehicleEntity v) {
        return SeededVehicles.reload(v.id).chargerChargeRateKw;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void aBatchOfSeveralChargersReachesTheirVehiclesInRecordOrder() {
        String client = "client-" + UUID.randomUUID();
        String first = "charger-" + UUID.randomUUID();
        String second = "charger-" + UUID.randomUUID();
        String third = "charger-" + UUID.randomUUID();
        VehicleEntity a = pluggedInto(client, first);
        VehicleEntity b = pluggedInto(client, first);
        VehicleEntity c = pluggedInto(client, second);
        VehicleEntity d = pluggedInto(client, third);
        VehicleEntity elsewhere = pluggedInto(client, "charger-" + UUID.randomUUID());
        Instant t = now();

        sendTogether(client, List.of(json(reading(client, first, 7.4, t)), json(reading(client, second, 3.7, t)),
                json(reading(client, third, 11.0, t)),
                // the first charger again, newer, then a late reading older than both: the newer stays
                json(reading(client, first, 7.2, t.plusSeconds(10))), json(reading(client, first, 1.0, t.minusSeconds(10))),
                json(reading(client, third, 2.0, t))));

        await().atMost(PATIENCE).until(() -> rate(d) != null);
        assertThat(rate(a)).isEqualTo(7.2);
        assertThat(rate(b)).isEqualTo(7.2);
        assertThat(SeededVehicles.reload(a.id).chargerRateObservedAt).isEqualTo(t.plusSeconds(10));
        assertThat(rate(c)).isEqualTo(3.7);
        assertThat(rate(d)).as("a reading of the same instant after the kept one changes nothing").isEqualTo(11.0);
        assertThat(rate(elsewhere)).isNull();
    }

    @Test
    void theSameEventTwiceIsAppliedOnce() {
        String client = "client-" + UUID.randomUUID();
        String charger = "charger-" + UUID.randomUUID();
        VehicleEntity v = pluggedInto(client, charger);
        VehicleEntity marked = pluggedInto(client, "charger-" + UUID.randomUUID());
        String twice = json(reading(client, charger, 7.4, now()));

        sendTogether(client, List.of(twice, twice));
        await().atMost(PATIENCE).until(() -> rate(v) != null);
        assertThat(rate(v)).isEqualTo(7.4);

        forgetRate(v.id);
        sendTogether(client, List.of(twice, json(reading(client, marked.pluggedInChargerId, 5.0, now()))));
        await().atMost(PATIENCE).until(() -> rate(marked) != null);
        assertThat(rate(v)).as("the redelivered reading is not applied again").isNull();
    }

    @Test
    void aPoisonRecordGoesToTheDlqWithItsReasonAndTheRestOfTheBatchIsApplied() {
        String client = "client-" + UUID.randomUUID();
        String before = "charger-" + UUID.randomUUID();
        String after = "charger-" + UUID.randomUUID();
        VehicleEntity v = pluggedInto(client, before);
        VehicleEntity w = pluggedInto(client, after);
        String undated = json(reading(client, before, 9.9, null));

        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.CHARGER_STATE))) {
            sendTogether(client, List.of(json(reading(client, before, 7.4, now())), "{this is not json", undated,
                    json(reading(client, after, 3.7, now()))));

            await().atMost(PATIENCE).until(() -> rate(w) != null);
            assertThat(rate(v)).isEqualTo(7.4);
            assertThat(rate(w)).isEqualTo(3.7);
            await().atMost(PATIENCE).until(() -> dlq.poll().stream().filter(r -> client.equals(r.key())).count() == 2);
            var poisoned = dlq.poll().stream().filter(r -> client.equals(r.key())).toList();
            assertThat(poisoned).extracting(r -> r.value()).containsExactly("{this is not json", undated);
            assertThat(KafkaTestClient.header(poisoned.get(0), Topics.DLQ_REASON_HEADER)).isNotBlank();
            assertThat(KafkaTestClient.header(poisoned.get(1), Topics.DLQ_REASON_HEADER)).contains("observedAt");
        }
    }

    @Test
    void aChargerIdOfOneClientNeverReachesAnotherClientsVehicles() {
        String alpha = "client-" + UUID.randomUUID();
        String beta = "client-" + UUID.randomUUID();
        String charger = "charger-" + UUID.randomUUID();
        VehicleEntity ofAlpha = pluggedInto(alpha, charger);
        VehicleEntity ofBeta = pluggedInto(beta, charger);
        VehicleEntity ofGamma = pluggedInto("client-" + UUID.randomUUID(), charger);
        Instant t = now();

        // beta's reading is the newer: were the clients mixed up, alpha's vehicle would show it
        sendTogether(alpha, List.of(json(reading(alpha, charger, 7.4, t)), json(reading(beta, charger, 11.0,
                t.plusSeconds(5)))));

        await().atMost(PATIENCE).until(() -> rate(ofAlpha) != null && rate(ofBeta) != null);
        assertThat(rate(ofAlpha)).isEqualTo(7.4);
        assertThat(rate(ofBeta)).isEqualTo(11.0);
        assertThat(rate(ofGamma)).isNull();
    }

    @Test
    void aBatchOfChargersIsOneInboxStatementAndOneLookup() {
        String client = "client-" + UUID.randomUUID();
        int chargers = 6;
        List<VehicleEntity> vehicles = java.util.stream.IntStream.range(0, chargers)
                .mapToObj(n -> pluggedInto(client, "charger-" + UUID.randomUUID())).toList();
        Instant t = now();

        List<String> sent = Statements.during(() -> {
            sendTogether(client, java.util.stream.IntStream.range(0, chargers)
                    .mapToObj(n -> json(reading(client, vehicles.get(n).pluggedInChargerId, 1.0 + n, t))).toList());
            await().atMost(PATIENCE).until(() -> vehicles.stream().allMatch(v -> rate(v) != null));
        });

        for (int n = 0; n < chargers; n++) {
            assertThat(rate(vehicles.get(n))).isEqualTo(1.0 + n);
        }
        assertThat(sent).as("the %d readings marked in the inbox in one statement", chargers)
                .filteredOn(s -> s.startsWith("insert into processed_event")).singleElement()
                .satisfies(s -> assertThat(s).contains("unnest"));
        assertThat(sent).as("the vehicles of the %d chargers read and locked in one statement", chargers)
                .filteredOn(s -> s.startsWith("select") && s.contains(" from vehicle ") && s.contains(" for "))
                .singleElement().satisfies(s -> assertThat(s).contains("unnest").contains("order by"));
        assertThat(sent).as("Hibernate's flush of each changed vehicle")
                .filteredOn(s -> s.startsWith("update vehicle ")).hasSize(chargers);
    }
}
