package io.reactives3.spring.observation;

import io.micrometer.common.KeyValues;

/**
 * The default convention for transfers: observations named {@value #NAME}, contextual (span) name
 * {@code S3 <kind>} (e.g. {@code S3 upload}), low-cardinality key values {@code kind}, {@code outcome}
 * ({@code SUCCESS}, {@code ERROR}, {@code CANCELLED}) and {@code exception} (the error's simple class name or
 * {@code none}), high-cardinality {@code bucket} and {@code key} (the key or prefix, when there is one).
 */
public class DefaultS3TransferObservationConvention implements S3TransferObservationConvention {

    /** The observation's name. */
    public static final String NAME = "s3.transfer";

    /** Creates the convention. */
    public DefaultS3TransferObservationConvention() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(S3TransferObservationContext context) {
        return "S3 " + context.kind();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(S3TransferObservationContext context) {
        Throwable error = context.getError();
        S3TransferObservationContext.Outcome outcome = context.outcome();
        return KeyValues.of("kind", context.kind(),
                "outcome", outcome == null ? "UNKNOWN" : outcome.name(),
                "exception", error == null ? "none" : error.getClass().getSimpleName());
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(S3TransferObservationContext context) {
        KeyValues values = KeyValues.of("bucket", context.bucket());
        return context.key() == null ? values : values.and("key", context.key());
    }
}
