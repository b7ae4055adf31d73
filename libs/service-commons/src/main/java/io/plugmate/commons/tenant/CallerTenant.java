package io.plugmate.commons.tenant;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.plugmate.commons.problem.ForbiddenProblem;
import io.plugmate.commons.problem.UnauthorizedProblem;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The API client the current request acts for, taken from the verified access token and nowhere else (never from a
 * path, query or body). Inject it into resources and services; every tenant-owned query filters by
 * {@link #clientId()}.
 */
@RequestScoped
public class CallerTenant {

    private final SecurityIdentity identity;

    public CallerTenant(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * @throws UnauthorizedProblem when the request carries no verified token
     * @throws ForbiddenProblem when the token names no client (e.g. an end-user token without azp/client_id)
     */
    public String clientId() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedProblem("A valid bearer token is required.");
        }
        return TenantClaims.clientId(token::getClaim)
                .orElseThrow(() -> new ForbiddenProblem("The token does not name an API client."));
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }
}
