package io.reactives3.transfer.model;

import java.util.List;

/**
 * A finished directory upload: partial failure is data.
 *
 * @param uploaded the files uploaded
 * @param failures the files that failed, with the error
 */
public record DirectoryUploadResult(List<UploadResult> uploaded, List<ItemFailure> failures) {
    public DirectoryUploadResult {
        uploaded = List.copyOf(uploaded);
        failures = List.copyOf(failures);
    }
}
