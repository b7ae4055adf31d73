package io.plugmate.gateway.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.strimzi.api.kafka.model.common.UnknownPropertyPreserving;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * The Strimzi resources read into Strimzi's own typed model (io.strimzi:api, the classes its CRDs are generated from):
 * every field must be one the model knows, with a value of its type (enums such as ACL operations included). Strimzi
 * keeps unknown fields aside instead of failing, and reads an unknown enum value in a list (ACL operations) as null,
 * so both are reported here.
 */
class StrimziResourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, Class<?>> KINDS = Map.of("Kafka", Kafka.class, "KafkaNodePool",
            KafkaNodePool.class, "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyFieldIsOneStrimziKnows(String overlay) {
        List<String> unknown = new ArrayList<>();
        int read = 0;
        for (ObjectNode object : Kustomize.objects(overlay)) {
            Class<?> type = KINDS.get(object.path("kind").asText());
            if (type == null || !object.path("apiVersion").asText().startsWith("kafka.strimzi.io/")) {
                continue;
            }
            Object model = JSON.convertValue(object, type);
            String where = object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
            collectUnknown(model, where, unknown, new IdentityHashMap<>());
            read++;
        }
        assertThat(read).isGreaterThan(20);
        assertThat(unknown).as("fields Strimzi does not know").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aTypoIsCaught() throws Exception {
        ObjectNode topic = (ObjectNode) JSON.readTree("""
                {"apiVersion": "kafka.strimzi.io/v1", "kind": "KafkaTopic", "metadata": {"name": "t"},
                 "spec": {"partitions": 3, "replica": 3, "config": {"retention.ms": 1}}}""");
        List<String> unknown = new ArrayList<>();
        collectUnknown(JSON.convertValue(topic, KafkaTopic.class), "KafkaTopic t", unknown, new IdentityHashMap<>());
        assertThat(unknown).singleElement().asString().contains("replica");
        ObjectNode user = (ObjectNode) JSON.readTree("""
                {"apiVersion": "kafka.strimzi.io/v1", "kind": "KafkaUser", "metadata": {"name": "u"},
                 "spec": {"authorization": {"type": "simple", "acls": [{"resource": {"type": "topic", "name": "x"},
                 "operations": ["Wrte"]}]}}}""");
        List<String> badOperation = new ArrayList<>();
        collectUnknown(JSON.convertValue(user, KafkaUser.class), "KafkaUser u", badOperation, new IdentityHashMap<>());
        assertThat(badOperation).singleElement().asString().contains("operations");
    }

    private static void collectUnknown(Object value, String where, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null || value.getClass().isEnum()
                || value.getClass().getName().startsWith("java.")) {
            if (value instanceof Collection<?> items) {
                if (items.contains(null)) {
                    unknown.add(where + ": a value Strimzi does not know (read as null)");
                }
                items.forEach(item -> collectUnknown(item, where, unknown, seen));
            } else if (value instanceof Map<?, ?> map) {
                map.values().forEach(item -> collectUnknown(item, where, unknown, seen));
            }
            return;
        }
        if (value instanceof UnknownPropertyPreserving preserving && !preserving.getAdditionalProperties().isEmpty()) {
            unknown.add(where + " (" + value.getClass().getSimpleName() + "): "
                    + preserving.getAdditionalProperties().keySet());
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() == 0 && getter.getName().startsWith("get")
                    && !getter.getName().equals("getAdditionalProperties") && !getter.getName().equals("getClass")) {
                try {
                    collectUnknown(getter.invoke(value), where + "." + Introspector.decapitalize(
                            getter.getName().substring(3)), unknown, seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a computed getter that does not apply to this object: nothing to inspect
                }
            }
        }
    }
}
