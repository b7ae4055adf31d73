package io.plugmate.pairing.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.pairing.Db;
import io.plugmate.pairing.Household;
import io.plugmate.pairing.PairEvents;
import io.plugmate.pairing.Snapshots;
import io.plugmate.pairing.domain.DetectorSnapshot;
import io.plugmate.pairing.persistence.DetectorStore;
import io.plugmate.testinfra.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The three topics are consumed concurrently. One user's records arriving on all three at once, starting with the
 * user's very first ones (so the state row is created in a race), must all land in the user's state: with a
 * read-modify-write that did not hold the row lock, some would be lost.
 */
@QuarkusTest
class ConcurrentInputsTest {

    private static final int REPORTS = 40;

    @Inject
    DetectorStore store;

    @Test
    void aUsersRecordsOnAllThreeTopicsAtOnceAreAllKept() {
        Household h = Household.fresh();
        List<PlugmateEvent> vehicleReports = new ArrayList<>();
        List<PlugmateEvent> chargerReports = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            vehicleReports.add(h.vehicle(Duration.ofMinutes(i), false, false, 0));
            chargerReports.add(h.charger(Duration.ofMinutes(i).plusSeconds(5), false, false, 0));
        }
        List<PlugmateEvent> links = List.of(h.linked(DeviceType.VEHICLE, h.vehicleId()),
                h.linked(DeviceType.CHARGER, h.chargerId()));

        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers",
                System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY), "acks", "all", "linger.ms", 0),
                new StringSerializer(), new StringSerializer())) {
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> send(producer, vehicleReports)),
                    CompletableFuture.runAsync(() -> send(producer, chargerReports)),
                    CompletableFuture.runAsync(() -> send(producer, links))).join();
        }

        await().atMost(PairEvents.PATIENCE).until(() -> Db.processed(vehicleReports.getLast().eventId())
                && Db.processed(chargerReports.getLast().eventId()) && Db.processed(links.getLast().eventId()));
        DetectorSnapshot snapshot = Db.inSession(() -> store.read(h.clientId(), h.userId()));
        // applied, or waiting for the other topic (ADR 0008): none lost
        assertThat(snapshot.devices()).hasSize(2).allSatisfy(device -> {
            assertThat(device.linked()).isTrue();
            assertThat(device.reports().size() + Snapshots.waitingReports(snapshot, device.id()).size()).isEqualTo(REPORTS);
        });
        assertThat(snapshot.pairs()).singleElement().extracting(p -> p.id()).isEqualTo(h.pairId());
        assertThat(Db.count("select count(*) from user_detector where client_id = '" + h.clientId() + "'"))
                .isEqualTo(1);
    }

    private static void send(KafkaProducer<String, String> producer, List<PlugmateEvent> events) {
        for (PlugmateEvent event : events) {
            try {
                producer.send(new ProducerRecord<>(Household.topicOf(event), event.userId(), EventJson.write(event))).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
