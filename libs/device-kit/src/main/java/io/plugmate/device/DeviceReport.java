package io.plugmate.device;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.oem.OemConfig.DeviceKind;

/** A device's state as an OEM cloud reports it (webhook or state read): which device, measured when. */
public interface DeviceReport {

    /** The OEM's id of the device. */
    String deviceId();

    /** When the OEM measured the state (event time). */
    Instant observedAt();

    /** Whether a cable connects the device to its counterpart; null: not reported. */
    Boolean isPluggedIn();

    /** Whether energy flows; null: not reported. */
    Boolean isCharging();

    /** The current limit the device reports; null: not reported. */
    Double maxCurrentA();

    /**
     * Reads a report of the kind; one that is not such a report, or lacks the device or {@code observedAt}, is a 400.
     */
    static <R extends DeviceReport> R read(ObjectMapper json, JsonNode node, Class<R> type, DeviceKind kind) {
        try {
            R report = node == null ? null : json.treeToValue(node, type);
            if (report == null || report.deviceId() == null || report.observedAt() == null) {
                throw BadRequestProblem.field("report", "needs " + kind + "Id and observedAt");
            }
            return report;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestProblem.field("report", "is not a " + kind + " report");
        }
    }
}
