/**
 * Implementation of the client: request mapping, error translation, paging. Nothing outside reactive-s3 should
 * import it; it changes without notice.
 *
 * <p>Types are non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.reactives3.core.internal;

import org.jspecify.annotations.NullMarked;
