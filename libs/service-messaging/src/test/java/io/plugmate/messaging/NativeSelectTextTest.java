package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one text a {@link NativeSelect} sends: Hibernate-style {@code :name} parameters as PostgreSQL's {@code $n}. */
class NativeSelectTextTest {

    @Test
    void namedParametersBecomePositionalAndARepeatedNameKeepsItsPosition() {
        assertThat(NativeSelect.of("select a from t where c = :client and u = :user or c2 = :client limit :limit").sql())
                .isEqualTo("select a from t where c = $1 and u = $2 or c2 = $1 limit $3");
    }

    @Test
    void castsAndQuotedLiteralsAreLeftAlone() {
        assertThat(NativeSelect.of("select x::text, ':not' from t where s = 'a:b' and id = any(:ids::uuid[])").sql())
                .isEqualTo("select x::text, ':not' from t where s = 'a:b' and id = any($1::uuid[])");
    }

    @Test
    void anUnknownOrUnboundParameterIsRefused() {
        NativeSelect select = NativeSelect.of("select 1 where :a = :b");
        assertThatThrownBy(() -> select.with("c", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":c");
        assertThatThrownBy(() -> select.with("a", 1).list().await().indefinitely())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(":b not bound");
    }
}
