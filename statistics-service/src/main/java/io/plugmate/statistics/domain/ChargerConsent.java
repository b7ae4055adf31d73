package io.plugmate.statistics.domain;

import java.util.List;

import io.plugmate.events.DeviceLifecycleEvent;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.DeviceUpdated;

/**
 * Whether what a charger measured is the client's to see (docs/adr/0012): its link must have granted
 * {@value #READ_SCOPE}. The charger's current consent is what its latest {@code DeviceLinked}/{@code DeviceUpdated}
 * said (schema 3 carries the charger's scopes); it is applied when sessions are read, so a new link changes what past
 * sessions show too.
 */
public enum ChargerConsent {
    /** Its native sessions and its own estimates are served. */
    GRANTED,
    /** Nothing it measured is served: as if it had no meter and reported no power. */
    WITHHELD;

    public static final String READ_SCOPE = "charger:read:data";
    /** The first schema of {@code DeviceLinked}/{@code DeviceUpdated} that carries a charger's scopes. */
    static final int SCOPES_SINCE = 3;

    /**
     * What an announcement says about the charger's consent; null when it says nothing, and the consent known stays:
     * a vehicle's, a removal (the sessions stay, so does the consent covering them), a producer before schema 3. A
     * charger announced without scopes at schema 3 was never told any: it withholds nothing, as in charger-service.
     */
    public static ChargerConsent of(DeviceLifecycleEvent event) {
        if (event.deviceType() != DeviceType.CHARGER || event.schemaVersion() < SCOPES_SINCE) {
            return null;
        }
        return switch (event) {
            case DeviceLinked linked -> granting(linked.scopes());
            case DeviceUpdated updated -> granting(updated.scopes());
            case DeviceRemoved removed -> null;
        };
    }

    /** The consent of a charger granted these scopes; null scopes (never told) withhold nothing. */
    static ChargerConsent granting(List<String> scopes) {
        return scopes == null || scopes.contains(READ_SCOPE) ? GRANTED : WITHHELD;
    }
}
