package io.plugmate.benchmarks.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.plugmate.benchmarks.files.ScenarioFiles;
import io.plugmate.benchmarks.files.ScenarioRecord;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceType;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.simulator.domain.ChargerReport;
import io.plugmate.simulator.domain.FleetConfig;
import io.plugmate.simulator.domain.FleetSimulation;
import io.plugmate.simulator.domain.GeoPoint;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.ReportDelivery;
import io.plugmate.simulator.domain.VehicleReport;
import io.plugmate.simulator.domain.Vendor;

class EventConversionTest {

    private static final Instant MEASURED = Instant.parse("2026-01-05T18:02:41Z");
    private static final Instant DELIVERED = Instant.parse("2026-01-05T18:02:44.250Z");

    private final EventConversion conversion = new EventConversion("test");

    @Test
    void aVehicleReportKeepsItsEventTimeAndIsStampedWithItsDelivery() {
        VehicleReport report = new VehicleReport("rpt-1", "veh-00001", Vendor.TESLA, MEASURED, true, true, 9.87, 54,
                263, 90, 32, new GeoPoint(59.91712, 10.73401));

        ScenarioRecord record = conversion.observed("hh-0001", new ReportDelivery(DELIVERED, report, false));

        assertThat(record.topic()).isEqualTo("vehicle-state");
        assertThat(record.key()).isEqualTo("hh-0001");
        VehicleStateObserved event = (VehicleStateObserved) record.value();
        assertThat(event.clientId()).isEqualTo(EventConversion.CLIENT_ID);
        assertThat(event.userId()).isEqualTo("hh-0001");
        assertThat(event.observedAt()).isEqualTo(MEASURED);
        assertThat(event.occurredAt()).isEqualTo(DELIVERED);
        assertThat(event.vehicleId()).isEqualTo("veh-00001");
        assertThat(event.vendor()).isEqualTo("TESLA");
        assertThat(event.isPluggedIn()).isTrue();
        assertThat(event.isCharging()).isTrue();
        assertThat(event.chargeRateKw()).isEqualTo(9.87);
        assertThat(event.batteryLevel()).isEqualTo(54.0);
        assertThat(event.location()).isEqualTo(new GeoLocation(59.91712, 10.73401));
    }

    @Test
    void whatTheVendorDoesNotReportStaysUnknown() {
        VehicleReport nordauto = new VehicleReport("rpt-2", "veh-00002", Vendor.NORDAUTO, MEASURED, false, false, null,
                80, 300, 90, null, null);
        ChargerReport zapline = new ChargerReport("rpt-3", "chg-00001", Vendor.ZAPLINE, MEASURED, true, false, null, 16,
                1234.5);

        VehicleStateObserved vehicle = (VehicleStateObserved) conversion
                .observed("hh-0002", new ReportDelivery(DELIVERED, nordauto, false)).value();
        ScenarioRecord chargerRecord = conversion.observed("hh-0002", new ReportDelivery(DELIVERED, zapline, false));
        ChargerStateObserved charger = (ChargerStateObserved) chargerRecord.value();

        assertThat(vehicle.chargeRateKw()).isNull();
        assertThat(vehicle.location()).isNull();
        assertThat(chargerRecord.topic()).isEqualTo("charger-state");
        assertThat(charger.chargerId()).isEqualTo("chg-00001");
        assertThat(charger.observedAt()).isEqualTo(MEASURED);
        assertThat(charger.occurredAt()).isEqualTo(DELIVERED);
        assertThat(charger.isPluggedIn()).isTrue();
        assertThat(charger.isCharging()).isFalse();
        assertThat(charger.chargeRateKw()).isNull();
        assertThat(charger.maxCurrentA()).isEqualTo(16.0);
    }

    @Test
    void aDuplicateDeliveryIsASecondRecordWithItsOwnEventId() {
        ChargerReport report = new ChargerReport("rpt-4", "chg-00001", Vendor.TESLA, MEASURED, true, true, 11.0, 16, 1.0);

        ScenarioRecord first = conversion.observed("hh-0001", new ReportDelivery(DELIVERED, report, false));
        ScenarioRecord again = conversion.observed("hh-0001",
                new ReportDelivery(DELIVERED.plusSeconds(30), report, true));

        assertThat(again.value().eventId()).isNotEqualTo(first.value().eventId());
        assertThat(((ChargerStateObserved) again.value()).observedAt()).isEqualTo(MEASURED);
        assertThat(again.value().occurredAt()).isEqualTo(DELIVERED.plusSeconds(30));
    }

    @Test
    void everyDeviceIsLinkedWithItsVendorsCapabilities() {
        FleetSimulation sim = new FleetSimulation(1, FleetConfig.defaults(0, ScenarioGenerator.START));
        Household h = sim.addHousehold(new HouseholdSpec(List.of(Vendor.VOLTRA), List.of(Vendor.ZAPLINE), false, null));

        ScenarioRecord vehicle = conversion.linked(h.id(), h.vehicles().getFirst(), ScenarioGenerator.START);
        ScenarioRecord charger = conversion.linked(h.id(), h.chargers().getFirst(), ScenarioGenerator.START);

        assertThat(vehicle.topic()).isEqualTo("device-lifecycle");
        DeviceLinked linkedVehicle = (DeviceLinked) vehicle.value();
        assertThat(linkedVehicle.deviceType()).isEqualTo(DeviceType.VEHICLE);
        assertThat(linkedVehicle.vendor()).isEqualTo("VOLTRA");
        assertThat(linkedVehicle.capabilities().startCharging()).isFalse();
        assertThat(linkedVehicle.capabilities().location()).isTrue();
        assertThat(linkedVehicle.occurredAt()).isEqualTo(ScenarioGenerator.START);
        assertThat(((DeviceLinked) charger.value()).deviceType()).isEqualTo(DeviceType.CHARGER);
        assertThat(((DeviceLinked) charger.value()).deviceId()).isEqualTo(h.chargers().getFirst().id());
    }

    @Test
    void aRecordIsOneJsonLineTheReplayCanRead() {
        ChargerReport report = new ChargerReport("rpt-5", "chg-00001", Vendor.WATTBOX, MEASURED, true, true, 11.0, null,
                1.0);
        ScenarioRecord record = conversion.observed("hh-0001", new ReportDelivery(DELIVERED, report, false));

        String line = ScenarioFiles.toLine(record);

        assertThat(line).startsWith("{\"topic\":\"charger-state\",\"key\":\"hh-0001\",\"value\":{\"type\":"
                + "\"ChargerStateObserved\"").doesNotContain("\n");
        assertThat(line).contains("\"observedAt\":\"2026-01-05T18:02:41Z\"",
                "\"occurredAt\":\"2026-01-05T18:02:44.250Z\"", "\"maxCurrentA\":null");
        assertThat(ScenarioFiles.fromLine(line)).isEqualTo(record);
    }

    @Test
    void theSameScenarioGivesTheSameEventIds() {
        ChargerReport report = new ChargerReport("rpt-6", "chg-00001", Vendor.TESLA, MEASURED, true, true, 11.0, 16, 1.0);
        ReportDelivery delivery = new ReportDelivery(DELIVERED, report, false);

        assertThat(new EventConversion("a").observed("hh-0001", delivery).value().eventId())
                .isEqualTo(new EventConversion("a").observed("hh-0001", delivery).value().eventId())
                .isNotEqualTo(new EventConversion("b").observed("hh-0001", delivery).value().eventId());
    }
}
