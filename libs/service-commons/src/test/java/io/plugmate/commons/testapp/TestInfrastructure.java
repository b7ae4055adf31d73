package io.plugmate.commons.testapp;

import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.OidcResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The real broker and OIDC server, started once (in parallel) for every @QuarkusTest of this module. */
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
public class TestInfrastructure {
}
