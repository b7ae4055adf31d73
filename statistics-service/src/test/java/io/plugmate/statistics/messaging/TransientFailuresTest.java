package io.plugmate.statistics.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.plugmate.events.InvalidEventException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Which failures are retried in place (the database's) and which dead-letter the record (the record's own). */
class TransientFailuresTest {

    @Test
    void theDatabaseGoingAwayOrAConflictIsTransient() {
        assertThat(TransientFailures.isTransient(new PgException("terminating connection", "FATAL", "57P01", null)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new PgException("could not serialize", "ERROR", "40001", null)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new PgException("deadlock detected", "ERROR", "40P01", null)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new PgException("connection failure", "FATAL", "08006", null)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new CompletionException(ClosedConnectionException.INSTANCE)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(TransientFailures.isTransient(new VertxException("Connection is closed"))).isTrue();
    }

    @Test
    void whatTheRecordItselfCausesIsNot() {
        assertThat(TransientFailures.isTransient(new InvalidEventException("VehicleStateObserved without userId")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new PgException("value too long", "ERROR", "22001", null))).isFalse();
        assertThat(TransientFailures.isTransient(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a rule refused it"))).isFalse();
    }
}
