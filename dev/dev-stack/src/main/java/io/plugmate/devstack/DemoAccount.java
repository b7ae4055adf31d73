package io.plugmate.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A household's login at a simulated OEM, as the simulator's sandbox lists it
 * ({@code /sandbox/accounts?householdId=}), and the link request that asks for all of its devices.
 */
record DemoAccount(String accountId, String vendor, String householdId, String username, String password,
        List<String> vehicleIds, List<String> chargerIds) {

    static final List<String> VEHICLE_SCOPES = List.of("vehicle:read:data", "vehicle:read:location",
            "vehicle:control:charging");
    static final List<String> CHARGER_SCOPES = List.of("charger:read:data", "charger:control:charging");

    DemoAccount {
        vehicleIds = List.copyOf(vehicleIds);
        chargerIds = List.copyOf(chargerIds);
    }

    static DemoAccount parse(JsonNode account) {
        return new DemoAccount(account.path("accountId").asText(), account.path("vendor").asText(),
                account.path("householdId").asText(), account.path("username").asText(),
                account.path("password").asText(), texts(account.path("vehicleIds")), texts(account.path("chargerIds")));
    }

    /** The device types the account has, in the link request's words. */
    List<String> vendorTypes() {
        List<String> types = new ArrayList<>();
        if (!vehicleIds.isEmpty()) {
            types.add("vehicle");
        }
        if (!chargerIds.isEmpty()) {
            types.add("charger");
        }
        return types;
    }

    /** Everything a demo can use of each device type the account has: reading, location, charging control. */
    List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        if (!vehicleIds.isEmpty()) {
            scopes.addAll(VEHICLE_SCOPES);
        }
        if (!chargerIds.isEmpty()) {
            scopes.addAll(CHARGER_SCOPES);
        }
        return scopes;
    }

    /** The body of {@code POST /users/{userId}/link} (vehicle-service) for this account. */
    Map<String, Object> linkRequest(String redirectUri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vendor", vendor);
        body.put("vendorTypes", vendorTypes());
        body.put("scopes", scopes());
        body.put("redirectUri", redirectUri);
        return body;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
