package io.reactives3.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.reactives3.testkit.junit.S3Test;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The client/server quirks measured with SDK 2.57.8 (architecture notes, quirks 1-4, plus one found here), proved
 * with the evidence that explains them. The transfer engine's profiles and fallbacks are built on these facts; the
 * targets are not patched to hide them.
 */
class QuirksTest {

    private static final long MIB = 1024 * 1024;

    /** Quirk 1: the CRT S3 client's multipart upload cannot read S3Proxy's CreateMultipartUpload answer. */
    @S3Test(only = StoreKind.S3PROXY)
    void quirk1_crtMultipartUpload_onS3Proxy_failsAfterExpectContinueOnCreate(S3Target target, TestBucket bucket) {
        try (S3AsyncClient crt = crtClient(target)) {
            Throwable failure = catchThrowable(() -> crt.putObject(b -> b.bucket(bucket.name()).key("big"),
                    AsyncRequestBody.fromBytes(new byte[(int) (11 * MIB)])).join());

            assertThat(failure).isInstanceOf(CompletionException.class)
                    .hasMessageContaining("Upload Id not found in create-multipart-upload response");
            target.requestLog().awaitIdle(Duration.ofSeconds(10)); // the proxy records an exchange once it ends
            RecordedRequest create = target.requestLog().forBucket(bucket.name()).stream()
                    .filter(r -> r.operation().equals("CreateMultipartUpload")).findFirst().orElseThrow();
            assertThat(create.head().header("expect")).as("the CRT copies PutObject's Expect header").hasValue("100-continue");
            assertThat(create.status()).as("S3Proxy did answer").isEqualTo(200);
        }
    }

    /** Quirk 1, other side: the same CRT upload works on LocalS3 and, with checksums only when required, on RGW. */
    @S3Test(only = {StoreKind.LOCAL_S3, StoreKind.CEPH_RGW})
    void quirk1_crtMultipartUpload_withWhenRequiredChecksums_works(S3Target target, TestBucket bucket) {
        byte[] data = CapabilityTruthTest.pseudoRandom((int) (11 * MIB));
        try (S3AsyncClient crt = crtClient(target)) {
            crt.putObject(b -> b.bucket(bucket.name()).key("big"), AsyncRequestBody.fromBytes(data)).join();
        }
        assertThat(bucket.get("big")).isEqualTo(data);
        target.requestLog().awaitIdle(Duration.ofSeconds(10)); // the proxy records an exchange once it ends
        assertThat(target.requestLog().count(bucket.name(), "UploadPart")).isEqualTo(3);
    }

    /** Quirk 2: the SDK's Java multipart client sends x-amz-mp-object-size; S3Proxy accepts it only because the
     * testkit starts it with ignoreUnknownHeaders. */
    @S3Test(only = StoreKind.S3PROXY)
    void quirk2_sdkMultipartClient_sendsMpObjectSize_acceptedWithIgnoreUnknownHeaders(S3Target target,
                                                                                    TestBucket bucket) {
        byte[] data = CapabilityTruthTest.pseudoRandom((int) (17 * MIB));
        try (S3AsyncClient multipart = S3AsyncClient.builder().endpointOverride(target.endpoint())
                .region(target.region()).credentialsProvider(target.credentialsProvider()).forcePathStyle(true)
                .multipartEnabled(true).build()) {
            multipart.putObject(b -> b.bucket(bucket.name()).key("mp"), AsyncRequestBody.fromBytes(data)).join();
        }
        target.requestLog().awaitIdle(Duration.ofSeconds(10)); // the proxy records an exchange once it ends
        RecordedRequest complete = target.requestLog().forBucket(bucket.name()).stream()
                .filter(r -> r.operation().equals("CompleteMultipartUpload")).findFirst().orElseThrow();
        assertThat(complete.head().header("x-amz-mp-object-size")).hasValue(Long.toString(data.length));
        assertThat(complete.status()).isEqualTo(200);
        assertThat(bucket.get("mp")).isEqualTo(data);
    }

