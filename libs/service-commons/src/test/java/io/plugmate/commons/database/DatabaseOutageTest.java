package io.plugmate.commons.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An outage is one ERROR however many requests meet it, and one INFO with their count when it ends. */
class DatabaseOutageTest {

    private static final String CATEGORY = "test.database-outage";

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final java.util.logging.Logger jul = java.util.logging.Logger.getLogger(CATEGORY);

    @BeforeEach
    void capture() {
        jul.setLevel(Level.ALL);
        jul.addHandler(capture);
    }

    @AfterEach
    void release() {
        jul.removeHandler(capture);
    }

    private List<LogRecord> at(Level level) {
        return logged.stream().filter(r -> r.getLevel().intValue() == level.intValue()).toList();
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
