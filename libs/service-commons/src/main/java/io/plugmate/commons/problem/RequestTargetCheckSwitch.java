package io.plugmate.commons.problem;

import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.annotations.StaticInitSafe;

/**
 * Not a source of configuration: a hook that runs when the configuration is built, which is before Quarkus' HTTP
 * layer reads {@code vertx.disableURIValidation} (in a static initializer). Quarkus answers a target that is no URI with
 * a bare 400 before any route; with its check off, {@link HttpLayerProblems} makes the same check and answers with a
 * problem. A later hook (e.g. observing the router) is too late.
 */
@StaticInitSafe
public final class RequestTargetCheckSwitch implements ConfigSource {

    public RequestTargetCheckSwitch() {
        RequestTargets.checkedHere();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return "plugmate-request-target-check";
    }

    @Override
    public int getOrdinal() {
        return 0;
    }
}
