package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.plugmate.localinfra.KafkaBroker;
import io.vertx.core.Vertx;

/**
 * Issue 13 point 7: with the broker killed, {@code KafkaProducer.send} waits for metadata up to {@code max.block.ms}.
 * It ran on the Vert.x event loop, freezing the API and the health checks for the whole outage. A fault test (its own
 * broker, stopped and started again): {@code ./mvnw -B -o -pl libs/service-messaging verify -Dplugmate.fault-tests=true
 * -Dtest=OutboxProducerKafkaDownTest}.
 */
@EnabledIfSystemProperty(named = "plugmate.fault-tests", matches = "true")
class OutboxProducerKafkaDownTest {

    private static OutboxConfig config() {
        return new OutboxConfig() {
            public boolean relayEnabled() {
                return true;
            }

            public Duration pollInterval() {
                return Duration.ofMillis(100);
            }

            public int batchSize() {
                return 200;
            }

            public Duration unhealthyAfter() {
                return Duration.ofSeconds(30);
            }

            public Duration sendBlock() {
                return Duration.ofSeconds(5);
            }

            public int maxAttempts() {
                return 5;
            }
        };
    }

    @Test
    void withTheBrokerDownASendNeitherBlocksTheEventLoopNorCountsAsARefusal() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path data = Files.createTempDirectory("kafka-down");
        Vertx vertx = Vertx.vertx();
        KafkaBroker broker = KafkaBroker.startPersistent(port, data, Path.of("target", "infra-logs", "kafka-down.log"));
        OutboxProducer producer = new OutboxProducer(Map.of("bootstrap.servers", broker.bootstrapServers()), config());
        try {
            assertThat(producer.send(List.of(new ProducerRecord<>("before", "k", "v"))).get(30, TimeUnit.SECONDS))
                    .allMatch(OutboxProducer.Outcome::acknowledged);
            broker.close();

            // from the event loop, as the relay's timer does: a topic without metadata would block the caller
            CompletableFuture<List<OutboxProducer.Outcome>> sent = new CompletableFuture<>();
            CompletableFuture<Boolean> loopFreeBeforeTheSendEnded = new CompletableFuture<>();
            vertx.runOnContext(ignored -> {
                producer.send(List.of(new ProducerRecord<>("no-metadata-yet", "k", "1"),
                        new ProducerRecord<>("no-metadata-yet", "k", "2"))).whenComplete((outcomes, failure) -> {
                            if (failure != null) {
                                sent.completeExceptionally(failure);
                            } else {
                                sent.complete(outcomes);
                            }
                        });
                vertx.runOnContext(next -> loopFreeBeforeTheSendEnded.complete(!sent.isDone()));
            });
            assertThat(loopFreeBeforeTheSendEnded.get(30, TimeUnit.SECONDS)).isTrue();
            List<OutboxProducer.Outcome> outcomes = sent.get(60, TimeUnit.SECONDS);
            // the broker is away: retriable, not a refusal (nothing is parked), and the batch stopped at the first
            assertThat(outcomes.getFirst().unreachable()).isTrue();
            assertThat(outcomes).noneMatch(OutboxProducer.Outcome::refused).noneMatch(OutboxProducer.Outcome::acknowledged);

            broker = KafkaBroker.startPersistent(port, data, Path.of("target", "infra-logs", "kafka-down-again.log"));
            assertThat(producer.send(List.of(new ProducerRecord<>("after", "k", "v"))).get(60, TimeUnit.SECONDS))
                    .allMatch(OutboxProducer.Outcome::acknowledged);
        } finally {
            producer.close();
            broker.close();
            vertx.close();
        }
    }
}
