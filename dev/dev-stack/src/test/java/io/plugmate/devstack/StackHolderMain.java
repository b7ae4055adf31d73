package io.plugmate.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.plugmate.localinfra.KafkaBroker;
import io.plugmate.localinfra.PostgresServer;

/**
 * A dev stack in miniature for {@link StopOrderTest}: real PostgreSQL and Kafka, and {@link StopRecorderMain}
 * stand-ins for a service, the simulator and Keycloak, each started and registered in its tier the way
 * {@link DevStack} does, stopped by the same {@link RunningStack} shutdown hook. Prints
 * {@code READY <own pid> <postgres pid> <kafka pid>} and waits for a signal.
 *
 * <p>
 * Arguments: {@code <work dir>}; the events file is {@code <work dir>/events}.
 */
public final class StackHolderMain {

    private StackHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path events = work.resolve("events");
        RunningStack running = new RunningStack();
        running.stopOnExit();

        PostgresServer postgres = PostgresServer.start(PostgresServer.Options.throwaway(work.resolve("postgres.log")));
        running.add("postgres", Tier.POSTGRES, recorded(events, "postgres", postgres));
        KafkaBroker kafka = KafkaBroker.startThrowaway(work.resolve("kafka.log"));
        running.add("kafka", Tier.KAFKA_AND_KEYCLOAK, recorded(events, "kafka", kafka));

        start(running, work, Tier.KAFKA_AND_KEYCLOAK, "keycloak");
        start(running, work, Tier.SIMULATOR, "simulator", "serve");
        String simulator = "localhost:" + awaitStarted(events, "simulator").split("port=")[1];
        // what a platform service needs until its outbox has drained
        start(running, work, Tier.SERVICE, "service", "drain=1000", "check:postgres=" + postgres.jdbcUrl(),
                "check:kafka=" + kafka.bootstrapServers(), "check:simulator=" + simulator);
        awaitStarted(events, "keycloak");
        awaitStarted(events, "service");

        System.out.println("READY " + ProcessHandle.current().pid() + " " + postgres.pid() + " " + kafka.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void start(RunningStack running, Path work, Tier tier, String name, String... options) {
        List<String> command = new ArrayList<>(List.of(DevStack.javaExecutable().toString(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), StopRecorderMain.class.getName(),
                work.resolve("events").toString(), name));
        command.addAll(List.of(options));
        running.add(name, tier, ChildProcess.start(name, command, Map.of(), work, work.resolve(name + ".log")));
    }

    /** Closes the handle between two event lines, so the events file shows when its stop came. */
    private static AutoCloseable recorded(Path events, String name, AutoCloseable handle) {
        return () -> {
            StopRecorderMain.append(events, name + " stopping");
            handle.close();
            StopRecorderMain.append(events, name + " stopped");
        };
    }

    private static String awaitStarted(Path events, String name) throws IOException, InterruptedException {
        while (true) {
            if (Files.exists(events)) {
                for (String line : Files.readAllLines(events)) {
                    if (line.startsWith(name + " started")) {
                        return line;
                    }
                }
            }
            Thread.sleep(50);
        }
    }
}
