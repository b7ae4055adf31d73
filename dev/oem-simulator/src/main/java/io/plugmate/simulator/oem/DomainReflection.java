package io.plugmate.simulator.oem;

import io.plugmate.simulator.domain.Capabilities;
import io.plugmate.simulator.domain.ChargerReport;
import io.plugmate.simulator.domain.CommandRecord;
import io.plugmate.simulator.domain.GeoPoint;
import io.plugmate.simulator.domain.PlugInterval;
import io.plugmate.simulator.domain.ReportDelivery;
import io.plugmate.simulator.domain.VehicleReport;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Domain records serialized as JSON; registered here so the domain stays free of Quarkus (native image needs it). */
@RegisterForReflection(targets = { VehicleReport.class, ChargerReport.class, GeoPoint.class, Capabilities.class,
        CommandRecord.class, PlugInterval.class, ReportDelivery.class })
public final class DomainReflection {

    private DomainReflection() {
    }
}
