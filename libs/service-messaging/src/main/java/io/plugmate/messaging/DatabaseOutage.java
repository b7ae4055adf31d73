package io.plugmate.messaging;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.plugmate.commons.database.DatabaseFailures;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * service-commons' outage log for a service with a database ({@link DatabaseFailures} says what an outage is): the one
 * instance the problem mappers (503 for every endpoint) and the webhooks share, logged under this category. Once an
 * outage was met it also asks the database every {@value #PROBE_MILLIS} ms until it answers, so that the end of the
 * outage is logged when it ends, not when the next request happens to come.
 */
@ApplicationScoped
public class DatabaseOutage extends io.plugmate.commons.database.DatabaseOutage {

    private static final long PROBE_MILLIS = 2_000;

    private final Instance<Pool> pool;
    private final Vertx vertx;
    private final AtomicBoolean probing = new AtomicBoolean();

    public DatabaseOutage(Instance<Pool> pool, Vertx vertx) {
        super(Logger.getLogger(DatabaseOutage.class));
        this.pool = pool;
        this.vertx = vertx;
    }

    /** See {@link DatabaseFailures#isUnavailable}. */
    public static boolean isUnavailable(Throwable failure) {
        return DatabaseFailures.isUnavailable(failure);
    }

    static String sqlState(Throwable t) {
        return DatabaseFailures.sqlState(t);
    }

    @Override
    public void met(Throwable failure, String what) {
        super.met(failure, what);
        if (probing.compareAndSet(false, true)) {
            probeLater();
        }
    }

    private void probeLater() {
        vertx.setTimer(PROBE_MILLIS, id -> pool.get().query("select 1").execute().subscribe().with(rows -> {
            probing.set(false);
            reachable();
        }, failure -> {
            if (ongoing()) {
                probeLater();
            } else {
                probing.set(false);
            }
        }));
    }
}
