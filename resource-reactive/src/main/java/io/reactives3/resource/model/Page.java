package io.reactives3.resource.model;

import java.util.List;

/**
 * One page of a resource collection, as one listing request returned it (after the collection's
 * {@code limit} trimmed it, and after any filter applied on the client).
 *
 * @param items          the resources on this page, in the store's order
 * @param commonPrefixes with a {@code delimiter} filter: the "folders" rolled up on this page, else empty
 * @param <T>            the resource type
 */
public record Page<T>(List<T> items, List<String> commonPrefixes) {
    /** Checks nulls and copies the lists. */
    public Page {
        items = List.copyOf(items);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}
