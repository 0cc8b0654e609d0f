/**
 * Implementation of the transfer engine: orchestration, memory budget and the file backends. Not API; changes
 * without notice.
 *
 * <p>Types are non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.reactives3.transfer.internal;

import org.jspecify.annotations.NullMarked;
