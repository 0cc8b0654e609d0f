package io.reactives3.core;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.PresignedPost;
import io.reactives3.core.model.PresignedRequest;
import java.time.Duration;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Presigned URLs (SigV4 query signing, for any operation the SDK presigner supports) and presigned POST policies
 * (browser form uploads; the Java SDK has none). Signing is local CPU work, but resolving credentials may not be
 * (instance metadata, SSO), so every method returns a cold {@link Mono} that resolves credentials and signs on
 * {@code Schedulers.boundedElastic()}, never on the subscriber's thread.
 *
 * <p>Every method: nothing happens before subscription; each subscription signs anew (fresh date and expiry) and
 * emits one result, then completes. Failing to resolve credentials or to sign arrives via {@code onError}
 * as an {@link S3TransportException} naming the operation. Cancelling drops the result (there is no request to
 * abort). Using
 * the result needs no credentials: {@link PresignedRequest#method()} to {@link PresignedRequest#url()} with exactly
 * the {@link PresignedRequest#signedHeaders()}.
 *
 * <p>Expiry must be positive and at most 7 days ({@link #MAX_EXPIRY}); otherwise the method throws
 * {@link InvalidInputException} when called, as it does for an invalid bucket name, key or part number. URLs
 * honour the client's endpoint and path-style setting; keys are percent-encoded as SigV4 requires (spaces, unicode,
 * {@code + ? # %} and friends are safe).
 */
public interface Presigner {

    /** The longest expiry SigV4 allows: 7 days. */
    Duration MAX_EXPIRY = Duration.ofDays(7);

    /** A URL that downloads the object. */
    Mono<PresignedRequest> getObject(String bucket, String key, Duration expiry);

    /** A URL for GetObject with full control over the request (range, version, response headers). */
    Mono<PresignedRequest> getObject(GetObjectRequest request, Duration expiry);

    /** A URL that uploads the object with a plain HTTP PUT of the body. */
    Mono<PresignedRequest> putObject(String bucket, String key, Duration expiry);

    /**
     * A URL for PutObject with full control (content type, metadata, ACL): the signed headers in
     * {@link PresignedRequest#signedHeaders()} must then be sent with the PUT.
     */
    Mono<PresignedRequest> putObject(PutObjectRequest request, Duration expiry);

    /** A URL that deletes the object. */
    Mono<PresignedRequest> deleteObject(String bucket, String key, Duration expiry);

    /** A URL that heads the object. */
    Mono<PresignedRequest> headObject(String bucket, String key, Duration expiry);

    /** A URL that starts a multipart upload (POST). */
    Mono<PresignedRequest> createMultipartUpload(String bucket, String key, Duration expiry);

    /** A URL that uploads part {@code partNumber} of {@code upload} (PUT). */
    Mono<PresignedRequest> uploadPart(MultipartUploadHandle upload, int partNumber, Duration expiry);

    /** A URL that completes {@code upload} (POST with the CompleteMultipartUpload XML body). */
    Mono<PresignedRequest> completeMultipartUpload(MultipartUploadHandle upload, Duration expiry);

    /** A URL that aborts {@code upload} (DELETE). */
    Mono<PresignedRequest> abortMultipartUpload(MultipartUploadHandle upload, Duration expiry);

    /**
     * A presigned POST for {@code bucket}: the form URL ({@code endpoint/bucket} path-style, {@code bucket.host}
     * virtual-hosted) and fields (key or key prefix, the fields the policy fixes: content type, ACL, metadata,
     * success action; then the base64 policy and the SigV4 fields) for a browser-style upload. A relative expiry
     * counts from signing; an absolute one that is no longer within 7 days of signing arrives via {@code onError} as
     * {@link InvalidInputException}.
     */
    Mono<PresignedPost> post(String bucket, PostPolicy policy);
}
