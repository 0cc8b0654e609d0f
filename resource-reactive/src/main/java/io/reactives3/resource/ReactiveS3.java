package io.reactives3.resource;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.BucketConflictException;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.resource.internal.DefaultReactiveS3;
import io.reactives3.transfer.S3TransferEngine;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The service resource: the entry point of the resource API (boto3's {@code boto3.resource('s3')}), made of
 * identifiers-first objects over a {@link ReactiveS3Client} and an {@link S3TransferEngine}.
 *
 * <pre>{@code
 * try (ReactiveS3 s3 = ReactiveS3.create(client)) {
 *     Bucket bucket = s3.bucket("photos");                       // no request: just an identifier
 *     bucket.objects().filter(Filter.prefix("2024/")).all()     // Flux<ObjectSummary>, pages fetched on demand
 *           .take(10)
 *           .subscribe(o -> System.out.println(o.key() + " " + o.size()));
 *     bucket.uploadFile(Path.of("cat.jpg"), "2024/cat.jpg").result().block();   // through the transfer engine
 * }
 * }</pre>
 *
 * <h2>How the resources behave</h2>
 * <ul>
 *   <li><b>Identifiers first</b>: making a resource ({@link #bucket}, {@link #object}, ...) sends nothing; resources
 *       are small thread-safe objects, equal when they are of the same kind with the same identifiers.</li>
 *   <li><b>Lazy attributes</b>: {@code load()} sends the describing request on first subscription and caches the
 *       answer in that instance; {@code reload()} always asks again and replaces the cache; the instance's own
 *       changes (put, delete, enable, ...) clear it.</li>
 *   <li><b>Actions</b> return cold {@link Mono}s of records or resources, managed transfers return a
 *       {@link io.reactives3.transfer.Transfer} (result and progress); bad arguments throw when the method is
 *       called; store and network errors arrive via {@code onError} as the client's typed exceptions.</li>
 *   <li><b>Collections</b> ({@link #buckets()}, {@link Bucket#objects()}, ...) are immutable query descriptions:
 *       {@code filter}, {@code limit} and {@code pageSize} return new collections, and nothing is sent until a
 *       {@code Flux} from {@code all()} or {@code pages()} is subscribed; then pages are fetched only as demand asks.
 *   </li>
 * </ul>
 *
 * <p>Implemented by this library only; obtain instances with {@link #create}.
 */
public interface ReactiveS3 extends AutoCloseable {

    /** How long waiters wait when no timeout is given: 100 s, as boto3's (20 attempts, 5 s apart). */
    Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(100);

    /**
     * A service resource over {@code client}, creating (now) and owning a transfer engine with default settings.
     * {@link #close()} closes that engine, never the client.
     */
    static ReactiveS3 create(ReactiveS3Client client) {
        return DefaultReactiveS3.create(client);
    }

    /** A service resource over {@code client} and {@code engine}; the caller keeps owning both. */
    static ReactiveS3 create(ReactiveS3Client client, S3TransferEngine engine) {
        return DefaultReactiveS3.create(client, engine);
    }

    /** The client every request goes through, for operations the resources do not cover. */
    ReactiveS3Client client();

    /**
     * The transfer engine behind managed transfers and batch actions.
     *
     * @throws IllegalStateException when this instance owns the engine and was closed
     */
    S3TransferEngine engine();

    /** All buckets of the caller (boto3's {@code s3.buckets}). */
    default BucketCollection buckets() {
        return new BucketCollection(this);
    }

    /**
     * Creates a bucket; emits it. Errors: {@link BucketConflictException} when the name is taken.
     *
     * @throws InvalidInputException when {@code name} is not a valid bucket name
     */
    default Mono<Bucket> createBucket(String name) {
        return bucket(name).create();
    }

    /** The bucket {@code name} (no request is sent). */
    default Bucket bucket(String name) {
        return Bucket.of(this, name);
    }

    /** The object {@code key} in {@code bucket} (no request is sent). */
    default S3Object object(String bucket, String key) {
        return new S3Object(this, bucket, key);
    }

    /** Version {@code versionId} of object {@code key} (no request is sent). */
    default ObjectVersion objectVersion(String bucket, String key, String versionId) {
        return new ObjectVersion(this, bucket, key, versionId, null);
    }

    /** The unfinished multipart upload {@code uploadId} of {@code key} (no request is sent). */
    default MultipartUpload multipartUpload(String bucket, String key, String uploadId) {
        return new MultipartUpload(this, bucket, key, uploadId, null);
    }

    /** Part {@code partNumber} (1..10,000) of a multipart upload (no request is sent). */
    default MultipartUploadPart multipartUploadPart(String bucket, String key, String uploadId, int partNumber) {
        return new MultipartUploadPart(multipartUpload(bucket, key, uploadId), partNumber, null);
    }

    /** The access control list of {@code bucket}. */
    default BucketAcl bucketAcl(String bucket) {
        return new BucketAcl(bucket(bucket));
    }

    /** The access control list of object {@code key}. */
    default ObjectAcl objectAcl(String bucket, String key) {
        return new ObjectAcl(object(bucket, key));
    }

    /** The versioning configuration of {@code bucket}. */
    default BucketVersioning bucketVersioning(String bucket) {
        return new BucketVersioning(bucket(bucket));
    }

    /** The tags of {@code bucket}. */
    default BucketTagging bucketTagging(String bucket) {
        return new BucketTagging(bucket(bucket));
    }

    /** The policy of {@code bucket}. */
    default BucketPolicy bucketPolicy(String bucket) {
        return new BucketPolicy(bucket(bucket));
    }

    /** The lifecycle rules of {@code bucket}. */
    default BucketLifecycleConfiguration bucketLifecycleConfiguration(String bucket) {
        return new BucketLifecycleConfiguration(bucket(bucket));
    }

    /** The CORS rules of {@code bucket}. */
    default BucketCors bucketCors(String bucket) {
        return new BucketCors(bucket(bucket));
    }

    /**
     * Closes the transfer engine if this instance created it; the client stays open (its owner closes it).
     * Idempotent.
     */
    @Override
    void close();
}
