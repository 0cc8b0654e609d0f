/**
 * Micrometer Observation of reactive-s3's S3 requests: {@link io.reactives3.spring.observation.ReactiveS3Observations}
 * (an {@link io.reactives3.core.OperationDecorator}), the observation's context and its conventions. The starter
 * registers it on the auto-configured client when an {@code ObservationRegistry} bean exists.
 */
@NullMarked
package io.reactives3.spring.observation;

import org.jspecify.annotations.NullMarked;
