package io.plugmate.events;

/** Events on {@link Topics#PAIR_EVENTS}: the life of one vehicle × charger EV system. */
public sealed interface PairEvent extends PlugmateEvent permits PairEstablished, PairActivated, PairDeactivated, PairDissolved,
        PairAmbiguous {

    String pairId();

    String vehicleId();

    String chargerId();
}
