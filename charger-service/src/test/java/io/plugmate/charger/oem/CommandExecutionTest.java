package io.plugmate.charger.oem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.SimulatorGrant;
import io.plugmate.device.CommandFollowUp;
import io.plugmate.events.CommandKind;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.CommandResult;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.Topics;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class CommandExecutionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final CredentialCipher SHARED = new CredentialCipher("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    /** A charger discovered from a real simulator account, as after linking. */
    private record Linked(String clientId, String userId, String chargerId) {
    }

    private static Linked linkedCharger(String chargerVendor) {
        String clientId = "client-" + UUID.randomUUID();
        var grant = io.plugmate.charger.SimulatorGrant.forNewHousehold("[\"NORDAUTO\"]", "[\"" + chargerVendor + "\"]",
                chargerVendor);
        String accountId = UUID.randomUUID().toString();
        KafkaTestClient.send(Topics.OEM_ACCOUNTS, grant.userId(), EventJson.write(new OemAccountLinked(UUID.randomUUID(),
                1, clientId, grant.userId(), Instant.now(), accountId, grant.vendor(), grant.oemAccountId(),
                List.of(DeviceType.CHARGER), SHARED.encrypt(grant.accessToken(), accountId),
                Instant.now().plusSeconds(3600))));
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(Tokens.apiClient(clientId)).get("/chargers").then()
                .extract().jsonPath().getList("data").size() == 1);
        String chargerId = given().auth().oauth2(Tokens.apiClient(clientId)).get("/chargers").then().extract()
                .path("data[0].id");
        return new Linked(clientId, grant.userId(), chargerId);
    }

    private static DeviceCommand command(Linked c, CommandKind kind, Double amps, Double kw) {
        return new DeviceCommand(UUID.randomUUID(), 1, c.clientId(), c.userId(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), DeviceType.CHARGER, c.chargerId(), kind, amps, kw, Instant.now().plusSeconds(300));
    }

    private static void send(DeviceCommand command) {
        KafkaTestClient.send(Topics.CHARGER_COMMANDS, command.deviceId(), EventJson.write(command));
    }

    private static List<CommandResult> results(KafkaTestClient.Reader reader, DeviceCommand command) {
        return reader.poll().stream().filter(r -> r.value().contains(command.commandId().toString()))
                .map(r -> EventJson.read(r.value(), CommandResult.class)).toList();
    }

    @Inject
    CommandFollowUp followUp;

    @Test
    void aStartTheOemFindsImpossibleLaterIsReportedAsRejected() throws Throwable {
        Linked zapline = linkedCharger("ZAPLINE"); // nothing is plugged into it
        DeviceCommand start = command(zapline, CommandKind.START, null, null);

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            send(start);
            await().atMost(PATIENCE).until(() -> !results(reader, start).isEmpty());
            given().baseUri(SimulatorGrant.url()).contentType("application/json").body("{\"duration\":\"PT1M\"}")
                    .post("/sandbox/time/advance").then().statusCode(200);

            VertxContextSupport.subscribeAndAwait(followUp::followUpOnce);

            await().atMost(PATIENCE).until(() -> results(reader, start).size() == 2);
            assertThat(results(reader, start)).extracting(CommandResult::outcome)
                    .containsExactly(CommandOutcome.ACCEPTED, CommandOutcome.REJECTED); // nothing plugged in
            assertThat(results(reader, start).get(1).reason()).contains("NOT_PLUGGED_IN");
        }
    }

    @Test
    void commandsReachTheOemOnceAndItsRefusalsComeBackAsRejections() {
        Linked zapline = linkedCharger("ZAPLINE");
        Linked wattbox = linkedCharger("WATTBOX"); // has no adjustable current
        DeviceCommand limit = command(zapline, CommandKind.SET_MAX_CURRENT, 16.0, null);
        DeviceCommand refused = command(wattbox, CommandKind.SET_MAX_CURRENT, 10.0, null);
        DeviceCommand unconvertible = command(zapline, CommandKind.SET_MAX_POWER, null, 7.4);

        try (var reader = KafkaTestClient.reader(Topics.COMMAND_RESULTS)) {
            send(limit);
            send(limit); // redelivered
            send(refused);
            send(unconvertible);

            await().atMost(PATIENCE).until(() -> !results(reader, refused).isEmpty()
                    && !results(reader, unconvertible).isEmpty() && !results(reader, limit).isEmpty());
            assertThat(results(reader, limit)).hasSize(1).first().extracting(CommandResult::outcome)
                    .isEqualTo(CommandOutcome.ACCEPTED);
            assertThat(results(reader, refused).getFirst().outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(results(reader, refused).getFirst().reason()).contains("422");
            assertThat(results(reader, unconvertible).getFirst().outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(results(reader, unconvertible).getFirst().reason()).contains("phases and voltage");
        }
    }
}
