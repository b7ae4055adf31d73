package io.plugmate.commons.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @Test
    void roundTripsTheSortKeyToTheNanosecond() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-24T02:11:12.123456789Z"), UUID.randomUUID().toString());

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void roundTripsNonAsciiIdsAndInstantsBeforeTheEpoch() {
        Cursor cursor = new Cursor(Instant.parse("1969-12-31T23:59:59.5Z"), "wallbox-æøå-42");

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void isUrlSafeWithoutPadding() {
        String encoded = new Cursor(Instant.now(), "a/b+c=d").encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void refusesEveryAlteredCharacter() {
        String encoded = new Cursor(Instant.parse("2026-01-01T00:00:00Z"), "vehicle-1").encode();
        for (int i = 0; i < encoded.length(); i++) {
            char replacement = encoded.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = encoded.substring(0, i) + replacement + encoded.substring(i + 1);
            assertThatThrownBy(() -> Cursor.decode(tampered))
                    .as("cursor altered at %d", i)
                    .isInstanceOf(InvalidCursorException.class);
        }
    }

    @Test
    void refusesTruncatedAndExtendedCursors() {
        String encoded = new Cursor(Instant.parse("2026-01-01T00:00:00Z"), "vehicle-1").encode();

        assertThatThrownBy(() -> Cursor.decode(encoded.substring(0, encoded.length() - 2)))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> Cursor.decode(encoded + "AA")).isInstanceOf(InvalidCursorException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "x", "!!!!", "not a cursor", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "eyJpZCI6MX0" })
    void refusesGarbage(String text) {
        assertThatThrownBy(() -> Cursor.decode(text))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage("not a valid cursor");
    }

    @Test
    void refusesIdsLongerThanTheLimit() {
        assertThatThrownBy(() -> new Cursor(Instant.now(), "x".repeat(Cursor.MAX_ID_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
