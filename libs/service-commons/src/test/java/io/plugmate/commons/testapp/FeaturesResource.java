package io.plugmate.commons.testapp;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.plugmate.commons.features.FeatureToggles;
import io.plugmate.commons.tenant.CallerTenant;
import io.plugmate.commons.tenant.Roles;

/** What a service's {@code GET /features} would do: the caller's effective toggles by key. */
@Path("/probe/features")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
public class FeaturesResource {

    private final FeatureToggles toggles;
    private final CallerTenant tenant;

    public FeaturesResource(FeatureToggles toggles, CallerTenant tenant) {
        this.toggles = toggles;
        this.tenant = tenant;
    }

    @GET
    public Map<String, Boolean> effective() {
        Map<String, Boolean> byKey = new LinkedHashMap<>();
        toggles.effective(tenant.clientId()).forEach((feature, on) -> byKey.put(feature.key(), on));
        return byKey;
    }
}
