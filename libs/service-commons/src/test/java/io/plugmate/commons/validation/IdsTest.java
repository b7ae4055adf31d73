package io.plugmate.commons.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void aUuidIsReadAndAnythingElseIsUnknown() {
        UUID id = UUID.randomUUID();

        assertThat(Ids.uuidOrNull(id.toString())).isEqualTo(id);
        assertThat(Ids.uuidOrNull(null)).isNull();
        assertThat(Ids.uuidOrNull("")).isNull();
        assertThat(Ids.uuidOrNull("vehicle-1")).isNull();
        assertThat(Ids.uuidOrNull(id + "-and-more")).isNull();
    }
}
