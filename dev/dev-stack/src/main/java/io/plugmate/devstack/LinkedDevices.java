package io.plugmate.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** One page of a user's vehicles or chargers as the platform's API shows them, reduced to what a person checks. */
record LinkedDevices(List<Device> devices) {

    /** {@code identifier} is the VIN of a vehicle, the serial number of a charger. */
    record Device(String id, String vendor, String displayName, String identifier) {
    }

    LinkedDevices {
        devices = List.copyOf(devices);
    }

    /** From a {@code {"data": [...], "pagination": ...}} page of Enode-shaped Vehicle or Charger objects. */
    static LinkedDevices parse(JsonNode page) {
        List<Device> devices = new ArrayList<>();
        for (JsonNode device : page.path("data")) {
            JsonNode information = device.path("information");
            String identifier = information.hasNonNull("vin") ? "VIN " + information.get("vin").asText()
                    : information.hasNonNull("serialNumber") ? "serial " + information.get("serialNumber").asText() : "";
            devices.add(new Device(device.path("id").asText(), device.path("vendor").asText(),
                    information.path("displayName").asText(""), identifier));
        }
        return new LinkedDevices(devices);
    }

    long ofVendor(String vendor) {
        return devices.stream().filter(device -> device.vendor().equalsIgnoreCase(vendor)).count();
    }

    String render() {
        if (devices.isEmpty()) {
            return "  (none)\n";
        }
        int nameWidth = devices.stream().mapToInt(d -> d.displayName().length()).max().orElse(0);
        int vendorWidth = devices.stream().mapToInt(d -> d.vendor().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Device device : devices) {
            out.append(String.format(Locale.ROOT, "  %s  %-" + vendorWidth + "s  %-" + nameWidth + "s  %s",
                    device.id(), device.vendor(), device.displayName(), device.identifier()).stripTrailing())
                    .append('\n');
        }
        return out.toString();
    }
}
