package io.plugmate.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = { "/vehicles", "/users/a%20b/vehicles", "/x?q=%C3%A9&r=%2f", "/%41", "/" })
    void wellFormedTargetsPass(String target) {
        assertThat(RequestTargets.malformation(target)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/vehicles/%zz", "/a%", "/a%4", "/a%4g", "/x?q=%", "/x?q=100%25%", "/%%41", "/a|b",
            "/a b", "/x?q={}", "/a\"b" })
    void percentsWithoutTwoHexDigitsAndIllegalCharactersAreMalformed(String target) {
        assertThat(RequestTargets.malformation(target)).isPresent();
    }
}
