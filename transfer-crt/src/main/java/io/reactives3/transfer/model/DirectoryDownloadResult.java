package io.reactives3.transfer.model;

import java.util.List;

/**
 * A finished directory download: partial failure and refused keys are data.
 *
 * @param downloaded the objects written
 * @param skipped    keys refused (traversal outside the destination, symbolic links, ...)
 * @param failures   keys that failed, with the error
 */
public record DirectoryDownloadResult(List<DownloadResult> downloaded, List<SkippedKey> skipped,
                                      List<ItemFailure> failures) {
    public DirectoryDownloadResult {
        downloaded = List.copyOf(downloaded);
        skipped = List.copyOf(skipped);
        failures = List.copyOf(failures);
    }
}
