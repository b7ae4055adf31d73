package io.plugmate.commons.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.plugmate.testinfra.LogCapture;

/** An outage is one ERROR however many requests meet it, and one INFO with their count when it ends. */
class DatabaseOutageTest {

    private static final String CATEGORY = "test.database-outage";

    private LogCapture log;

    @BeforeEach
    void capture() {
        log = LogCapture.of(CATEGORY).allLevels();
    }

    @AfterEach
    void release() {
        log.close();
    }

    private List<LogRecord> at(Level level) {
        return log.records().stream().filter(r -> r.getLevel().intValue() == level.intValue()).toList();
    }

    private static String text(LogRecord record) {
        return record.getParameters() == null ? record.getMessage()
                : String.format(record.getMessage(), record.getParameters());
    }

    @Test
    void anOutageIsOneErrorAndItsEndOneInfoWithTheCount() {
        DatabaseOutage outage = new DatabaseOutage(Logger.getLogger(CATEGORY));
        for (int i = 0; i < 70; i++) {
            outage.met(new ConnectException("Connection refused"), "API requests");
        }
        assertThat(at(Level.SEVERE)).hasSize(1);
        assertThat(text(at(Level.SEVERE).getFirst())).contains("database unavailable (API requests)");
        assertThat(outage.ongoing()).isTrue();

        outage.reachable();
        outage.reachable();

        assertThat(at(Level.INFO)).hasSize(1);
        assertThat(text(at(Level.INFO).getFirst())).contains("database reachable again").contains("70 request(s)");
        assertThat(outage.ongoing()).isFalse();
    }

    @Test
    void theNextOutageIsLoggedAgain() {
        DatabaseOutage outage = new DatabaseOutage(Logger.getLogger(CATEGORY));
        outage.met(new ConnectException("Connection refused"), "API requests");
        outage.reachable();
        outage.met(new ConnectException("Connection refused"), "OEM webhooks");

        assertThat(at(Level.SEVERE)).hasSize(2);
        assertThat(text(at(Level.SEVERE).getLast())).contains("OEM webhooks");
    }
}
