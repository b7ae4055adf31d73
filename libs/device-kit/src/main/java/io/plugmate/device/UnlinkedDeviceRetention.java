package io.plugmate.device;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.plugmate.messaging.RetentionRule;

/**
 * The service's {@code unlinked_device} tombstones ({@link UnlinkedDevices}) for service-messaging's
 * {@code TableRetention}: kept as long as their account ({@code oem_account}) exists, however old, and deleted once
 * their account is gone and they are older than {@link UnlinkedDevicesConfig#retention()} (docs/adr/0011, decision 6).
 * Both device services get this one rule; each keeps the index on {@code unlinked_at} in its own schema.
 */
public class UnlinkedDeviceRetention {

    @Produces
    @Singleton
    RetentionRule unlinkedDevices(UnlinkedDevicesConfig config) {
        return RetentionRule.olderThan("unlink tombstones of accounts gone", "unlinked_device", "unlinked_at",
                config.retention()).and("not exists (select 1 from oem_account a where a.id = t.account_id)");
    }
}
