package io.reactives3.resource;

import io.reactives3.core.ReactiveS3Client;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A sub-resource identified by its bucket: versioning, tags, policy, lifecycle rules, CORS rules (the bucket's ACL
 * is an {@link AclResource}).
 *
 * @param <T> what {@link #load()} emits
 */
abstract class BucketSubResource<T> extends SubResource<Bucket, T> {

    BucketSubResource(Bucket bucket, Supplier<Mono<T>> loader) {
        super(bucket, loader);
    }

    /** The bucket name (the identifier). */
    public String bucketName() {
        return owner().name();
    }

    /** The bucket. */
    public Bucket bucket() {
        return owner();
    }

    /** The client the requests go through. */
    final ReactiveS3Client client() {
        return owner().context().client();
    }
}
