package io.plugmate.statistics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.plugmate.events.ChargerSessionRecorded;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceType;
import io.plugmate.events.DeviceUpdated;
import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.statistics.Db;
import io.plugmate.statistics.Household;
import io.plugmate.statistics.Sessions;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.PostgresResource;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Idempotent on eventId; poison to the DLQ with its reason; a transient failure retried, not dead-lettered. */
@QuarkusTest
class ReliabilityTest {

    @Test
    void anEventIdIsProcessedOnceWhateverTheRecordSays() {
        Household h = Household.fresh();
        ChargerSessionRecorded first = h.session("s1", 0, 60, 7.0);
        ChargerSessionRecorded impostor = new ChargerSessionRecorded(first.eventId(), 1, h.clientId(), h.userId(),
                Instant.now(), "s-impostor", h.chargerId(), "TESLA", Household.at(0), Household.at(60), 0.0, 99.0);
        ChargerSessionRecorded marker = h.session("s2", 100, 160, 3.0);

        h.publish(first);
        h.publish(first);
        h.publish(impostor);
        h.publishAndAwait(marker);

        assertThat(Sessions.list(Tokens.apiClient(h.clientId()), "userId=" + h.userId()).<String> getList("data.id"))
                .containsExactly("s1", "s2");
        assertThat(Db.count("select count(*) from processed_event where event_id = '" + first.eventId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void poisonRecordsGoToTheDlqWithTheirReasonAndLaterRecordsStillFlow() {
        Household h = Household.fresh();
        String key = h.userId();
        ChargerSessionRecorded noSession = new ChargerSessionRecorded(UUID.randomUUID(), 1, h.clientId(), h.userId(),
                Instant.now(), null, h.chargerId(), "TESLA", Household.at(0), Household.at(10), 1.0, 2.0);
        ChargerSessionRecorded noUser = new ChargerSessionRecorded(UUID.randomUUID(), 1, h.clientId(), null,
                Instant.now(), "s9", h.chargerId(), "TESLA", Household.at(0), Household.at(10), 1.0, 2.0);
        ChargerSessionRecorded backwards = new ChargerSessionRecorded(UUID.randomUUID(), 1, h.clientId(), h.userId(),
                Instant.now(), "s8", h.chargerId(), "TESLA", Household.at(10), Household.at(0), 1.0, 2.0);
        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.CHARGING_SESSIONS))) {
            KafkaTestClient.send(Topics.CHARGING_SESSIONS, key, "{this is not json");
            KafkaTestClient.send(Topics.CHARGING_SESSIONS, key, "{\"type\":\"ChargerSessionRecorded\",\"eventId\":\""
                    + UUID.randomUUID() + "\",\"occurredAt\":\"2026-11-24T10:00:00Z\"}");
            KafkaTestClient.send(Topics.CHARGING_SESSIONS, key, EventJson.write(h.vehicle(1, true, true, 7.0)));
            KafkaTestClient.send(Topics.CHARGING_SESSIONS, key, EventJson.write(noSession));
            KafkaTestClient.send(Topics.CHARGING_SESSIONS, key, EventJson.write(noUser));
            KafkaTestClient.send(Topics.CHARGING_SESSIONS, key, EventJson.write(backwards));
            h.publishAndAwait(h.session("s1", 0, 60, 7.0));

            await().atMost(Household.PATIENCE).until(() -> mine(dlq.poll(), key).size() == 6);
            List<String> reasons = mine(dlq.poll(), key).stream()
                    .map(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER)).toList();
            assertThat(reasons).allSatisfy(reason -> assertThat(reason).isNotBlank())
                    .anySatisfy(reason -> assertThat(reason).contains("clientId"))
                    .anySatisfy(reason -> assertThat(reason).contains("expected ChargerSessionRecorded"))
                    .contains("ChargerSessionRecorded without sessionId, chargerId or startedAt",
                            "ChargerSessionRecorded without userId", "ChargerSessionRecorded ending before it started");
        }
        assertThat(Sessions.list(Tokens.apiClient(h.clientId()), "userId=" + h.userId()).<String> getList("data.id"))
                .containsExactly("s1");
    }

    /** docs/adr/0012: device-lifecycle's poison goes to its DLQ with the reason; the next announcement still counts. */
    @Test
    void aLifecycleRecordWithoutItsDeviceGoesToTheDlqWithItsReason() {
        Household h = Household.fresh();
        String key = h.userId();
        DeviceUpdated noDevice = new DeviceUpdated(UUID.randomUUID(), DeviceUpdated.SCHEMA_VERSION, h.clientId(),
                h.userId(), Instant.now(), DeviceType.CHARGER, null, "TESLA", DeviceCapabilities.none(), null, true,
                null, List.of());
        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.DEVICE_LIFECYCLE))) {
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, "{this is not json");
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, EventJson.write(noDevice));
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, EventJson.write(h.session("s1", 0, 60, 7.0)));
            h.publishAndAwait(h.chargerScopes());

            await().atMost(Household.PATIENCE).until(() -> mine(dlq.poll(), key).size() == 3);
            assertThat(mine(dlq.poll(), key).stream().map(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER)))
                    .allSatisfy(reason -> assertThat(reason).isNotBlank())
                    .anySatisfy(reason -> assertThat(reason).contains("expected DeviceLifecycleEvent"))
                    .contains("DeviceUpdated without deviceType or deviceId");
        }
        assertThat(Db.count("select count(*) from charger_consent where client_id = '" + h.clientId()
                + "' and not reads_data")).isEqualTo(1);
    }

    @Test
    void aTransientDatabaseFailureIsRetriedNotDeadLettered() throws Exception {
        Household h = Household.fresh();
        h.publishAndAwait(h.vehicle(0, false, false, 0.0));
        VehicleStateObserved caught = h.vehicle(2, true, true, 7.0);
        String url = System.getProperty(PostgresResource.JDBC_URL_PROPERTY);
        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.VEHICLE_STATE));
                Connection blocker = DriverManager.getConnection(url, "postgres", "postgres")) {
            // hold the user's row: the service's handling of the next report waits for it in the database...
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "select 1 from user_ledger where client_id = ? and user_id = ? for update")) {
                lock.setString(1, h.clientId());
                lock.setString(2, h.userId());
                lock.executeQuery().close();
            }
            h.publish(caught);
            // ...where its connection is then cut, as a database restart would (SQLSTATE 57P01)
            int waiting = await().atMost(Household.PATIENCE).until(() -> waitingOnUserLedger(blocker), pid -> pid > 0);
            try (PreparedStatement kill = blocker.prepareStatement("select pg_terminate_backend(?)")) {
                kill.setInt(1, waiting);
                kill.executeQuery().close();
            }
            blocker.rollback();

            await().atMost(Household.PATIENCE).until(() -> Db.processed(caught.eventId()));
            assertThat(mine(dlq.poll(), h.userId())).isEmpty();
        }
        assertThat(Db.count("select count(*) from telemetry_sample where client_id = '" + h.clientId() + "'"))
                .isEqualTo(2);
    }

    /** The service's user lock (LedgerStore: one upsert, which waits for the row like any writer) waiting. */
    private static int waitingOnUserLedger(Connection c) throws Exception {
        try (PreparedStatement q = c.prepareStatement("select pid from pg_stat_activity where wait_event_type = "
                + "'Lock' and query like '%insert into user_ledger%on conflict%' and pid <> pg_backend_pid()");
                ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<ConsumerRecord<String, String>> mine(List<ConsumerRecord<String, String>> records,
            String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }
}
