package io.plugmate.device;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code plugmate.unlinked-devices.*}: how long an unlink's tombstone outlives its account (docs/adr/0011). */
@ConfigMapping(prefix = "plugmate.unlinked-devices")
public interface UnlinkedDevicesConfig {

    /**
     * A tombstone whose account is gone (its grant let go, its last device unlinked, its user erased) is deleted once it
     * is this old: only a sync of that account could rediscover the device, and a new account comes from the user's
     * link, which lifts the tombstones of what it lists anyway. The wait covers announcements and syncs still in flight
     * when the account went. While its account exists a tombstone is kept, however old.
     */
    @WithDefault("7d")
    Duration retention();
}
