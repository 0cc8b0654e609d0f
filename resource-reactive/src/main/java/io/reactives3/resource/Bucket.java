package io.reactives3.resource;

import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.PostPolicy;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.error.BucketConflictException;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.model.BucketHead;
import io.reactives3.core.model.BucketSummary;
import io.reactives3.core.model.PresignedPost;
import io.reactives3.core.model.PutObjectResult;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.model.CopyResult;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A bucket, identified by its name (boto3's {@code s3.Bucket(name)}). Making one sends nothing; equal to any other
 * {@code Bucket} with the same name. Thread-safe; see {@link ReactiveS3} for how attributes, actions and collections
 * behave.
 *
 * <p>Attributes: {@link #load()} sends HeadBucket on first subscription and caches the {@link BucketHead} in this
 * instance (it exists, and its region if the store says); {@link #reload()} asks again; {@link #delete()} and
 * {@link #waitUntilNotExists()} clear the cache. Errors: {@link io.reactives3.core.error.BucketNotFoundException}.
 */
public final class Bucket extends CachedResource<BucketHead> {

    private final Context context;
    private final String name;
    private final Instant listedCreationDate;

    private Bucket(Context context, String name, Instant listedCreationDate) {
        super(() -> context.client().headBucket(name), name, name);
        this.context = context;
        this.name = name;
        this.listedCreationDate = listedCreationDate;
    }

    /** The bucket {@code name}, checked against S3's naming rules. */
    static Bucket of(Context context, String name) {
        return new Bucket(context, Arguments.bucket(name), null);
    }

    /** A bucket as ListBuckets returned it (its name is the store's, not checked again). */
    static Bucket listed(Context context, BucketSummary summary) {
        return new Bucket(context, summary.name(), summary.creationDate());
    }

    /** The bucket name (the identifier). */
    public String name() {
        return name;
    }

    // ------------------------------------------------------------------ attributes

    /**
     * Emits when the bucket was created: from the listing this bucket came from ({@link ReactiveS3#buckets()}), else
     * from one ListBuckets request. Completes empty when the store does not say or does not list the bucket.
     */
    public Mono<Instant> creationDate() {
        if (listedCreationDate != null) {
            return Mono.just(listedCreationDate);
        }
        return context.client().listBucketsPage().flatMapIterable(r -> r.buckets())
                .filter(b -> b.name().equals(name) && b.creationDate() != null)
                .next().map(BucketSummary::creationDate);
    }

    /** Emits whether the bucket exists (access denied is an error, not {@code false}). */
    public Mono<Boolean> exists() {
        return context.client().bucketExists(name);
    }

    // ------------------------------------------------------------------ actions

    /** Creates the bucket; emits this bucket. Errors: {@link BucketConflictException}. */
    public Mono<Bucket> create() {
        return context.client().createBucket(name).thenReturn(this);
    }

    /**
     * Deletes the (empty) bucket; completes empty. Errors: {@link BucketConflictException} when it
     * is not empty (empty it first with {@code objects().delete()}).
     */
    public Mono<Void> delete() {
        return changing(context.client().deleteBucket(name));
    }

    /** Stores {@code content} under {@code key} in one PutObject (boto3's {@code put_object}). */
    public Mono<PutObjectResult> putObject(String key, byte[] content) {
        return object(key).put(content);
    }

    /** Stores UTF-8 {@code content} under {@code key} in one PutObject, as {@code text/plain; charset=utf-8}. */
    public Mono<PutObjectResult> putObject(String key, String content) {
        return object(key).put(content);
    }

    /** Stores {@code content} under {@code key} with headers (content type, metadata, ACL, tags, conditions). */
    public Mono<PutObjectResult> putObject(String key, byte[] content, PutObjectOptions options) {
        return object(key).put(content, options);
    }

    /**
     * Uploads a file to {@code key} through the transfer engine (parallel parts above its multipart threshold);
     * boto3's {@code upload_file}. Cancelling aborts an unfinished multipart upload.
     */
    public Transfer<UploadResult> uploadFile(Path source, String key) {
        return object(key).uploadFile(source);
    }

    /** Uploads a file to {@code key} with headers, through the transfer engine. */
    public Transfer<UploadResult> uploadFile(Path source, String key, PutObjectOptions options) {
        return object(key).uploadFile(source, options);
    }

    /**
     * Uploads a stream of unknown length to {@code key} through the transfer engine (boto3's
     * {@code upload_fileobj}); the stream is requested as parts can be sent.
     */
    public Transfer<UploadResult> upload(Publisher<ByteBuffer> source, String key) {
        return object(key).upload(source);
    }

    /** Uploads a stream of unknown length to {@code key} with headers, through the transfer engine. */
    public Transfer<UploadResult> upload(Publisher<ByteBuffer> source, String key, PutObjectOptions options) {
        return object(key).upload(source, options);
    }

    /**
     * Downloads {@code key} to a file through the transfer engine (boto3's {@code download_file}): atomic, a failed or
     * cancelled download leaves no partial file.
     */
    public Transfer<DownloadResult> downloadFile(String key, Path destination) {
        return object(key).downloadFile(destination);
    }

    /**
     * Copies {@code source} to {@code key} in this bucket through the transfer engine (boto3's {@code Bucket.copy}):
     * one CopyObject below the multipart threshold, parallel UploadPartCopy above it.
     */
    public Transfer<CopyResult> copy(CopySource source, String key) {
        return object(key).copy(source);
    }

    /** Copies {@code source} to {@code key} with options (metadata replacement, ACL, ...), through the engine. */
    public Transfer<CopyResult> copy(CopySource source, String key, CopyObjectOptions options) {
        return object(key).copy(source, options);
    }

    /**
     * Polls HeadBucket until the bucket exists (at most {@link ReactiveS3#DEFAULT_WAIT_TIMEOUT}); emits its head,
     * which this instance caches. Errors: {@link io.reactives3.core.error.WaitTimeoutException}.
     */
    public Mono<BucketHead> waitUntilExists() {
        return waitUntilExists(Context.DEFAULT_WAIT_TIMEOUT);
    }

    /** Polls until the bucket exists, at most {@code timeout}; emits its head. */
    public Mono<BucketHead> waitUntilExists(Duration timeout) {
        return context.client().waitUntilBucketExists(name, timeout).doOnNext(this::loaded);
    }

    /** Polls until the bucket is gone (at most {@link ReactiveS3#DEFAULT_WAIT_TIMEOUT}); completes empty. */
    public Mono<Void> waitUntilNotExists() {
        return waitUntilNotExists(Context.DEFAULT_WAIT_TIMEOUT);
    }

    /** Polls until the bucket is gone, at most {@code timeout}; completes empty. */
    public Mono<Void> waitUntilNotExists(Duration timeout) {
        return changing(context.client().waitUntilBucketNotExists(name, timeout));
    }

    /**
     * Emits a presigned POST for a browser form upload into this bucket under what {@code policy} allows (not in
     * boto3's resource model; its client's {@code generate_presigned_post}).
     */
    public Mono<PresignedPost> presignedPost(PostPolicy policy) {
        return context.client().presigner().post(name, policy);
    }

    // ------------------------------------------------------------------ collections and sub-resources

    /** The bucket's objects (latest versions). */
    public ObjectCollection objects() {
        return new ObjectCollection(this, Selection.ALL, Limits.DEFAULT);
    }

    /** Every version and delete marker in the bucket. */
    public ObjectVersionCollection objectVersions() {
        return new ObjectVersionCollection(this, Selection.ALL, Limits.DEFAULT);
    }

    /** The bucket's unfinished multipart uploads. */
    public MultipartUploadCollection multipartUploads() {
        return new MultipartUploadCollection(this, Selection.ALL, Limits.DEFAULT);
    }

    /** The object {@code key} in this bucket. */
    public S3Object object(String key) {
        return new S3Object(context, name, key);
    }

    /** The bucket's access control list. */
    public BucketAcl acl() {
        return new BucketAcl(this);
    }

    /** The bucket's versioning configuration. */
    public BucketVersioning versioning() {
        return new BucketVersioning(this);
    }

    /** The bucket's tags. */
    public BucketTagging tagging() {
        return new BucketTagging(this);
    }

    /** The bucket's policy. */
    public BucketPolicy policy() {
        return new BucketPolicy(this);
    }

    /** The bucket's lifecycle rules. */
    public BucketLifecycleConfiguration lifecycleConfiguration() {
        return new BucketLifecycleConfiguration(this);
    }

    /** The bucket's CORS rules. */
    public BucketCors cors() {
        return new BucketCors(this);
    }

    Context context() {
        return context;
    }
}
