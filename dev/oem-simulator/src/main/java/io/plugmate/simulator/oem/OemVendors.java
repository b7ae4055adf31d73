package io.plugmate.simulator.oem;

import io.plugmate.simulator.domain.DeviceType;
import io.plugmate.simulator.domain.Vendor;
import io.plugmate.simulator.problem.ProblemException;

/** Resolves the {@code {vendor}} path segment; unknown vendors are 404 like any unknown resource. */
public final class OemVendors {

    private OemVendors() {
    }

    public static Vendor require(String pathSegment) {
        return Vendor.parse(pathSegment)
                .orElseThrow(() -> ProblemException.notFound("no OEM cloud named '" + pathSegment + "'"));
    }

    public static Vendor require(String pathSegment, DeviceType type) {
        Vendor vendor = require(pathSegment);
        if (!vendor.makes(type)) {
            throw ProblemException.notFound(vendor + " has no " + type.name().toLowerCase() + " API");
        }
        return vendor;
    }
}
