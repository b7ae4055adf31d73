package io.plugmate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.plugmate.localinfra.KafkaBroker;
import io.plugmate.localinfra.PostgresServer;

/**
 * {@code ./plugmate run}: PostgreSQL, Kafka and Keycloak in parallel, then every built service, then a
 * summary of what is where. On Ctrl-C or SIGTERM its one shutdown hook stops the parts tier by tier
 * ({@link Tier}: services, simulator, Kafka and Keycloak, PostgreSQL last); children also die if this JVM
 * is killed (see {@link Watchdog}; PostgreSQL and Kafka guard themselves the same way).
 */
public final class DevStack {

    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SUPERVISION_INTERVAL = Duration.ofSeconds(1);

    private final Layout layout;
    private final Keycloak keycloak;
    private final RealmInfo realm;
    private final List<ServiceSpec> catalog;
    private final Map<String, String> secrets;
    private final RunningStack running = new RunningStack();
    // start-up tasks mostly wait (processes, HTTP polls): a thread each, never the small common pool
    private final ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor();
    // what dies is restarted with back-off, or the stack stops saying why (System.exit runs the shutdown hook)
    private final Supervisor supervisor = new Supervisor(running::isStopping, () -> System.exit(1),
            java.time.Clock.systemUTC());
    private final SimulatorClock simulatorClock;
    private final JvmSettings jvm;

    DevStack(Layout layout, Path keycloakHome, List<ServiceSpec> catalog) {
        this.layout = layout;
        this.realm = RealmInfo.read(layout.realmFile());
        this.keycloak = new Keycloak(keycloakHome, layout, realm.realm());
        this.catalog = catalog;
        this.secrets = DevSecrets.loadOrCreate(layout.state().resolve("dev-secrets.properties"));
        this.jvm = JvmSettings.read(layout.root());
        this.simulatorClock = new SimulatorClock(layout.state().resolve("simulator-clock"),
                URI.create("http://localhost:" + ServiceCatalog.service("oem-simulator").port() + "/sandbox/time"),
                SUPERVISION_INTERVAL);
    }

