/**
 * The reactive S3 client: {@link io.reactives3.core.ReactiveS3Client} (one cold {@code Mono}/{@code Flux} per
 * S3 operation), its builder and settings, the presigner and POST policies.
 *
 * <p>Types are non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.reactives3.core;

import org.jspecify.annotations.NullMarked;
