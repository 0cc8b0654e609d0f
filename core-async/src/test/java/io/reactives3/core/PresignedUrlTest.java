package io.reactives3.core;

import io.reactives3.core.testing.TargetClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.PresignedRequest;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Presigned URLs used by a plain HTTP client (java.net.http, no SDK, no credentials) against every target: each
 * operation, awkward keys, expiry checks, expired URLs, and a whole multipart upload over presigned URLs.
 */
class PresignedUrlTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXPIRY = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");
    private static final List<String> AWKWARD_KEYS = List.of("plain.txt", "dir/with space.txt",
            "ünïcødé/文件.txt", "a+b=c.txt", "100%.txt", "hash#tag.txt", "what?.txt", "all of it &+%#?= ü.txt");

    @S3Test
    void presignedGet_awkwardKeys_plainHttpReadsEachObject(S3Target target, TestBucket bucket) throws Exception {
        Presigner presigner = TargetClients.client(target).presigner();
        SoftAssertions softly = new SoftAssertions();
        for (String key : AWKWARD_KEYS) {
            bucket.put(key, "content of " + key);
            PresignedRequest get = presigner.getObject(bucket.name(), key, EXPIRY).block(TIMEOUT);

            HttpResponse<String> response = send(get, HttpRequest.BodyPublishers.noBody());

            softly.assertThat(get.method()).isEqualTo("GET");
            softly.assertThat(response.statusCode()).as("GET %s -> %s", key, response.body()).isEqualTo(200);
            softly.assertThat(response.body()).as("body of %s", key).isEqualTo("content of " + key);
        }
        softly.assertAll();
    }

    @S3Test
    void presignedPut_awkwardKeys_plainHttpStoresEachObject(S3Target target, TestBucket bucket) throws Exception {
        Presigner presigner = TargetClients.client(target).presigner();
        SoftAssertions softly = new SoftAssertions();
        for (String key : AWKWARD_KEYS) {
            PresignedRequest put = presigner.putObject(bucket.name(), key, EXPIRY).block(TIMEOUT);

            // BodyPublishers.ofByteArray adds no Content-Type, so nothing unsigned is sent
            HttpResponse<String> response = send(put, HttpRequest.BodyPublishers.ofByteArray(bytes("put " + key)));

            softly.assertThat(put.method()).isEqualTo("PUT");
            softly.assertThat(put.signedHeaders()).as("signed headers besides host").isEmpty();
            softly.assertThat(response.statusCode()).as("PUT %s -> %s", key, response.body()).isEqualTo(200);
        }
        softly.assertAll();
        for (String key : AWKWARD_KEYS) {
            assertThat(new String(bucket.get(key), StandardCharsets.UTF_8)).isEqualTo("put " + key);
        }
    }

    @S3Test
    void presignedPut_withSignedContentTypeAndMetadata_headersRequiredAndStored(S3Target target, TestBucket bucket)
            throws Exception {
        PresignedRequest put = TargetClients.client(target).presigner().putObject(PutObjectRequest.builder()
                .bucket(bucket.name()).key("typed.json").contentType("application/json")
                .metadata(Map.of("origin", "presigned")).build(), EXPIRY).block(TIMEOUT);

        assertThat(put.signedHeaders()).containsEntry("content-type", List.of("application/json"))
                .containsEntry("x-amz-meta-origin", List.of("presigned"));
        HttpResponse<String> response = send(put, HttpRequest.BodyPublishers.ofByteArray(bytes("{}")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var head = target.fixtureClient().headObject(b -> b.bucket(bucket.name()).key("typed.json"));
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(head.metadata()).containsEntry("origin", "presigned");
    }

    /**
     * Measured: an unsigned Content-Type on a presigned PUT is accepted by S3Proxy and RGW, except that S3Proxy
     * (Jetty) refuses {@code application/x-www-form-urlencoded} (what {@code curl --data-binary} sends) with
     * SignatureDoesNotMatch: it reads the body as form parameters and signs them as query parameters.
     */
    @S3Test(requires = Capability.SIGV4_AUTH)
    void presignedPut_clientAddsUnsignedContentType_onlyFormUrlencodedRefusedByS3Proxy(S3Target target,
                                                                                     TestBucket bucket)
            throws Exception {
        Presigner presigner = TargetClients.client(target).presigner();
        PresignedRequest put = presigner.putObject(bucket.name(), "untyped.txt", EXPIRY).block(TIMEOUT);

        HttpResponse<String> textPlain = putWithContentType(put, "text/plain");
        HttpResponse<String> formEncoded = putWithContentType(put, "application/x-www-form-urlencoded");

        System.out.println("[presigned-url] " + target.name() + " PUT + unsigned Content-Type: text/plain -> "
                + textPlain.statusCode() + ", x-www-form-urlencoded -> " + formEncoded.statusCode() + " "
                + errorCode(formEncoded));
        assertThat(textPlain.statusCode()).as(textPlain.body()).isEqualTo(200);
        if (target.kind() == StoreKind.S3PROXY) {
            assertThat(formEncoded.statusCode()).isEqualTo(403);
            assertThat(errorCode(formEncoded)).isEqualTo("SignatureDoesNotMatch");
        } else {
            assertThat(formEncoded.statusCode()).as(formEncoded.body()).isEqualTo(200);
        }
    }

    @S3Test
    void presignedHeadAndDelete_plainHttp_headsThenDeletes(S3Target target, TestBucket bucket) throws Exception {
        Presigner presigner = TargetClients.client(target).presigner();
        bucket.put("doomed file.txt", "12345");

        PresignedRequest head = presigner.headObject(bucket.name(), "doomed file.txt", EXPIRY).block(TIMEOUT);
        HttpResponse<String> headResponse = HTTP.send(HttpRequest.newBuilder(head.url()).timeout(TIMEOUT)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.method()).isEqualTo("HEAD");
        assertThat(headResponse.statusCode()).isEqualTo(200);
        assertThat(headResponse.headers().firstValue("content-length")).hasValue("5");

        PresignedRequest delete = presigner.deleteObject(bucket.name(), "doomed file.txt", EXPIRY).block(TIMEOUT);
        HttpResponse<String> deleteResponse = send(delete, HttpRequest.BodyPublishers.noBody());
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(deleteResponse.statusCode()).as(deleteResponse.body()).isEqualTo(204);
        assertThat(bucket.keys()).doesNotContain("doomed file.txt");
    }

    @S3Test
    void presignedGet_sdkRequestWithRangeAndResponseHeaders_honoured(S3Target target, TestBucket bucket)
            throws Exception {
        bucket.put("range.txt", "0123456789");
        PresignedRequest get = TargetClients.client(target).presigner().getObject(GetObjectRequest.builder()
                .bucket(bucket.name()).key("range.txt").range("bytes=2-5")
                .responseContentDisposition("attachment; filename=\"r.txt\"").build(), EXPIRY).block(TIMEOUT);

        HttpRequest.Builder request = HttpRequest.newBuilder(get.url()).timeout(TIMEOUT).GET();
        get.signedHeaders().forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.signedHeaders()).containsEntry("range", List.of("bytes=2-5"));
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo("2345");
        if (target.kind() != StoreKind.LOCAL_S3) { // measured: LocalS3 2.4 ignores response-content-disposition
            assertThat(response.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"r.txt\"");
        }
    }

    @S3Test(requires = Capability.SIGV4_AUTH)
    void presignedGet_expired_refused(S3Target target, TestBucket bucket) throws Exception {
        bucket.put("short-lived.txt", "soon gone");
        PresignedRequest get = TargetClients.client(target).presigner()
                .getObject(bucket.name(), "short-lived.txt", Duration.ofSeconds(1)).block(TIMEOUT);
        assertThat(get.expiration()).isBefore(Instant.now().plusSeconds(2));
        Thread.sleep(2_100);

        HttpResponse<String> response = send(get, HttpRequest.BodyPublishers.noBody());

        System.out.println("[presigned-url] " + target.name() + " expired GET: " + response.statusCode() + " "
                + errorCode(response));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response)).isEqualTo("AccessDenied");
    }

    @S3Test
    void presignedMultipart_createUploadPartsComplete_plainHttpAssemblesObject(S3Target target, TestBucket bucket)
            throws Exception {
        Presigner presigner = TargetClients.client(target).presigner();
        String key = "multi part/ü.bin";
        byte[] part1 = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(part1);
        byte[] part2 = bytes("the tail");

        PresignedRequest create = presigner.createMultipartUpload(bucket.name(), key, EXPIRY).block(TIMEOUT);
        HttpResponse<String> created = send(create, HttpRequest.BodyPublishers.noBody());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        Matcher uploadId = UPLOAD_ID.matcher(created.body());
        assertThat(uploadId.find()).as(created.body()).isTrue();
        MultipartUploadHandle upload = new MultipartUploadHandle(bucket.name(), key, uploadId.group(1));

        String etag1 = uploadPart(presigner, upload, 1, part1);
        String etag2 = uploadPart(presigner, upload, 2, part2);
        PresignedRequest complete = presigner.completeMultipartUpload(upload, EXPIRY).block(TIMEOUT);
        String xml = "<CompleteMultipartUpload>"
                + "<Part><PartNumber>1</PartNumber><ETag>" + etag1 + "</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>" + etag2 + "</ETag></Part>"
                + "</CompleteMultipartUpload>";
        HttpResponse<String> completed = send(complete, HttpRequest.BodyPublishers.ofByteArray(bytes(xml)));

        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(completed.body()).doesNotContain("<Error>");
        byte[] stored = bucket.get(key);
        assertThat(stored).hasSize(part1.length + part2.length);
        assertThat(java.util.Arrays.copyOfRange(stored, part1.length, stored.length)).isEqualTo(part2);
        assertThat(java.util.Arrays.copyOf(stored, part1.length)).isEqualTo(part1);
    }

    @S3Test
    void presignedAbort_plainHttp_abortsUpload(S3Target target, TestBucket bucket) throws Exception {
        Presigner presigner = TargetClients.client(target).presigner();
        String uploadId = target.fixtureClient().createMultipartUpload(b -> b.bucket(bucket.name()).key("aborted"))
                .uploadId();
        MultipartUploadHandle upload = new MultipartUploadHandle(bucket.name(), "aborted", uploadId);

        HttpResponse<String> aborted = send(presigner.abortMultipartUpload(upload, EXPIRY).block(TIMEOUT),
                HttpRequest.BodyPublishers.noBody());

        assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(204);
        assertThat(target.fixtureClient().listMultipartUploads(b -> b.bucket(bucket.name())).uploads()).isEmpty();
    }

    @S3Test
    void presign_credentialsProviderThatBlocks_neverBlocksTheSubscribingThread(S3Target target) {
        AwsCredentialsProvider blocking = () -> {
            try {
                Thread.sleep(20); // like a provider fetching from instance metadata
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return target.credentialsProvider().resolveCredentials();
        };
        try (ReactiveS3Client client = TargetClients.newClient(target, b -> b.credentialsProvider(blocking))) {
            // control: BlockHound is active, so resolving on a non-blocking thread fails
            assertThatThrownBy(() -> Mono.fromCallable(blocking::resolveCredentials)
                    .subscribeOn(Schedulers.parallel()).block(TIMEOUT))
                    .hasCauseInstanceOf(BlockingOperationError.class);

            StepVerifier.create(Mono.defer(() -> client.presigner().getObject("some-bucket", "k", EXPIRY))
                            .subscribeOn(Schedulers.parallel()))
                    .assertNext(p -> assertThat(p.url().getRawQuery()).contains("X-Amz-Signature="))
                    .expectComplete().verify(TIMEOUT);
            StepVerifier.create(Mono.defer(() -> client.presigner().post("some-bucket",
                                    PostPolicy.builder().key("k").expiresIn(EXPIRY).build()))
                            .subscribeOn(Schedulers.parallel()))
                    .assertNext(p -> assertThat(p.fields()).containsKey("x-amz-signature"))
                    .expectComplete().verify(TIMEOUT);
        }
    }

    @Test
    void presign_badExpiryOrArguments_throwWhenCalled() {
        try (ReactiveS3Client client = unreachableClient()) {
            Presigner presigner = client.presigner();
            for (Duration bad : List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(7).plusSeconds(1))) {
                assertThatThrownBy(() -> presigner.getObject("some-bucket", "k", bad))
                        .as("expiry %s", bad).isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> presigner.putObject("some-bucket", "k", bad))
                        .isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> presigner.uploadPart(new MultipartUploadHandle("some-bucket", "k", "u"), 1, bad))
                        .isInstanceOf(InvalidInputException.class);
            }
            assertThatThrownBy(() -> presigner.deleteObject("some-bucket", "k", null))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> presigner.getObject("Bad_Bucket", "k", EXPIRY))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> presigner.headObject("some-bucket", "", EXPIRY))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> presigner.uploadPart(new MultipartUploadHandle("some-bucket", "k", "u"), 0, EXPIRY))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> presigner.post("some-bucket", null)).isInstanceOf(NullPointerException.class);

            PresignedRequest longest = presigner.getObject("some-bucket", "k", Presigner.MAX_EXPIRY).block(TIMEOUT);
            assertThat(longest.url().getRawQuery()).contains("X-Amz-Expires=604800");
            assertThat(longest.toString()).contains("<redacted>").doesNotContainPattern("X-Amz-Signature=[0-9a-f]");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String uploadPart(Presigner presigner, MultipartUploadHandle upload, int partNumber, byte[] content)
            throws Exception {
        PresignedRequest put = presigner.uploadPart(upload, partNumber, EXPIRY).block(TIMEOUT);
        HttpResponse<String> response = send(put, HttpRequest.BodyPublishers.ofByteArray(content));
        assertThat(response.statusCode()).as("part %d: %s", partNumber, response.body()).isEqualTo(200);
        return response.headers().firstValue("etag").orElseThrow();
    }

    /** Sends {@code presigned} as it was signed: its method, URL and signed headers, nothing else. */
    private static HttpResponse<String> send(PresignedRequest presigned, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(presigned.url()).timeout(TIMEOUT)
                .method(presigned.method(), body);
        presigned.signedHeaders().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> putWithContentType(PresignedRequest put, String contentType)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(put.url()).timeout(TIMEOUT).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes("typed"))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String errorCode(HttpResponse<String> response) {
        Matcher matcher = ERROR_CODE.matcher(response.body());
        return matcher.find() ? matcher.group(1) : null;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ReactiveS3Client unreachableClient() {
        return ReactiveS3Client.builder().profile(StoreProfile.GENERIC).endpoint(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .pathStyle(true).build();
    }
}
