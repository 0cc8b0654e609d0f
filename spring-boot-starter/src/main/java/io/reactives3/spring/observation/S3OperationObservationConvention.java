package io.reactives3.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the observations {@link ReactiveS3Observations} makes. Declare a bean of this type to
 * replace (or extend) {@link DefaultS3OperationObservationConvention}.
 */
public interface S3OperationObservationConvention extends ObservationConvention<S3OperationObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof S3OperationObservationContext;
    }
}
