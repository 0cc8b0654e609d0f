/**
 * Implementation of the resource API: the service resource, demand-driven paging, and the listings
 * the client cannot yet size. Nothing outside reactive-s3 should import it.
 */
@NullMarked
package io.reactives3.resource.internal;

import org.jspecify.annotations.NullMarked;
