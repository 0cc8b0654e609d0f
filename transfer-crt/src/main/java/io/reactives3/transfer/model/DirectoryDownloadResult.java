package io.reactives3.transfer.model;

import java.util.List;

/**
 * A finished directory download: partial failure and refused keys are data. The counts are exact; the lists keep
 * the first 1,000 of each, so that a job over millions of keys holds a bounded result.
 *
 * @param downloadedCount objects written
 * @param downloaded      the first (up to 1,000) objects written
 * @param skippedCount    keys refused
 * @param skipped         the first (up to 1,000) keys refused (traversal outside the destination, symbolic links, ...)
 * @param failedCount     keys that failed
 * @param failures        the first (up to 1,000) keys that failed, with the error
 */
public record DirectoryDownloadResult(long downloadedCount, List<DownloadResult> downloaded, long skippedCount,
                                      List<SkippedKey> skipped, long failedCount, List<ItemFailure> failures) {
    public DirectoryDownloadResult {
        downloaded = List.copyOf(downloaded);
        skipped = List.copyOf(skipped);
        failures = List.copyOf(failures);
    }

    /** Whether every key was written (none failed or refused). */
    public boolean allDownloaded() {
        return failedCount == 0 && skippedCount == 0;
    }
}
