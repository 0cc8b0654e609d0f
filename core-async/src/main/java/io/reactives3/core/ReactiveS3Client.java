package io.reactives3.core;

import io.reactives3.core.error.AccessDeniedException;
import io.reactives3.core.error.BadRequestException;
import io.reactives3.core.error.BucketConflictException;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.LocalFileException;
import io.reactives3.core.error.NotModifiedException;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.error.RangeNotSatisfiableException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.error.S3TimeoutException;
import io.reactives3.core.error.S3ToolkitException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.error.ThrottledException;
import io.reactives3.core.error.UnsupportedByStoreException;
import io.reactives3.core.error.UploadNotFoundException;
import io.reactives3.core.error.WaitTimeoutException;
import io.reactives3.core.internal.DefaultReactiveS3Client;
import io.reactives3.core.model.AclResult;
import io.reactives3.core.model.BucketHead;
import io.reactives3.core.model.BucketSummary;
import io.reactives3.core.model.BucketVersioningResult;
import io.reactives3.core.model.CannedAcl;
import io.reactives3.core.model.CompleteMultipartUploadResult;
import io.reactives3.core.model.UploadedPart;
import io.reactives3.core.model.ObjectCopyResult;
import io.reactives3.core.model.CorsRule;
import io.reactives3.core.model.CreateBucketResult;
import io.reactives3.core.model.DeleteObjectResult;
import io.reactives3.core.model.DeleteObjectsResult;
import io.reactives3.core.model.BucketLifecycleRule;
import io.reactives3.core.model.ListBucketsResult;
import io.reactives3.core.model.ListMultipartUploadsPage;
import io.reactives3.core.model.ListObjectVersionsPage;
import io.reactives3.core.model.ListObjectsPage;
import io.reactives3.core.model.ListPartsPage;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.MultipartUploadSummary;
import io.reactives3.core.model.ObjectContent;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.KeyVersion;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.core.model.ListedObject;
import io.reactives3.core.model.ObjectVersionSummary;
import io.reactives3.core.model.PartSummary;
import io.reactives3.core.model.PutObjectResult;
import io.reactives3.core.model.TaggingResult;
import io.reactives3.core.model.UploadPartResult;
import io.reactives3.core.model.VersioningStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The reactive S3 client: one method per S3 operation, each returning a cold {@link Mono} of an immutable record
 * (never an SDK response type); listings also come as demand-driven {@link Flux} paginators.
 *
 * <h2>Shape of the API</h2>
 * <ul>
 *   <li><b>Naming</b>: a single operation {@code x(...)} emits {@code Mono<Result>}; a listing {@code listX(...)}
 *       emits {@code Flux<item>} over every page, fetched on demand; {@code listXPages(...)} emits
 *       {@code Flux<page>} on demand (at most one page ahead); {@code listXPage(...)} emits {@code Mono<page>}
 *       for exactly one request (resume with the page's markers in the options).</li>
 *   <li><b>Options</b>: optional parameters come as an immutable options object with a builder
 *       ({@link PutObjectOptions}, {@link GetObjectOptions}, {@link CopyObjectOptions}, {@link ListObjectsOptions},
 *       {@link ListObjectVersionsOptions}, {@link ListMultipartUploadsOptions}, {@link ListPartsOptions}), with a
 *       {@code Consumer<Builder>} overload next to each method that takes one.</li>
 *   <li><b>Uploads</b> take one body type, {@link UploadBody} (bytes, string, file, publisher with or without a
 *       length).</li>
 *   <li><b>SDK escape hatches</b>: a few methods take an SDK request for what the options do not cover (precomputed
 *       checksums, SSE-C, checksum algorithms, copy-source conditions); each says so. Anything else goes through
 *       {@link #sdkClient()}.</li>
 * </ul>
 *
 * <h2>Reactive contract (every method)</h2>
 * <ul>
 *   <li><b>Cold</b>: nothing is sent before subscription; each subscription sends the request again.</li>
 *   <li><b>Bad arguments</b> (null, invalid bucket name, key over 1,024 UTF-8 bytes, negative range, ...) throw
 *       {@link InvalidInputException} / {@link NullPointerException} when the method is called, before any
 *       request exists.</li>
 *   <li><b>Errors</b> from the store or the network arrive through {@code onError} as {@link S3ToolkitException}
 *       subtypes: {@link BucketNotFoundException}, {@link ObjectNotFoundException}, {@link AccessDeniedException},
 *       {@link PreconditionFailedException}, {@link NotModifiedException}, {@link RangeNotSatisfiableException},
 *       {@link ThrottledException}, {@link BadRequestException}, {@link UnsupportedByStoreException},
 *       {@link BucketConflictException}, {@link UploadNotFoundException}, other {@link S3ServiceException}s,
 *       {@link S3TransportException} or {@link S3TimeoutException}; the SDK exception is the cause (see
 *       {@link S3ToolkitException} for the whole tree).</li>
 *   <li><b>Cancel</b> aborts the in-flight HTTP request; paginators send no further request.</li>
 *   <li><b>Threads</b>: results are delivered on the SDK's completion threads; nothing here blocks them.</li>
 * </ul>
 *
 * <p>Create with {@link #create()} (AWS defaults), {@link #builder()}, or {@link #create(S3AsyncClient)} to wrap an
 * existing SDK client. Close it when done: it owns its SDK client (except a wrapped one).
 */
public interface ReactiveS3Client extends AutoCloseable {

    /**
     * The name of the daemon threads on which {@link #close()} releases a Netty HTTP client's connections and event
     * loops. A process about to exit may wait for them (some milliseconds): the JVM waits up to 300 ms at exit for an
     * event loop that is still polling.
     */
    String CLOSE_THREAD_NAME = "reactive-s3-client-close";

    /** A client for AWS S3 with the SDK's default credential chain and region chain. */
    static ReactiveS3Client create() {
        return builder().build();
    }

    /** A builder: endpoint, region, credentials, profile, HTTP client, pool, timeouts, retries, checksums. */
    static ReactiveS3ClientBuilder builder() {
        return new ReactiveS3ClientBuilder();
    }

    /**
     * Wraps an SDK client the caller already has, assuming {@link StoreProfile#AWS}. The caller keeps ownership:
     * {@link #close()} does not close it.
     */
    static ReactiveS3Client create(S3AsyncClient sdkClient) {
        return create(sdkClient, StoreProfile.AWS);
    }

    /** Wraps an SDK client the caller already has, for a store of {@code profile}; the caller keeps ownership. */
    static ReactiveS3Client create(S3AsyncClient sdkClient, StoreProfile profile) {
        return DefaultReactiveS3Client.wrap(sdkClient, profile, ReactiveS3ClientBuilder::describe);
    }

    /** The resolved settings (profile, endpoint, region, credentials, pool, checksums, ...). */
    ClientSettings settings();

    /** The SDK client underneath, for operations this API does not cover. Owned by this client unless wrapped. */
    S3AsyncClient sdkClient();

    /** Presigned URLs for any operation, and presigned POST policies. */
    Presigner presigner();

    // ------------------------------------------------------------------ buckets

    /** Emits the caller's buckets and their owner in one ListBuckets request. */
    Mono<ListBucketsResult> listBucketsPage();

    /** Emits each of the caller's buckets (one ListBuckets request); completes empty when there is none. */
    default Flux<BucketSummary> listBuckets() {
        return listBucketsPage().flatMapIterable(ListBucketsResult::buckets);
    }

    /** Creates {@code bucket} (in the client's region); emits {@link BucketConflictException} if the name is taken. */
    Mono<CreateBucketResult> createBucket(String bucket);

    /** Deletes the empty {@code bucket}; completes empty; {@link BucketConflictException} when not empty. */
    Mono<Void> deleteBucket(String bucket);

    /** Emits the bucket's head when it exists and is accessible; {@link BucketNotFoundException} otherwise. */
    Mono<BucketHead> headBucket(String bucket);

    /** Emits whether {@code bucket} exists (true/false; access denied is an error, not {@code false}). */
    Mono<Boolean> bucketExists(String bucket);

    /**
     * Emits the bucket's region as the store names it ({@code us-east-1} when it answers with an empty location,
     * {@code eu-west-1} for the legacy {@code EU}; compatible stores may answer their own names, e.g. Ceph RGW its
     * zonegroup).
     */
    Mono<String> getBucketLocation(String bucket);

    // ------------------------------------------------------------------ objects

    /**
     * Stores {@code body} under {@code key} in one PutObject (up to 5 GiB; use the transfer engine above that) and
     * emits the stored object's ETag, version and checksum. See {@link UploadBody} for the kinds of body, how a file
     * is read and what a retry resends. A body that emits more or fewer bytes than announced fails with
     * {@link DataIntegrityException} and nothing is stored; an unreadable file with {@link LocalFileException},
     * before any request. Cancel aborts the upload (nothing is stored).
     */
    default Mono<PutObjectResult> putObject(String bucket, String key, UploadBody body) {
        return putObject(bucket, key, body, PutObjectOptions.defaults());
    }

    /**
     * Stores {@code body} with optional headers (content type, metadata, ACL, tags, conditions); as
     * {@link #putObject(String, String, UploadBody)} otherwise. The options' content type wins over the one the body
     * implies ({@code text/plain} for strings, a guess from a file's name).
     */
    Mono<PutObjectResult> putObject(String bucket, String key, UploadBody body, PutObjectOptions options);

    /** Stores {@code body} with the options {@code options} sets on a fresh builder. */
    default Mono<PutObjectResult> putObject(String bucket, String key, UploadBody body,
                                            Consumer<PutObjectOptions.Builder> options) {
        return putObject(bucket, key, body,
                build(PutObjectOptions.builder(), options, PutObjectOptions.Builder::build));
    }

    /**
     * <b>SDK escape hatch</b>: one PutObject of an SDK request and body, for what {@link PutObjectOptions} does not
     * cover (precomputed {@code Content-MD5} or checksum headers, SSE-C, object lock, a custom
     * {@link AsyncRequestBody}). The body's replay on SDK retries is the body's own contract.
     */
    Mono<PutObjectResult> putObject(PutObjectRequest request, AsyncRequestBody body);

    /** Reads the whole object into memory. {@link ObjectNotFoundException} when missing. */
    Mono<ObjectContent> getObject(String bucket, String key);

    /** Reads the object (or a range, a version, conditionally) into memory. */
    Mono<ObjectContent> getObject(String bucket, String key, GetObjectOptions options);

    /** Reads into memory with the options {@code options} sets on a fresh builder, e.g. {@code o -> o.range(r)}. */
    default Mono<ObjectContent> getObject(String bucket, String key, Consumer<GetObjectOptions.Builder> options) {
        return getObject(bucket, key, build(GetObjectOptions.builder(), options, GetObjectOptions.Builder::build));
    }

    /**
     * Emits the object's head as soon as the response starts, with the body as a demand-driven {@link Flux}
     * (see {@link ObjectStream}: subscribe to the body exactly once, or cancel it).
     *
     * <p>A body not subscribed to within the client's read timeout is closed and its pooled connection given back,
     * so abandoned streams cannot exhaust the pool. Subscribing later still delivers the object: the bytes are read
     * again with a GET pinned by {@code If-Match} to the ETag (an object replaced meanwhile fails with
     * {@code PreconditionFailedException}); where that cannot be done (no ETag, a {@code partNumber} request, a
     * range not of the form {@code bytes=a-b}) the body fails with {@link io.reactives3.core.error.S3TimeoutException}.
     */
    Mono<ObjectStream> getObjectStream(String bucket, String key, GetObjectOptions options);

    /** A streaming read with the options {@code options} sets on a fresh builder. */
    default Mono<ObjectStream> getObjectStream(String bucket, String key,
                                               Consumer<GetObjectOptions.Builder> options) {
        return getObjectStream(bucket, key, build(GetObjectOptions.builder(), options,
                GetObjectOptions.Builder::build));
    }

    /**
     * <b>SDK escape hatch</b>: a streaming read of an SDK request, for what {@link GetObjectOptions} does not cover
     * (SSE-C keys, response-header overrides, checksum mode); as {@link #getObjectStream(String, String,
     * GetObjectOptions)} otherwise.
     */
    Mono<ObjectStream> getObjectStream(GetObjectRequest request);

    /**
     * Emits the object's metadata; {@link ObjectNotFoundException} when missing. HEAD responses carry no error body,
     * so a missing bucket also arrives as {@link ObjectNotFoundException} (404).
     */
    Mono<ObjectHead> headObject(String bucket, String key);

    /** Emits the metadata of a version or conditionally ({@code range} and {@code partNumber} are honoured too). */
    Mono<ObjectHead> headObject(String bucket, String key, GetObjectOptions options);

    /** HeadObject with the options {@code options} sets on a fresh builder, e.g. {@code o -> o.versionId(v)}. */
    default Mono<ObjectHead> headObject(String bucket, String key, Consumer<GetObjectOptions.Builder> options) {
        return headObject(bucket, key, build(GetObjectOptions.builder(), options, GetObjectOptions.Builder::build));
    }

    /** Emits whether the object exists. */
    Mono<Boolean> objectExists(String bucket, String key);

    /** Server-side copy of up to 5 GiB (use the transfer engine above that); buckets may differ. */
    Mono<ObjectCopyResult> copyObject(String sourceBucket, String sourceKey, String destinationBucket,
                                      String destinationKey);

    /** Server-side copy with options (source version, metadata replacement, ACL, ...). */
    Mono<ObjectCopyResult> copyObject(String sourceBucket, String sourceKey, String destinationBucket,
                                      String destinationKey, CopyObjectOptions options);

    /** Server-side copy with the options {@code options} sets on a fresh builder. */
    default Mono<ObjectCopyResult> copyObject(String sourceBucket, String sourceKey, String destinationBucket,
                                              String destinationKey, Consumer<CopyObjectOptions.Builder> options) {
        return copyObject(sourceBucket, sourceKey, destinationBucket, destinationKey,
                build(CopyObjectOptions.builder(), options, CopyObjectOptions.Builder::build));
    }

    /** Deletes the latest version of {@code key} (S3 answers success whether or not it existed). */
    Mono<DeleteObjectResult> deleteObject(String bucket, String key);

    /** Deletes a specific version of {@code key}. */
    Mono<DeleteObjectResult> deleteObject(String bucket, String key, String versionId);

    /**
     * Deletes up to 1,000 keys in one DeleteObjects request; emits which were deleted and, per key, which failed
     * (partial failure is data, not an error). More than 1,000 keys is an {@link InvalidInputException} (use the
     * transfer engine's batched delete); no key at all sends nothing and emits an empty result.
     */
    Mono<DeleteObjectsResult> deleteObjects(String bucket, Collection<String> keys);

    /**
     * Deletes up to 1,000 keys, each at the given version or (version {@code null}) its current one, in one
     * DeleteObjects request; emits, errors and limits as {@link #deleteObjects(String, Collection)}.
     */
    Mono<DeleteObjectsResult> deleteObjectVersions(String bucket, Collection<KeyVersion> objects);

    // ------------------------------------------------------------------ listings
    // Naming rule: listX(...) -> Flux<item>, listXPages(...) -> Flux<page>, listXPage(...) -> Mono<one page>.

    /**
     * Emits one page of ListObjectsV2 (one request), from {@link ListObjectsOptions#continuationToken()} when set.
     * Resume with the page's {@code nextContinuationToken}. Cancel aborts the request.
     */
    Mono<ListObjectsPage> listObjectsPage(String bucket, ListObjectsOptions options);

    /**
     * Emits the pages of a ListObjectsV2 listing, fetching the next page only when the previous one was requested
     * downstream (at most one page ahead of demand); starts at {@code options.continuationToken()} when set.
     * Completes after the last page; cancel stops further requests.
     */
    Flux<ListObjectsPage> listObjectsPages(String bucket, ListObjectsOptions options);

    /** Emits every object in the bucket, page by page on demand; completes empty for an empty bucket. */
    default Flux<ListedObject> listObjects(String bucket) {
        return listObjects(bucket, ListObjectsOptions.defaults());
    }

    /**
     * Emits every object the options select (common prefixes are only on the pages: see
     * {@link #listObjectsPages}), page by page on demand; cancel stops further requests.
     */
    Flux<ListedObject> listObjects(String bucket, ListObjectsOptions options);

    /** Emits every object the options set on a fresh builder select, e.g. {@code o -> o.prefix("2026/")}. */
    default Flux<ListedObject> listObjects(String bucket, Consumer<ListObjectsOptions.Builder> options) {
        return listObjects(bucket, build(ListObjectsOptions.builder(), options, ListObjectsOptions.Builder::build));
    }

    /** Emits one page of ListObjectVersions (one request), from the options' markers. */
    Mono<ListObjectVersionsPage> listObjectVersionsPage(String bucket, ListObjectVersionsOptions options);

    /** Emits the pages of ListObjectVersions on demand (at most one page ahead), from the options' markers. */
    Flux<ListObjectVersionsPage> listObjectVersionsPages(String bucket, ListObjectVersionsOptions options);

    /** Emits every version and delete marker of the bucket, in listing order, page by page on demand. */
    default Flux<ObjectVersionSummary> listObjectVersions(String bucket) {
        return listObjectVersions(bucket, ListObjectVersionsOptions.defaults());
    }

    /** Emits every version and delete marker the options select, page by page on demand. */
    Flux<ObjectVersionSummary> listObjectVersions(String bucket, ListObjectVersionsOptions options);

    /** Emits every version and delete marker the options set on a fresh builder select. */
    default Flux<ObjectVersionSummary> listObjectVersions(String bucket,
                                                          Consumer<ListObjectVersionsOptions.Builder> options) {
        return listObjectVersions(bucket, build(ListObjectVersionsOptions.builder(), options,
                ListObjectVersionsOptions.Builder::build));
    }

    // ------------------------------------------------------------------ multipart primitives

    /**
     * Starts a multipart upload with the headers of {@code options}. Options with {@code ifMatch}/{@code ifNoneMatch}
     * are rejected ({@link InvalidInputException}): those are conditions of completing, not of starting.
     */
    Mono<MultipartUploadHandle> createMultipartUpload(String bucket, String key, PutObjectOptions options);

    /** Starts a multipart upload with the headers {@code options} sets on a fresh builder. */
    default Mono<MultipartUploadHandle> createMultipartUpload(String bucket, String key,
                                                              Consumer<PutObjectOptions.Builder> options) {
        return createMultipartUpload(bucket, key, build(PutObjectOptions.builder(), options,
                PutObjectOptions.Builder::build));
    }

    /**
     * <b>SDK escape hatch</b>: CreateMultipartUpload of an SDK request, for a checksum algorithm the parts will carry
     * (the transfer engine's CRC32 mode), SSE-C or object lock, which {@link PutObjectOptions} does not cover.
     */
    Mono<MultipartUploadHandle> createMultipartUpload(CreateMultipartUploadRequest request);

    /**
     * Uploads {@code body} as part {@code partNumber} (1..10,000; every part but the last at least 5 MiB on AWS) and
     * emits what {@link #completeMultipartUpload} needs. See {@link UploadBody} for what a retry resends; a body of
     * the wrong length fails with {@link DataIntegrityException}. Cancel aborts the part's request (the upload stays
     * open: abort it).
     */
    Mono<UploadPartResult> uploadPart(MultipartUploadHandle upload, int partNumber, UploadBody body);

    /**
     * <b>SDK escape hatch</b>: UploadPart of an SDK request and body, for precomputed {@code Content-MD5} or checksum
     * headers, SSE-C, or a custom {@link AsyncRequestBody}.
     */
    Mono<UploadPartResult> uploadPart(UploadPartRequest request, AsyncRequestBody body);

    /**
     * Copies bytes {@code range} of a source object as part {@code partNumber} (UploadPartCopy); {@code range} must
     * be closed ({@link ByteRange#of(long, long)}), or {@code null} for the whole source.
     */
    Mono<UploadPartResult> uploadPartCopy(MultipartUploadHandle upload, int partNumber, String sourceBucket,
                                          String sourceKey, ByteRange range);

    /**
     * <b>SDK escape hatch</b>: UploadPartCopy of an SDK request, for a source version, conditions on the source
     * ({@code x-amz-copy-source-if-match}, used to pin the source during a multipart copy) or SSE-C.
     */
    Mono<UploadPartResult> uploadPartCopy(UploadPartCopyRequest request);

    /**
     * Completes the upload from its parts (sorted by part number here; an empty list or a part number given twice is
     * an {@link InvalidInputException}).
     */
    Mono<CompleteMultipartUploadResult> completeMultipartUpload(MultipartUploadHandle upload,
                                                                List<UploadedPart> parts);

    /** Aborts the upload, freeing its parts; completes empty. {@link UploadNotFoundException} if already gone. */
    Mono<Void> abortMultipartUpload(MultipartUploadHandle upload);

    /** Emits one page of the upload's parts (one request), starting after the options' part number marker. */
    Mono<ListPartsPage> listPartsPage(MultipartUploadHandle upload, ListPartsOptions options);

    /** Emits the pages of the upload's parts on demand (at most one page ahead). */
    Flux<ListPartsPage> listPartsPages(MultipartUploadHandle upload, ListPartsOptions options);

    /**
     * Emits every uploaded part of the upload, page by page on demand; {@link UploadNotFoundException} when the
     * upload is gone.
     */
    default Flux<PartSummary> listParts(MultipartUploadHandle upload) {
        return listParts(upload, ListPartsOptions.defaults());
    }

    /** Emits every part the options select, page by page on demand. */
    Flux<PartSummary> listParts(MultipartUploadHandle upload, ListPartsOptions options);

    /** Emits one page of the bucket's unfinished uploads (one request), from the options' markers. */
    Mono<ListMultipartUploadsPage> listMultipartUploadsPage(String bucket, ListMultipartUploadsOptions options);

    /** Emits the pages of the bucket's unfinished uploads on demand (at most one page ahead). */
    Flux<ListMultipartUploadsPage> listMultipartUploadsPages(String bucket, ListMultipartUploadsOptions options);

    /** Emits every unfinished upload of the bucket, page by page on demand. */
    default Flux<MultipartUploadSummary> listMultipartUploads(String bucket) {
        return listMultipartUploads(bucket, ListMultipartUploadsOptions.defaults());
    }

    /** Emits every unfinished upload the options select, page by page on demand. */
    Flux<MultipartUploadSummary> listMultipartUploads(String bucket, ListMultipartUploadsOptions options);

    /** Emits every unfinished upload the options set on a fresh builder select, e.g. {@code o -> o.prefix("a/")}. */
    default Flux<MultipartUploadSummary> listMultipartUploads(String bucket,
                                                              Consumer<ListMultipartUploadsOptions.Builder> options) {
        return listMultipartUploads(bucket, build(ListMultipartUploadsOptions.builder(), options,
                ListMultipartUploadsOptions.Builder::build));
    }

    // ------------------------------------------------------------------ ACL

    /** Emits the object's ACL. */
    Mono<AclResult> getObjectAcl(String bucket, String key);

    /** Sets a canned ACL on the object; completes empty. */
    Mono<Void> putObjectAcl(String bucket, String key, CannedAcl acl);

    /** Emits the bucket's ACL. */
    Mono<AclResult> getBucketAcl(String bucket);

    /**
     * Sets a canned ACL on the bucket; completes empty. The object-only canned ACLs ({@code aws-exec-read},
     * {@code bucket-owner-*}) are an {@link InvalidInputException}.
     */
    Mono<Void> putBucketAcl(String bucket, CannedAcl acl);

    // ------------------------------------------------------------------ versioning

    /** Emits the bucket's versioning state ({@link VersioningStatus#UNVERSIONED} if never enabled). */
    Mono<BucketVersioningResult> getBucketVersioning(String bucket);

    /** Enables or suspends versioning ({@link VersioningStatus#UNVERSIONED} is not allowed); completes empty. */
    Mono<Void> putBucketVersioning(String bucket, VersioningStatus status);

    // ------------------------------------------------------------------ tagging

    /** Emits the bucket's tags (empty when it has none, whether the store answers NoSuchTagSet or an empty set). */
    Mono<TaggingResult> getBucketTagging(String bucket);

    /** Replaces the bucket's tags; completes empty. */
    Mono<Void> putBucketTagging(String bucket, Map<String, String> tags);

    /** Removes the bucket's tags; completes empty. */
    Mono<Void> deleteBucketTagging(String bucket);

    /** Emits the object's tags (of {@code versionId}, or the latest when {@code null}). */
    Mono<TaggingResult> getObjectTagging(String bucket, String key, String versionId);

    /** Replaces the object's tags; completes empty. */
    Mono<Void> putObjectTagging(String bucket, String key, Map<String, String> tags);

    /** Removes the object's tags; completes empty. */
    Mono<Void> deleteObjectTagging(String bucket, String key);

    // ------------------------------------------------------------------ policy

    /**
     * Emits the bucket policy JSON; completes empty when the bucket has none ({@code NoSuchBucketPolicy}, or S3Proxy's
     * {@code NoSuchPolicy}).
     */
    Mono<String> getBucketPolicy(String bucket);

    /** Sets the bucket policy (a JSON document); completes empty. */
    Mono<Void> putBucketPolicy(String bucket, String policyJson);

    /** Removes the bucket policy; completes empty. */
    Mono<Void> deleteBucketPolicy(String bucket);

    // ------------------------------------------------------------------ lifecycle

    /**
     * Emits the bucket's lifecycle rules (empty list when it has none). A stored rule that {@link BucketLifecycleRule}
     * cannot represent (transitions, dates, tag or size filters, ...) fails the read with an
     * {@link UnsupportedOperationException} (a limit of the toolkit's model, not of the store) rather than being
     * silently simplified; read such rules through {@link #sdkClient()}.
     */
    Mono<List<BucketLifecycleRule>> getBucketLifecycle(String bucket);

    /**
     * Replaces the bucket's lifecycle rules (each becomes an SDK rule with a prefix filter); completes empty. An empty
     * list is an {@link InvalidInputException}: use {@link #deleteBucketLifecycle(String)}.
     */
    Mono<Void> putBucketLifecycle(String bucket, List<BucketLifecycleRule> rules);

    /** Removes the bucket's lifecycle configuration; completes empty. */
    Mono<Void> deleteBucketLifecycle(String bucket);

    // ------------------------------------------------------------------ CORS

    /** Emits the bucket's CORS rules (empty list when it has none). */
    Mono<List<CorsRule>> getBucketCors(String bucket);

    /** Replaces the bucket's CORS rules; completes empty. */
    Mono<Void> putBucketCors(String bucket, List<CorsRule> rules);

    /** Removes the bucket's CORS configuration; completes empty. */
    Mono<Void> deleteBucketCors(String bucket);

    // ------------------------------------------------------------------ waiters

    /**
     * Polls HeadBucket with backoff (200 ms growing to 5 s) until the bucket exists; emits its head. Errors other
     * than "not found" stop the wait; after {@code timeout}: {@link WaitTimeoutException}.
     */
    Mono<BucketHead> waitUntilBucketExists(String bucket, Duration timeout);

    /** Polls until the bucket is gone; completes empty; {@link WaitTimeoutException} after {@code timeout}. */
    Mono<Void> waitUntilBucketNotExists(String bucket, Duration timeout);

    /** Polls HeadObject until the object exists; emits its head; {@link WaitTimeoutException} after {@code timeout}. */
    Mono<ObjectHead> waitUntilObjectExists(String bucket, String key, Duration timeout);

    /** Polls until the object is gone; completes empty; {@link WaitTimeoutException} after {@code timeout}. */
    Mono<Void> waitUntilObjectNotExists(String bucket, String key, Duration timeout);

    /** Applies {@code customizer} to {@code builder} and builds (for the {@code Consumer<Builder>} overloads). */
    private static <B, T> T build(B builder, Consumer<B> customizer, java.util.function.Function<B, T> build) {
        Objects.requireNonNull(customizer, "options must not be null");
        customizer.accept(builder);
        return build.apply(builder);
    }

    /**
     * Closes the SDK client this client built, with its HTTP client: connections, Netty event loops (stopped without
     * waiting for them) or the CRT HTTP client's native resources, without making the caller wait: over Netty they are
     * released by a daemon thread named {@link #CLOSE_THREAD_NAME} (some milliseconds). A wrapped caller's SDK client
     * is left open.
     * Requests still in flight fail; later calls fail with an {@link IllegalStateException} ("the client is closed")
     * before anything is sent. Closing again does nothing.
     */
    @Override
    void close();
}
