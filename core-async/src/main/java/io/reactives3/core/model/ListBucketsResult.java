package io.reactives3.core.model;

import java.util.List;

/**
 * The buckets owned by the caller.
 *
 * @param buckets the buckets, in the order the store returned them
 * @param owner   the owner, or {@code null} if the store did not say
 */
public record ListBucketsResult(List<BucketSummary> buckets, OwnerRef owner) {
    public ListBucketsResult {
        buckets = List.copyOf(buckets);
    }
}
