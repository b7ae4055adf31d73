package io.plugmate.pairing.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of evidence the detector weighs. On the wire (an {@code Evidence}'s {@code signal}) each is its name in
 * lower case with dashes: {@code PLUG_IN_TIMING} is {@code plug-in-timing}.
 *
 * <p>
 * <b>Settled</b> evidence does not grow report by report (timing, place, memory): a lead over a rival is judged on it
 * alone, since how many measurement comparisons happen to be available at a given moment is noise. <b>Corroborating</b>
 * evidence is what can confirm a coincidence of timing: the place, the two devices' own measurements, a person.
 */
public enum Signal {
    PLUG_IN_TIMING(true, false),
    CHARGING_START_TIMING(true, false),
    CHARGING_STATE(false, true),
    CHARGE_RATE(false, true),
    LOCATION(true, true),
    PERSON(true, true),
    HISTORY(true, false);

    private static final Map<String, Signal> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Signal::wireName, Function.identity()));

    private final boolean settled;
    private final boolean corroborating;
    private final String wireName;

    Signal(boolean settled, boolean corroborating) {
        this.settled = settled;
        this.corroborating = corroborating;
        this.wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean settled() {
        return settled;
    }

    public boolean corroborating() {
        return corroborating;
    }

    /** The name in {@code Evidence.signal}. */
    public String wireName() {
        return wireName;
    }

    /** @return the signal, or null for a name this detector does not know */
    public static Signal ofWireName(String wireName) {
        return BY_WIRE_NAME.get(wireName);
    }
}
