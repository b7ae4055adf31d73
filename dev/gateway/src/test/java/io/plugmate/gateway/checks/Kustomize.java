package io.plugmate.gateway.checks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.plugmate.testinfra.ProjectTree;

/** {@code kubectl kustomize} of k8s/'s base and overlays (kubectl carries kustomize; the build machines have it). */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Path> BUILT = new java.util.concurrent.ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The build's output file for {@code k8s/<target>}, built once per test run. */
    static Path build(String target) {
        return BUILT.computeIfAbsent(target, Kustomize::runKustomize);
    }

    static List<ObjectNode> objects(String target) {
        try (var parser = YAML.createParser(build(target).toFile())) {
            List<ObjectNode> objects = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node instanceof ObjectNode object) {
                    objects.add(object);
                }
            });
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> objects(String target, String kind) {
        return objects(target).stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    }

    private static Path runKustomize(String target) {
        String kubectl = kubectl();
        assumeTrue(kubectl != null, "kubectl is not on the PATH: the k8s/ builds are not checked on this machine");
        try {
            Path out = Path.of("target/k8s").toAbsolutePath().resolve(target.replace('/', '-') + ".yaml");
            Files.createDirectories(out.getParent());
            Path errors = out.resolveSibling(out.getFileName() + ".err");
            Process process = new ProcessBuilder(kubectl, "kustomize", "k8s/" + target)
                    .directory(ProjectTree.root().toFile()).redirectOutput(out.toFile()).redirectError(errors.toFile())
                    .start();
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize k8s/" + target + " failed:\n" + Files.readString(errors));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
