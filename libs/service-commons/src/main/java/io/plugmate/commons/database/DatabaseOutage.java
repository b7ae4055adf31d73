package io.plugmate.commons.database;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;

/**
 * The log of a database outage: one ERROR when the first request meets it, DEBUG for every further one, one INFO with
 * the count when the database answers again (issue 13 point 8: ~70 ERROR lines per service for one outage drowned the
 * log). One instance per application, shared by every path that answers 503 for an outage (the problem mappers, the
 * webhooks). A service with a database gets service-messaging's subclass, which also notices the end of an outage by
 * itself; this one is the default for an application without it.
 */
@ApplicationScoped
@DefaultBean
public class DatabaseOutage {

    private final Logger log;
    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final AtomicLong refused = new AtomicLong();

    public DatabaseOutage() {
        this(Logger.getLogger(DatabaseOutage.class));
    }

    /** @param log the category the outage is logged under */
    protected DatabaseOutage(Logger log) {
        this.log = log;
    }

    /** See {@link DatabaseFailures#isUnavailable}. */
    public static boolean isUnavailable(Throwable failure) {
        return DatabaseFailures.isUnavailable(failure);
    }

    /** A request met the outage: ERROR for the first of an outage, DEBUG for the rest. */
    public void met(Throwable failure, String what) {
        refused.incrementAndGet();
        if (since.compareAndSet(null, Instant.now())) {
            log.errorf("database unavailable (%s); %s answered 503 with Retry-After until it answers again, logged "
                    + "once: %s", what, what, failure.toString());
        } else {
            log.debugf("database still unavailable (%s): %s", what, failure.toString());
        }
    }

    /** The database answered: if an outage was logged, it is over. */
    public void reachable() {
        Instant began = since.getAndSet(null);
        if (began != null) {
            log.infof("database reachable again (unavailable since %s; %d request(s) answered 503 meanwhile)", began,
                    refused.getAndSet(0));
        }
    }

    /** Whether an outage was met and has not been seen to end. */
    public boolean ongoing() {
        return since.get() != null;
    }
}
