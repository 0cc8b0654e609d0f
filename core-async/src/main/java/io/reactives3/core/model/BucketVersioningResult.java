package io.reactives3.core.model;

import java.util.Objects;

/**
 * A bucket's versioning configuration.
 *
 * @param status    the versioning state
 * @param mfaDelete whether MFA delete is enabled
 */
public record BucketVersioningResult(VersioningStatus status, boolean mfaDelete) {
    public BucketVersioningResult {
        Objects.requireNonNull(status, "status");
    }
}
