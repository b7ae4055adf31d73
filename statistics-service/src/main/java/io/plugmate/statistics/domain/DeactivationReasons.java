package io.plugmate.statistics.domain;

import java.util.List;

/**
 * Which ends of an activation say it was wrong, as opposed to over. A pair that ended because a device was unplugged,
 * unlinked, or detection was switched off was right while it lasted; one that a person rejected, that a person's
 * confirmation of a rival replaced, that was contested by an equally plausible rival or ruled out by later evidence
 * was never right, so the sessions it attributed lose that attribution. The phrases are pairing-detector's reasons
 * (its {@code Decisions}); since schema 2 pairing-service says so itself ({@code PairDeactivated.withdrawn}, ADR 0010)
 * and this table only reads deactivations without the flag (older events in a replay).
 */
public final class DeactivationReasons {

    private static final List<String> WITHDRAWING = List.of("rejected by a person", "a person confirmed pair",
            "contested", "evidence against");

    private DeactivationReasons() {
    }

    public static boolean withdraws(String reason) {
        if (reason == null) {
            return false;
        }
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        return WITHDRAWING.stream().anyMatch(r::startsWith);
    }
}
