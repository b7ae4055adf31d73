package io.plugmate.benchmarks.files;

import java.time.Instant;
import java.util.List;

/**
 * The first line of a ground-truth file: which world it was (so it can be generated again) and the linked households
 * with their devices.
 */
public record TruthHeader(String scenario, String description, long seed, Instant start, Instant end,
        List<LinkedHousehold> households) {

    public TruthHeader {
        households = List.copyOf(households);
    }

    public record LinkedHousehold(String id, List<LinkedDevice> vehicles, List<LinkedDevice> chargers) {

        public LinkedHousehold {
            vehicles = List.copyOf(vehicles);
            chargers = List.copyOf(chargers);
        }
    }

    public record LinkedDevice(String id, String vendor) {
    }
}
