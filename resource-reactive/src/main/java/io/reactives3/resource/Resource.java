package io.reactives3.resource;

import java.util.List;
import java.util.Objects;

/**
 * What every resource shares: it is identified by a few values (a bucket name; a bucket name and a key; ...), and two
 * resources are equal when they are of the same class and have equal identifiers, whatever else they hold (cached
 * attributes, what a listing said).
 */
abstract class Resource {

    private final List<Object> identifiers;
    private final String description;

    /**
     * @param description what {@link #toString()} shows between brackets, e.g. {@code photos/cat.jpg}
     * @param identifiers the identifiers, none {@code null}
     */
    Resource(String description, Object... identifiers) {
        this.description = Objects.requireNonNull(description, "description");
        this.identifiers = List.of(identifiers);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && identifiers.equals(((Resource) o).identifiers);
    }

    @Override
    public final int hashCode() {
        return identifiers.hashCode();
    }

    /** The class name and the description, e.g. {@code S3Object[photos/cat.jpg]}. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + description + "]";
    }
}
