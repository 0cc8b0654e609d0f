package io.reactives3.core.spi;

import io.reactives3.core.internal.S3Errors;
import org.jspecify.annotations.Nullable;

/** Translation of failures from the SDK (and the CRT under it) into the toolkit's sealed error tree. */
public final class SdkErrors {

    private SdkErrors() {
    }

    /**
     * The toolkit exception for {@code error}, raised by {@code operation} on {@code bucket}/{@code key}: the same
     * translation the client applies to its own calls. Toolkit exceptions pass through unchanged, completion
     * wrappers are unwrapped, and an {@link Error} or a caller's own exception is returned as is.
     */
    public static Throwable translate(Throwable error, String operation, @Nullable String bucket,
                                      @Nullable String key) {
        return S3Errors.translate(error, operation, bucket, key);
    }
}
