package io.plugmate.testinfra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Built artifacts of other modules, found from the project's root (the folder holding {@code mvnw}) rather than
 * relative to the module that runs the test: modules sit at different depths ({@code vehicle-service},
 * {@code pairing-service/service}, {@code dev/system-tests}).
 */
public final class ProjectTree {

    private ProjectTree() {
    }

    /** The project root: the nearest folder up from the working directory that holds {@code mvnw}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw"))) {
                return d;
            }
        }
        throw new IllegalStateException("no project root (a folder with mvnw) above " + dir);
    }

    /** A module's built Quarkus fast-jar, e.g. {@code quarkusApp("dev/oem-simulator")}. */
    public static Path quarkusApp(String modulePath) {
        return root().resolve(modulePath).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The jar of a module, overridable by a system property (e.g. to test a packaged build elsewhere). */
    static Path quarkusApp(String property, String modulePath) {
        String given = System.getProperty(property);
        return given != null ? Path.of(given) : quarkusApp(modulePath);
    }
}
