package io.reactives3.resource.model;

import io.reactives3.core.model.MultipartUploadSummary;
import java.util.Objects;

/**
 * An unfinished multipart upload that could not be aborted.
 *
 * @param upload the upload as it was listed
 * @param error  why: a typed {@link io.reactives3.core.error.S3ToolkitException}, e.g.
 *               {@link io.reactives3.core.error.UploadNotFoundException} when it was completed or aborted meanwhile
 */
public record AbortFailure(MultipartUploadSummary upload, Throwable error) {
    /** Checks nulls. */
    public AbortFailure {
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(error, "error");
    }
}
