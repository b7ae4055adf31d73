package io.plugmate.charger.link;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.charger.service.ChargerService;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.Outbox;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.oem.OemDevice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Discovers the chargers of an account vehicle-service linked. The OEM is asked outside any transaction; then one
 * transaction records the event as processed, stores the account and the chargers, and publishes their
 * {@code DeviceLinked} (and {@code DeviceRemoved} for chargers gone from the account).
 */
@ApplicationScoped
public class AccountDiscovery {

    static final String CONSUMER = "charger-service/oem-accounts";

    private final OemClient oem;
    private final CredentialCipher cipher;
    private final ChargerRepository chargers;
    private final Inbox inbox;
    private final Outbox outbox;

    public AccountDiscovery(OemClient oem, CredentialCipher cipher, ChargerRepository chargers, Inbox inbox,
            Outbox outbox) {
        this.oem = oem;
        this.cipher = cipher;
        this.chargers = chargers;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @Incoming("oem-accounts")
    public Uni<Void> consume(String record) {
        return Uni.createFrom().item(() -> EventJson.read(record, OemAccountLinked.class)).chain(event -> {
            if (!event.deviceTypes().contains(DeviceType.CHARGER)) {
                return Uni.createFrom().voidItem();
            }
            String accessToken = cipher.decrypt(event.sealedAccessToken(), event.accountId());
            return oem.devices(event.vendor(), DeviceKind.charger, accessToken)
                    .chain(devices -> Panache.withTransaction(() -> inbox.handleOnce(CONSUMER, record,
                            OemAccountLinked.class, e -> store(e, devices))));
        });
    }

    private Uni<Void> store(OemAccountLinked event, List<OemDevice> devices) {
        UUID accountId = UUID.fromString(event.accountId());
        return Panache.getSession().chain(s -> s.find(OemAccountEntity.class, accountId).chain(existing -> {
            if (existing != null && !existing.clientId.equals(event.clientId())) {
                // an account belongs to one API client for good; anything else is a corrupt event
                return Uni.createFrom().failure(new IllegalArgumentException(
                        "account " + accountId + " belongs to another client"));
            }
            OemAccountEntity account = existing != null ? existing : new OemAccountEntity();
            account.id = accountId;
            account.clientId = event.clientId();
            account.userId = event.userId();
            account.vendor = event.vendor();
            account.oemAccountId = event.oemAccountId();
            account.sealedAccessToken = event.sealedAccessToken();
            account.accessTokenExpiresAt = event.accessTokenExpiresAt();
            account.updatedAt = ChargerService.now();
            if (existing == null) {
                account.createdAt = account.updatedAt;
                return s.persist(account);
            }
            return Uni.createFrom().voidItem();
        })).chain(() -> sync(event, accountId, devices));
    }

    private Uni<Void> sync(OemAccountLinked event, UUID accountId, List<OemDevice> devices) {
        return chargers.list("clientId = ?1 and vendor = ?2", event.clientId(), event.vendor()).chain(known -> {
            Map<String, ChargerEntity> byVendorId = known.stream()
                    .collect(Collectors.toMap(c -> c.vendorChargerId, Function.identity()));
            Set<String> listed = devices.stream().map(OemDevice::id).collect(Collectors.toSet());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (OemDevice device : devices) {
                ChargerEntity existing = byVendorId.get(device.id());
                chain = chain.chain(() -> existing != null ? refresh(existing, accountId, device)
                        : discover(event, accountId, device));
            }
            for (ChargerEntity gone : known) {
                if (accountId.equals(gone.accountId) && !listed.contains(gone.vendorChargerId)) {
                    chain = chain.chain(() -> remove(gone));
                }
            }
            return chain;
        });
    }

    private Uni<Void> discover(OemAccountLinked event, UUID accountId, OemDevice device) {
        ChargerEntity c = NewChargers.from(event.clientId(), event.userId(), accountId, device);
        return chargers.persist(c).chain(() -> outbox.publish(Topics.DEVICE_LIFECYCLE, c.userId,
                new DeviceLinked(UUID.randomUUID(), DeviceLinked.SCHEMA_VERSION, c.clientId, c.userId,
                        ChargerService.now(), DeviceType.CHARGER, c.id.toString(), c.vendor,
                        new DeviceCapabilities(c.canStartCharging, c.canStopCharging, c.canSetMaxCurrent, false))));
    }

    private Uni<Void> refresh(ChargerEntity existing, UUID accountId, OemDevice device) {
        NewChargers.applyInformation(existing, device);
        existing.accountId = accountId;
        existing.updatedAt = ChargerService.now();
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> remove(ChargerEntity gone) {
        return chargers.delete(gone).chain(() -> outbox.publish(Topics.DEVICE_LIFECYCLE, gone.userId,
                new DeviceRemoved(UUID.randomUUID(), DeviceRemoved.SCHEMA_VERSION, gone.clientId, gone.userId,
                        ChargerService.now(), DeviceType.CHARGER, gone.id.toString())));
    }
}
