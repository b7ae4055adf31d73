package io.plugmate.charger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The SQL statements the service sends through Hibernate Reactive while an action runs — HQL, native updates and
 * service-messaging's NativeSelect alike, as Hibernate's {@code org.hibernate.SQL} log names them (at DEBUG only
 * meanwhile). Counted, never timed (issue 14). The transaction's BEGIN and COMMIT are not among them: the PostgreSQL
 * client sends those itself, two round trips every transaction has.
 */
public final class Statements {

    private Statements() {
    }

    /** @return each statement's text, whitespace collapsed, in the order sent */
    public static List<String> during(Runnable action) {
        List<String> sent = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                sent.add(String.valueOf(record.getMessage()).replaceAll("\\s+", " ").strip());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.hibernate.SQL");
        Level before = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
        try {
            action.run();
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
        return List.copyOf(sent);
    }
}
