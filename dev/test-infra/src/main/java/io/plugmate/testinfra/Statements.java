package io.plugmate.testinfra;

import java.util.List;

/**
 * The SQL statements a service sends through Hibernate Reactive while an action runs — HQL, native updates and
 * service-messaging's NativeSelect alike, as Hibernate's {@code org.hibernate.SQL} log names them (at DEBUG only
 * meanwhile). Counted, never timed (issue 14). The transaction's BEGIN and COMMIT are not among them: the PostgreSQL
 * client sends those itself, two round trips every transaction has.
 */
public final class Statements {

    private Statements() {
    }

    /** @return each statement's text, whitespace collapsed, in the order sent */
    public static List<String> during(Runnable action) {
        try (LogCapture sql = LogCapture.of("org.hibernate.SQL").allLevels()) {
            action.run();
            return sql.records().stream()
                    .map(record -> String.valueOf(record.getMessage()).replaceAll("\\s+", " ").strip()).toList();
        }
    }
}
