package io.plugmate.simulator.oem;

import java.util.List;

import io.plugmate.simulator.domain.OemAccount;
import io.plugmate.simulator.domain.Vendor;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The linked account, as {@code GET /oem/{vendor}/api/me} shows it. */
@RegisterForReflection
public record AccountDto(String accountId, Vendor vendor, String username, List<String> vehicleIds,
        List<String> chargerIds) {

    public static AccountDto of(OemAccount a) {
        return new AccountDto(a.id(), a.vendor(), a.username(), a.vehicleIds(), a.chargerIds());
    }
}
