package io.reactives3.resource;

import io.reactives3.core.ReactiveS3Client;
import java.util.Objects;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/**
 * A bucket configuration read with one Get request, replaced with one Put and removed with one Delete: tags, policy,
 * lifecycle rules, CORS rules. They differ only in the requests they send and what they hold.
 *
 * @param <T> what {@link #load()} emits
 * @param <P> what {@link #put} sends
 */
abstract class BucketConfiguration<T, P> extends BucketSubResource<T> {

    /** Sends a Put request with a configuration to a bucket through a client. */
    interface Put<P> {
        Mono<Void> send(ReactiveS3Client client, String bucket, P configuration);
    }

    private final Put<P> put;
    private final BiFunction<ReactiveS3Client, String, Mono<Void>> delete;

    /**
     * @param bucket the bucket
     * @param get    sends the Get request for a bucket
     * @param put    sends the Put request
     * @param delete sends the Delete request for a bucket
     */
    BucketConfiguration(Bucket bucket, BiFunction<ReactiveS3Client, String, Mono<T>> get, Put<P> put,
            BiFunction<ReactiveS3Client, String, Mono<Void>> delete) {
        super(bucket, () -> get.apply(bucket.context().client(), bucket.name()));
        this.put = Objects.requireNonNull(put, "put");
        this.delete = Objects.requireNonNull(delete, "delete");
    }

    /**
     * Replaces the configuration (the Put request); completes empty and clears the cached one. Errors (access
     * denied, a configuration the store rejects, ...) arrive via {@code onError}; cancelling cancels the request
     * (the store may still apply it).
     */
    public Mono<Void> put(P configuration) {
        return changing(put.send(client(), bucketName(), configuration));
    }

    /** Removes the configuration (the Delete request); completes empty and clears the cached one. */
    public Mono<Void> delete() {
        return changing(delete.apply(client(), bucketName()));
    }
}
