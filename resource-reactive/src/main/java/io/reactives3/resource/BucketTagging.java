package io.reactives3.resource;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.model.TagEntry;
import io.reactives3.core.model.TaggingResult;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A bucket's tags (boto3's {@code BucketTagging}), identified by the bucket name. {@link #load()} sends
 * GetBucketTagging on first subscription and caches the tags in this instance (an empty set when there are none);
 * {@link #put} (PutBucketTagging: replaces the tags with a map of keys to values) and {@link #delete()}
 * (DeleteBucketTagging) clear the cache. Errors arrive via {@code onError}; cancelling cancels the
 * request in flight (a change may still be applied).
 */
public final class BucketTagging extends BucketConfiguration<TaggingResult, Map<String, String>> {

    BucketTagging(Bucket bucket) {
        super(bucket, ReactiveS3Client::getBucketTagging, ReactiveS3Client::putBucketTagging,
                ReactiveS3Client::deleteBucketTagging);
    }

    /** Emits the tag set (boto3's {@code tag_set}), from {@link #load()}. */
    public Mono<List<TagEntry>> tagSet() {
        return load().map(TaggingResult::tags);
    }
}
