/**
 * Records the transfer engine emits: results, progress, per-item failures.
 *
 * <p>Types are non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.reactives3.transfer.model;

import org.jspecify.annotations.NullMarked;
