/**
 * Implementation of the testkit servers and proxy. Not API; changes without notice.
 *
 * <p>Types are non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.reactives3.testkit.internal;

import org.jspecify.annotations.NullMarked;
