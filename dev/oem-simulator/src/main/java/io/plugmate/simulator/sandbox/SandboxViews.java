package io.plugmate.simulator.sandbox;

import java.util.List;

import jakarta.inject.Singleton;

import io.plugmate.simulator.domain.Charger;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.OemAccount;
import io.plugmate.simulator.domain.Vehicle;
import io.plugmate.simulator.oauth.Grant;
import io.plugmate.simulator.oauth.OAuthStore;

/** The sandbox's god view of the world: true values, including what the OEM clouds do not tell. */
@Singleton
public class SandboxViews {

    private final OAuthStore oauth;

    public SandboxViews(OAuthStore oauth) {
        this.oauth = oauth;
    }

    public SandboxDtos.Household household(Household h) {
        return new SandboxDtos.Household(h.id(), h.home(), h.autonomous(),
                h.vehicles().stream().map(SandboxViews::vehicle).toList(),
                h.chargers().stream().map(SandboxViews::charger).toList(),
                h.accounts().stream().map(this::account).toList());
    }

    public static SandboxDtos.Vehicle vehicle(Vehicle v) {
        return new SandboxDtos.Vehicle(v.id(), v.vendor(), v.model().name(), v.householdId(),
                Math.round(v.socPercent() * 10) / 10.0, v.chargeLimitPercent(), v.pluggedIntoId(), v.isCharging(),
                Math.round(v.wallPowerKw() * 100) / 100.0, v.vendor().vehicle().maxCurrent() ? v.maxCurrentA() : null,
                v.location(), v.isAsleep(), v.clockSkew().toSeconds());
    }

    public static SandboxDtos.Charger charger(Charger c) {
        return new SandboxDtos.Charger(c.id(), c.vendor(), c.householdId(), c.location(),
                c.pluggedVehicle() == null ? null : c.pluggedVehicle().id(), c.isCharging(), c.isEnabled(),
                c.maxCurrentA(), Math.round(c.meterKwh() * 1000) / 1000.0);
    }

    public SandboxDtos.Account account(OemAccount a) {
        List<String> clients = oauth.grantsOf(a.id()).stream().map(Grant::clientId).distinct().sorted().toList();
        return new SandboxDtos.Account(a.id(), a.vendor(), a.householdId(), a.username(), a.password(), a.vehicleIds(),
                a.chargerIds(), "/oem/" + a.vendor().name().toLowerCase() + "/oauth/authorize", clients);
    }
}
