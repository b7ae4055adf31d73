package io.plugmate.messaging;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.events.DeviceRemoved;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A consumer as the services write them: the record's note is locked and changed, giving up on a lock after 200 ms. */
@ApplicationScoped
public class RetryProbeConsumer {

    static final AtomicInteger ATTEMPTS = new AtomicInteger();

    private final Inbox inbox;

    public RetryProbeConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("retry-probe")
    @RetriedInPlace
    @WithTransaction
    public Uni<Void> consume(String record) {
        ATTEMPTS.incrementAndGet();
        return inbox.handleOnce("test/retry-probe", record, DeviceRemoved.class, event -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select set_config('lock_timeout', '200ms', true)").getSingleResult())
                .chain(() -> Note.<Note> findById(Long.valueOf(event.deviceId()), LockModeType.PESSIMISTIC_WRITE))
                .invoke(note -> note.text = "applied " + event.eventId()).replaceWithVoid());
    }
}
