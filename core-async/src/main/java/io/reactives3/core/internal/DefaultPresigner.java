package io.reactives3.core.internal;

import io.reactives3.core.spi.Arguments;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.PostPolicy;
import io.reactives3.core.Presigner;
import io.reactives3.core.error.S3ToolkitException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.PresignedPost;
import io.reactives3.core.model.PresignedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned URLs through the SDK's {@link S3Presigner} (built here with the client's endpoint, region, credentials
 * and path style; closed with the client), presigned POST through {@link PostPolicySigner}.
 *
 * <p>Why {@link Schedulers#boundedElastic()}: signing itself is CPU work, but it first resolves credentials, and
 * providers may block to do so (instance metadata / container endpoints over HTTP, SSO and STS refreshes, profile
 * files). The SDK presigner resolves them with a blocking {@code join()}. Running the whole presign on the bounded
 * elastic scheduler keeps that off the subscriber's thread, which may be a Reactor or Netty event loop.
 */
final class DefaultPresigner implements Presigner {

    private final ClientSettings settings;
    private final S3Presigner sdkPresigner;
    private final Clock clock;

    DefaultPresigner(ClientSettings settings) {
        this(settings, Clock.systemUTC());
    }

    DefaultPresigner(ClientSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(settings.region())
                .credentialsProvider(settings.credentialsProvider())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.sdkPresigner = builder.build();
    }

    @Override
    public Mono<PresignedRequest> getObject(String bucket, String key, Duration expiry) {
        return getObject(GetObjectRequest.builder().bucket(Arguments.bucket(bucket)).key(Arguments.key(key)).build(),
                expiry);
    }

    @Override
    public Mono<PresignedRequest> getObject(GetObjectRequest request, Duration expiry) {
        checkTarget(Arguments.notNull(request, "request").bucket(), request.key());
        Duration checked = expiry(expiry);
        return presign("GetObject", request.bucket(), request.key(), () -> sdkPresigner.presignGetObject(
                p -> p.getObjectRequest(request).signatureDuration(checked)));
    }

    @Override
    public Mono<PresignedRequest> putObject(String bucket, String key, Duration expiry) {
        return putObject(PutObjectRequest.builder().bucket(Arguments.bucket(bucket)).key(Arguments.key(key)).build(),
                expiry);
    }

    @Override
    public Mono<PresignedRequest> putObject(PutObjectRequest request, Duration expiry) {
        checkTarget(Arguments.notNull(request, "request").bucket(), request.key());
        Duration checked = expiry(expiry);
        return presign("PutObject", request.bucket(), request.key(), () -> sdkPresigner.presignPutObject(
                p -> p.putObjectRequest(request).signatureDuration(checked)));
    }

    @Override
    public Mono<PresignedRequest> deleteObject(String bucket, String key, Duration expiry) {
        checkTarget(bucket, key);
        Duration checked = expiry(expiry);
        return presign("DeleteObject", bucket, key, () -> sdkPresigner.presignDeleteObject(
                p -> p.deleteObjectRequest(r -> r.bucket(bucket).key(key)).signatureDuration(checked)));
    }

    @Override
    public Mono<PresignedRequest> headObject(String bucket, String key, Duration expiry) {
        checkTarget(bucket, key);
        Duration checked = expiry(expiry);
        return presign("HeadObject", bucket, key, () -> sdkPresigner.presignHeadObject(
                p -> p.headObjectRequest(r -> r.bucket(bucket).key(key)).signatureDuration(checked)));
    }

    @Override
    public Mono<PresignedRequest> createMultipartUpload(String bucket, String key, Duration expiry) {
        checkTarget(bucket, key);
        Duration checked = expiry(expiry);
        return presign("CreateMultipartUpload", bucket, key, () -> sdkPresigner.presignCreateMultipartUpload(
                p -> p.createMultipartUploadRequest(r -> r.bucket(bucket).key(key)).signatureDuration(checked)));
    }

    @Override
    public Mono<PresignedRequest> uploadPart(MultipartUploadHandle upload, int partNumber, Duration expiry) {
        Arguments.notNull(upload, "upload");
        Arguments.partNumber(partNumber);
        Duration checked = expiry(expiry);
        return presign("UploadPart", upload.bucket(), upload.key(), () -> sdkPresigner.presignUploadPart(
                p -> p.uploadPartRequest(r -> r.bucket(upload.bucket()).key(upload.key())
                        .uploadId(upload.uploadId()).partNumber(partNumber)).signatureDuration(checked)));
    }

    @Override
    public Mono<PresignedRequest> completeMultipartUpload(MultipartUploadHandle upload, Duration expiry) {
        Arguments.notNull(upload, "upload");
        Duration checked = expiry(expiry);
        return presign("CompleteMultipartUpload", upload.bucket(), upload.key(),
                () -> sdkPresigner.presignCompleteMultipartUpload(p -> p.completeMultipartUploadRequest(
                        r -> r.bucket(upload.bucket()).key(upload.key()).uploadId(upload.uploadId()))
                        .signatureDuration(checked)));
    }

    @Override
    public Mono<PresignedRequest> abortMultipartUpload(MultipartUploadHandle upload, Duration expiry) {
        Arguments.notNull(upload, "upload");
        Duration checked = expiry(expiry);
        return presign("AbortMultipartUpload", upload.bucket(), upload.key(),
                () -> sdkPresigner.presignAbortMultipartUpload(p -> p.abortMultipartUploadRequest(
                        r -> r.bucket(upload.bucket()).key(upload.key()).uploadId(upload.uploadId()))
                        .signatureDuration(checked)));
    }

    @Override
    public Mono<PresignedPost> post(String bucket, PostPolicy policy) {
        Arguments.bucket(bucket);
        Arguments.notNull(policy, "policy");
        URI formUrl = formUrl(settings.endpoint(), settings.region(), settings.pathStyle(), bucket);
        return Mono.fromCallable(() -> PostPolicySigner.sign(formUrl, bucket, policy,
                        settings.credentialsProvider().resolveCredentials(), settings.region().id(), clock.instant()))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(DefaultPresigner::signingFailure,
                        e -> new S3TransportException("presigning a POST to s3://" + bucket + " failed: "
                                + e.getMessage(), e));
    }

    /** Closes the SDK presigner; called when the owning client closes. */
    void close() {
        sdkPresigner.close();
    }

    /**
     * Where a form POSTs to: {@code endpoint/bucket} with path-style addressing, {@code scheme://bucket.host} with
     * virtual-hosted addressing; AWS's regional endpoint when no endpoint is configured.
     */
    static URI formUrl(Optional<URI> endpoint, Region region, boolean pathStyle, String bucket) {
        URI base = endpoint.orElseGet(() -> URI.create("https://s3." + region.id() + "."
                + (region.metadata() == null ? "amazonaws.com" : region.metadata().partition().dnsSuffix())));
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String url = pathStyle
                ? base.getScheme() + "://" + base.getRawAuthority() + path + "/" + bucket
                : base.getScheme() + "://" + bucket + "." + base.getRawAuthority() + path;
        return URI.create(url);
    }

    private Mono<PresignedRequest> presign(String operation, String bucket, String key,
                                           Callable<? extends software.amazon.awssdk.awscore.presigner.PresignedRequest> call) {
        return Mono.fromCallable(() -> toRecord(call.call()))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(DefaultPresigner::signingFailure, e -> new S3TransportException("presigning " + operation
                        + " s3://" + bucket + "/" + key
                        + " failed: " + e.getMessage(), e));
    }

    /**
     * A failure to resolve credentials or sign (an SDK or I/O failure: e.g. an unreachable credentials endpoint); the
     * toolkit's own errors ({@code InvalidInputException}) and anything else pass through unchanged.
     */
    private static boolean signingFailure(Throwable e) {
        return !(e instanceof S3ToolkitException) && (e instanceof SdkException || e instanceof IOException
                || e instanceof UncheckedIOException);
    }

    private static PresignedRequest toRecord(software.amazon.awssdk.awscore.presigner.PresignedRequest presigned)
            throws URISyntaxException {
        Map<String, List<String>> headers = new LinkedHashMap<>(presigned.signedHeaders());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("host"));
        return new PresignedRequest(presigned.httpRequest().method().name(), presigned.url().toURI(), headers,
                presigned.expiration());
    }

    private static void checkTarget(String bucket, String key) {
        Arguments.bucket(bucket);
        Arguments.key(key);
    }

    private static Duration expiry(Duration expiry) {
        return Arguments.positive(expiry, MAX_EXPIRY, "expiry");
    }
}
