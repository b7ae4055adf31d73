package io.plugmate.pairing.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.PairEstablished;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.pairing.Db;
import io.plugmate.pairing.Household;
import io.plugmate.pairing.PairEvents;
import io.plugmate.pairing.Snapshots;
import io.plugmate.pairing.domain.DetectorSnapshot;
import io.plugmate.pairing.domain.Observation;
import io.plugmate.pairing.persistence.DetectorStore;
import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;

/** Idempotent on eventId, and a record that cannot be processed goes to the DLQ without holding up the next one. */
@QuarkusTest
class ReliabilityTest {

    @Inject
    DetectorStore store;

    @Test
    void anEventIdIsProcessedOnceWhateverTheRecordSays() {
        Household h = Household.fresh();
        VehicleStateObserved first = h.vehicle(Duration.ofMinutes(1), false, false, 0);
        // a redelivery, and another record reusing the id with different content: neither may count
        VehicleStateObserved impostor = new VehicleStateObserved(first.eventId(), 1, h.clientId(), h.userId(),
                Instant.now(), h.vehicleId(), "TESLA", h.at(Duration.ofMinutes(5)), true, true, 7.0, 60.0, null);
        VehicleStateObserved marker = h.vehicle(Duration.ofMinutes(2), false, false, 0);

        Household.publish(first);
        Household.publish(first);
        Household.publish(impostor);
        Household.publish(marker);
        await().atMost(PairEvents.PATIENCE).until(() -> Db.processed(marker.eventId()));

        // the vehicle is not linked: its reports wait for its link (ADR 0008), kept in the state row
        DetectorSnapshot snapshot = Db.inSession(() -> store.read(h.clientId(), h.userId()));
        assertThat(Snapshots.waitingReports(snapshot, h.vehicleId())).extracting(Observation::observedAt)
                .containsExactly(h.at(Duration.ofMinutes(1)), h.at(Duration.ofMinutes(2)));
        assertThat(Db.count("select count(*) from processed_event where event_id = '" + first.eventId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void poisonRecordsGoToTheDlqWithTheirReasonAndLaterRecordsStillFlow() {
        Household h = Household.fresh();
        String key = h.userId();
        DeviceLinked withoutUser = new DeviceLinked(UUID.randomUUID(), 1, h.clientId(), null, Instant.now(),
                DeviceType.VEHICLE, h.vehicleId(), "TESLA", null);
        DeviceLinked withoutType = new DeviceLinked(UUID.randomUUID(), 1, h.clientId(), h.userId(), Instant.now(),
                null, h.vehicleId(), "TESLA", null);
        DeviceLinked withoutDevice = new DeviceLinked(UUID.randomUUID(), 1, h.clientId(), h.userId(), Instant.now(),
                DeviceType.VEHICLE, null, "TESLA", null);

        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.DEVICE_LIFECYCLE));
                PairEvents events = PairEvents.of(h.clientId())) {
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, "{this is not json");
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, "{\"type\":\"DeviceLinked\",\"eventId\":\""
                    + UUID.randomUUID() + "\",\"occurredAt\":\"2026-11-24T10:00:00Z\"}");
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key,
                    EventJson.write(h.vehicle(Duration.ofMinutes(1), false, false, 0)));
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, EventJson.write(withoutUser));
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, EventJson.write(withoutType));
            // passes every check of the shell; the detector itself refuses a device without an id (it throws)
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, EventJson.write(withoutDevice));
            h.link();

            PairEstablished established = events.await(PairEstablished.class);
            assertThat(established.pairId()).isEqualTo(h.pairId());
            await().atMost(PairEvents.PATIENCE).until(() -> mine(dlq.poll(), key).size() == 6);
            List<ConsumerRecord<String, String>> poisoned = mine(dlq.poll(), key);
            assertThat(poisoned).extracting(ConsumerRecord::value).contains("{this is not json");
            List<String> reasons = poisoned.stream().map(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                    .toList();
            assertThat(reasons).allSatisfy(reason -> assertThat(reason).isNotBlank())
                    .anySatisfy(reason -> assertThat(reason).contains("clientId"))
                    .anySatisfy(reason -> assertThat(reason).contains("expected DeviceLifecycleEvent")
                            .contains("VehicleStateObserved"))
                    .contains("DeviceLinked without userId", "DeviceLinked without deviceType")
                    .anySatisfy(reason -> assertThat(reason)
                            .startsWith("detector refused DeviceLinked " + withoutDevice.eventId()));
            assertThat(poisoned).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_SOURCE_TOPIC_HEADER))
                    .containsOnly(Topics.DEVICE_LIFECYCLE);
        }
        // nothing of the refused records was kept: the detector knows exactly the two linked devices
        DetectorSnapshot snapshot = Db.inSession(() -> store.read(h.clientId(), h.userId()));
        assertThat(snapshot.devices()).extracting(DetectorSnapshot.Device::id)
                .containsExactlyInAnyOrder(h.vehicleId(), h.chargerId());
    }

    @Test
    void anObservationThatCannotBePlacedInTimeIsPoisonToo() {
        Household h = Household.fresh();
        VehicleStateObserved timeless = new VehicleStateObserved(UUID.randomUUID(), 1, h.clientId(), h.userId(),
                Instant.now(), h.vehicleId(), "TESLA", null, true, false, 0.0, 50.0, null);
        VehicleStateObserved fine = h.vehicle(Duration.ofMinutes(1), false, false, 0);
        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.VEHICLE_STATE))) {
            Household.publish(timeless);
            Household.publish(fine);
            await().atMost(PairEvents.PATIENCE).until(() -> Db.processed(fine.eventId()));
            await().atMost(PairEvents.PATIENCE).until(() -> mine(dlq.poll(), h.userId()).size() == 1);
            assertThat(KafkaTestClient.header(mine(dlq.poll(), h.userId()).getFirst(), Topics.DLQ_REASON_HEADER))
                    .isEqualTo("VehicleStateObserved without vehicleId or observedAt");
        }
        assertThat(Db.processed(timeless.eventId())).isFalse();
    }

    @Test
    void poisonAmongGoodStateRecordsIsLeftOutAndTheRestAppliedOnceInOrder() throws Exception {
        Household h = Household.fresh();
        VehicleStateObserved first = h.vehicle(Duration.ofMinutes(1), false, false, 0);
        VehicleStateObserved timeless = new VehicleStateObserved(UUID.randomUUID(), 1, h.clientId(), h.userId(),
                Instant.now(), h.vehicleId(), "TESLA", null, true, false, 0.0, 50.0, null);
        VehicleStateObserved second = h.vehicle(Duration.ofMinutes(2), false, false, 0);
        VehicleStateObserved last = h.vehicle(Duration.ofMinutes(3), false, false, 0);
        List<String> records = List.of(EventJson.write(first), "{this is not json",
                EventJson.write(h.charger(Duration.ofMinutes(1), false, false, 0)), EventJson.write(timeless),
                EventJson.write(second), EventJson.write(first), EventJson.write(last));

        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.VEHICLE_STATE));
                var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers",
                        System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY), "acks", "all", "linger.ms", "200"),
                        new StringSerializer(), new StringSerializer())) {
            // one producer batch on the user's partition: the consumer fetches the seven records together
            List<Future<RecordMetadata>> sent = records.stream()
                    .map(value -> producer.send(new ProducerRecord<>(Topics.VEHICLE_STATE, h.userId(), value)))
                    .toList();
            for (Future<RecordMetadata> record : sent) {
                record.get(30, TimeUnit.SECONDS);
            }
            await().atMost(PairEvents.PATIENCE).until(() -> Db.processed(last.eventId()));
            await().atMost(PairEvents.PATIENCE).until(() -> mine(dlq.poll(), h.userId()).size() == 3);
            List<String> reasons = mine(dlq.poll(), h.userId()).stream()
                    .map(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER)).toList();
            assertThat(reasons).contains("VehicleStateObserved without vehicleId or observedAt")
                    .anySatisfy(reason -> assertThat(reason).contains("expected VehicleStateObserved"))
                    .allSatisfy(reason -> assertThat(reason).isNotBlank());
            assertThat(mine(dlq.poll(), h.userId())).extracting(ConsumerRecord::value).contains("{this is not json");
        }
        // the rest applied once each, in the partition's order; nothing of the refused records kept
        DetectorSnapshot snapshot = Db.inSession(() -> store.read(h.clientId(), h.userId()));
        assertThat(Snapshots.waitingReports(snapshot, h.vehicleId())).extracting(Observation::observedAt)
                .containsExactly(h.at(Duration.ofMinutes(1)), h.at(Duration.ofMinutes(2)), h.at(Duration.ofMinutes(3)));
        assertThat(Db.processed(timeless.eventId())).isFalse();
        assertThat(Db.count("select count(*) from processed_event where event_id = '" + first.eventId() + "'"))
                .isEqualTo(1);
    }

    private static List<ConsumerRecord<String, String>> mine(List<ConsumerRecord<String, String>> records,
            String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }
}