    public static void main(String[] args) throws InterruptedException {
        Arguments arguments = Arguments.parse(args);
        DevStack stack = new DevStack(new Layout(arguments.root()), arguments.keycloakHome(),
                ServiceCatalog.services());
        stack.running.stopOnExit();
        try {
            System.out.println(stack.start().render());
            stack.supervisor.start(SUPERVISION_INTERVAL, stack.simulatorClock::saveFromSimulator);
        } catch (StartupException e) {
            Console.warn(e.getMessage());
            System.exit(1); // the shutdown hook stops what did start
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    Summary start() {
        long begin = System.nanoTime();
        List<ServiceSpec> built = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (ServiceSpec spec : catalog) {
            if (Files.isRegularFile(layout.root().resolve(spec.jar()))) {
                built.add(spec);
            } else {
                notices.add("skipped " + spec.name() + ": " + spec.jar() + " is not built");
            }
        }
        List<Integer> ports = new ArrayList<>(
                List.of(Infrastructure.POSTGRES_PORT, Infrastructure.KAFKA_PORT, Keycloak.PORT));
        built.forEach(spec -> ports.add(spec.port()));
        Ports.requireFree(ports);
        createDirectories(layout.logs());
        Console.info("Starting PostgreSQL, Kafka and Keycloak (Keycloak: about a minute the first time, less later)...");

        var postgres = CompletableFuture.supplyAsync(timed("postgres",
                () -> running.add("postgres", Tier.POSTGRES, Infrastructure.startPostgres(layout))), starters);
        var kafka = CompletableFuture.supplyAsync(timed("kafka",
                () -> running.add("kafka", Tier.KAFKA_AND_KEYCLOAK, Infrastructure.startKafka(layout))), starters);
        var keycloakReady = CompletableFuture.supplyAsync(timed("keycloak", this::startKeycloak), starters);
        Timed<PostgresServer> pg = join(postgres);
        Timed<KafkaBroker> broker = join(kafka);
        Timed<ChildProcess> kc = join(keycloakReady);
        AtomicReference<PostgresServer> currentPg = new AtomicReference<>(pg.value());
        AtomicReference<KafkaBroker> currentKafka = new AtomicReference<>(broker.value());
        supervisor.watch("PostgreSQL", () -> alive(currentPg.get().pid()), () -> currentPg.set(restart("postgres",
                Tier.POSTGRES, () -> Infrastructure.startPostgres(layout))), logOf("postgres"), RestartPolicy.DEFAULT);
        supervisor.watch("Kafka", () -> alive(currentKafka.get().pid()), () -> currentKafka.set(restart("kafka",
                Tier.KAFKA_AND_KEYCLOAK, () -> Infrastructure.startKafka(layout))), logOf("kafka"),
                RestartPolicy.DEFAULT);
        watchChild(kc.value(), this::startKeycloak);

        Endpoints endpoints = new Endpoints(pg.value().port(), pg.value().username(), pg.value().password(),
                broker.value().bootstrapServers(), Keycloak.issuer(realm.realm()));
        List<Summary.Row> rows = new ArrayList<>(List.of(
                new Summary.Row("PostgreSQL", "localhost:" + pg.value().port(),
                        "user " + pg.value().username() + " / " + pg.value().password(), pg.took()),
                new Summary.Row("Kafka", broker.value().bootstrapServers(), "", broker.took()),
                new Summary.Row("Keycloak", Keycloak.BASE_URL,
                        "admin console " + Keycloak.BASE_URL + "/admin (" + Keycloak.ADMIN_USER + " / "
                                + Keycloak.ADMIN_PASSWORD + ")",
                        kc.took())));

        // services start together: each waits for its own readiness, the CPU sorts out the rest
        List<CompletableFuture<Timed<ChildProcess>>> services = built.stream()
                .map(spec -> CompletableFuture.supplyAsync(timed(spec.name(),
                        () -> startService(spec, pg.value(), endpoints)), starters))
                .toList();
        for (int i = 0; i < built.size(); i++) {
            ServiceSpec spec = built.get(i);
            Timed<ChildProcess> service = join(services.get(i));
            rows.add(new Summary.Row(spec.name(), spec.baseUri().toString(), spec.note(), service.took()));
            watchChild(service.value(), () -> startService(spec, currentPg.get(), endpoints));
        }
        return new Summary(rows, notices, realm, Duration.ofNanos(System.nanoTime() - begin));
    }

    /** A child process under supervision: restarted by {@code start} (which registers it again) when it exits. */
    private void watchChild(ChildProcess first, Supplier<ChildProcess> start) {
        AtomicReference<ChildProcess> current = new AtomicReference<>(first);
        supervisor.watch(first.name(), () -> current.get().isAlive(), () -> {
            running.forget(first.name());
            current.set(start.get());
        }, logOf(first.name()), RestartPolicy.DEFAULT);
    }

    private <T extends AutoCloseable> T restart(String name, Tier tier, Supplier<T> start) {
        running.forget(name);
        return running.add(name, tier, start.get());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private String logOf(String name) {
        return layout.root().relativize(layout.log(name)).toString();
    }

    private ChildProcess startKeycloak() {
        ChildProcess process = running.add("keycloak", Tier.KAFKA_AND_KEYCLOAK, keycloak.start());
        Readiness.await("Keycloak", keycloak.readinessUri(), process::isAlive, KEYCLOAK_TIMEOUT,
                layout.root().relativize(process.logFile()).toString());
        return process;
    }

    private ChildProcess startService(ServiceSpec spec, PostgresServer postgres, Endpoints endpoints) {
        spec.database().ifPresent(db -> Infrastructure.ensureDatabase(postgres, db));
        Map<String, String> values = new TreeMap<>(endpoints.placeholderValues(spec.database()));
        values.putAll(secrets);
        ServiceSpec effective = spec.tier() == Tier.SIMULATOR ? simulatorClock.resume(spec) : spec;
        List<String> command = ServiceCommand.of(effective, layout.root(), javaExecutable(), values);
        // the JVM options of k8s/base/services/jvm.env, as every Deployment gets them; the spec's own variables win
        Map<String, String> environment = new TreeMap<>(jvm.environment());
        environment.putAll(ServiceCommand.environment(spec, values));
        ChildProcess process = running.add(spec.name(), spec.tier(), ChildProcess.start(spec.name(), command,
                environment, layout.root(), layout.log(spec.name())));
        Readiness.await(spec.name(), spec.healthUri(), process::isAlive, SERVICE_TIMEOUT,
                layout.root().relativize(process.logFile()).toString());
        return process;
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private record Timed<T>(T value, Duration took) {
    }

    private <T> Supplier<Timed<T>> timed(String name, Supplier<T> start) {
        return () -> {
            long begin = System.nanoTime();
            T value = start.get();
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            Console.info(name + " ready in " + Console.seconds(took));
            return new Timed<>(value, took);
        };
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StartupException startup) {
                throw startup;
            }
            throw new StartupException(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
