package io.plugmate.orchestration.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.plugmate.events.ElectricalData;

/**
 * The current actually sent for a max-current or max-power action, and how it came about. A power becomes a current
 * with the executing charger's own supply: I = P / (phases × U), rounded down to 0.1 A so the limit never exceeds the
 * power asked for; any current is then clamped to the charger's range where that range is known.
 *
 * @param exactCurrentA the current before rounding and clamping
 * @param sentCurrentA what the device is told
 */
public record CurrentSetting(Double requestedCurrentA, Double requestedPowerKw, Integer phases, Double voltageV,
        Double minCurrentA, Double maxCurrentA, double exactCurrentA, double sentCurrentA, boolean clamped,
        String explanation) {

    /** A current as asked, clamped to the range when the executing device has one we know. */
    static CurrentSetting ofCurrent(double amps, ElectricalData range) {
        double sent = clamp(amps, range);
        String text = "%s A requested".formatted(number(amps)) + clampText(amps, sent, range);
        return new CurrentSetting(amps, null, range.phases(), range.voltageV(), range.minCurrentA(),
                range.maxCurrentA(), amps, sent, sent != amps, text);
    }

    /** A power converted with the charger's supply; the caller has checked {@link ElectricalData#convertsPower()}. */
    static CurrentSetting ofPower(double kw, ElectricalData supply) {
        double exact = kw * 1000 / (supply.phases() * supply.voltageV());
        double rounded = BigDecimal.valueOf(exact).setScale(1, RoundingMode.FLOOR).doubleValue();
        double sent = clamp(rounded, supply);
        String text = "%s kW ÷ (%d phase%s × %s V) = %s A, rounded down to %s A so the limit stays at or below %s kW"
                .formatted(number(kw), supply.phases(), supply.phases() == 1 ? "" : "s", number(supply.voltageV()),
                        "%.2f".formatted(exact), number(rounded), number(kw))
                + clampText(rounded, sent, supply);
        if (sent != rounded) {
            text += " (≈ %s kW)".formatted("%.1f".formatted(sent * supply.phases() * supply.voltageV() / 1000));
        }
        return new CurrentSetting(null, kw, supply.phases(), supply.voltageV(), supply.minCurrentA(),
                supply.maxCurrentA(), exact, sent, sent != rounded, text);
    }

    private static double clamp(double amps, ElectricalData range) {
        double sent = amps;
        if (range.maxCurrentA() != null && sent > range.maxCurrentA()) {
            sent = range.maxCurrentA();
        }
        if (range.minCurrentA() != null && sent < range.minCurrentA()) {
            sent = range.minCurrentA();
        }
        return sent;
    }

    private static String clampText(double amps, double sent, ElectricalData range) {
        if (range.minCurrentA() == null && range.maxCurrentA() == null) {
            return "; the device's current range is unknown, so it is sent as it is";
        }
        String rangeText = "%s–%s A".formatted(orUnknown(range.minCurrentA()), orUnknown(range.maxCurrentA()));
        if (sent > amps) {
            return "; below the charger's range %s: clamped to its minimum %s A".formatted(rangeText, number(sent));
        }
        if (sent < amps) {
            return "; above the charger's range %s: clamped to its maximum %s A".formatted(rangeText, number(sent));
        }
        return "; within the charger's range " + rangeText;
    }

    private static String orUnknown(Double value) {
        return value == null ? "?" : number(value);
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
