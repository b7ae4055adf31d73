package io.plugmate.benchmarks.load;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import io.plugmate.events.Topics;
import io.plugmate.localinfra.KafkaBroker;
import io.plugmate.localinfra.PostgresServer;
import io.plugmate.testinfra.OidcTestServer;
import io.plugmate.testinfra.ProjectTree;

/**
 * The real platform for a benchmark: PostgreSQL 17 (throwaway: fsync off), a Kafka broker in its own JVM, the OIDC
 * issuer of the test infrastructure, and the chosen services from their built jars, each with its own database, wired
 * as dev/system-tests' Platform wires them (no OEM simulator: the benchmark plays the OEMs). Stopped in reverse order.
 */
final class Stack implements AutoCloseable {

    /** Test-only values, not credentials of anything real (the same kind dev/system-tests uses). */
    static final String WEBHOOK_SECRET = "bench-only-webhook-secret-0123456789";
    private static final String OEM_CLIENT_SECRET = "bench-only-oem-secret";
    private static final String CREDENTIALS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** Generous: on a shared 2-core machine at load average 40+ a service took over 4 minutes to become ready. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    /** A service: its name (also its Kafka consumer group), where it is built, its database. */
    record Service(String name, String folder, String database) {

        Path app() {
            return ProjectTree.root().resolve(folder).resolve("target/quarkus-app");
        }

        boolean deviceService() {
            return name.equals("vehicle-service") || name.equals("charger-service");
        }
    }

    static final List<Service> SERVICES = List.of(new Service("vehicle-service", "vehicle-service", "vehicle"),
            new Service("charger-service", "charger-service", "charger"),
            new Service("pairing-service", "pairing-service/service", "pairing"),
            new Service("orchestration-service", "orchestration-service", "orchestration"),
            new Service("statistics-service", "statistics-service", "statistics"));

    /** The local edge (dev/gateway): the public API of the services on one port; no database. */
    static final Service GATEWAY = new Service("gateway", "dev/gateway", null);

    private final Path logDir;
    private final List<String> jvmOptions;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private OidcTestServer oidc;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();

    private Stack(Path logDir, List<String> jvmOptions) {
        this.logDir = logDir;
        this.jvmOptions = jvmOptions;
    }

