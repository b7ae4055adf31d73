package io.plugmate.pairing;

import io.plugmate.testinfra.DeviceServicesResource;
import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.OidcResource;
import io.plugmate.testinfra.PostgresResource;
import io.plugmate.testinfra.SimulatorResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Real PostgreSQL, Kafka and OIDC for every test, once per module; the simulator and both device services (their
 * built jars) for the end-to-end test. All start in parallel; the device services wait for the other four.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = SimulatorResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = DeviceServicesResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
public class TestInfrastructure {
}
