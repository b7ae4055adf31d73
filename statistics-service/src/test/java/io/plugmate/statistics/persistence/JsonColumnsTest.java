package io.plugmate.statistics.persistence;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.plugmate.testinfra.ConvertedColumns;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The JSON columns are not copied through JSON at every load and flush: their converters are marked immutable, so
 * Hibernate keeps the loaded value as the snapshot (see {@link JsonColumns}).
 */
@QuarkusTest
class JsonColumnsTest {

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void noConvertedColumnIsCopiedThroughItsConverter() {
        ConvertedColumns.assertNoneCopied(sessions, "SessionEntity.attributionHistory", "SessionEntity.candidates",
                "SessionEntity.crossCheck",
                "SessionEntity.flow", "SessionEntity.gaps", "SessionEntity.ownProfile");
    }
}
