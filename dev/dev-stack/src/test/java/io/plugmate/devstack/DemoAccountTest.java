package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class DemoAccountTest {

    @Test
    void readsTheSandboxViewOfAnAccount() throws Exception {
        DemoAccount account = DemoAccount.parse(new ObjectMapper().readTree("""
                {"accountId":"acct-tesla-hh-0001","vendor":"TESLA","householdId":"hh-0001",
                 "username":"hh-0001@tesla.sim","password":"pw-hjbwkh4v","vehicleIds":["veh-00001"],
                 "chargerIds":["chg-00001"],"authorizeUrl":"/oem/tesla/oauth/authorize","linkedClients":[]}"""));

        assertThat(account).isEqualTo(new DemoAccount("acct-tesla-hh-0001", "TESLA", "hh-0001", "hh-0001@tesla.sim",
                "pw-hjbwkh4v", List.of("veh-00001"), List.of("chg-00001")));
    }

    @Test
    void asksForEveryDeviceTypeTheAccountHasWithTheScopesOfEach() {
        DemoAccount both = account(List.of("veh-1"), List.of("chg-1"));

        assertThat(both.linkRequest("http://localhost:9999/linked")).containsExactly(
                entry("vendor", "TESLA"), entry("vendorTypes", List.of("vehicle", "charger")),
                entry("scopes", List.of("vehicle:read:data", "vehicle:read:location", "vehicle:control:charging",
                        "charger:read:data", "charger:control:charging")),
                entry("redirectUri", "http://localhost:9999/linked"));
    }

    @Test
    void aChargerOnlyAccountAsksForChargersOnly() {
        DemoAccount chargerOnly = account(List.of(), List.of("chg-1", "chg-2"));

        assertThat(chargerOnly.vendorTypes()).containsExactly("charger");
        assertThat(chargerOnly.scopes()).containsExactlyElementsOf(DemoAccount.CHARGER_SCOPES);
    }

    @Test
    void aVehicleOnlyAccountAsksForVehiclesOnly() {
        DemoAccount vehicleOnly = account(List.of("veh-1"), List.of());

        assertThat(vehicleOnly.vendorTypes()).containsExactly("vehicle");
        assertThat(vehicleOnly.scopes()).containsExactlyElementsOf(DemoAccount.VEHICLE_SCOPES);
    }

    private static DemoAccount account(List<String> vehicles, List<String> chargers) {
        return new DemoAccount("acct", "TESLA", "hh-0001", "user", "pw", vehicles, chargers);
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return java.util.Map.entry(key, value);
    }
}
