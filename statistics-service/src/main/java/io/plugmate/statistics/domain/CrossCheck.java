package io.plugmate.statistics.domain;

import java.util.List;

/**
 * A session's energy as the vehicle itself estimated it, next to what the charger measured: the difference is the
 * charging loss (on-board charger, cable, battery), here to see rather than to count twice.
 *
 * @param estimatedKwh the vehicle's estimates this session stands for, summed
 * @param lossKwh measured − estimated
 * @param lossPercent of the measured energy; null when nothing was measured
 */
public record CrossCheck(List<String> sessionIds, double estimatedKwh, double lossKwh, Double lossPercent) {

    public CrossCheck {
        sessionIds = List.copyOf(sessionIds);
    }
}
