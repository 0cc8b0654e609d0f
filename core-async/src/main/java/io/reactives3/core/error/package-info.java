/**
 * The errors of reactive-s3: one sealed, unchecked tree rooted at {@link io.reactives3.core.error.S3ToolkitException}.
 *
 * <p>{@link io.reactives3.core.error.S3ServiceException} and its subtypes: the store answered with an error;
 * {@link io.reactives3.core.error.UnsupportedByStoreException}: the store does not implement what was asked;
 * {@link io.reactives3.core.error.S3TransportException} (and {@link io.reactives3.core.error.S3TimeoutException}):
 * no usable answer came; {@link io.reactives3.core.error.DataIntegrityException}: bytes did not match;
 * {@link io.reactives3.core.error.ClientSideException}: the caller or the local environment is at fault (bad
 * arguments, local files, waiters). Every type has a public constructor so tests can build them. See the root's
 * documentation for how to tell them apart.
 */
@NullMarked
package io.reactives3.core.error;

import org.jspecify.annotations.NullMarked;
