package io.plugmate.messaging;

import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
public class TestInfrastructure {
}
