package io.plugmate.gateway.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plugmate.gateway.routing.RoutingTable;

/**
 * k8s/: every overlay builds, every Kubernetes and Gateway API object validates against its published schema (offline,
 * npm's kubernetes-models), and the operators' custom resources say what the platform needs (their CRD schemas are not
 * published on Maven Central or npm, so their shape is checked here, rule by rule).
 */
class ManifestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Custom resources of the operators docs/deploy.md installs: checked by the rules below. */
    private static final Set<String> OPERATOR_KINDS = Set.of(
            "gateway.envoyproxy.io/v1alpha1 BackendTrafficPolicy", "gateway.envoyproxy.io/v1alpha1 ClientTrafficPolicy",
            "gateway.envoyproxy.io/v1alpha1 SecurityPolicy", "k8s.keycloak.org/v2alpha1 Keycloak",
            "kafka.strimzi.io/v1 Kafka", "kafka.strimzi.io/v1 KafkaNodePool", "kafka.strimzi.io/v1 KafkaTopic",
            "kafka.strimzi.io/v1 KafkaUser", "postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io/v1 Database");
    private static final long DAY = 86_400_000L;

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void buildsAndValidatesAgainstTheKubernetesAndGatewayApiSchemas(String overlay) throws Exception {
        String file = Kustomize.build(overlay).toString();
        NodeChecks.Result result = NodeChecks.run(NodeChecks.install(), 300, "node", "validate-manifests.mjs", file);
        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode report = JSON.readTree(result.output().lines().reduce((first, last) -> last).orElse("{}"));
        assertThat(report.path("validated").asInt()).isGreaterThan(30);
        List<String> unvalidated = JSON.convertValue(report.path("unvalidated"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertThat(unvalidated).as("kinds with neither a schema nor a rule here").isSubsetOf(OPERATOR_KINDS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyServiceRunsProbedNonRootReadOnlyAndSized(String overlay) {
        List<ObjectNode> deployments = Kustomize.objects(overlay, "Deployment").stream()
                .filter(d -> d.path("metadata").path("labels").path("plugmate.io/platform-service").asText().equals("true"))
                .toList();
        assertThat(deployments).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(RoutingTable.SERVICES);
        Map<String, JsonNode> configMaps = new HashMap<>();
        Kustomize.objects(overlay, "ConfigMap").forEach(map -> configMaps.put(map.path("metadata").path("name")
                .asText(), map.path("data")));
        for (ObjectNode deployment : deployments) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").path(0);
            String name = deployment.path("metadata").path("name").asText();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.path("resources").path("limits").path("memory").asText()).as(name).isNotEmpty();
            JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText() + " " + annotations.path("prometheus.io/path")
                    .asText() + " " + annotations.path("prometheus.io/port").asText()).as(name)
                    .isEqualTo("true /q/metrics 8080");
            assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains("/tmp");
            assertThat(env(container)).containsEntry("PLUGMATE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsKey("PLUGMATE_DB_PASSWORD").containsKey("PLUGMATE_KAFKA_PASSWORD")
                    .doesNotContainKey("JAVA_TOOL_OPTIONS"); // it would replace the image's AOT-cache option
            // the JVM's options from k8s/base/services/jvm.env (ConfigMap platform-jvm), the file ./plugmate run reads
            Map<String, String> jvm = configMapEnv(configMaps, container, "platform-jvm");
            assertThat(jvm.get("JDK_JAVA_OPTIONS")).as(name).contains("-XX:MaxRAMPercentage=", "-XX:+UseSerialGC")
                    .doesNotContain("-Xmx", "InitialRAMPercentage");
            assertThat(jvm).as(name).containsEntry("MALLOC_ARENA_MAX", "2");
            assertThat(container.path("envFrom").path(0).path("configMapRef").path("name").asText())
                    .startsWith(name + "-features");
        }
        assertThat(Kustomize.objects(overlay, "HorizontalPodAutoscaler")).hasSize(5);
        assertThat(Kustomize.objects(overlay, "PodDisruptionBudget")).hasSize(5);
    }

    @Test
    void theImageLeavesTheHeapToJvmEnv() throws java.io.IOException {
        // the JVM reads JDK_JAVA_OPTIONS before its command line, so an option in the entrypoint wins over jvm.env
        String dockerfile = java.nio.file.Files.readString(
                io.plugmate.testinfra.ProjectTree.root().resolve("k8s/images/Dockerfile.jvm"));
        String entrypoint = dockerfile.substring(dockerfile.indexOf("ENTRYPOINT"));
        assertThat(entrypoint).contains("-XX:AOTCache=").doesNotContain("RAMPercentage", "-Xmx", "-Xms", "GC");
        // the same for the images Jib builds (the root POM's images profile puts these in the entrypoint)
        String pom = java.nio.file.Files.readString(io.plugmate.testinfra.ProjectTree.root().resolve("pom.xml"));
        assertThat(pom).doesNotContain("quarkus.jib.jvm-additional-arguments>", "quarkus.jib.jvm-arguments>");
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void topicsKeepDeadLettersLongerAndClientFeaturesCompacted(String overlay) {
        Map<String, JsonNode> topics = new HashMap<>();
        Kustomize.objects(overlay, "KafkaTopic").forEach(t -> topics.put(t.path("metadata").path("name").asText(), t));
        assertThat(topics.get("client-features").path("spec").path("config").path("cleanup.policy").asText())
                .isEqualTo("compact");
        topics.forEach((name, topic) -> {
            if (!name.endsWith("-dlq")) {
                JsonNode dlq = topics.get(name + "-dlq");
                assertThat(dlq).as("DLQ of " + name).isNotNull();
                long kept = topic.path("spec").path("config").path("retention.ms").asLong(0);
                assertThat(dlq.path("spec").path("config").path("retention.ms").asLong()).isGreaterThan(kept)
                        .isGreaterThanOrEqualTo(30 * DAY);
                assertThat(topic.path("spec").path("partitions").asInt()).isGreaterThan(0);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void onlyOrchestrationMayWriteCommands(String overlay) {
        List<ObjectNode> users = Kustomize.objects(overlay, "KafkaUser");
        assertThat(users).extracting(u -> u.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(RoutingTable.SERVICES);
        for (ObjectNode user : users) {
            String name = user.path("metadata").path("name").asText();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                String topic = acl.path("resource").path("name").asText();
                boolean writes = acl.path("operations").toString().contains("Write");
                if (topic.endsWith("-commands") && writes) {
                    assertThat(name).as("writes " + topic).isEqualTo(RoutingTable.ORCHESTRATION);
                }
                assertThat(acl.path("resource").path("patternType").asText()).as("no wildcard ACLs").isEqualTo("literal");
            }
        }
    }

    /**
     * What each service's configuration consumes, its Kafka user may read, and it may write the dead letters of it:
     * a consumer added to a service without its ACL would work everywhere but in a cluster.
     */
    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyServiceMayReadWhatItConsumesAndWriteItsDeadLetters(String overlay) throws java.io.IOException {
        Map<String, String> modules = Map.of("vehicle-service", "vehicle-service", "charger-service",
                "charger-service", "pairing-service", "pairing-service/service", "orchestration-service",
                "orchestration-service", "statistics-service", "statistics-service");
        for (ObjectNode user : Kustomize.objects(overlay, "KafkaUser")) {
            String name = user.path("metadata").path("name").asText();
            Map<String, String> granted = new HashMap<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                granted.put(acl.path("resource").path("name").asText(), acl.path("operations").toString());
            }
            java.util.Properties config = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(io.plugmate.testinfra.ProjectTree.root()
                    .resolve(modules.get(name)).resolve("src/main/resources/application.properties"))) {
                config.load(in);
            }
            for (String key : config.stringPropertyNames()) {
                String topic = config.getProperty(key);
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".dead-letter-queue.topic")) {
                    assertThat(granted.getOrDefault(topic, "[]")).as(name + " writes " + topic).contains("Write");
                } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                    assertThat(granted.getOrDefault(topic, "[]")).as(name + " reads " + topic).contains("Read");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void eachServiceHasItsOwnDatabaseAndRole(String overlay) {
        Set<String> databases = Set.of("vehicle", "charger", "pairing", "orchestration", "statistics", "keycloak");
        assertThat(Kustomize.objects(overlay, "Database")).extracting(d -> d.path("spec").path("name").asText()
                + " owned by " + d.path("spec").path("owner").asText())
                .containsExactlyInAnyOrderElementsOf(databases.stream().map(d -> d + " owned by " + d).toList());
        JsonNode roles = Kustomize.objects(overlay, "Cluster").getFirst().path("spec").path("managed").path("roles");
        assertThat(roles.findValuesAsText("name")).containsAll(databases);
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void networkPoliciesDenyByDefaultAndKeycloakImportsTheOneRealm(String overlay) {
        ObjectNode deny = Kustomize.objects(overlay, "NetworkPolicy").stream()
                .filter(p -> p.path("metadata").path("name").asText().equals("default-deny")).findFirst().orElseThrow();
        assertThat(deny.path("spec").path("podSelector").isEmpty()).isTrue();
        assertThat(deny.path("spec").path("policyTypes").toString()).contains("Ingress").contains("Egress");
        ObjectNode realm = Kustomize.objects(overlay, "ConfigMap").stream()
                .filter(c -> c.path("metadata").path("name").asText().equals("plugmate-realm")).findFirst().orElseThrow();
        assertThat(realm.path("data").path("plugmate-realm.json").asText()).contains("\"realm\": \"plugmate\"");
        assertThat(Kustomize.objects(overlay, "Keycloak").getFirst().toString()).contains("plugmate-realm");
    }

    /** The container's variables taken from the generated ConfigMap {@code prefix-<hash>}, with their values. */
    private static Map<String, String> configMapEnv(Map<String, JsonNode> data, JsonNode container, String prefix) {
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> {
            JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
            if (ref.path("name").asText().startsWith(prefix + "-")) {
                assertThat(data).as("ConfigMap %s", ref.path("name").asText()).containsKey(ref.path("name").asText());
                env.put(e.path("name").asText(), data.get(ref.path("name").asText()).path(ref.path("key").asText())
                        .asText());
            }
        });
        return env;
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(),
                e.has("value") ? e.path("value").asText() : "(from " + e.path("valueFrom").fieldNames().next() + ")"));
        return env;
    }
}
