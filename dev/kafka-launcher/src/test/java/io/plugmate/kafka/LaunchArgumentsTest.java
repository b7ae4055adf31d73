package io.plugmate.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LaunchArgumentsTest {

    @Test
    void defaultsToAnyPortAndThrowawayData() {
        LaunchArguments arguments = LaunchArguments.parse(new String[0]);

        assertEquals(0, arguments.port());
        assertNull(arguments.dataDirectory());
    }

    @Test
    void readsPortAndDataDirectory() {
        LaunchArguments arguments = LaunchArguments.parse(new String[] { "--port", "9092", "--data-dir", "/tmp/k" });

        assertEquals(9092, arguments.port());
        assertEquals(Path.of("/tmp/k"), arguments.dataDirectory());
    }

    @Test
    void refusesUnknownArgumentsMissingValuesAndBadPorts() {
        assertThrows(IllegalArgumentException.class, () -> LaunchArguments.parse(new String[] { "--verbose" }));
        assertThrows(IllegalArgumentException.class, () -> LaunchArguments.parse(new String[] { "--port" }));
        assertThrows(IllegalArgumentException.class, () -> LaunchArguments.parse(new String[] { "--port", "70000" }));
    }
}
