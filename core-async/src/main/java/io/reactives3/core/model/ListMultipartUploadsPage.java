package io.reactives3.core.model;

import java.util.List;

/**
 * One page of ListMultipartUploads.
 *
 * @param bucket             bucket name
 * @param uploads            unfinished uploads, by key then initiation time
 * @param commonPrefixes     with a delimiter: the rolled-up "folders"
 * @param truncated          whether more pages follow
 * @param nextKeyMarker      where the next page starts (key), or {@code null}
 * @param nextUploadIdMarker where the next page starts (upload id), or {@code null}
 */
public record ListMultipartUploadsPage(String bucket, List<MultipartUploadSummary> uploads,
                                       List<String> commonPrefixes, boolean truncated, String nextKeyMarker,
                                       String nextUploadIdMarker) {
    public ListMultipartUploadsPage {
        uploads = List.copyOf(uploads);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}
