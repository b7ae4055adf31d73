package io.plugmate.testinfra;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every record logged under one category (and below it) while open, for a test that asserts what was logged: JBoss
 * logging and Quarkus' log manager both go through java.util.logging, so a handler on the category sees them.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private final Level levelBefore;

    private LogCapture(String category) {
        this.logger = Logger.getLogger(category);
        this.levelBefore = logger.getLevel();
        logger.addHandler(handler);
    }

    /** Starts capturing {@code category}; {@link #close()} stops. */
    public static LogCapture of(String category) {
        return new LogCapture(category);
    }

    /** Lets records of every level through the category (its level may be set higher by default). */
    public LogCapture allLevels() {
        logger.setLevel(Level.ALL);
        return this;
    }

    /** What was logged so far, oldest first. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Stops capturing; the category's level is again what it was. */
    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(levelBefore);
    }
}
