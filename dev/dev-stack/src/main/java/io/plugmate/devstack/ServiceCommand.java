package io.plugmate.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code java … -jar} command line and environment of a catalog entry, placeholders resolved. */
final class ServiceCommand {

    private ServiceCommand() {
    }

    static List<String> of(ServiceSpec spec, Path root, Path java, Map<String, String> placeholderValues) {
        Path jar = root.resolve(spec.jar());
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(spec.jvmOptions());
        // a JDK 25 AOT cache built with the app (quarkus.package.jar.aot.*) roughly halves start time
        Path aotCache = jar.resolveSibling("app.aot");
        if (Files.isRegularFile(aotCache)) {
            command.add("-XX:AOTCache=" + aotCache);
        }
        new TreeMap<>(spec.properties()).forEach((key, value) -> command
                .add("-D" + key + "=" + Placeholders.resolve(value, placeholderValues)));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    static Map<String, String> environment(ServiceSpec spec, Map<String, String> placeholderValues) {
        Map<String, String> environment = new TreeMap<>();
        spec.environment().forEach((name, value) -> environment.put(name, Placeholders.resolve(value,
                placeholderValues)));
        return environment;
    }
}
