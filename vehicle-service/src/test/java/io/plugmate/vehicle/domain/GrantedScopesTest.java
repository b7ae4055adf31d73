package io.plugmate.vehicle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GrantedScopesTest {

    private static final GrantedScopes VEHICLE_FULL = GrantedScopes
            .parse("vehicle:read:data vehicle:read:location vehicle:control:charging");

    @Test
    void anAccountLinkedBeforeScopesWereKeptGrantsNothingBeyondData() {
        assertThat(GrantedScopes.parse(null).has(GrantedScopes.VEHICLE_LOCATION)).isFalse();
        assertThat(GrantedScopes.parse(" ").has(GrantedScopes.VEHICLE_CONTROL)).isFalse();
    }

    @Test
    void aFirstLinkGrantsWhatItAskedForOfItsTypes() {
        GrantedScopes granted = GrantedScopes.parse(null).relinked(
                List.of("vehicle:read:data", "vehicle:read:location", "charger:read:data"), true, false);

        assertThat(granted.text()).isEqualTo("vehicle:read:data vehicle:read:location");
    }

    @Test
    void aNewLinkForVehiclesWithFewerScopesTakesTheOthersBack() {
        GrantedScopes granted = VEHICLE_FULL.relinked(List.of("vehicle:read:data"), true, false);

        assertThat(granted.has(GrantedScopes.VEHICLE_LOCATION)).isFalse();
        assertThat(granted.has(GrantedScopes.VEHICLE_CONTROL)).isFalse();
        assertThat(granted.text()).isEqualTo("vehicle:read:data");
    }

    @Test
    void linkingTheAccountsChargerKeepsTheVehiclesScopes() {
        GrantedScopes granted = VEHICLE_FULL.relinked(List.of("charger:read:data", "charger:control:charging"), false,
                true);

        assertThat(granted.text()).isEqualTo("charger:control:charging charger:read:data vehicle:control:charging "
                + "vehicle:read:data vehicle:read:location");
    }

    @Test
    void aLinkForBothTypesReplacesBoth() {
        GrantedScopes granted = GrantedScopes.parse("vehicle:read:data vehicle:control:charging charger:read:data "
                + "charger:control:charging").relinked(List.of("vehicle:read:data", "charger:read:data"), true, true);

        assertThat(granted.text()).isEqualTo("charger:read:data vehicle:read:data");
    }
}
