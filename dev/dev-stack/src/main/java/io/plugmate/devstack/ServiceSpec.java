package io.plugmate.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Plugmate process that {@code ./plugmate run} starts from a built jar.
 *
 * @param name shown in the summary and used for the log file name
 * @param jar relative to the repository root; an entry whose jar is not built is skipped with a notice
 * @param port HTTP port, also passed as {@code quarkus.http.port}
 * @param healthPath polled until it answers 200
 * @param database a PostgreSQL database the service owns, created on first start; enables the
 *        {@code ${db.*}} placeholders in {@code properties}
 * @param jvmOptions options before {@code -jar}, e.g. the heap size
 * @param properties passed as {@code -Dkey=value}; values may hold {@link Placeholders}
 * @param environment extra environment variables; values may hold {@link Placeholders}. Unlike system
 *        properties, a variable a service does not read is harmless (no unknown-key check)
 * @param note one line for the summary, e.g. where the interesting page is; may be empty
 * @param tier when it stops relative to the rest ({@link Tier#SERVICE} for a platform service)
 */
public record ServiceSpec(String name, Path jar, int port, String healthPath, Optional<String> database,
        List<String> jvmOptions, Map<String, String> properties, Map<String, String> environment, String note,
        Tier tier) {

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(healthPath, "healthPath");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException(name + ": invalid port " + port);
        }
        database = Objects.requireNonNullElse(database, Optional.empty());
        jvmOptions = List.copyOf(jvmOptions);
        properties = Map.copyOf(properties);
        environment = Map.copyOf(environment);
        note = Objects.requireNonNullElse(note, "");
        tier = Objects.requireNonNullElse(tier, Tier.SERVICE);
    }

    public ServiceSpec withNote(String note) {
        return new ServiceSpec(name, jar, port, healthPath, database, jvmOptions, properties, environment, note, tier);
    }

    public ServiceSpec withEnvironment(Map<String, String> environment) {
        return new ServiceSpec(name, jar, port, healthPath, database, jvmOptions, properties, environment, note, tier);
    }

    public ServiceSpec withProperties(Map<String, String> properties) {
        return new ServiceSpec(name, jar, port, healthPath, database, jvmOptions, properties, environment, note, tier);
    }

    public ServiceSpec withTier(Tier tier) {
        return new ServiceSpec(name, jar, port, healthPath, database, jvmOptions, properties, environment, note, tier);
    }

    public URI healthUri() {
        return URI.create("http://localhost:" + port + healthPath);
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }
}
