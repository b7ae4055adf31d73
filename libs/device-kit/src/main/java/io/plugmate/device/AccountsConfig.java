package io.plugmate.device;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "plugmate.accounts")
public interface AccountsConfig {

    /**
     * How long an account's device list may go unread: devices added to or removed from the account at the OEM
     * between links are found within this interval.
     */
    @WithDefault("4h")
    Duration resyncInterval();

    /** How often the re-sync looks for accounts due; 0 turns the periodic re-sync off (tests call it themselves). */
    @WithDefault("5m")
    Duration resyncTick();

    /** At most this many accounts per tick (one device-list call each), to stay far below every OEM's rate limit. */
    @WithDefault("20")
    int resyncBatchSize();
}
