/**
 * Service-provider seams between reactive-s3's own modules (the transfer engine and the resource API build on
 * them). Not for applications: this package may change in any release without notice.
 *
 * <p>Types are non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.reactives3.core.spi;

import org.jspecify.annotations.NullMarked;
