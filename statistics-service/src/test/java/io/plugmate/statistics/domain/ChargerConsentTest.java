package io.plugmate.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLifecycleEvent;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.DeviceUpdated;

/** docs/adr/0012: what each announcement says about a charger's read consent (null: nothing, the known one stays). */
class ChargerConsentTest {

    private static final Instant AT = Instant.parse("2026-11-24T18:00:00Z");

    /** scopes: "-" never told (null), "" none granted, otherwise space-separated. */
    private static DeviceLifecycleEvent event(String type, DeviceType device, int schema, String scopes) {
        List<String> granted = scopes.equals("-") ? null
                : scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" "));
        return switch (type) {
            case "linked" -> new DeviceLinked(UUID.randomUUID(), schema, "acme", "u1", AT, device, "d1", "TESLA",
                    DeviceCapabilities.none(), null, granted);
            case "updated" -> new DeviceUpdated(UUID.randomUUID(), schema, "acme", "u1", AT, device, "d1", "TESLA",
                    DeviceCapabilities.none(), null, true, null, granted);
            default -> new DeviceRemoved(UUID.randomUUID(), schema, "acme", "u1", AT, device, "d1");
        };
    }

    @ParameterizedTest(name = "{0} {1} schema {2} scopes [{3}] -> {4}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // a charger at schema 3: the scope decides; never told withholds nothing; none granted withholds
            "linked  | CHARGER | 3 | charger:read:data                          | GRANTED",
            "linked  | CHARGER | 3 | charger:control:charging charger:read:data | GRANTED",
            "linked  | CHARGER | 3 | charger:control:charging                   | WITHHELD",
            "linked  | CHARGER | 3 | ''                                         | WITHHELD",
            "linked  | CHARGER | 3 | -                                          | GRANTED",
            "updated | CHARGER | 3 | charger:read:data                          | GRANTED",
            "updated | CHARGER | 3 | vehicle:read:data                          | WITHHELD",
            "updated | CHARGER | 3 | ''                                         | WITHHELD",
            "updated | CHARGER | 3 | -                                          | GRANTED",
            // a producer before schema 3 says nothing about scopes, whatever the record holds
            "linked  | CHARGER | 2 | -                                          | null",
            "updated | CHARGER | 2 | -                                          | null",
            "updated | CHARGER | 1 | -                                          | null",
            "updated | CHARGER | 2 | ''                                         | null",
            // a vehicle's scopes are not a charger's consent
            "linked  | VEHICLE | 3 | vehicle:read:data                          | null",
            "updated | VEHICLE | 3 | ''                                         | null",
            // a removal: the sessions stay, so does the consent that covers them
            "removed | CHARGER | 1 | -                                          | null",
            "removed | CHARGER | 3 | -                                          | null",
    })
    void whatAnAnnouncementSaysAboutTheChargersConsent(String type, DeviceType device, int schema, String scopes,
            ChargerConsent expected) {
        assertThat(ChargerConsent.of(event(type, device, schema, scopes))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "c1, true", "c2, false" })
    void aWithheldChargerHidesWhatItMeasuredAndAVehiclesOwnEstimateIsNeverHidden(String chargerId, boolean hidden) {
        WithheldChargers withheld = WithheldChargers.of(Set.of("c1"));

        assertThat(withheld.hides(chargerId)).isEqualTo(hidden);
        assertThat(withheld.hides(null)).isFalse();
        assertThat(WithheldChargers.NONE.hides(chargerId)).isFalse();
    }
}
