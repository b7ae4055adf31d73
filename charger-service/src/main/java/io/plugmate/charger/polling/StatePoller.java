package io.plugmate.charger.polling;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.charger.link.ChargerCredentials;
import io.plugmate.charger.oem.ChargerReport;
import io.plugmate.charger.oem.Observations;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.oem.OemException;
import io.plugmate.oem.PollSchedule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Polling as the fallback to webhooks: every tick, chargers not heard from within the cadence are read from their
 * OEM one at a time (sequentially, to stay polite), and each reading goes through the same {@link Observations} path
 * as a push. A 429 pauses that account for the OEM's Retry-After.
 */
@ApplicationScoped
public class StatePoller {

    private static final Logger LOG = Logger.getLogger(StatePoller.class);

    private final PollingConfig config;
    private final ChargerRepository chargers;
    private final ChargerCredentials credentials;
    private final OemClient oem;
    private final Observations observations;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final PollSchedule schedule = new PollSchedule();
    private volatile Long timer;

    public StatePoller(PollingConfig config, ChargerRepository chargers, ChargerCredentials credentials, OemClient oem,
            Observations observations, ObjectMapper json, Vertx vertx) {
        this.config = config;
        this.chargers = chargers;
        this.credentials = credentials;
        this.oem = oem;
        this.observations = observations;
        this.json = json;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.tick().toMillis(), id -> pollOnce().subscribe().with(
                    polled -> LOG.debugf("polled %d chargers", polled),
                    failure -> LOG.warnf("polling round failed: %s", failure.getMessage())));
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** One round; returns how many chargers were read. */
    public Uni<Integer> pollOnce() {
        Instant now = Instant.now();
        return Panache.withSession(() -> chargers.list("accountId is not null order by lastSeen asc nulls first"))
                .map(all -> all.stream().filter(v -> schedule.due(v.accountId.toString(), v.lastSeen,
                        config.cadence(), now)).limit(config.batchSize()).toList())
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::poll)
                        .collect().asList())
                .map(List::size);
    }

    private Uni<Boolean> poll(ChargerEntity charger) {
        String account = charger.accountId.toString();
        if (schedule.paused(account, Instant.now())) {
            return Uni.createFrom().item(false);
        }
        return credentials.accessToken(charger.accountId)
                .chain(token -> oem.state(charger.vendor, DeviceKind.charger, charger.vendorChargerId, token))
                .map(node -> json.convertValue(node, ChargerReport.class))
                .chain(report -> Panache.withTransaction(() -> observations.apply(charger.vendor, report)))
                .replaceWith(true)
                .onFailure(OemException.class).recoverWithItem(failure -> {
                    OemException e = (OemException) failure;
                    if (e.status() == 429) {
                        schedule.rateLimited(account, e.retryAfter(), Instant.now());
                    }
                    LOG.debugf("polling charger %s: %s", charger.id, e.getMessage());
                    return false;
                });
    }
}
