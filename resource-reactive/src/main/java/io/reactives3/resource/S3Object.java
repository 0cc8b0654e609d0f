package io.reactives3.resource;

import io.reactives3.core.UploadBody;
import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.GetObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.model.ObjectCopyResult;
import io.reactives3.core.model.DeleteObjectResult;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.ObjectContent;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.core.model.PresignedRequest;
import io.reactives3.core.model.PutObjectResult;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.model.CopyResult;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * An object, identified by bucket name and key (boto3's {@code s3.Object(bucket, key)}). Making one sends nothing;
 * equal to any other {@code S3Object} with the same bucket and key. Thread-safe.
 *
 * <p>Attributes: {@link #load()} sends HeadObject on first subscription and caches the {@link ObjectHead} in this
 * instance (size, type, ETag, last modified, user metadata, ...); {@link #reload()} asks again; this instance's own
 * writes clear the cache. Two instances for the same object keep separate caches. Errors:
 * {@link io.reactives3.core.error.ObjectNotFoundException} when there is no such object.
 */
public final class S3Object extends CachedResource<ObjectHead> {

    private final Context context;
    private final String bucketName;
    private final String key;

    S3Object(Context context, String bucketName, String key) {
        super(() -> context.client().headObject(bucketName, key), bucketName + "/" + key, Arguments.bucket(bucketName),
                Arguments.key(key));
        this.context = context;
        this.bucketName = bucketName;
        this.key = key;
    }

    /** The bucket name (an identifier). */
    public String bucketName() {
        return bucketName;
    }

    /** The key (an identifier). */
    public String key() {
        return key;
    }

    // ------------------------------------------------------------------ attributes

    /** Emits the user metadata ({@code x-amz-meta-*}, names lower case without the prefix) from {@link #load()}. */
    public Mono<Map<String, String>> metadata() {
        return load().map(ObjectHead::metadata);
    }

    /** Emits whether the object exists (one HeadObject, not cached). */
    public Mono<Boolean> exists() {
        return context.client().objectExists(bucketName, key);
    }

    // ------------------------------------------------------------------ reads

    /**
     * Reads the whole object into memory in one GetObject (boto3's {@code Object.get}).
     * Errors: {@link io.reactives3.core.error.ObjectNotFoundException}.
     */
    public Mono<ObjectContent> get() {
        return context.client().getObject(bucketName, key);
    }

    /** Reads the object (a range, a version, conditionally) into memory in one GetObject. */
    public Mono<ObjectContent> get(GetObjectOptions options) {
        return context.client().getObject(bucketName, key, options);
    }

    /**
     * Opens the object as a demand-driven stream through the transfer engine (parallel ranged GETs reassembled in
     * order, bounded memory); emits the head with the body. Consume or cancel the body.
     */
    public Mono<ObjectStream> stream() {
        return context.engine().downloadStream(bucketName, key);
    }

    /** Downloads the object to a file through the transfer engine; atomic, nothing left behind on failure/cancel. */
    public Transfer<DownloadResult> downloadFile(Path destination) {
        return context.engine().downloadFile(bucketName, key, destination);
    }

    // ------------------------------------------------------------------ writes

    /** Stores {@code content} in one PutObject (boto3's {@code Object.put}); clears the cached head. */
    public Mono<PutObjectResult> put(byte[] content) {
        return changing(context.client().putObject(bucketName, key, UploadBody.ofBytes(content)));
    }

    /** Stores UTF-8 {@code content} as {@code text/plain; charset=utf-8} in one PutObject. */
    public Mono<PutObjectResult> put(String content) {
        return changing(context.client().putObject(bucketName, key, UploadBody.ofString(content)));
    }

    /** Stores {@code content} with headers (content type, metadata, ACL, tags, conditions) in one PutObject. */
    public Mono<PutObjectResult> put(byte[] content, PutObjectOptions options) {
        return changing(context.client().putObject(bucketName, key, UploadBody.ofBytes(content), options));
    }

    /** Uploads a file through the transfer engine (boto3's {@code Object.upload_file}); cancel aborts. */
    public Transfer<UploadResult> uploadFile(Path source) {
        return uploadFile(source, PutObjectOptions.defaults());
    }

    /** Uploads a file with headers through the transfer engine. */
    public Transfer<UploadResult> uploadFile(Path source, PutObjectOptions options) {
        return context.engine().uploadFile(source, bucketName, key, options);
    }

    /**
     * Uploads a stream of unknown length through the transfer engine (boto3's {@code upload_fileobj}): buffered into
     * parts within the engine's memory budget, the stream requested as parts can be sent; cancel aborts.
     */
    public Transfer<UploadResult> upload(Publisher<ByteBuffer> source) {
        return upload(source, PutObjectOptions.defaults());
    }

    /** Uploads a stream of unknown length with headers, through the transfer engine. */
    public Transfer<UploadResult> upload(Publisher<ByteBuffer> source, PutObjectOptions options) {
        return context.engine().upload(source, bucketName, key, options);
    }

    /**
     * Copies {@code source} onto this object in one CopyObject, up to 5 GiB (boto3's {@code Object.copy_from}).
     * Errors: {@link io.reactives3.core.error.ObjectNotFoundException} when the source is missing.
     */
    public Mono<ObjectCopyResult> copyFrom(CopySource source) {
        return copyFrom(source, CopyObjectOptions.defaults());
    }

    /** Copies {@code source} onto this object in one CopyObject, with options (metadata replacement, ACL, ...). */
    public Mono<ObjectCopyResult> copyFrom(CopySource source, CopyObjectOptions options) {
        CopyObjectOptions merged = source.mergeInto(options);
        return changing(context.client().copyObject(source.bucket(), source.key(), bucketName, key, merged));
    }

    /**
     * Copies {@code source} onto this object through the transfer engine (boto3's {@code Object.copy}): one
     * CopyObject below the multipart threshold, parallel UploadPartCopy above it (objects over 5 GiB included).
     */
    public Transfer<CopyResult> copy(CopySource source) {
        return copy(source, CopyObjectOptions.defaults());
    }

    /** Copies {@code source} onto this object with options, through the transfer engine. */
    public Transfer<CopyResult> copy(CopySource source, CopyObjectOptions options) {
        CopyObjectOptions merged = source.mergeInto(options);
        return context.engine().copy(source.bucket(), source.key(), bucketName, key, merged);
    }

    /** Deletes the object (its latest version); S3 answers success whether or not it existed. */
    public Mono<DeleteObjectResult> delete() {
        return changing(context.client().deleteObject(bucketName, key));
    }

    /** Starts a multipart upload to this object; emits it (boto3's {@code initiate_multipart_upload}). */
    public Mono<MultipartUpload> initiateMultipartUpload() {
        return initiateMultipartUpload(PutObjectOptions.defaults());
    }

    /** Starts a multipart upload with headers applied to the object it will create; emits it. */
    public Mono<MultipartUpload> initiateMultipartUpload(PutObjectOptions options) {
        return context.client().createMultipartUpload(bucketName, key, options)
                .map(h -> new MultipartUpload(context, h, null));
    }

    // ------------------------------------------------------------------ waiters and presigning

    /**
     * Polls HeadObject until the object exists (at most {@link ReactiveS3#DEFAULT_WAIT_TIMEOUT}); emits its head,
     * which this instance caches. Errors: {@link io.reactives3.core.error.WaitTimeoutException}.
     */
    public Mono<ObjectHead> waitUntilExists() {
        return waitUntilExists(Context.DEFAULT_WAIT_TIMEOUT);
    }

    /** Polls until the object exists, at most {@code timeout}; emits (and caches) its head. */
    public Mono<ObjectHead> waitUntilExists(Duration timeout) {
        return context.client().waitUntilObjectExists(bucketName, key, timeout).doOnNext(this::loaded);
    }

    /** Polls until the object is gone (at most {@link ReactiveS3#DEFAULT_WAIT_TIMEOUT}); completes empty. */
    public Mono<Void> waitUntilNotExists() {
        return waitUntilNotExists(Context.DEFAULT_WAIT_TIMEOUT);
    }

    /** Polls until the object is gone, at most {@code timeout}; completes empty. */
    public Mono<Void> waitUntilNotExists(Duration timeout) {
        return changing(context.client().waitUntilObjectNotExists(bucketName, key, timeout));
    }

    /**
     * Emits a URL anyone can GET the object with until {@code expiry} (positive, at most 7 days) passes; not in
     * boto3's resource model. Throws {@link InvalidInputException} for a bad expiry.
     */
    public Mono<PresignedRequest> presignedGet(Duration expiry) {
        return context.client().presigner().getObject(bucketName, key, expiry);
    }

    /** Emits a URL anyone can PUT the object's bytes to until {@code expiry} passes. */
    public Mono<PresignedRequest> presignedPut(Duration expiry) {
        return context.client().presigner().putObject(bucketName, key, expiry);
    }

    // ------------------------------------------------------------------ related resources

    /** The bucket holding this object. */
    public Bucket bucket() {
        return Bucket.of(context, bucketName);
    }

    /** The object's access control list. */
    public ObjectAcl acl() {
        return new ObjectAcl(this);
    }

    /** Version {@code versionId} of this object. */
    public ObjectVersion version(String versionId) {
        return new ObjectVersion(context, bucketName, key, versionId, null);
    }

    /** The unfinished multipart upload {@code uploadId} to this object. */
    public MultipartUpload multipartUpload(String uploadId) {
        Objects.requireNonNull(uploadId, "uploadId must not be null");
        return new MultipartUpload(context, new MultipartUploadHandle(bucketName, key, uploadId), null);
    }

    Context context() {
        return context;
    }
}
