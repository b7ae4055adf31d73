package io.plugmate.devstack;

/**
 * When a part of the local stack stops on Ctrl-C or SIGTERM: a tier stops only after every tier before it has
 * stopped, the parts of one tier stop together. The order follows what each part still needs while it stops.
 */
public enum Tier {

    /**
     * The platform services: while they stop, their outboxes drain to Kafka from PostgreSQL, and they may call the simulated
     * OEMs.
     */
    SERVICE,
    /** The simulated OEM clouds: the services call them until they are gone. */
    SIMULATOR,
    /** Kafka and Keycloak: nothing that publishes or verifies tokens is left. */
    KAFKA_AND_KEYCLOAK,
    /** PostgreSQL, last: every service's last transaction (the outbox drain) has ended. */
    POSTGRES
}
