package io.reactives3.resource;

import io.reactives3.core.model.Tag;
import io.reactives3.core.model.TaggingResult;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A bucket's tags (boto3's {@code BucketTagging}), identified by the bucket name. Attributes load on first
 * subscription and are cached in this instance; {@link #put} and {@link #delete()} clear the cache.
 */
public final class BucketTagging {

    private final Bucket bucket;
    private final Cached<TaggingResult> tagging;

    BucketTagging(Bucket bucket) {
        this.bucket = bucket;
        this.tagging = new Cached<>(() -> bucket.service().client().getBucketTagging(bucket.name()));
    }

    /** The bucket name (the identifier). */
    public String bucketName() {
        return bucket.name();
    }

    /** Emits the tags (GetBucketTagging on first subscription, then cached; empty set when none). */
    public Mono<TaggingResult> load() {
        return tagging.get();
    }

    /** Sends GetBucketTagging again and caches the answer. */
    public Mono<TaggingResult> reload() {
        return tagging.refresh();
    }

    /** Emits the tag set (boto3's {@code tag_set}), from {@link #load()}. */
    public Mono<List<Tag>> tagSet() {
        return load().map(TaggingResult::tags);
    }

    /** Replaces the bucket's tags with {@code tags}; completes empty. */
    public Mono<Void> put(Map<String, String> tags) {
        return tagging.clearingAfter(bucket.service().client().putBucketTagging(bucket.name(), tags));
    }

    /** Removes the bucket's tags; completes empty. */
    public Mono<Void> delete() {
        return tagging.clearingAfter(bucket.service().client().deleteBucketTagging(bucket.name()));
    }

    /** The bucket. */
    public Bucket bucket() {
        return bucket;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BucketTagging other && bucket.equals(other.bucket);
    }

    @Override
    public int hashCode() {
        return bucket.hashCode();
    }

    @Override
    public String toString() {
        return "BucketTagging[" + bucket.name() + "]";
    }
}
