package io.plugmate.charger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceLinked;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.localinfra.ParentDeathWatchdog;
import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.OidcResource;
import io.plugmate.testinfra.PostgresResource;
import io.plugmate.testinfra.SimulatorResource;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Graceful shutdown loses nothing: the packaged service runs in its own JVM with an outbox relay that would not send
 * for an hour, commits an event, and is stopped with SIGTERM; the event is on Kafka afterwards and the outbox is empty,
 * because the relay drains what is committed at shutdown. Real PostgreSQL, Kafka, OIDC and OEM simulator.
 */
class ShutdownDrainIT {

    private static final List<QuarkusTestResourceLifecycleManager> INFRA = List.of(new PostgresResource(),
            new KafkaResource(), new OidcResource(), new SimulatorResource());
    private static final Map<String, String> CONFIG = new HashMap<>();

    @BeforeAll
    static void startInfrastructure() {
        INFRA.stream().map(resource -> CompletableFuture.supplyAsync(resource::start)).toList()
                .forEach(started -> CONFIG.putAll(started.join()));
    }

    @AfterAll
    static void stopInfrastructure() {
        INFRA.reversed().forEach(QuarkusTestResourceLifecycleManager::stop);
    }

    @Test
    void anEventCommittedJustBeforeSigtermIsPublishedByTheShutdownDrain() throws Exception {
        int port = freePort();
        Process app = start(port);
        try (ParentDeathWatchdog guard = ParentDeathWatchdog.guardJvm(app.pid())) {
            awaitReady(app, port);
            String clientId = "client-" + UUID.randomUUID();
            SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"NORDAUTO\"]", "[\"ZAPLINE\"]", "ZAPLINE");
            Announcements.linked(clientId, grant);
            String chargers = "http://127.0.0.1:" + port + "/users/" + grant.userId() + "/chargers";
            await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Tokens.apiClient(clientId))
                    .get(chargers).then().extract().jsonPath().getList("data").size() == 1);
            String chargerId = given().auth().oauth2(Tokens.apiClient(clientId)).get(chargers).then().extract()
                    .path("data[0].id");
            // committed with the charger, and still waiting in the outbox: the relay's next run is an hour away
            assertThat(outboxRowsAbout(chargerId)).isEqualTo(1);

            app.destroy(); // SIGTERM, as Kubernetes stops a pod
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(outboxRowsAbout(chargerId)).isZero();
            try (var lifecycle = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.poll().stream()
                        .map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                        .anyMatch(e -> e instanceof DeviceLinked l && l.deviceId().equals(chargerId)));
            }
        } finally {
            app.destroyForcibly();
        }
        assertThat(Files.readString(log())).contains("outbox drained at shutdown: 1 event(s) published")
                .contains("charger-service stopped");
    }

    private static Process start(int port) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        Map<String, String> settings = new HashMap<>(Map.of(
                "quarkus.http.port", Integer.toString(port),
                "quarkus.http.host", "127.0.0.1",
                "quarkus.datasource.reactive.url", CONFIG.get("quarkus.datasource.reactive.url"),
                "quarkus.datasource.jdbc.url", CONFIG.get("plugmate.test.postgres.jdbc-url"),
                "quarkus.datasource.username", CONFIG.get("quarkus.datasource.username"),
                "quarkus.datasource.password", CONFIG.get("quarkus.datasource.password"),
                "kafka.bootstrap.servers", CONFIG.get(KafkaResource.BOOTSTRAP_PROPERTY),
                "quarkus.oidc.auth-server-url", CONFIG.get("quarkus.oidc.auth-server-url"),
                "plugmate.oem.base-url", CONFIG.get(SimulatorResource.URL_PROPERTY) + "/oem",
                "plugmate.oem.client-secret", "plugmate-dev-secret"));
        settings.putAll(Map.of(
                "plugmate.oem.credentials-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "plugmate.webhooks.secrets.TESLA", "test-only-tesla-webhook-secret",
                "plugmate.webhooks.secrets.WATTBOX", "test-only-wattbox-webhook-secret",
                "plugmate.webhooks.secrets.ZAPLINE", "test-only-webhook-secret-0123456789",
                // the relay would next look in an hour: only the shutdown drain can publish what gets committed
                "plugmate.outbox.poll-interval", "1h",
                "plugmate.polling.enabled", "false",
                "plugmate.commands.follow-up-interval", "0s",
                "plugmate.accounts.resync-tick", "0s"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        Files.createDirectories(log().getParent());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log().toFile())).start();
    }

    private static Path log() {
        return Path.of("target", "infra-logs", "charger-service-shutdown-it.log").toAbsolutePath();
    }

    private static int outboxRowsAbout(String deviceId) throws Exception {
        try (var connection = DriverManager.getConnection(CONFIG.get("plugmate.test.postgres.jdbc-url"),
                CONFIG.get("quarkus.datasource.username"), CONFIG.get("quarkus.datasource.password"));
                var query = connection.prepareStatement("select count(*) from outbox_event where payload like ?")) {
            query.setString(1, "%" + deviceId + "%");
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void awaitReady(Process app, int port) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(app.isAlive()).as("charger-service exited; see %s", log()).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
