package io.plugmate.statistics;

import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.OidcResource;
import io.plugmate.testinfra.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Real PostgreSQL, Kafka and OIDC for every test, once per module, started in parallel (one app start). Tests with
 * the simulator and the other services live in dev/system-tests.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
public class TestInfrastructure {
}
