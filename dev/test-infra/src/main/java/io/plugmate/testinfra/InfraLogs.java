package io.plugmate.testinfra;

import java.nio.file.Path;

/** Infrastructure output goes to files under the module's target/, never into the test log. */
final class InfraLogs {

    private InfraLogs() {
    }

    static Path file(String name) {
        return Path.of("target", "infra-logs", name).toAbsolutePath();
    }
}
