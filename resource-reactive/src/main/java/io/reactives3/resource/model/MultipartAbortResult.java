package io.reactives3.resource.model;

import io.reactives3.core.model.MultipartUploadSummary;
import java.util.List;

/**
 * What a batch abort of unfinished multipart uploads did: partial failure is data.
 *
 * @param aborted  the uploads aborted, in the order their aborts finished
 * @param failures the uploads that could not be aborted, with the reason
 */
public record MultipartAbortResult(List<MultipartUploadSummary> aborted, List<AbortFailure> failures) {
    /** Checks nulls and copies the lists. */
    public MultipartAbortResult {
        aborted = List.copyOf(aborted);
        failures = List.copyOf(failures);
    }

    /** Whether every selected upload was aborted. */
    public boolean allAborted() {
        return failures.isEmpty();
    }
}
