package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class LinkedDevicesTest {

    // shortened from what vehicle-service and charger-service answered on a real `./plugmate run`
    private static final String VEHICLES = """
            {"data":[{"id":"ddfdc9a1-e045-4ce5-a316-c68512a7a170","userId":"hh-0001","vendor":"TESLA",
              "information":{"brand":"Tesla","model":"Model Y","year":2025,"vin":"SIMCH06M1Z8DH21LL",
              "displayName":"Tesla Model Y"}}],"pagination":{"before":null,"after":null}}""";
    private static final String CHARGERS = """
            {"data":[{"id":"2d214ed3-ae0b-451b-a395-778b29daafcf","userId":"hh-0001","vendor":"TESLA",
              "information":{"brand":"Tesla","model":"Wall Connector Gen 3","serialNumber":"TES-BJUR6TV9NU",
              "displayName":"Tesla Wall Connector Gen 3"}}],"pagination":{"before":null,"after":null}}""";

    @Test
    void aVehicleIsShownWithItsVinAndAChargerWithItsSerialNumber() throws Exception {
        LinkedDevices vehicles = LinkedDevices.parse(new ObjectMapper().readTree(VEHICLES));
        LinkedDevices chargers = LinkedDevices.parse(new ObjectMapper().readTree(CHARGERS));

        assertThat(vehicles.render())
                .isEqualTo("  ddfdc9a1-e045-4ce5-a316-c68512a7a170  TESLA  Tesla Model Y  VIN SIMCH06M1Z8DH21LL\n");
        assertThat(chargers.render()).isEqualTo(
                "  2d214ed3-ae0b-451b-a395-778b29daafcf  TESLA  Tesla Wall Connector Gen 3  serial TES-BJUR6TV9NU\n");
    }

    @Test
    void countsTheDevicesOfOneVendor() throws Exception {
        LinkedDevices vehicles = LinkedDevices.parse(new ObjectMapper().readTree(VEHICLES));

        assertThat(vehicles.ofVendor("TESLA")).isEqualTo(1);
        assertThat(vehicles.ofVendor("BMW")).isZero();
        assertThat(LinkedDevices.parse(new ObjectMapper().readTree("{\"data\":[]}")).render()).isEqualTo("  (none)\n");
    }
}
