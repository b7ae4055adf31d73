package io.plugmate.events;

/**
 * A charger's supply as its OEM describes it: how many phases, the voltage per phase, and the current range the
 * charger accepts. Orchestration converts a power limit (kW) into a current with it: I = P / (phases × U), clamped to
 * {@code [minCurrentA, maxCurrentA]}. Every field may be null: unknown.
 */
public record ElectricalData(Integer phases, Double voltageV, Double minCurrentA, Double maxCurrentA) {

    /** True when a power can be converted into a current: phases and voltage are known and positive. */
    public boolean convertsPower() {
        return phases != null && phases > 0 && voltageV != null && voltageV > 0;
    }
}
