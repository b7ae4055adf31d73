package io.plugmate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JVM settings of every service, read from {@code k8s/base/services/jvm.env}: the file kustomize makes the
 * Deployments' ConfigMap {@code platform-jvm} of, so {@code ./plugmate run} starts each JVM as Kubernetes does (one
 * source; issue 14's footprint). Its variables ({@code JDK_JAVA_OPTIONS}, {@code MALLOC_ARENA_MAX}) go into each JVM's
 * environment; the container's memory limit becomes {@code -XX:MaxRAM}, so that the file's percentages size the heap
 * as they do in the container, not from this machine's memory.
 */
record JvmSettings(Map<String, String> environment) {

    static final Path FILE = Path.of("k8s", "base", "services", "jvm.env");
    /** A service container's memory limit in k8s/'s base ({@code platform-service.yaml}). */
    static final String CONTAINER_MEMORY_LIMIT = "512m";

    JvmSettings {
        environment = Map.copyOf(environment);
    }

    static JvmSettings read(Path root) {
        Path file = root.resolve(FILE);
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the services' JVM settings are read from " + file, e);
        }
    }

    /** An env file as kustomize reads one: {@code NAME=value} lines; blank lines and {@code #} comments skipped. */
    static JvmSettings parse(String text) {
        Map<String, String> environment = new LinkedHashMap<>();
        text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("not NAME=value: " + line);
            }
            environment.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return new JvmSettings(environment);
    }
}
