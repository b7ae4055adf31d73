package io.plugmate.commons.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Which failures mean "the database is away" (503, one log line per outage) and which are a bug or a refusal (500). */
class DatabaseFailuresTest {

    /** As Hibernate Reactive hands them to a resource: wrapped, sometimes twice. */
    private static Throwable wrapped(Throwable cause) {
        return new CompletionException(new IllegalStateException("HR000051: failed", cause));
    }

    @Test
    void aConnectionRefusedClosedOrResetIsAnOutage() {
        assertThat(DatabaseFailures.isUnavailable(wrapped(new ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(wrapped(ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(wrapped(new java.io.IOException("Connection reset by peer"))))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new VertxException("Connection is closed"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(wrapped(new ConnectTimeoutException("connection timed out"))))
                .isTrue();
    }

    @Test
    void waitingInVainForAPooledConnectionIsAnOutage() {
        // the Vert.x SQL pool's acquisition timeout, and a timeout of the event loop's own
        assertThat(DatabaseFailures.isUnavailable(wrapped(new VertxException("Timeout waiting for connection"))))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(wrapped(new NoStackTraceTimeoutException("Timeout")))).isTrue();
    }

    @Test
    void aServerThatIsStartingShuttingDownOrFullIsAnOutage() {
        assertThat(DatabaseFailures.isUnavailable(new PgException("the database system is starting up", "FATAL",
                "57P03", null))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(wrapped(new PgException("terminating connection due to "
                + "administrator command", "FATAL", "57P01", null)))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new PgException("too many clients", "FATAL", "53300", null)))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("no connection", "08001"))))
                .isTrue();
    }

    @Test
    void aRefusedStatementOrABugIsNoOutage() {
        assertThat(DatabaseFailures.isUnavailable(wrapped(new PgException("duplicate key value", "ERROR", "23505",
                null)))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(wrapped(new PgException("syntax error at or near \"selec\"",
                "ERROR", "42601", null)))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new PgException("deadlock detected", "ERROR", "40P01", null)))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new VertxException("Something else failed"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(null)).isFalse();
    }

    @Test
    void theFirstSqlStateDecidesEvenAboveAnIoCause() {
        // a constraint violation whose driver exception happens to carry an I/O cause is still a refusal
        assertThat(DatabaseFailures.isUnavailable(new SQLException("check violated", "23514",
                new java.io.IOException("irrelevant")))).isFalse();
    }
}