    /** PostgreSQL, Kafka (the platform's topics made with {@code partitions} each) and the issuer; no service yet. */
    static Stack infrastructure(Path logDir, List<String> jvmOptions, int partitions) {
        Stack stack = new Stack(logDir, jvmOptions);
        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> stack.postgres = PostgresServer.start(
                        PostgresServer.Options.throwaway(logDir.resolve("postgres.log")))),
                CompletableFuture.runAsync(() -> stack.kafka = KafkaBroker.startThrowaway(logDir.resolve("kafka.log"))),
                CompletableFuture.runAsync(() -> stack.oidc = OidcTestServer.start())).join();
        stack.createTopics(partitions);
        for (Service service : SERVICES) {
            stack.createDatabase(service.database());
        }
        return stack;
    }

    /** Starts the services all at once and waits until each is ready. */
    void startServices(List<Service> services) {
        List<ServiceProcess> started = new ArrayList<>();
        for (Service service : services) {
            ServiceProcess process = start(service);
            started.add(process);
            running.put(service.name(), process);
        }
        CompletableFuture.allOf(started.stream().map(s -> CompletableFuture.runAsync(() -> s.awaitAnswer(
                "/q/health/ready", 200, READY_TIMEOUT))).toArray(CompletableFuture[]::new)).join();
    }

    /**
     * The gateway in front of the running services, as {@code ./plugmate run} starts it (token verified at the edge,
     * forwarded with Vert.x' proxy), waited for. Its per-client rate limit (50/s by default) is lifted: the benchmark is
     * one API client measuring the platform, not the limit.
     */
    ServiceProcess startGateway() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.oidc.auth-server-url", oidc.issuer());
        p.put("quarkus.log.level", "WARN");
        p.put("plugmate.gateway.public-url", "${url}");
        p.put("plugmate.gateway.rate-limit.capacity", "1000000000");
        p.put("plugmate.gateway.rate-limit.refill", "1000000000");
        running.forEach((name, process) -> p.put("plugmate.gateway.upstreams.\"" + name + "\"", process.url()));
        ServiceProcess gateway = ServiceProcess.start(GATEWAY.name(), GATEWAY.app(), p, jvmOptions, logDir);
        running.put(GATEWAY.name(), gateway);
        gateway.awaitAnswer("/q/health/ready", 200, READY_TIMEOUT);
        return gateway;
    }

    /** Starts one service without waiting; the caller times it. */
    ServiceProcess start(Service service) {
        return start(service, jvmOptions);
    }

    /** The same with other JVM options ({@code startup} comparing variants). */
    ServiceProcess start(Service service, List<String> jvmOptions) {
        return ServiceProcess.start(service.name(), service.app(), properties(service), jvmOptions, logDir);
    }

    /** The running processes by name (a further instance of a service is {@code <service>#<n>}); a copy. */
    synchronized Map<String, ServiceProcess> services() {
        return new LinkedHashMap<>(running);
    }

    /**
     * Another instance of a service, as a Kubernetes replica: its own JVM and HTTP port, the same database, settings and
     * consumer groups. Not waited for: a joining instance takes its partitions whenever it is ready.
     */
    synchronized ServiceProcess startInstance(Service service, int instance) {
        String name = instanceName(service.name(), instance);
        ServiceProcess process = ServiceProcess.start(name, service.app(), properties(service), jvmOptions, logDir);
        running.put(name, process);
        return process;
    }

    static String instanceName(String service, int instance) {
        return instance == 1 ? service : service + "#" + instance;
    }

    /** The URLs of a service's running instances, the first instance first. */
    synchronized List<String> urls(String service) {
        return running.entrySet().stream().filter(e -> e.getKey().equals(service)
                || e.getKey().startsWith(service + "#")).map(e -> e.getValue().url()).toList();
    }

    /** An instance gone at once (SIGKILL): no drain, no leaving the group; its partitions move after the session timeout. */
    void kill(String name) {
        ServiceProcess process;
        synchronized (this) {
            process = running.remove(name);
        }
        if (process != null) {
            process.kill();
        }
    }

    /** An instance stopped as Kubernetes stops one (SIGTERM: it leaves the group and drains its outbox). */
    void stop(String name) {
        ServiceProcess process;
        synchronized (this) {
            process = running.remove(name);
        }
        if (process != null) {
            process.close();
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String issuer() {
        return oidc.issuer();
    }

    /** A JDBC connection to a service's database, for seeding what a benchmark takes as given. */
    Connection database(String database) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", PostgresServer.USERNAME);
        login.setProperty("password", PostgresServer.PASSWORD);
        return new org.postgresql.Driver().connect(postgres.jdbcUrl().replace("/" + PostgresServer.DATABASE,
                "/" + database), login);
    }

    /** Every process of the stack by name, for CPU and memory: the services, Kafka, PostgreSQL. */
    synchronized Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        running.forEach((name, process) -> pids.put(name, process.pid()));
        pids.put("kafka", kafka.pid());
        pids.put("postgres", postgres.pid());
        return pids;
    }

    @Override
    public void close() {
        CompletableFuture.allOf(services().values().stream().map(s -> CompletableFuture.runAsync(s::close))
                .toArray(CompletableFuture[]::new)).join();
        synchronized (this) {
            running.clear();
        }
        if (oidc != null) {
            oidc.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private Map<String, String> properties(Service service) {
        URI server = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
        String hostAndPort = server.getHost() + ":" + server.getPort();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.datasource.reactive.url", "postgresql://" + hostAndPort + "/" + service.database());
        p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndPort + "/" + service.database());
        p.put("quarkus.datasource.username", PostgresServer.USERNAME);
        p.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        p.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        p.put("quarkus.oidc.auth-server-url", oidc.issuer());
        p.put("quarkus.log.level", "WARN");
        if (service.deviceService()) {
            // the benchmark plays the OEM clouds: nothing to poll, webhooks signed with this key
            p.put("plugmate.oem.base-url", "http://127.0.0.1:9/oem");
            p.put("plugmate.oem.client-secret", OEM_CLIENT_SECRET);
            p.put("plugmate.oem.credentials-key", CREDENTIALS_KEY);
            // one key per vendor (plugmate.webhooks.secrets.<VENDOR>); the benchmark plays every OEM with the same one
            for (String vendor : List.of("TESLA", "VOLTRA", "NORDAUTO", "DORMIO", "AMPERIA", "WATTBOX", "ZAPLINE")) {
                p.put("plugmate.webhooks.secrets." + vendor, WEBHOOK_SECRET);
            }
            p.put("plugmate.webhooks.register-on-start", "false");
            p.put("plugmate.webhooks.public-base-url", "${url}");
            p.put("plugmate.polling.enabled", "false");
            p.put("plugmate.commands.follow-up-interval", "0s");
            p.put("plugmate.link.public-base-url", "${url}");
        }
        return p;
    }

    private void createTopics(int partitions) {
        List<String> names = List.of(Topics.DEVICE_LIFECYCLE, Topics.VEHICLE_STATE, Topics.CHARGER_STATE,
                Topics.PAIR_EVENTS);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topics", e);
        }
    }

    private void createDatabase(String database) {
        Properties login = new Properties();
        login.setProperty("user", PostgresServer.USERNAME);
        login.setProperty("password", PostgresServer.PASSWORD);
        try (Connection connection = new org.postgresql.Driver().connect(postgres.jdbcUrl(), login);
                var create = connection.createStatement()) {
            create.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }
}
