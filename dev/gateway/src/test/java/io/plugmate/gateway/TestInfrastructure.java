package io.plugmate.gateway;

import io.plugmate.testinfra.OidcResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** A real OIDC issuer (tokens from {@code Tokens}) and stand-ins for the five services, once for the module. */
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
public class TestInfrastructure {
}
