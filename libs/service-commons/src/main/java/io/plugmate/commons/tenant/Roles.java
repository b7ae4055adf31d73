package io.plugmate.commons.tenant;

/** The realm roles of architecture §3, for {@code @RolesAllowed}. quarkus-oidc reads them from realm_access.roles. */
public final class Roles {

    /** A normal API client acting on its own users and devices. */
    public static final String API_CLIENT = "api-client";
    /** Operators: feature toggles and cross-tenant support views. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
