package io.plugmate.statistics.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.DeviceLifecycleEvent;
import io.plugmate.statistics.domain.ChargerConsent;
import io.plugmate.statistics.persistence.ConsentStore;
import io.smallrye.mutiny.Uni;

/**
 * {@code device-lifecycle} (docs/adr/0012): what each announcement says about a charger's read consent is kept, inside
 * the consumer's transaction. Nothing decided about sessions changes (the consent applies when they are read), so no
 * user lock is taken; one user's announcements come in order on their partition, and an older one never overwrites a
 * newer ({@link ConsentStore#say}).
 */
@ApplicationScoped
public class ChargerConsents {

    private final ConsentStore store;

    public ChargerConsents(ConsentStore store) {
        this.store = store;
    }

    public Uni<Void> accept(DeviceLifecycleEvent event) {
        return Uni.createFrom().item(() -> {
            InputChecks.check(event);
            return ChargerConsent.of(event);
        }).chain(consent -> consent == null ? Uni.createFrom().voidItem()
                : store.say(event.clientId(), event.userId(), event.deviceId(), consent, event.occurredAt(),
                        WallClock.now()));
    }
}
