/**
 * Records the client emits and the small inputs it accepts (listing entries, heads, results, tags, grants).
 *
 * <p>Types are non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.reactives3.core.model;

import org.jspecify.annotations.NullMarked;
