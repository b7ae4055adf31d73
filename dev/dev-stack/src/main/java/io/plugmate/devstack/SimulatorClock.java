package io.plugmate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The simulated time, kept under {@code .plugmate/} across runs and restarts of the simulator. The platform keeps its
 * state there too: a simulator starting over at the wall-clock time (it runs ten times faster) would send reports
 * "older" than the stored ones, which the services rightly ignore as stale, and the demo cars would freeze in the
 * platform's view. So the simulator resumes where it was, a little later (one save interval of simulated time), never
 * earlier.
 */
final class SimulatorClock {

    static final String START_PROPERTY = "plugmate.simulator.clock.start";

    private final Path file;
    private final URI timeUri;
    private final Duration saveInterval;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SimulatorClock(Path file, URI timeUri, Duration saveInterval) {
        this.file = file;
        this.timeUri = timeUri;
        this.saveInterval = saveInterval;
    }

    /** The simulator's spec, resuming the saved time if there is one. */
    ServiceSpec resume(ServiceSpec simulator) {
        Optional<Instant> start = resumeAt();
        if (start.isEmpty()) {
            return simulator;
        }
        Map<String, String> properties = new LinkedHashMap<>(simulator.properties());
        properties.put(START_PROPERTY, start.get().toString());
        Console.info("the simulator resumes its clock at " + start.get() + " (" + file.getFileName() + ")");
        return simulator.withProperties(properties);
    }

    /** The saved simulated time plus one save interval at the speed it ran, so that time never goes back. */
    Optional<Instant> resumeAt() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String[] saved = Files.readString(file).trim().split("\\s+");
            Instant at = Instant.parse(saved[0]);
            double speed = saved.length > 1 ? Double.parseDouble(saved[1]) : 1;
            return Optional.of(at.plusMillis((long) (saveInterval.toMillis() * speed)).plusSeconds(1));
        } catch (IOException | DateTimeParseException | NumberFormatException e) {
            Console.warn("ignoring " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    void save(Instant simulatedNow, double speed) {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, simulatedNow + " " + speed + "\n");
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the simulated time to " + file, e);
        }
    }

    /** Reads the simulator's time and saves it; a simulator that does not answer right now is skipped. */
    void saveFromSimulator() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(timeUri).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode time = LocalHttp.JSON.readTree(response.body());
                save(Instant.parse(time.path("now").asText()), time.path("speed").asDouble(1));
            }
        } catch (IOException | RuntimeException e) {
            // down or restarting: the supervisor reports that; the last saved time stays
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
