package io.reactives3.spring.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.reactives3.core.S3Operation;
import io.reactives3.core.error.StoreError;
import io.reactives3.spring.observation.S3OperationObservationContext.Outcome;

/**
 * The default convention: observations named {@value #NAME}, contextual (span) name {@code S3.<operation>}, with
 * <ul>
 *   <li>low-cardinality key values (fit for metric tags): {@code operation} (the S3 API name, e.g. {@code GetObject}),
 *       {@code outcome} (an {@link Outcome}: {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR},
 *       {@code SERVER_ERROR}, {@code UNKNOWN}, {@code CANCELLED}), {@code exception} (the error's simple class name,
 *       e.g. {@code ObjectNotFoundException}, or {@code none}) and {@code error.code} (the store's S3 error code, e.g.
 *       {@code NoSuchKey}, or {@code none});</li>
 *   <li>high-cardinality key values (on spans only): {@code bucket} and {@code key}, each when the request names
 *       one.</li>
 * </ul>
 * Neither holds anything secret: no headers, query parameters or credentials.
 */
public class DefaultS3OperationObservationConvention implements S3OperationObservationConvention {

    /** The observation's name. */
    public static final String NAME = "s3.client.operation";

    private static final String NONE = "none";

    /** Creates the convention. */
    public DefaultS3OperationObservationConvention() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(S3OperationObservationContext context) {
        return "S3." + context.operation().name();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(S3OperationObservationContext context) {
        Throwable error = context.getError();
        Outcome outcome = context.outcome();
        String code = error instanceof StoreError store ? store.errorCode() : null;
        return KeyValues.of(
                KeyValue.of("operation", context.operation().name()),
                KeyValue.of("outcome", outcome == null ? Outcome.UNKNOWN.name() : outcome.name()),
                KeyValue.of("exception", error == null ? NONE : error.getClass().getSimpleName()),
                KeyValue.of("error.code", code == null ? NONE : code));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(S3OperationObservationContext context) {
        S3Operation operation = context.operation();
        KeyValues values = KeyValues.empty();
        if (operation.bucket() != null) {
            values = values.and("bucket", operation.bucket());
        }
        if (operation.key() != null) {
            values = values.and("key", operation.key());
        }
        return values;
    }
}
