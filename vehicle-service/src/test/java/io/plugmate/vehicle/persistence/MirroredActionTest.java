package io.plugmate.vehicle.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.ActionState;
import io.plugmate.events.ActionUpdated;
import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceType;

/**
 * A confirmed start or stop mirrored on an unplugged car's state plugs it in without a report: the same-second rule
 * (device-kit's StateOrder) must not take that for the second's plug change and hold back a report of the second that
 * still says "unplugged".
 */
class MirroredActionTest {

    private static final Instant AT = Instant.parse("2026-12-06T15:16:59Z");

    private static VehicleEntity vehicle(boolean pluggedIn) {
        VehicleEntity v = new VehicleEntity();
        v.id = UUID.randomUUID();
        v.clientId = "client-1";
        v.userId = "user-1";
        v.stateObservedAt = AT;
        v.isPluggedIn = pluggedIn;
        v.pluggedBefore = false;
        return v;
    }

    private static ActionUpdated confirmed(VehicleEntity v, CommandKind kind) {
        return new ActionUpdated(UUID.randomUUID(), ActionUpdated.SCHEMA_VERSION, v.clientId, v.userId, AT,
                UUID.randomUUID(), DeviceType.VEHICLE, v.id.toString(), kind, ActionState.CONFIRMED, null);
    }

    @Test
    void aMirroredPlugInTakesTheSecondOutOfTheRule() {
        VehicleEntity v = vehicle(false);

        v.actionUpdated(confirmed(v, CommandKind.START), AT);

        assertThat(v.isPluggedIn).isTrue();
        assertThat(v.pluggedBefore).isNull();
    }

    @Test
    void aMirrorOnAPluggedInCarLeavesTheRuleAsItWas() {
        VehicleEntity v = vehicle(true);

        v.actionUpdated(confirmed(v, CommandKind.STOP), AT);

        assertThat(v.isCharging).isFalse();
        assertThat(v.pluggedBefore).isFalse();
    }
}
