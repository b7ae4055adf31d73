package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Every event on every topic. The {@code type} property selects the record; unknown properties are ignored so that a
 * producer can add fields (with a schemaVersion bump) without breaking older consumers.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DeviceLinked.class, name = "DeviceLinked"),
        @JsonSubTypes.Type(value = DeviceUpdated.class, name = "DeviceUpdated"),
        @JsonSubTypes.Type(value = DeviceRemoved.class, name = "DeviceRemoved"),
        @JsonSubTypes.Type(value = VehicleStateObserved.class, name = "VehicleStateObserved"),
        @JsonSubTypes.Type(value = ChargerStateObserved.class, name = "ChargerStateObserved"),
        @JsonSubTypes.Type(value = PairEstablished.class, name = "PairEstablished"),
        @JsonSubTypes.Type(value = PairActivated.class, name = "PairActivated"),
        @JsonSubTypes.Type(value = PairDeactivated.class, name = "PairDeactivated"),
        @JsonSubTypes.Type(value = PairDissolved.class, name = "PairDissolved"),
        @JsonSubTypes.Type(value = PairAmbiguous.class, name = "PairAmbiguous"),
        @JsonSubTypes.Type(value = DeviceCommand.class, name = "DeviceCommand"),
        @JsonSubTypes.Type(value = CommandResult.class, name = "CommandResult"),
        @JsonSubTypes.Type(value = ActionUpdated.class, name = "ActionUpdated"),
        @JsonSubTypes.Type(value = CapabilitiesChanged.class, name = "CapabilitiesChanged"),
        @JsonSubTypes.Type(value = ChargerSessionRecorded.class, name = "ChargerSessionRecorded"),
        @JsonSubTypes.Type(value = ClientFeaturesChanged.class, name = "ClientFeaturesChanged"),
        @JsonSubTypes.Type(value = OemAccountLinked.class, name = "OemAccountLinked"),
        @JsonSubTypes.Type(value = OemAccountReleased.class, name = "OemAccountReleased"),
        @JsonSubTypes.Type(value = UserDeleted.class, name = "UserDeleted")
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface PlugmateEvent permits DeviceLifecycleEvent, VehicleStateObserved, ChargerStateObserved, PairEvent,
        DeviceCommand, CommandResult, ActionUpdated, CapabilitiesChanged, ChargerSessionRecorded, ClientFeaturesChanged,
        OemAccountLinked, OemAccountReleased, UserDeleted {

    UUID eventId();

    int schemaVersion();

    /** The API client (tenant) the event belongs to; consumers never take a tenant from anywhere else. */
    String clientId();

    /** The end user chosen by the API client; null only for client-wide events. */
    String userId();

    Instant occurredAt();

    /** The discriminator written as {@code type}; equal to the record's simple name. */
    default String type() {
        return getClass().getSimpleName();
    }
}
