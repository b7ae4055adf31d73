package io.plugmate.vehicle.oem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.plugmate.device.AccountCredentials;
import io.plugmate.device.CommandFollowUp;
import io.plugmate.device.CommandResumption;
import io.plugmate.device.CommandTargets;
import io.plugmate.events.CommandKind;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.CommandResult;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.vehicle.LinkedHousehold;
import io.plugmate.vehicle.Simulator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class CommandExecutionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static DeviceCommand command(LinkedHousehold h, String vehicleId, CommandKind kind, Double amps) {
        return new DeviceCommand(UUID.randomUUID(), 1, h.clientId(), h.userId(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), DeviceType.VEHICLE, vehicleId, kind, amps, null, Instant.now().plusSeconds(300));
    }

    private static void send(DeviceCommand command) {
        KafkaTestClient.send(Topics.VEHICLE_COMMANDS, command.deviceId(), EventJson.write(command));
    }

    private static List<CommandResult> results(KafkaTestClient.Reader reader, DeviceCommand command) {
        return reader.poll().stream().filter(r -> r.value().contains(command.commandId().toString()))
                .map(r -> EventJson.read(r.value(), CommandResult.class)).toList();
    }

    @Test
    void aStartIsSentToTheOemAndItsAcceptanceIsPublishedUnderTheAction() {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA");
        DeviceCommand start = command(h, h.vehicleId(), CommandKind.START, null);

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            send(start);
            await().atMost(PATIENCE).until(() -> !results(reader, start).isEmpty());
            CommandResult result = results(reader, start).getFirst();
            assertThat(result.outcome()).isEqualTo(CommandOutcome.ACCEPTED);
            assertThat(result.actionId()).isEqualTo(start.actionId());
            assertThat(reader.poll().stream().filter(r -> r.value().contains(start.commandId().toString())).findFirst()
                    .orElseThrow().key()).isEqualTo(start.actionId().toString());
        }
    }

    @Inject
    CommandFollowUp followUp;

    @Test
    void aCommandTheOemFindsImpossibleAfterAcceptingItIsReportedAsRejected() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA"); // the car is not plugged in
        DeviceCommand start = command(h, h.vehicleId(), CommandKind.START, null);

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            send(start);
            await().atMost(PATIENCE).until(() -> !results(reader, start).isEmpty());
            given().baseUri(Simulator.url()).contentType("application/json").body("{\"duration\":\"PT2M\"}")
                    .post("/sandbox/time/advance").then().statusCode(200);

            VertxContextSupport.subscribeAndAwait(followUp::followUpOnce);

            await().atMost(PATIENCE).until(() -> results(reader, start).size() == 2);
            assertThat(results(reader, start)).extracting(CommandResult::outcome)
                    .containsExactly(CommandOutcome.ACCEPTED, CommandOutcome.REJECTED); // nothing plugged in
            CommandResult failed = results(reader, start).get(1);
            assertThat(failed.reason()).contains("NOT_PLUGGED_IN");
            assertThat(failed.userId()).isEqualTo(h.userId());
            assertThat(failed.actionId()).isEqualTo(start.actionId());
        }
        // concluded: asked once, never again
        assertThat(VertxContextSupport.subscribeAndAwait(followUp::followUpOnce)).isZero();
    }

    @Test
    void acceptedCommandsThatCannotBeSettledDoNotStarveTheOthers() throws Throwable {
        // 60 accepted commands older than anything, for a device that is gone: each round asks 50
        String gone = UUID.randomUUID().toString();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                        insert into device_command (command_id, action_id, client_id, user_id, device_type, device_id,
                            kind, status, oem_command_id, received_at)
                        select gen_random_uuid(), gen_random_uuid(), 'gone', 'gone', 'vehicle', :device, 'START',
                            'ACCEPTED', 'oem-' || n, now() - interval '1 day' from generate_series(1, 60) n""")
                        .setParameter("device", gone).executeUpdate())));
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA"); // the car is not plugged in
        DeviceCommand start = command(h, h.vehicleId(), CommandKind.START, null);

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            send(start);
            await().atMost(PATIENCE).until(() -> !results(reader, start).isEmpty());
            given().baseUri(Simulator.url()).contentType("application/json").body("{\"duration\":\"PT2M\"}")
                    .post("/sandbox/time/advance").then().statusCode(200);

            // the old ones asked in the first round go to the back: the second round reaches the new command
            VertxContextSupport.subscribeAndAwait(followUp::followUpOnce);
            VertxContextSupport.subscribeAndAwait(followUp::followUpOnce);

            await().atMost(PATIENCE).until(() -> results(reader, start).size() == 2);
            assertThat(results(reader, start).get(1).outcome()).isEqualTo(CommandOutcome.REJECTED);
        } finally {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("delete from device_command where device_id = :device")
                            .setParameter("device", gone).executeUpdate())));
        }
    }

    @Test
    void aRedeliveredCommandIsExecutedOnce() {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "AMPERIA");
        DeviceCommand limit = command(h, h.vehicleId(), CommandKind.SET_MAX_CURRENT, 10.0);
        DeviceCommand marker = command(h, h.vehicleId(), CommandKind.STOP, null);

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            send(limit);
            send(limit);
            send(marker);
            await().atMost(PATIENCE).until(() -> !results(reader, marker).isEmpty());
            assertThat(results(reader, limit)).hasSize(1).first()
                    .extracting(CommandResult::outcome).isEqualTo(CommandOutcome.ACCEPTED);
        }
    }

    @Test
    void whatTheOemRefusesIsRejectedWithItsReason() {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "VOLTRA"); // no start/stop at all
        DeviceCommand start = command(h, h.vehicleId(), CommandKind.START, null);

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            send(start);
            await().atMost(PATIENCE).until(() -> !results(reader, start).isEmpty());
            CommandResult result = results(reader, start).getFirst();
            assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(result.reason()).contains("422");
        }
    }

    @Test
    void unknownOrForeignVehiclesAndPastDeadlinesAreNotSent() {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA");
        DeviceCommand foreign = new DeviceCommand(UUID.randomUUID(), 1, "client-intruder", h.userId(), Instant.now(),
                UUID.randomUUID(), UUID.randomUUID(), DeviceType.VEHICLE, h.vehicleId(), CommandKind.STOP, null, null,
                Instant.now().plusSeconds(60));
        DeviceCommand late = new DeviceCommand(UUID.randomUUID(), 1, h.clientId(), h.userId(), Instant.now(),
                UUID.randomUUID(), UUID.randomUUID(), DeviceType.VEHICLE, h.vehicleId(), CommandKind.STOP, null, null,
                Instant.now().minusSeconds(1));

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            send(foreign);
            send(late);
            await().atMost(PATIENCE).until(() -> !results(reader, late).isEmpty() && !results(reader, foreign).isEmpty());
            assertThat(results(reader, foreign).getFirst().outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(results(reader, foreign).getFirst().clientId()).isEqualTo("client-intruder");
            assertThat(results(reader, late).getFirst().outcome()).isEqualTo(CommandOutcome.TIMED_OUT);
        }
        given().baseUri(Simulator.url()).get("/sandbox/time").then().statusCode(200);
    }

    @Inject
    MeterRegistry meters;

    /** How many command requests to the vendor's cloud ended so (OemCallMetrics): proof that one met the fault. */
    private double commandCalls(String vendor, String outcome) {
        return meters.find("plugmate.oem.calls").tags("vendor", vendor, "operation", "command", "outcome", outcome)
                .timers().stream().mapToLong(t -> t.count()).sum();
    }

    private static void outage(String body) {
        given().baseUri(Simulator.url()).contentType("application/json").body(body).put("/sandbox/oem-outage").then()
                .statusCode(200);
    }

    private static void outageEnds() {
        given().baseUri(Simulator.url()).delete("/sandbox/oem-outage").then().statusCode(204);
    }

    /** Every command the vehicle's cloud took. */
    private static List<Map<String, Object>> oemCommands(LinkedHousehold h) {
        return given().baseUri(Simulator.url()).get("/sandbox/commands?deviceId={id}", h.oemVehicleId()).then()
                .statusCode(200).extract().jsonPath().getList("data");
    }

    private static String ledgerStatus(DeviceCommand command) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select status from device_command where command_id = :id",
                        String.class).setParameter("id", command.commandId()).getSingleResult())));
    }

    /** A storm of {@code status} while the limit is first sent; it clears before the deadline. */
    private void limitThroughAStorm(int status, String outcome) throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "AMPERIA");
        DeviceCommand limit = command(h, h.vehicleId(), CommandKind.SET_MAX_CURRENT, 10.0);

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            double before = commandCalls("AMPERIA", outcome);
            outage("{\"status\":" + status + "}");
            try {
                send(limit);
                await().atMost(PATIENCE).until(() -> commandCalls("AMPERIA", outcome) > before);
            } finally {
                outageEnds();
            }
            await().atMost(PATIENCE).until(() -> !results(reader, limit).isEmpty());
            assertThat(results(reader, limit)).extracting(CommandResult::outcome).containsExactly(CommandOutcome.ACCEPTED);
        }
        // sent once, carried out, and the follow-up finds it done
        assertThat(oemCommands(h)).hasSize(1);
        given().baseUri(Simulator.url()).contentType("application/json").body("{\"duration\":\"PT2M\"}")
                .post("/sandbox/time/advance").then().statusCode(200);
        given().baseUri(Simulator.url()).get("/sandbox/vehicles/{id}", h.oemVehicleId()).then()
                .body("maxCurrentA", equalTo(10));
        VertxContextSupport.subscribeAndAwait(followUp::followUpOnce);
        assertThat(ledgerStatus(limit)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aCommandSentIntoA429StormIsSentAgainAfterRetryAfterAndTakenOnceWhenTheStormClears() throws Throwable {
        limitThroughAStorm(429, "throttled");
    }

    @Test
    void aCommandSentIntoA503StormIsSentAgainWithBackOffAndTakenOnceWhenTheStormClears() throws Throwable {
        limitThroughAStorm(503, "server-error");
    }

    @Test
    void aStormThatOutlastsTheDeadlineFailsTheCommandWithTheLastAnswer() {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "AMPERIA");
        DeviceCommand limit = new DeviceCommand(UUID.randomUUID(), 1, h.clientId(), h.userId(), Instant.now(),
                UUID.randomUUID(), UUID.randomUUID(), DeviceType.VEHICLE, h.vehicleId(), CommandKind.SET_MAX_CURRENT,
                10.0, null, Instant.now().plusSeconds(8));

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            outage("{\"status\":503}");
            send(limit);
            await().atMost(PATIENCE).until(() -> !results(reader, limit).isEmpty());
            outageEnds();
            CommandResult result = results(reader, limit).getFirst();
            assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
            assertThat(result.reason()).contains("before the deadline").contains("OEM answered 503");
            assertThat(results(reader, limit)).hasSize(1);
        } finally {
            outageEnds();
        }
        assertThat(oemCommands(h)).isEmpty();
    }

    @Test
    void aSlowOemThatTakesTheCommandAfterOurTimeoutHasItOnceAndTheCommandIsNotFailed() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "AMPERIA");
        DeviceCommand limit = command(h, h.vehicleId(), CommandKind.SET_MAX_CURRENT, 10.0);

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            double before = commandCalls("AMPERIA", "timeout");
            outage("{\"status\":0,\"delay\":\"PT4S\"}"); // our attempts wait 2 s here
            try {
                send(limit);
                // we gave up waiting, and the cloud took the command all the same: the outcome was unknown
                await().atMost(PATIENCE).until(() -> commandCalls("AMPERIA", "timeout") > before);
                await().atMost(PATIENCE).until(() -> oemCommands(h).size() == 1);
                assertThat(results(reader, limit)).isEmpty();
            } finally {
                outageEnds();
            }
            await().atMost(PATIENCE).until(() -> !results(reader, limit).isEmpty());
            assertThat(results(reader, limit)).extracting(CommandResult::outcome).containsExactly(CommandOutcome.ACCEPTED);
            assertThat(results(reader, limit).getFirst().outcome()).isNotEqualTo(CommandOutcome.FAILED);
        }
        // the attempts after the timeout carried the same Idempotency-Key: one command at the cloud, carried out
        given().baseUri(Simulator.url()).contentType("application/json").body("{\"duration\":\"PT2M\"}")
                .post("/sandbox/time/advance").then().statusCode(200);
        assertThat(oemCommands(h)).hasSize(1);
        given().baseUri(Simulator.url()).get("/sandbox/vehicles/{id}", h.oemVehicleId()).then()
                .body("maxCurrentA", equalTo(10));
        VertxContextSupport.subscribeAndAwait(followUp::followUpOnce);
        assertThat(ledgerStatus(limit)).isEqualTo("SUCCEEDED");
    }

    @Inject
    CommandResumption resumption;

    @Inject
    CommandTargets targets;

    @Inject
    AccountCredentials credentials;

    @Inject
    OemClient oem;

    /**
     * Writes the command's row as an instance that died between two attempts leaves it: claimed, SENDING, what its
     * attempts need, {@code attempts} made (the last one's failure {@code lastError}), the next due a second ago.
     */
    private void leftByADeadInstance(DeviceCommand command, int attempts, String lastError) throws Throwable {
        writtenByAnInstance(command, attempts, lastError, "now() - interval '1 second'");
    }

    private void writtenByAnInstance(DeviceCommand command, int attempts, String lastError, String nextAttempt)
            throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> targets.commandTarget(command)
                .chain(target -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into device_command (command_id, action_id, client_id, user_id, device_type, device_id,
                            kind, status, received_at, payload, target, deadline, attempts, next_attempt_at, last_error)
                        values (:id, :action, :client, :user, 'vehicle', :device, :kind, 'SENDING', now(), :payload,
                            :target, :deadline, :attempts, """ + nextAttempt + ", :error)")
                        .setParameter("id", command.commandId()).setParameter("action", command.actionId())
                        .setParameter("client", command.clientId()).setParameter("user", command.userId())
                        .setParameter("device", command.deviceId()).setParameter("kind", command.kind().name())
                        .setParameter("payload", EventJson.write(command)).setParameter("target", target.json())
                        .setParameter("deadline", command.deadline()).setParameter("attempts", attempts)
                        .setParameter("error", lastError).executeUpdate()))));
    }

    private int resumeRound() {
        try {
            return VertxContextSupport.subscribeAndAwait(resumption::resumeOnce);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static int attemptsMade(DeviceCommand command) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select attempts from device_command where command_id = :id",
                        Integer.class).setParameter("id", command.commandId()).getSingleResult())));
    }

    @Test
    void aCommandWhoseInstanceDiedBetweenAttemptsIsResumedOnceWithTheSameIdempotencyKey() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "AMPERIA");
        DeviceCommand limit = command(h, h.vehicleId(), CommandKind.SET_MAX_CURRENT, 10.0);
        // the dead instance's first attempt reached the cloud, which took it; the answer never came back (timeout)
        UUID account = h.accountId();
        String taken = VertxContextSupport.subscribeAndAwait(() -> credentials.accessToken(account)
                .chain(token -> oem.sendCommand("AMPERIA", DeviceKind.vehicle, h.oemVehicleId(), token,
                        "SET_MAX_CURRENT", 10.0, limit.commandId().toString(), Duration.ofSeconds(10))));
        leftByADeadInstance(limit, 1, "OEM unreachable: timeout (no answer in time: the OEM may have taken the command)");
        double sent = commandCalls("AMPERIA", "success");

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            // two instances' resume rounds at once (each on its own context and connection): one takes the command,
            // the other finds nothing due
            List<CompletableFuture<Integer>> rounds = List.of(CompletableFuture.supplyAsync(this::resumeRound),
                    CompletableFuture.supplyAsync(this::resumeRound));
            assertThat(rounds.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(1);

            await().atMost(PATIENCE).until(() -> !results(reader, limit).isEmpty());
            assertThat(results(reader, limit)).extracting(CommandResult::outcome).containsExactly(CommandOutcome.ACCEPTED);
        }
        // attempt 2, once, with the same key: the cloud answered with the command it took, and holds one
        assertThat(commandCalls("AMPERIA", "success") - sent).isEqualTo(1);
        assertThat(attemptsMade(limit)).isEqualTo(2);
        assertThat(oemCommands(h)).hasSize(1).first().extracting(c -> c.get("id")).isEqualTo(taken);
        assertThat(ledgerStatus(limit)).isEqualTo("ACCEPTED");
        assertThat(VertxContextSupport.subscribeAndAwait(resumption::resumeOnce)).isZero();
    }

    @Test
    void aCommandFoundPastItsDeadlineOrSupersededAfterARestartIsFailedWithItsReason() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "AMPERIA");
        DeviceCommand late = new DeviceCommand(UUID.randomUUID(), 1, h.clientId(), h.userId(), Instant.now(),
                UUID.randomUUID(), UUID.randomUUID(), DeviceType.VEHICLE, h.vehicleId(), CommandKind.SET_MAX_CURRENT,
                10.0, null, Instant.now().minusSeconds(5));
        leftByADeadInstance(late, 2, "OEM answered 503: storm");
        LinkedHousehold other = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA");
        DeviceCommand start = command(other, other.vehicleId(), CommandKind.START, null);
        leftByADeadInstance(start, 1, "OEM answered 429: slow down");
        Thread.sleep(2); // received later
        DeviceCommand stop = command(other, other.vehicleId(), CommandKind.STOP, null);
        leftByADeadInstance(stop, 1, "OEM answered 429: slow down");

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            VertxContextSupport.subscribeAndAwait(resumption::resumeOnce);

            await().atMost(PATIENCE).until(() -> !results(reader, late).isEmpty() && !results(reader, start).isEmpty()
                    && !results(reader, stop).isEmpty());
            CommandResult failed = results(reader, late).getFirst();
            assertThat(failed.outcome()).isEqualTo(CommandOutcome.FAILED);
            assertThat(failed.reason()).startsWith("2 attempt(s) before the deadline").contains("OEM answered 503: storm")
                    .contains("the device service stopped");
            assertThat(failed.actionId()).isEqualTo(late.actionId());
            // sending the START now would undo the STOP that came after it
            assertThat(results(reader, start).getFirst().outcome()).isEqualTo(CommandOutcome.FAILED);
            assertThat(results(reader, start).getFirst().reason()).startsWith("superseded by a later command");
            assertThat(results(reader, stop).getFirst().outcome()).isEqualTo(CommandOutcome.ACCEPTED);
        }
        assertThat(oemCommands(h)).isEmpty();
        assertThat(oemCommands(other)).extracting(c -> c.get("type")).containsExactly("STOP_CHARGING");
        assertThat(ledgerStatus(late)).isEqualTo("FAILED");
    }

    @Test
    void aCommandRetriedHereIsNotSentAgainOnceALaterOneForTheVehicleCameToAnotherInstance() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "AMPERIA");
        DeviceCommand limit = command(h, h.vehicleId(), CommandKind.SET_MAX_CURRENT, 10.0);
        DeviceCommand later = command(h, h.vehicleId(), CommandKind.SET_MAX_CURRENT, 16.0);

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            // the later command, received and being sent by another instance (its row leased for an hour)
            afterItsFirstAttemptFailsInA503Storm(limit,
                    () -> writtenByAnInstance(later, 1, null, "now() + interval '1 hour'"));
            // this instance's next attempt is not taken; the resume round fails the command as superseded
            await().atMost(PATIENCE).until(() -> resumeRound() > 0);
            await().atMost(PATIENCE).until(() -> !results(reader, limit).isEmpty());
            assertThat(results(reader, limit)).hasSize(1).first().satisfies(result -> {
                assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
                assertThat(result.reason()).startsWith("superseded by a later command").contains("OEM answered 503");
            });
        }
        assertThat(oemCommands(h)).isEmpty();
    }

    /** Sends an AMPERIA command into a 503 storm and, once its first attempt has failed, does {@code meanwhile}. */
    private void afterItsFirstAttemptFailsInA503Storm(DeviceCommand command, ThrowingRunnable meanwhile)
            throws Throwable {
        double before = commandCalls("AMPERIA", "server-error");
        outage("{\"status\":503}");
        try {
            send(command);
            await().atMost(PATIENCE).until(() -> commandCalls("AMPERIA", "server-error") > before);
            meanwhile.run();
        } finally {
            outageEnds();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Throwable;
    }

    private static boolean inLedger(DeviceCommand command) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("select count(*) from device_command where command_id = :id",
                            Long.class).setParameter("id", command.commandId()).getSingleResult()))) > 0;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * ADR 0014: a command waiting out a 503 back-off when a later command for the vehicle comes to this instance makes
     * no further attempt, even once the storm has cleared: FAILED as superseded, the later one ACCEPTED, and the cloud
     * only ever took the later one.
     */
    @Test
    void aCommandWaitingOutABackOffMakesNoFurtherAttemptOnceALaterOneForTheVehicleCame() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "AMPERIA");
        DeviceCommand limit = command(h, h.vehicleId(), CommandKind.SET_MAX_CURRENT, 10.0);
        DeviceCommand later = command(h, h.vehicleId(), CommandKind.SET_MAX_CURRENT, 16.0);

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            afterItsFirstAttemptFailsInA503Storm(limit, () -> {
                send(later);
                await().atMost(PATIENCE).until(() -> inLedger(later));
            });
            await().atMost(PATIENCE).until(() -> !results(reader, limit).isEmpty() && !results(reader, later).isEmpty());
            assertThat(results(reader, limit)).hasSize(1).first().satisfies(result -> {
                assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
                assertThat(result.reason()).startsWith("superseded by a later command").contains("OEM answered 503");
            });
            assertThat(results(reader, later)).extracting(CommandResult::outcome).containsExactly(CommandOutcome.ACCEPTED);
        }
        // the earlier command's Idempotency-Key never reached the cloud once the storm cleared: it holds the later only
        assertThat(oemCommands(h)).hasSize(1).first().satisfies(c -> assertThat(c.get("maxCurrentA")).isEqualTo(16));
        assertThat(ledgerStatus(limit)).isEqualTo("FAILED");
    }

    @Test
    void aRecordThatIsNotAVehicleCommandGoesToTheDlq() {
        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.VEHICLE_COMMANDS))) {
            String marker = UUID.randomUUID().toString();
            KafkaTestClient.send(Topics.VEHICLE_COMMANDS, marker, "{\"type\":\"DeviceCommand\",\"id\":\"" + marker + "\"}");

            await().atMost(PATIENCE).until(() -> dlq.poll().stream().anyMatch(r -> marker.equals(r.key())));
        }
    }
}
