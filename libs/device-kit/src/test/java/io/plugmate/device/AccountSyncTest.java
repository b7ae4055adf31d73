package io.plugmate.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.oem.OemDevice;

class AccountSyncTest {

    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final UUID OTHER_ACCOUNT = UUID.randomUUID();

    record Known(String vendorId, UUID accountId) {
    }

    private static OemDevice listed(String id) {
        return new OemDevice(id, "TESLA", "vehicle", null, null);
    }

    private static AccountSync<Known> plan(List<OemDevice> listed, List<Known> known) {
        return AccountSync.plan(ACCOUNT, listed, known, Known::vendorId, Known::accountId);
    }

    @Test
    void newDevicesAreDiscoveredKnownOnesRefreshedAndVanishedOnesRemoved() {
        Known kept = new Known("veh-1", ACCOUNT);
        Known sold = new Known("veh-2", ACCOUNT);

        AccountSync<Known> sync = plan(List.of(listed("veh-1"), listed("veh-3")), List.of(kept, sold));

        assertThat(sync.discovered()).extracting(OemDevice::id).containsExactly("veh-3");
        assertThat(sync.refreshed()).extracting(AccountSync.Refresh::known).containsExactly(kept);
        assertThat(sync.removed()).containsExactly(sold);
        assertThat(sync.changes()).isEqualTo(2);
    }

    @Test
    void devicesOfAnotherAccountAreNeverRemovedButAdoptedWhenListed() {
        Known elsewhere = new Known("veh-9", OTHER_ACCOUNT);
        Known moved = new Known("veh-5", OTHER_ACCOUNT);
        Known orphan = new Known("veh-7", null);

        AccountSync<Known> sync = plan(List.of(listed("veh-5")), List.of(elsewhere, moved, orphan));

        assertThat(sync.discovered()).isEmpty();
        assertThat(sync.refreshed()).extracting(AccountSync.Refresh::known).containsExactly(moved);
        assertThat(sync.removed()).isEmpty();
    }

    @Test
    void anEmptyListRemovesEveryDeviceOfTheAccountAndNothingElse() {
        Known a = new Known("chg-1", ACCOUNT);
        Known b = new Known("chg-2", OTHER_ACCOUNT);

        AccountSync<Known> sync = plan(List.of(), List.of(a, b));

        assertThat(sync.removed()).containsExactly(a);
        assertThat(sync.discovered()).isEmpty();
    }

    @Test
    void aDeviceListedTwiceIsDiscoveredOnce() {
        AccountSync<Known> sync = plan(List.of(listed("veh-1"), listed("veh-1")), List.of());

        assertThat(sync.discovered()).hasSize(1);
    }

    @Test
    void applyRunsDiscoveriesRefreshesAndRemovalsInThatOrder() {
        Known kept = new Known("veh-1", ACCOUNT);
        Known sold = new Known("veh-2", ACCOUNT);
        List<String> steps = new ArrayList<>();

        int changes = plan(List.of(listed("veh-3"), listed("veh-1")), List.of(kept, sold)).apply(
                device -> io.smallrye.mutiny.Uni.createFrom().voidItem().invoke(() -> steps.add("discover " + device.id())),
                (known, device) -> io.smallrye.mutiny.Uni.createFrom().voidItem()
                        .invoke(() -> steps.add("refresh " + known.vendorId())),
                gone -> io.smallrye.mutiny.Uni.createFrom().voidItem().invoke(() -> steps.add("remove " + gone.vendorId())))
                .await().indefinitely();

        assertThat(changes).isEqualTo(2);
        assertThat(steps).containsExactly("discover veh-3", "refresh veh-1", "remove veh-2");
    }
}
