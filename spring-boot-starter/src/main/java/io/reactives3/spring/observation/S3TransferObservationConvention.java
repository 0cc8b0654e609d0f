package io.reactives3.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the observations of the starter's transfer engine bean. Declare a bean of this type to
 * replace {@link DefaultS3TransferObservationConvention}.
 */
public interface S3TransferObservationConvention extends ObservationConvention<S3TransferObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof S3TransferObservationContext;
    }
}
