package io.reactives3.core.internal;

import io.reactives3.core.spi.SdkRequests;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.GetObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.UploadBody;
import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.LocalFileException;
import io.reactives3.core.error.NotModifiedException;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.RangeNotSatisfiableException;
import io.reactives3.core.error.S3TimeoutException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.model.ObjectCopyResult;
import io.reactives3.core.model.DeleteError;
import io.reactives3.core.model.DeleteObjectResult;
import io.reactives3.core.model.DeleteObjectsResult;
import io.reactives3.core.model.DeletedKey;
import io.reactives3.core.model.ObjectContent;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.KeyVersion;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.core.model.PutObjectResult;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.ResponsePublisher;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Object operations of {@link DefaultReactiveS3Client}: put, get (whole or streamed), head, copy, delete. */
final class ObjectOperations {

    /** The most keys one DeleteObjects request may name. */
    static final int MAX_DELETE_KEYS = 1000;

    private final S3AsyncClient sdk;
    private final ClientSettings settings;

    ObjectOperations(S3AsyncClient sdk, ClientSettings settings) {
        this.sdk = sdk;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ put

    /**
     * One PutObject of {@code body}: a file is sized on subscribe on {@link Schedulers#boundedElastic()} (file-system
     * calls block) and read by the SDK through an asynchronous file channel; a missing or unreadable file arrives via
     * onError. The options' content type wins over the one the body implies.
     */
    Mono<PutObjectResult> putObject(String bucket, String key, UploadBody body, PutObjectOptions options) {
        Arguments.notNull(body, "body");
        Arguments.notNull(options, "options");
        PutObjectRequest request = SdkRequests.putObject(bucket, key, options).build();
        return UploadBodies.prepare(body, "PutObject", "PutObject s3://" + bucket + "/" + key,
                        options.contentType())
                .flatMap(prepared -> {
                    PutObjectRequest.Builder sized = request.toBuilder().contentLength(prepared.length());
                    if (options.contentType() == null && prepared.contentType() != null) {
                        sized.contentType(prepared.contentType());
                    }
                    return put(sized.build(), prepared.body());
                });
    }

    Mono<PutObjectResult> putObject(PutObjectRequest request, AsyncRequestBody body) {
        Arguments.notNull(request, "request");
        Arguments.notNull(body, "body");
        Arguments.bucket(request.bucket());
        Arguments.key(request.key());
        return put(request, body);
    }

    private Mono<PutObjectResult> put(PutObjectRequest request, AsyncRequestBody body) {
        long size = body.contentLength().orElse(request.contentLength() == null ? -1 : request.contentLength());
        return S3Calls.call(settings, "PutObject", request.bucket(), request.key(), () -> sdk.putObject(request, body))
                .map(r -> putResult(r, size));
    }

    private static PutObjectResult putResult(PutObjectResponse r, long size) {
        return new PutObjectResult(Responses.eTag(r.eTag()), Responses.emptyToNull(r.versionId()),
                Responses.checksum(r.checksumCRC32(), r.checksumCRC32C(), r.checksumCRC64NVME(), r.checksumSHA1(),
                        r.checksumSHA256()), size);
    }

    // ------------------------------------------------------------------ get

    Mono<ObjectContent> getObject(String bucket, String key) {
        return getObject(bucket, key, GetObjectOptions.defaults());
    }

    Mono<ObjectContent> getObject(String bucket, String key, GetObjectOptions options) {
        return readAll(getRequest(bucket, key, options));
    }

    Mono<ObjectContent> getObject(GetObjectRequest request) {
        return readAll(checked(request));
    }

    private Mono<ObjectContent> readAll(GetObjectRequest request) {
        String bucket = request.bucket();
        String key = request.key();
        return get(request, AsyncResponseTransformer.toBytes())
                .map(bytes -> {
                    ObjectHead head = Responses.head(bucket, key, bytes.response(), request.partNumber() != null);
                    byte[] content = bytes.asByteArrayUnsafe();
                    if (head.contentLength() != null && content.length != head.contentLength()) {
                        throw new DataIntegrityException("GetObject s3://" + bucket + "/" + key + " failed: received "
                                + content.length + " bytes, but Content-Length announced " + head.contentLength());
                    }
                    return new ObjectContent(head, content);
                });
    }

    Mono<ObjectStream> getObjectStream(String bucket, String key, GetObjectOptions options) {
        return stream(getRequest(bucket, key, options));
    }

    Mono<ObjectStream> getObjectStream(GetObjectRequest request) {
        return stream(checked(request));
    }

    private Mono<ObjectStream> stream(GetObjectRequest request) {
        String bucket = request.bucket();
        String key = request.key();
        return get(request, AsyncResponseTransformer.<GetObjectResponse>toPublisher())
                // the head arrived just as the subscriber cancelled: close that response instead of leaving it open
                .doOnDiscard(ResponsePublisher.class, ObjectOperations::closeUnread)
                .map(publisher -> {
                    ObjectHead head = Responses.head(bucket, key, publisher.response(), request.partNumber() != null);
                    return new ObjectStream(head, resumable(request, head, body(publisher, head)));
                });
    }

    /** One GetObject: a 304 and a 416 as the typed errors {@link #notModifiedETag} and {@link #sizedRangeError} give. */
    private <T> Mono<T> get(GetObjectRequest request, AsyncResponseTransformer<GetObjectResponse, T> transformer) {
        return sizedRangeError(notModifiedETag(S3Calls.call(settings, "GetObject", request.bucket(), request.key(),
                () -> sdk.getObject(request, transformer)), request.ifNoneMatch()), request);
    }

    /** Connection failures in a row after which a body stops resuming. */
    static final int MAX_RESUMES_WITHOUT_PROGRESS = 3;

    /**
     * The body, resumed after a connection failure (a read timeout while the subscriber paused, a reset): the rest
     * is asked for with a ranged GET from the next byte, pinned to the ETag with {@code If-Match} (an object replaced
     * meanwhile fails with {@code PreconditionFailedException} instead of mixing bytes). The GET is sent only when
     * the subscriber asks for more. Gives up, with the transport error, after {@value #MAX_RESUMES_WITHOUT_PROGRESS}
     * failures without a byte between them, or at once when the object has no ETag or the request named a part.
     */
    private Flux<ByteBuffer> resumable(GetObjectRequest request, ObjectHead head, Flux<ByteBuffer> body) {
        long first = firstByte(request);
        if (head.eTag() == null || request.partNumber() != null || first < 0 || head.contentLength() == null) {
            return body;
        }
        long end = first + head.contentLength();   // exclusive
        return Flux.defer(() -> {
            long[] received = {0};
            int[] failures = {0};
            return resume(body, received, failures, request, head, first, end);
        });
    }

    private Flux<ByteBuffer> resume(Flux<ByteBuffer> body, long[] received, int[] failures, GetObjectRequest request,
                                    ObjectHead head, long first, long end) {
        return body
                .doOnNext(buffer -> {
                    received[0] += buffer.remaining();
                    failures[0] = 0;
                })
                .onErrorResume(e -> connectionFailure(e) && received[0] < end - first
                                && ++failures[0] <= MAX_RESUMES_WITHOUT_PROGRESS,
                        e -> Flux.just(first + received[0]).concatMap(from -> {
                            GetObjectRequest rest = request.toBuilder()
                                    .range("bytes=" + from + "-" + (end - 1))
                                    .ifMatch("\"" + head.eTag() + "\"")
                                    .build();
                            return stream(rest).flatMapMany(next -> resume(next.body(), received, failures, request,
                                    head, first, end));
                        }, 0));
    }

    /** A failure of the connection rather than an answer of the store: worth resuming from the next byte. */
    private static boolean connectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof S3TransportException || t instanceof java.io.IOException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (t instanceof DataIntegrityException) {
                return false;
            }
        }
        return false;
    }

    /** The first byte a GET asks for: 0, or the start of a {@code bytes=a-b} / {@code bytes=a-} range; -1 otherwise. */
    private static long firstByte(GetObjectRequest request) {
        String range = request.range();
        if (range == null) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range.trim());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * {@code call}, whose 304 carries the current ETag: a store that sends no {@code ETag} with its 304 (Ceph RGW, and
     * S3Proxy to HEAD) answered a single-ETag {@code If-None-Match}, so the current ETag is the one sent.
     */
    private static <T> Mono<T> notModifiedETag(Mono<T> call, String ifNoneMatch) {
        String sent = S3Errors.eTag(ifNoneMatch);
        if (sent == null || sent.equals("*") || sent.contains(",")) {
            return call;
        }
        return call.onErrorMap(NotModifiedException.class,
                e -> e.eTag() != null ? e : new NotModifiedException(e.context(), sent, e.getCause()));
    }

    /**
     * {@code get}, whose 416 carries the object's size: when the store's answer did not state it (S3Proxy, LocalS3 and
     * Ceph RGW send neither {@code Content-Range} nor {@code ActualObjectSize}), one HEAD of the same object (version)
     * asks; if that fails too, the 416 is delivered without the size.
     */
    private <T> Mono<T> sizedRangeError(Mono<T> get, GetObjectRequest request) {
        return get.onErrorResume(RangeNotSatisfiableException.class, e -> {
            if (e.objectSize() != RangeNotSatisfiableException.UNKNOWN_SIZE) {
                return Mono.error(e);
            }
            HeadObjectRequest head = HeadObjectRequest.builder().bucket(request.bucket()).key(request.key())
                    .versionId(request.versionId()).expectedBucketOwner(request.expectedBucketOwner())
                    .requestPayer(request.requestPayerAsString())
                    .sseCustomerAlgorithm(request.sseCustomerAlgorithm()).sseCustomerKey(request.sseCustomerKey())
                    .sseCustomerKeyMD5(request.sseCustomerKeyMD5()).build();
            return S3Calls.call(settings, "HeadObject", request.bucket(), request.key(), () -> sdk.headObject(head))
                    .map(r -> r.contentLength() == null ? e : S3Errors.withObjectSize(e, r.contentLength()))
                    .onErrorReturn(e)
                    .flatMap(Mono::<T>error);
        });
    }

    /** A body's state: handed out, subscribed to, closed unclaimed, subscribed to after it was closed. */
    private static final int UNCLAIMED = 0;
    private static final int SUBSCRIBED = 1;
    private static final int EXPIRED = 2;
    private static final int EXPIRED_SUBSCRIBED = 3;

    /**
     * The response body as a Flux that may be subscribed to once, demand passed straight to the connection, and
     * checked to end after exactly {@code Content-Length} bytes. A body nobody subscribes to within the client's
     * read timeout is closed, giving its pooled connection back (a transport's read timeout need not fire while
     * nobody reads: on the Netty client a body left alone held its connection for good); a subscriber arriving later
     * gets an {@link S3TimeoutException}, which {@link #resumable} turns into a ranged GET where it can.
     */
    private Flux<ByteBuffer> body(ResponsePublisher<GetObjectResponse> publisher, ObjectHead head) {
        AtomicInteger state = new AtomicInteger(UNCLAIMED);
        String target = "GetObject s3://" + head.bucket() + "/" + head.key();
        Disposable expiry = Schedulers.parallel().schedule(() -> {
            if (state.compareAndSet(UNCLAIMED, EXPIRED)) {
                closeUnread(publisher);
            }
        }, settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return Flux.defer(() -> {
            if (state.compareAndSet(EXPIRED, EXPIRED_SUBSCRIBED)) {
                return head.contentLength() == 0 ? Flux.empty() : Flux.error(new S3TimeoutException(target
                        + " failed: the body was not subscribed to within the read timeout ("
                        + settings.readTimeout() + "), so its connection was closed; subscribe to the body as soon"
                        + " as the stream arrives (or raise ReactiveS3ClientBuilder.readTimeout)", null));
            }
            if (!state.compareAndSet(UNCLAIMED, SUBSCRIBED)) {
                return Flux.error(new IllegalStateException("the body of " + target
                        + " can be subscribed to only once (it is a live HTTP response)"));
            }
            expiry.dispose();
            long[] received = {0};
            return Flux.from(publisher)
                    .doOnNext(buffer -> received[0] += buffer.remaining())
                    .concatWith(Mono.defer(() -> head.contentLength() != null && received[0] != head.contentLength()
                            ? Mono.error(new DataIntegrityException(target + " failed: the body ended after "
                            + received[0] + " bytes, but Content-Length announced " + head.contentLength()))
                            : Mono.empty()))
                    .onErrorMap(e -> S3Errors.translate(e, "GetObject", head.bucket(), head.key()));
        });
    }

    private static void closeUnread(ResponsePublisher<?> publisher) {
        publisher.subscribe(new Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.cancel();
            }

            @Override
            public void onNext(ByteBuffer buffer) {
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onComplete() {
            }
        });
    }

    static GetObjectRequest getRequest(String bucket, String key, GetObjectOptions options) {
        Arguments.bucket(bucket);
        Arguments.key(key);
        Arguments.notNull(options, "options");
        return GetObjectRequest.builder().bucket(bucket).key(key)
                .range(options.range() == null ? null : options.range().headerValue())
                .ifMatch(Responses.quotedETag(options.ifMatch()))
                .ifNoneMatch(Responses.quotedETag(options.ifNoneMatch()))
                .ifModifiedSince(options.ifModifiedSince())
                .ifUnmodifiedSince(options.ifUnmodifiedSince())
                .versionId(options.versionId())
                .partNumber(options.partNumber())
                .checksumMode(options.checksums() ? ChecksumMode.ENABLED : null)
                .build();
    }

    private static GetObjectRequest checked(GetObjectRequest request) {
        Arguments.notNull(request, "request");
        Arguments.bucket(request.bucket());
        Arguments.key(request.key());
        if (request.partNumber() != null) {
            Arguments.partNumber(request.partNumber());
        }
        return request;
    }

    // ------------------------------------------------------------------ head

    Mono<ObjectHead> headObject(String bucket, String key) {
        return headObject(bucket, key, GetObjectOptions.defaults());
    }

    Mono<ObjectHead> headObject(String bucket, String key, GetObjectOptions options) {
        Arguments.bucket(bucket);
        Arguments.key(key);
        Arguments.notNull(options, "options");
        return head(HeadObjectRequest.builder().bucket(bucket).key(key)
                .range(options.range() == null ? null : options.range().headerValue())
                .ifMatch(Responses.quotedETag(options.ifMatch()))
                .ifNoneMatch(Responses.quotedETag(options.ifNoneMatch()))
                .ifModifiedSince(options.ifModifiedSince())
                .ifUnmodifiedSince(options.ifUnmodifiedSince())
                .versionId(options.versionId())
                .partNumber(options.partNumber())
                .checksumMode(options.checksums() ? ChecksumMode.ENABLED : null)
                .build());
    }

    Mono<ObjectHead> headObject(HeadObjectRequest request) {
        Arguments.notNull(request, "request");
        Arguments.bucket(request.bucket());
        Arguments.key(request.key());
        if (request.partNumber() != null) {
            Arguments.partNumber(request.partNumber());
        }
        return head(request);
    }

    /**
     * HEAD responses have no error body, so errors are told apart by status alone (S3Errors): 404 is
     * {@link ObjectNotFoundException} (also when the bucket is missing), 412 a precondition failure, 304
     * {@link NotModifiedException}.
     */
    private Mono<ObjectHead> head(HeadObjectRequest request) {
        return notModifiedETag(S3Calls.call(settings, "HeadObject", request.bucket(), request.key(),
                        () -> sdk.headObject(request)), request.ifNoneMatch())
                .map(r -> Responses.head(request.bucket(), request.key(), r, request.partNumber() != null));
    }

    Mono<Boolean> objectExists(String bucket, String key) {
        return headObject(bucket, key)
                .map(head -> Boolean.TRUE)
                .onErrorResume(ObjectNotFoundException.class, e -> Mono.just(Boolean.FALSE));
    }

    // ------------------------------------------------------------------ copy

    Mono<ObjectCopyResult> copyObject(String sourceBucket, String sourceKey, String destinationBucket,
                                      String destinationKey) {
        return copyObject(sourceBucket, sourceKey, destinationBucket, destinationKey, CopyObjectOptions.defaults());
    }

    Mono<ObjectCopyResult> copyObject(String sourceBucket, String sourceKey, String destinationBucket,
                                      String destinationKey, CopyObjectOptions options) {
        Arguments.bucket(sourceBucket);
        Arguments.key(sourceKey);
        Arguments.bucket(destinationBucket);
        Arguments.key(destinationKey);
        Arguments.notNull(options, "options");
        // sourceBucket/sourceKey/sourceVersionId: the SDK builds x-amz-copy-source itself, URL-encoding the key
        CopyObjectRequest.Builder b = CopyObjectRequest.builder()
                .sourceBucket(sourceBucket).sourceKey(sourceKey).sourceVersionId(options.sourceVersionId())
                .destinationBucket(destinationBucket).destinationKey(destinationKey)
                .copySourceIfMatch(Responses.quotedETag(options.sourceIfMatch()))
                .storageClass(options.storageClass());
        if (options.replaceMetadata()) {
            b.metadataDirective(MetadataDirective.REPLACE).contentType(options.contentType())
                    .metadata(options.metadata());
        }
        if (options.acl() != null) {
            b.acl(ObjectCannedACL.fromValue(options.acl().headerValue()));
        }
        return copy(b.build());
    }

    Mono<ObjectCopyResult> copyObject(CopyObjectRequest request) {
        Arguments.notNull(request, "request");
        Arguments.bucket(request.destinationBucket());
        Arguments.key(request.destinationKey());
        if (request.copySource() == null) {
            Arguments.bucket(request.sourceBucket());
            Arguments.key(request.sourceKey());
        }
        return copy(request);
    }

    private Mono<ObjectCopyResult> copy(CopyObjectRequest request) {
        return S3Calls.call(settings, "CopyObject", request.destinationBucket(), request.destinationKey(),
                        () -> sdk.copyObject(request))
                .map(r -> {
                    var result = r.copyObjectResult();
                    return new ObjectCopyResult(result == null ? null : Responses.eTag(result.eTag()),
                            result == null ? null : result.lastModified(), Responses.emptyToNull(r.versionId()),
                            Responses.emptyToNull(r.copySourceVersionId()));
                });
    }

    // ------------------------------------------------------------------ delete

    Mono<DeleteObjectResult> deleteObject(String bucket, String key) {
        return deleteObject(bucket, key, null);
    }

    Mono<DeleteObjectResult> deleteObject(String bucket, String key, String versionId) {
        Arguments.bucket(bucket);
        Arguments.key(key);
        return S3Calls.call(settings, "DeleteObject", bucket, key,
                        () -> sdk.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId)))
                .map(r -> new DeleteObjectResult(Responses.emptyToNull(r.versionId()),
                        Boolean.TRUE.equals(r.deleteMarker())));
    }

    Mono<DeleteObjectsResult> deleteObjects(String bucket, Collection<String> keys) {
        Arguments.notNull(keys, "keys");
        return deleteObjectVersions(bucket,
                keys.stream().map(k -> KeyVersion.of(Arguments.key(k))).toList());
    }

    /** No key at all: nothing to send, an empty result (S3 rejects a DeleteObjects without keys). */
    Mono<DeleteObjectsResult> deleteObjectVersions(String bucket, Collection<KeyVersion> objects) {
        Arguments.bucket(bucket);
        Arguments.notNull(objects, "objects");
        checkBatchSize(objects.size());
        List<software.amazon.awssdk.services.s3.model.ObjectIdentifier> ids = objects.stream()
                .map(o -> {
                    Arguments.notNull(o, "object identifier");
                    return software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder()
                            .key(Arguments.key(o.key())).versionId(o.versionId()).build();
                })
                .toList();
        if (ids.isEmpty()) {
            return Mono.fromSupplier(() -> new DeleteObjectsResult(List.of(), List.of()));
        }
        return deleteBatch(DeleteObjectsRequest.builder().bucket(bucket)
                .delete(Delete.builder().objects(ids).quiet(false).build()).build());
    }

    Mono<DeleteObjectsResult> deleteObjects(DeleteObjectsRequest request) {
        Arguments.notNull(request, "request");
        Arguments.bucket(request.bucket());
        Arguments.notNull(request.delete(), "request.delete");
        checkBatchSize(request.delete().objects().size());
        request.delete().objects().forEach(o -> Arguments.key(o.key()));
        return deleteBatch(request);
    }

    private Mono<DeleteObjectsResult> deleteBatch(DeleteObjectsRequest request) {
        return S3Calls.call(settings, "DeleteObjects", request.bucket(), null, () -> sdk.deleteObjects(request))
                .map(r -> new DeleteObjectsResult(
                        r.deleted().stream().map(d -> new DeletedKey(d.key(), Responses.emptyToNull(d.versionId()),
                                        Boolean.TRUE.equals(d.deleteMarker()),
                                        Responses.emptyToNull(d.deleteMarkerVersionId())))
                                .toList(),
                        r.errors().stream().map(e -> new DeleteError(e.key(), Responses.emptyToNull(e.versionId()),
                                e.code(), e.message())).toList()));
    }

    private static void checkBatchSize(int size) {
        if (size > MAX_DELETE_KEYS) {
            throw new InvalidInputException("DeleteObjects takes at most " + MAX_DELETE_KEYS + " keys, got " + size
                    + "; split the keys into batches (the transfer engine's batched delete does)");
        }
    }
}
