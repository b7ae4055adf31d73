package io.plugmate.oem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A device listing as the OEM clouds (the simulator) send it. */
class OemDeviceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChargerListingCarriesItsSupply() throws Exception {
        List<OemDevice> listed = JSON.readValue("""
                [{"id": "chg-1", "vendor": "TESLA", "deviceType": "charger",
                  "information": {"brand": "Tesla", "model": "Wall Connector", "serialNumber": "SN1", "displayName": "x"},
                  "capabilities": {"startCharging": true, "stopCharging": true, "setMaxCurrent": true},
                  "electrical": {"phases": 3, "voltageV": 230.0, "minCurrentA": 6.0, "maxCurrentA": 32.0},
                  "somethingNew": 1}]""", new TypeReference<>() {
        });

        assertThat(listed.getFirst().electrical()).isEqualTo(new OemDevice.Electrical(3, 230.0, 6.0, 32.0));
        assertThat(listed.getFirst().information().serialNumber()).isEqualTo("SN1");
    }

    @Test
    void aListingWithoutSupplyDataHasNone() throws Exception {
        OemDevice vehicle = JSON.readValue("""
                {"id": "veh-1", "vendor": "VOLTRA", "deviceType": "vehicle",
                 "electrical": {"phases": null}}""", OemDevice.class);
        OemDevice bare = JSON.readValue("{\"id\": \"veh-2\", \"vendor\": \"VOLTRA\"}", OemDevice.class);

        assertThat(vehicle.electrical()).isEqualTo(new OemDevice.Electrical(null, null, null, null));
        assertThat(bare.electrical()).isNull();
        assertThat(bare.capabilities()).isNull();
    }
}
