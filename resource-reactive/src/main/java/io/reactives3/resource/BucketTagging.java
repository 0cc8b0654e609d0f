package io.reactives3.resource;

import io.reactives3.core.model.TagEntry;
import io.reactives3.core.model.TaggingResult;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A bucket's tags (boto3's {@code BucketTagging}), identified by the bucket name. {@link #load()} sends
 * GetBucketTagging on first subscription and caches the tags in this instance (an empty set when there are none);
 * {@link #put} and {@link #delete()} clear the cache. Errors arrive via {@code onError}; cancelling cancels the
 * request in flight (a change may still be applied).
 */
public final class BucketTagging extends BucketSubResource<TaggingResult> {

    BucketTagging(Bucket bucket) {
        super(bucket, () -> bucket.context().client().getBucketTagging(bucket.name()));
    }

    /** Emits the tag set (boto3's {@code tag_set}), from {@link #load()}. */
    public Mono<List<TagEntry>> tagSet() {
        return load().map(TaggingResult::tags);
    }

    /** Replaces the bucket's tags with {@code tags} (PutBucketTagging); completes empty. */
    public Mono<Void> put(Map<String, String> tags) {
        return changing(client().putBucketTagging(bucketName(), tags));
    }

    /** Removes the bucket's tags (DeleteBucketTagging); completes empty. */
    public Mono<Void> delete() {
        return changing(client().deleteBucketTagging(bucketName()));
    }
}
