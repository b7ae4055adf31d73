package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.plugmate.events.InvalidEventException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class ConsumerFailuresTest {

    @Test
    void poisonIsTheRecordsOwnFaultEvenWhenWrapped() {
        assertThat(ConsumerFailures.isPoison(new InvalidEventException("not JSON"))).isTrue();
        assertThat(ConsumerFailures.isPoison(new IllegalArgumentException("not a vehicle command"))).isTrue();
        assertThat(ConsumerFailures.isPoison(
                ConsumerFailures.poisonOr(new CompletionException(new InvalidEventException("no envelope"))))).isTrue();
        assertThat(ConsumerFailures.isPoison(new IllegalStateException("database closed"))).isFalse();
    }

    @Test
    void connectionLossLockTimeoutsAndConflictsAreTransientAConstraintIsNot() {
        assertThat(ConsumerFailures.isTransient(new PgException("deadlock detected", "ERROR", "40P01", null))).isTrue();
        assertThat(ConsumerFailures.isTransient(new PgException("shutting down", "FATAL", "57P01", null))).isTrue();
        assertThat(ConsumerFailures.isTransient(new RuntimeException(new SQLException("lock timeout", "55P03"))))
                .isTrue();
        assertThat(ConsumerFailures.isTransient(new PgException("could not serialize", "ERROR", "40001", null))).isTrue();
        assertThat(ConsumerFailures.isTransient(new PgException("connection failure", "FATAL", "08006", null))).isTrue();
        assertThat(ConsumerFailures.isTransient(new CompletionException(ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(ConsumerFailures.isTransient(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(ConsumerFailures.isTransient(new VertxException("Connection is closed"))).isTrue();
        assertThat(ConsumerFailures.isTransient(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(ConsumerFailures.isTransient(new PgException("value too long", "ERROR", "22001", null))).isFalse();
        assertThat(ConsumerFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }

    /** What answers a webhook 503 (the database is away) and what stays a 4xx or a bug: a conflict is no outage. */
    @Test
    void anOutageIsAConnectionOrAServerThatCannotServeNotAConflictOrAConstraint() {
        assertThat(DatabaseOutage.isUnavailable(new CompletionException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DatabaseOutage.isUnavailable(new CompletionException(ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(DatabaseOutage.isUnavailable(new PgException("the database system is starting up", "FATAL", "57P03",
                null))).isTrue();
        assertThat(DatabaseOutage.isUnavailable(new PgException("too many clients", "FATAL", "53300", null))).isTrue();
        assertThat(DatabaseOutage.isUnavailable(new RuntimeException(new SQLException("no connection", "08001"))))
                .isTrue();
        assertThat(DatabaseOutage.isUnavailable(new PgException("deadlock detected", "ERROR", "40P01", null))).isFalse();
        assertThat(DatabaseOutage.isUnavailable(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(DatabaseOutage.isUnavailable(new IllegalStateException("a bug"))).isFalse();
    }
}
