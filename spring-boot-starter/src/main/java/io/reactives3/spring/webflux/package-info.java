/**
 * WebFlux helpers (need {@code spring-webflux} on the class path): request bodies of {@code DataBuffer}s into
 * uploads ({@link io.reactives3.spring.webflux.S3Uploads}), objects out as HTTP responses with ranges and conditional
 * requests ({@link io.reactives3.spring.webflux.S3ObjectResponses}), and browser upload forms from presigned POST
 * policies ({@link io.reactives3.spring.webflux.PresignedPostForms}).
 */
@NullMarked
package io.reactives3.spring.webflux;

import org.jspecify.annotations.NullMarked;
