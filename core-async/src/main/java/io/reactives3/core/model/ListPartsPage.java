package io.reactives3.core.model;

import java.util.List;

/**
 * One page of ListParts.
 *
 * @param upload               the upload the parts belong to
 * @param parts                the parts, by part number
 * @param truncated            whether more pages follow
 * @param nextPartNumberMarker where the next page starts, or 0
 */
public record ListPartsPage(MultipartUploadHandle upload, List<PartSummary> parts, boolean truncated,
                            int nextPartNumberMarker) {
    public ListPartsPage {
        parts = List.copyOf(parts);
    }
}
