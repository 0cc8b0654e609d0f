package io.reactives3.transfer.model;

import java.util.List;

/**
 * A finished directory upload: partial failure is data. The counts are exact; the lists keep the first 1,000 of
 * each, so that a job over millions of files holds a bounded result.
 *
 * @param uploadedCount files uploaded
 * @param uploaded      the first (up to 1,000) files uploaded
 * @param failedCount   files that failed
 * @param failures      the first (up to 1,000) files that failed, with the error
 */
public record DirectoryUploadResult(long uploadedCount, List<UploadResult> uploaded, long failedCount,
                                    List<ItemFailure> failures) {
    public DirectoryUploadResult {
        uploaded = List.copyOf(uploaded);
        failures = List.copyOf(failures);
    }

    /** Whether every file was uploaded. */
    public boolean allUploaded() {
        return failedCount == 0;
    }
}
