/**
 * Test servers for reactive-s3: embedded S3Proxy and LocalS3, local Ceph RGW processes, and a fault-injecting,
 * recording proxy in front of any of them.
 *
 * <p>Types are non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.reactives3.testkit;

import org.jspecify.annotations.NullMarked;
