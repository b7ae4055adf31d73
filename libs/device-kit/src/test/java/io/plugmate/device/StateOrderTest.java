package io.plugmate.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a new report goes against the state kept: the same-second rule's truth table (docs/adr/0018). */
class StateOrderTest {

    private static final Instant SECOND = Instant.parse("2026-12-06T15:16:59Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", textBlock = """
            # case,                                                  state at, plugged before, plugged, report at, reported plugged, order
            'a read from before an unplug, taken after it',          0,        true,           false,   0,         true,             READ_BEFORE_THE_CHANGE
            'a read from before a plug-in, taken after it',          0,        false,          true,    0,         false,            READ_BEFORE_THE_CHANGE
            'another report of the second of the unplug, unplugged',0,        true,           false,   0,         false,            LATER_IN_THE_SECOND
            'a second without a plug change: the later report',      0,        true,           true,    0,         false,            LATER_IN_THE_SECOND
            'the plug change itself, after a report of its second',  0,        false,          false,   0,         true,             LATER_IN_THE_SECOND
            'plug state unknown in the report',                      0,        true,           false,   0,         null,             LATER_IN_THE_SECOND
            'plug state before the second unknown',                  0,        null,           false,   0,         true,             LATER_IN_THE_SECOND
            'plug state kept unknown',                               0,        true,           null,    0,         true,             LATER_IN_THE_SECOND
            'plugged in again in the next second',                   0,        true,           false,   1,         true,             NEWER
            'no state kept yet',                                     null,     null,           null,    0,         true,             NEWER
            'a report of an earlier second',                         0,        true,           false,   -1,        true,             LATE
            'a report of an earlier second, after a plug-in',        0,        false,          true,    -1,        true,             LATE
            """)
    void sameSecondRule(String name, Long stateAt, Boolean pluggedBefore, Boolean plugged, long reportAt,
            Boolean reportedPlugged, StateOrder expected) {
        assertThat(StateOrder.of(stateAt == null ? null : SECOND.plusSeconds(stateAt), pluggedBefore, plugged,
                SECOND.plusSeconds(reportAt), reportedPlugged)).isEqualTo(expected);
    }
}
