package io.plugmate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** One log file per process and run; the previous run's is kept, the interesting crash is often the last one. */
final class LogFiles {

    private LogFiles() {
    }

    static Path fresh(Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            if (Files.exists(logFile)) {
                String name = logFile.getFileName().toString().replaceFirst("\\.log$", "");
                Files.move(logFile, logFile.resolveSibling(name + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            return logFile;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare log file " + logFile, e);
        }
    }
}
