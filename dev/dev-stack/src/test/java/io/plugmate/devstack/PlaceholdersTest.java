package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void replacesEveryPlaceholderAndKeepsTheRest() {
        assertThat(Placeholders.resolve("${a}/x/${b.c}", Map.of("a", "1", "b.c", "two"))).isEqualTo("1/x/two");
        assertThat(Placeholders.resolve("plain", Map.of())).isEqualTo("plain");
    }

    @Test
    void valuesAreInsertedLiterally() {
        // a password with $ or \ must not be read as a regex group reference
        assertThat(Placeholders.resolve("${p}", Map.of("p", "a$1\\b"))).isEqualTo("a$1\\b");
    }

    @Test
    void unknownPlaceholderFailsLoudly() {
        assertThatThrownBy(() -> Placeholders.resolve("${kafka.bootstrap}", Map.of("kafka.bootstrap-servers", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${kafka.bootstrap}")
                .hasMessageContaining("kafka.bootstrap-servers");
    }
}
