package io.plugmate.statistics.domain;

import io.plugmate.events.ChargerSessionRecorded;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.Evidence;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairAmbiguous;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairDissolved;
import io.plugmate.events.PairEvent;
import io.plugmate.events.VehicleStateObserved;

/** The events of architecture §4 reduced to what the statistics rules take; one mapping for the service and replays. */
public final class Inputs {

    /** The evidence signal pairing-detector gives a person's confirmation. */
    static final String PERSON = "person";

    private Inputs() {
    }

    public static Sample sample(VehicleStateObserved e) {
        return Sample.of(e.observedAt(), e.isPluggedIn(), e.isCharging(), e.chargeRateKw());
    }

    public static Sample sample(ChargerStateObserved e) {
        return Sample.of(e.observedAt(), e.isPluggedIn(), e.isCharging(), e.chargeRateKw());
    }

    public static ChargingSession session(ChargerSessionRecorded e) {
        return ChargingSession.recorded(e.clientId(), e.userId(), e.sessionId(), e.chargerId(), e.startedAt(),
                e.endedAt(), e.meterStartKwh(), e.meterStopKwh());
    }

    /** @return null for events that say nothing about plugging (PairEstablished) */
    public static PairFact fact(PairEvent e, long sequence) {
        return switch (e) {
            case PairActivated a -> new PairFact(sequence, a.occurredAt(), PairFact.Kind.ACTIVATED, a.pairId(),
                    a.vehicleId(), a.chargerId(), a.confidence(), confirmed(a) ? AttributedBy.CONFIRMED
                            : AttributedBy.DETECTION,
                    null, null);
            case PairDeactivated d -> new PairFact(sequence, d.occurredAt(), ending(d), d.pairId(), d.vehicleId(),
                    d.chargerId(), 0, null, d.reason(), null);
            case PairDissolved d -> new PairFact(sequence, d.occurredAt(), PairFact.Kind.DISSOLVED, d.pairId(),
                    d.vehicleId(), d.chargerId(), 0, null, d.reason(), null);
            case PairAmbiguous a -> new PairFact(sequence, a.occurredAt(), PairFact.Kind.AMBIGUOUS, a.pairId(),
                    a.vehicleId(), a.chargerId(), 0, null, null, a.candidates());
            default -> null;
        };
    }

    /** pairing-service's {@code withdrawn} flag where it sent one (schema 2); else the reason phrase decides. */
    static PairFact.Kind ending(PairDeactivated d) {
        if (d.withdrawn() == null) {
            return PairFact.Kind.DEACTIVATED;
        }
        return d.withdrawn() ? PairFact.Kind.WITHDRAWN : PairFact.Kind.ENDED;
    }

    /** A person's confirmation shows as confidence 1.0 with the person's evidence (detection caps at 0.99). */
    static boolean confirmed(PairActivated a) {
        return a.confidence() >= 1.0 && a.evidence().stream()
                .anyMatch((Evidence ev) -> PERSON.equals(ev.signal()) && ev.score() > 0);
    }
}
