package io.reactives3.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One page of a ListObjectsV2 listing.
 *
 * @param bucket                bucket name
 * @param prefix                the prefix asked for, or {@code null}
 * @param delimiter             the delimiter asked for, or {@code null}
 * @param objects               the objects on this page, in key order
 * @param commonPrefixes        with a delimiter: the "folders" rolled up on this page
 * @param truncated             whether more pages follow
 * @param nextContinuationToken the token for the next page when truncated, else {@code null}; pass it to resume
 */
public record ListObjectsPage(String bucket, String prefix, String delimiter, List<ListedObject> objects,
                              List<String> commonPrefixes, boolean truncated, String nextContinuationToken) {
    public ListObjectsPage {
        Objects.requireNonNull(bucket, "bucket");
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}
