package io.plugmate.localinfra;

import java.nio.file.Path;

/** Starts PostgreSQL and Kafka, prints their pids and sleeps: the JVM a test kills with SIGKILL. */
public final class InfrastructureHolderMain {

    private InfrastructureHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path logs = Path.of(args[0]);
        PostgresServer postgres = PostgresServer.start(PostgresServer.Options.throwaway(logs.resolve("pg.log")));
        KafkaBroker kafka = KafkaBroker.startThrowaway(logs.resolve("kafka.log"));
        System.out.println("PIDS " + postgres.pid() + " " + kafka.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
