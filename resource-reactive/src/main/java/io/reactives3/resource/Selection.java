package io.reactives3.resource;

import java.time.Instant;
import java.util.Objects;

/**
 * What a collection's {@code filter(...)} calls selected: one field per {@link Filter} kind, {@code null} where no
 * filter of that kind was given. Each collection sends (or applies) the fields its filters can set.
 *
 * @param prefix          from {@link Filter.Prefix}
 * @param delimiter       from {@link Filter.Delimiter}
 * @param startAfter      from {@link Filter.StartAfter}
 * @param initiatedBefore from {@link Filter.InitiatedBefore}
 */
record Selection(String prefix, String delimiter, String startAfter, Instant initiatedBefore) {

    /** No filter: everything. */
    static final Selection ALL = new Selection(null, null, null, null);

    /**
     * This selection with {@code filters} applied in order: a filter replaces the value of its kind.
     *
     * @throws NullPointerException when a filter is {@code null}
     */
    Selection with(Filter... filters) {
        Selection next = this;
        for (Filter filter : filters) {
            next = next.apply(Objects.requireNonNull(filter, "filter must not be null"));
        }
        return next;
    }

    private Selection apply(Filter filter) {
        if (filter instanceof Filter.Prefix p) {
            return new Selection(p.value(), delimiter, startAfter, initiatedBefore);
        }
        if (filter instanceof Filter.Delimiter d) {
            return new Selection(prefix, d.value(), startAfter, initiatedBefore);
        }
        if (filter instanceof Filter.StartAfter s) {
            return new Selection(prefix, delimiter, s.key(), initiatedBefore);
        }
        if (filter instanceof Filter.InitiatedBefore i) {
            return new Selection(prefix, delimiter, startAfter, i.instant());
        }
        throw new IllegalArgumentException("unknown filter: " + filter);
    }
}