    /** Quirk 3: GetObject partNumber is refused by S3Proxy (501); ranged GETs work. */
    @S3Test(only = StoreKind.S3PROXY)
    void quirk3_partNumberGet_onS3Proxy_notImplementedButRangesWork(S3Target target, TestBucket bucket) {
        String key = multipartObject(target, bucket);
        Throwable failure = catchThrowable(() -> target.fixtureClient()
                .getObjectAsBytes(b -> b.bucket(bucket.name()).key(key).partNumber(1)));
        assertThat(failure).isInstanceOf(S3Exception.class);
        assertThat(((S3Exception) failure).statusCode()).isEqualTo(501);

        byte[] range = target.fixtureClient().getObjectAsBytes(b -> b.bucket(bucket.name()).key(key)
                .range("bytes=0-9")).asByteArray();
        assertThat(range).hasSize(10);
    }

    /** Found here: Ceph RGW 16.2 ignores GetObject partNumber and silently answers with the whole object. */
    @S3Test(only = StoreKind.CEPH_RGW)
    void quirk5_partNumberGet_onRgw16_returnsWholeObject(S3Target target, TestBucket bucket) {
        String key = multipartObject(target, bucket);
        byte[] body = target.fixtureClient().getObjectAsBytes(b -> b.bucket(bucket.name()).key(key).partNumber(1))
                .asByteArray();
        assertThat(body).hasSize((int) (5 * MIB) + 4);
    }

    /** Quirk 4: RGW 16.2 rejects the SDK's default flexible checksums, on Netty and CRT alike; WHEN_REQUIRED works. */
    @S3Test(only = StoreKind.CEPH_RGW)
    void quirk4_defaultChecksums_onRgw16_rejectedWithSha256Mismatch(S3Target target, TestBucket bucket) {
        for (boolean crtHttp : new boolean[] {false, true}) {
            try (S3AsyncClient defaults = asyncClient(target, crtHttp, RequestChecksumCalculation.WHEN_SUPPORTED);
                 S3AsyncClient whenRequired = asyncClient(target, crtHttp, RequestChecksumCalculation.WHEN_REQUIRED)) {
                Throwable failure = catchThrowable(() -> defaults.putObject(b -> b.bucket(bucket.name()).key("k"),
                        AsyncRequestBody.fromString("data")).join());
                assertThat(failure).as("crt http client: " + crtHttp).hasCauseInstanceOf(S3Exception.class);
                S3Exception error = (S3Exception) failure.getCause();
                assertThat(error.statusCode()).isEqualTo(400);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("XAmzContentSHA256Mismatch");

                whenRequired.putObject(b -> b.bucket(bucket.name()).key("k"), AsyncRequestBody.fromString("data"))
                        .join();
                assertThat(new String(bucket.get("k"))).isEqualTo("data");
            }
        }
    }

    private static String multipartObject(S3Target target, TestBucket bucket) {
        var s3 = target.fixtureClient();
        String key = "mp";
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket.name()).key(key)).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket(bucket.name()).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(new byte[(int) (5 * MIB)])).eTag();
        String e2 = s3.uploadPart(b -> b.bucket(bucket.name()).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromString("tail")).eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket.name()).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build())));
        return key;
    }

    private static S3AsyncClient crtClient(S3Target target) {
        return S3AsyncClient.crtBuilder().endpointOverride(target.endpoint()).region(target.region())
                .credentialsProvider(target.credentialsProvider()).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .minimumPartSizeInBytes(5 * MIB).thresholdInBytes(5 * MIB).build();
    }

    private static S3AsyncClient asyncClient(S3Target target, boolean crtHttp, RequestChecksumCalculation checksums) {
        var builder = S3AsyncClient.builder().endpointOverride(target.endpoint()).region(target.region())
                .credentialsProvider(target.credentialsProvider()).forcePathStyle(true)
                .requestChecksumCalculation(checksums)
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)));
        return crtHttp ? builder.httpClientBuilder(AwsCrtAsyncHttpClient.builder()).build()
                : builder.httpClientBuilder(NettyNioAsyncHttpClient.builder()).build();
    }
}
