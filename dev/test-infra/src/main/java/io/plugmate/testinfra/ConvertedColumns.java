package io.plugmate.testinfra;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.metamodel.mapping.BasicValuedMapping;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;

/**
 * The entity attributes a service maps through a JPA {@code AttributeConverter} whose values Hibernate takes for
 * mutable. Hibernate keeps a copy of each such value as the entity's snapshot, made by converting it to its column and
 * back (for our JSON columns: writing and parsing JSON) at every load and every flush; a converter marked
 * {@code @org.hibernate.annotations.Immutable} is trusted not to change its values in place and is not copied.
 */
public final class ConvertedColumns {

    private ConvertedColumns() {
    }

    /**
     * Asserts that the service maps exactly these attributes through a converter (so that the check looks at what it
     * should) and that none of them is copied.
     */
    public static void assertNoneCopied(Mutiny.SessionFactory factory, String... converted) {
        List<String> found = all(factory);
        if (!found.equals(List.of(converted))) {
            throw new AssertionError("converted attributes: expected " + List.of(converted) + " but found " + found);
        }
        List<String> copied = copiedOnEveryLoad(factory);
        if (!copied.isEmpty()) {
            throw new AssertionError("converted attributes copied on every load: " + copied);
        }
    }

    /** @return {@code Entity.attribute} of every converted attribute whose values are copied, sorted */
    private static List<String> copiedOnEveryLoad(Mutiny.SessionFactory factory) {
        return attributes(factory, true);
    }

    /** @return {@code Entity.attribute} of every attribute mapped through a JPA converter, sorted */
    private static List<String> all(Mutiny.SessionFactory factory) {
        return attributes(factory, false);
    }

    private static List<String> attributes(Mutiny.SessionFactory factory, boolean copiedOnly) {
        List<String> found = new ArrayList<>();
        ((MappingMetamodel) factory.getMetamodel()).forEachEntityDescriptor(entity -> entity
                .forEachAttributeMapping(attribute -> {
                    if (attribute instanceof BasicValuedMapping basic
                            && basic.getJdbcMapping().getValueConverter() instanceof JpaAttributeConverter<?, ?>
                            && (!copiedOnly || attribute.getAttributeMetadata().getMutabilityPlan().isMutable())) {
                        found.add(entity.getJavaType().getJavaTypeClass().getSimpleName() + "."
                                + attribute.getAttributeName());
                    }
                }));
        return found.stream().sorted().toList();
    }
}
