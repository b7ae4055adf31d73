package io.plugmate.gateway.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm tools the checks use (src/test/node/package.json, pinned by its lock file), installed by the build itself
 * into target/node-checks with {@code npm ci}: once, and again only when the lock file changes. Needs Node.js and npm
 * on the PATH (the build machines have them; nothing else is downloaded but npm packages).
 */
final class NodeChecks {

    private static final Path SOURCES = Path.of("src/test/node");
    static final Path HOME = Path.of("target/node-checks").toAbsolutePath();

    private NodeChecks() {
    }

    static synchronized Path install() {
        try {
            Files.createDirectories(HOME);
            for (String file : List.of("package.json", "package-lock.json", "validate-manifests.mjs")) {
                Files.copy(SOURCES.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Path installedLock = HOME.resolve("node_modules/.installed-lock.json");
            byte[] lock = Files.readAllBytes(HOME.resolve("package-lock.json"));
            if (!Files.exists(installedLock) || !java.util.Arrays.equals(Files.readAllBytes(installedLock), lock)) {
                Result result = run(HOME, 600, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
                if (result.exitCode() != 0) {
                    throw new IllegalStateException("npm ci failed in " + HOME + ":\n" + result.output());
                }
                Files.write(installedLock, lock);
            }
            return HOME;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path directory, long timeoutSeconds, String... command) {
        try {
            Path log = Files.createTempFile("plugmate-check", ".log");
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
