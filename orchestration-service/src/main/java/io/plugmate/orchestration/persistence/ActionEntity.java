package io.plugmate.orchestration.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.plugmate.events.ActionState;
import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceType;
import io.plugmate.events.FailureReason;
import io.plugmate.events.PairedDevice;
import io.plugmate.orchestration.domain.Action;
import io.plugmate.orchestration.domain.Plan;
import io.plugmate.orchestration.domain.Route;
import io.plugmate.orchestration.domain.RouteOption;

/** An action's row: the domain {@link Action} flattened for queries, its plan as JSON. */
@Entity
@Table(name = "action")
public class ActionEntity {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public String targetId;
    @Enumerated(EnumType.STRING)
    public CommandKind kind;
    @Enumerated(EnumType.STRING)
    public ActionState state;
    @Column(name = "max_current_a")
    public Double maxCurrentA;
    @Column(name = "max_power_kw")
    public Double maxPowerKw;
    @Column(name = "failure_type")
    public String failureType;
    @Column(name = "failure_detail")
    public String failureDetail;
    @Column(name = "route_via")
    public String routeVia;
    @Column(name = "route_device_type")
    public String routeDeviceType;
    @Column(name = "route_device_id")
    public String routeDeviceId;
    @Column(name = "route_vendor")
    public String routeVendor;
    @Column(name = "route_pair_id")
    public String routePairId;
    @Column(name = "route_current_a")
    public Double routeCurrentA;
    @Column(name = "paired_pair_id")
    public String pairedPairId;
    @Column(name = "paired_device_type")
    public String pairedDeviceType;
    @Column(name = "paired_device_id")
    public String pairedDeviceId;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    public Instant deadline;
    @Convert(converter = JsonColumns.PlanColumn.class)
    public Plan plan;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_fingerprint")
    public String requestFingerprint;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "completed_at")
    public Instant completedAt;

    public Action toDomain() {
        Route route = routeVia == null ? null
                : new Route(RouteOption.Via.valueOf(routeVia), type(routeDeviceType), routeDeviceId, routeVendor,
                        routePairId, routeCurrentA);
        PairedDevice paired = pairedPairId == null ? null
                : new PairedDevice(pairedPairId, type(pairedDeviceType), pairedDeviceId);
        FailureReason failure = failureType == null ? null : new FailureReason(failureType, failureDetail);
        return new Action(id, clientId, userId, type(targetType), targetId, kind, maxCurrentA, maxPowerKw, state,
                failure, route, paired, attempts, nextAttemptAt, deadline, plan, createdAt, updatedAt, completedAt);
    }

    /** Copies a changed domain action onto this row (the id, tenant and target never change). */
    public ActionEntity apply(Action a) {
        id = a.id();
        clientId = a.clientId();
        userId = a.userId();
        targetType = a.targetType().wireName();
        targetId = a.targetId();
        kind = a.kind();
        state = a.state();
        maxCurrentA = a.maxCurrentA();
        maxPowerKw = a.maxPowerKw();
        failureType = a.failureReason() == null ? null : a.failureReason().type();
        failureDetail = a.failureReason() == null ? null : a.failureReason().detail();
        Route route = a.route();
        routeVia = route == null ? null : route.via().name();
        routeDeviceType = route == null ? null : route.deviceType().wireName();
        routeDeviceId = route == null ? null : route.deviceId();
        routeVendor = route == null ? null : route.vendor();
        routePairId = route == null ? null : route.pairId();
        routeCurrentA = route == null ? null : route.sentCurrentA();
        PairedDevice paired = a.pairedDevice();
        pairedPairId = paired == null ? null : paired.pairId();
        pairedDeviceType = paired == null ? null : paired.deviceType().wireName();
        pairedDeviceId = paired == null ? null : paired.deviceId();
        attempts = a.attempts();
        nextAttemptAt = a.nextAttemptAt();
        deadline = a.deadline();
        plan = a.plan();
        createdAt = a.createdAt();
        updatedAt = a.updatedAt();
        completedAt = a.completedAt();
        return this;
    }

    private static DeviceType type(String wire) {
        return wire == null ? null : DeviceType.valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
