package io.reactives3.testkit;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.reactives3.testkit.internal.RecordingProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.security.MessageDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Every fault of the recording proxy, seen by real clients (the AWS SDK, the JDK HttpClient, raw sockets) against
 * a real S3Proxy behind the proxy: the observable effect of each one is asserted, timings only as lower bounds.
 */
@Timeout(60)
class FaultInjectionTest {

    private static S3Target target;
    private String bucket;

    @BeforeAll
    static void startTarget() {
        target = S3Targets.start(StoreKind.S3PROXY);
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = target.newBucketName("faults");
        target.fixtureClient().createBucket(b -> b.bucket(bucket));
        target.requestLog().clear();
    }

    @AfterEach
    void clearFaults() {
        target.faults().clear();
    }

    // ---- latency ----

    @Test
    void delayResponse_serverActsAtOnceButClientHearsLate() throws Exception {
        target.faults().add(Fault.onOperation("PutObject").delayResponse(Duration.ofMillis(1500)).times(1));
        try (S3Client s3 = client(3)) {
            long start = System.nanoTime();
            CompletableFuture<Void> put = CompletableFuture.runAsync(() ->
                    s3.putObject(b -> b.bucket(bucket).key("late"), RequestBody.fromString("stored early")));

            awaitStored("late");
            boolean answeredWhenStored = put.isDone();
            put.join();

            assertThat(answeredWhenStored).as("the client already had its answer when the object was stored").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(target.requestLog().forBucket(bucket)).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.fault()).contains("delay response 1500 ms");
            });
        }
    }

    @Test
    void delay_holdsTheRequestSoTheServerActsLate() throws Exception {
        target.faults().add(Fault.onOperation("PutObject").delay(Duration.ofMillis(1500)).times(1));
        try (S3Client s3 = client(3)) {
            CompletableFuture<Void> put = CompletableFuture.runAsync(() ->
                    s3.putObject(b -> b.bucket(bucket).key("held"), RequestBody.fromString("held")));
            Thread.sleep(700);

            assertThat(exists("held")).as("stored while the request is still held").isFalse();
            put.join();
            assertThat(exists("held")).isTrue();
        }
    }

    // ---- bandwidth ----

    @Test
    void limitBandwidth_onDownload_takesAtLeastSizeOverRateAndOtherConnectionsRunFree() throws Exception {
        byte[] data = pseudoRandom(300_000);
        target.fixtureClient().putObject(b -> b.bucket(bucket).key("slow"), RequestBody.fromBytes(data));
        target.fixtureClient().putObject(b -> b.bucket(bucket).key("fast"), RequestBody.fromBytes(data));
        target.faults().add(Fault.on(head -> head.operation().equals("GetObject")
                && head.key().orElse("").equals("slow")).limitBandwidth(200_000));
        try (S3Client slowClient = client(1); S3Client fastClient = client(1)) {
            long start = System.nanoTime();
            CompletableFuture<byte[]> slow = CompletableFuture.supplyAsync(() ->
                    slowClient.getObjectAsBytes(b -> b.bucket(bucket).key("slow")).asByteArray());
            Thread.sleep(200); // the slow download is under way
            byte[] fast = fastClient.getObjectAsBytes(b -> b.bucket(bucket).key("fast")).asByteArray();
            boolean slowDoneWhenFastWas = slow.isDone();
            byte[] slowBytes = slow.join();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(slowBytes).isEqualTo(data);
            assertThat(fast).isEqualTo(data);
            assertThat(slowDoneWhenFastWas).as("an unthrottled connection is not held up").isFalse();
            // 300 000 bytes at 200 000 bytes/s take 1.5 s: allow plenty below that, never an upper bound
            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
        }
    }

    @Test
    void limitBandwidth_onUpload_slowsTheRequestBodyAndStoresItIntact() {
        byte[] data = pseudoRandom(200_000);
        target.faults().add(Fault.onOperation("PutObject").limitBandwidth(150_000));
        try (S3Client s3 = client(1)) {
            long start = System.nanoTime();
            s3.putObject(b -> b.bucket(bucket).key("up"), RequestBody.fromBytes(data));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1000)); // 1.33 s at the limit
            assertThat(get("up")).isEqualTo(data);
            assertThat(target.requestLog().forBucket(bucket)).singleElement()
                    .satisfies(r -> assertThat(r.fault()).contains("limit bandwidth to 150000 bytes/s"));
        }
    }

    // ---- resets and truncation ----

    @Test
    void resetAfterResponseBytes_rawClientGetsExactlyThoseBytesThenAReset() throws Exception {
        byte[] data = pseudoRandom(200_000);
        target.fixtureClient().putObject(b -> b.bucket(bucket).key("r"), RequestBody.fromBytes(data));
        target.faults().add(Fault.onOperation("GetObject").resetAfterResponseBytes(10_000));

        try (RawGet get = new RawGet(presignedGet("r"))) {
            assertThat(get.head).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: 200000");
            assertThat(get.failure).isInstanceOf(SocketException.class);
            assertThat(get.failure.getMessage()).containsIgnoringCase("reset");
            assertThat(get.body).hasSizeLessThanOrEqualTo(10_000);
            assertThat(data).startsWith(get.body);
        }
        assertThat(target.requestLog().awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(target.requestLog().forBucket(bucket)).singleElement().satisfies(r -> {
            assertThat(r.responseBytes()).isEqualTo(10_000);
            assertThat(r.fault()).contains("reset after 10000 response body bytes");
        });
    }

    @Test
    void truncateResponseBody_rawClientGetsThoseBytesThenACleanEnd() throws Exception {
        byte[] data = pseudoRandom(200_000);
        target.fixtureClient().putObject(b -> b.bucket(bucket).key("t"), RequestBody.fromBytes(data));
        target.faults().add(Fault.onOperation("GetObject").truncateResponseBody(10_000));

        try (RawGet get = new RawGet(presignedGet("t"))) {
            assertThat(get.head).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: 200000");
            assertThat(get.failure).as("a FIN, not a reset").isNull();
            assertThat(get.body).isEqualTo(java.util.Arrays.copyOf(data, 10_000));
        }
    }

    @Test
    void resetAfterResponseBytes_sdkWithoutRetriesFailsAndWithRetriesRecovers() {
        byte[] data = pseudoRandom(100_000);
        target.fixtureClient().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(data));
        target.faults().add(Fault.onOperation("GetObject").resetAfterResponseBytes(1000).times(1));

        try (S3Client once = client(1)) {
            assertThatThrownBy(() -> once.getObjectAsBytes(b -> b.bucket(bucket).key("k")))
                    .isInstanceOf(SdkClientException.class);
        }
        target.faults().add(Fault.onOperation("GetObject").resetAfterResponseBytes(1000).times(1));
        try (S3Client retrying = client(3)) {
            assertThat(retrying.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray()).isEqualTo(data);
        }
        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        assertThat(target.requestLog().forBucket(bucket)).extracting(RecordedRequest::responseBytes)
                .containsExactly(1000L, 1000L, 100_000L);
    }

    @Test
    void resetAfterRequestBytes_uploadDiesMidBodyAndNothingIsStored() {
        byte[] data = pseudoRandom(1024 * 1024);
        target.faults().add(Fault.onOperation("PutObject").resetAfterRequestBytes(64 * 1024).times(1));

        try (S3Client once = client(1)) {
            Throwable failure = catchThrowable(() ->
                    once.putObject(b -> b.bucket(bucket).key("cut"), RequestBody.fromBytes(data)));
            assertThat(failure).isInstanceOf(SdkClientException.class);
        }
        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        assertThat(target.requestLog().forBucket(bucket)).singleElement().satisfies(r -> {
            assertThat(r.status()).isZero();
            assertThat(r.requestBytes()).isEqualTo(64 * 1024);
            assertThat(r.fault()).contains("reset after 65536 request body bytes");
        });
        assertThat(exists("cut")).as("a cut-short upload must not be stored").isFalse();
    }

    @Test
    void resetAfterRequestBytes_onceWithRetries_uploadSucceedsOnSecondAttempt() {
        byte[] data = pseudoRandom(300_000);
        target.faults().add(Fault.onOperation("PutObject").resetAfterRequestBytes(100_000).times(1));

        try (S3Client s3 = client(3)) {
            s3.putObject(b -> b.bucket(bucket).key("retried"), RequestBody.fromBytes(data));
        }
        assertThat(get("retried")).isEqualTo(data);
        assertThat(target.requestLog().forBucket(bucket)).extracting(RecordedRequest::status)
                .containsExactly(0, 200);
    }

    // ---- error answers ----

    @Test
    void slowDown_twiceThenForwarded_sdkRetriesWithoutRetryAfterAndSucceeds() throws Exception {
        Faults.Injected slowDown = target.faults().add(Fault.onOperation("PutObject").slowDown().times(2));
        try (S3Client s3 = client(3)) {
            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("third time"));
        }
        assertThat(slowDown.applied()).isEqualTo(2);
        assertThat(target.requestLog().forBucket(bucket)).extracting(RecordedRequest::status, RecordedRequest::fault)
                .containsExactly(tuple(503, java.util.Optional.of("respond 503 SlowDown")),
                        tuple(503, java.util.Optional.of("respond 503 SlowDown")),
                        tuple(200, java.util.Optional.empty()));
        assertThat(get("k")).isEqualTo("third time".getBytes(UTF_8));

        target.faults().add(Fault.onOperation("GetObject").slowDown().times(1));
        HttpResponse<String> raw = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(presignedGet("k").toURI()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(503);
        assertThat(raw.headers().firstValue("retry-after")).isEmpty();
        assertThat(raw.body()).contains("<Code>SlowDown</Code>");
    }

    @Test
    void internalError_sdkWithoutRetriesSeesCode500() {
        target.faults().add(Fault.onOperation("ListObjectsV2").internalError());
        try (S3Client s3 = client(1)) {
            assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket(bucket)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                    });
        }
    }

    @Test
    void respondOkWithError_onCompleteMultipartUpload_serverCompletesButSdkSeesTheError() {
        byte[] part = pseudoRandom(5 * 1024 * 1024);
        S3Client fixture = target.fixtureClient();
        String uploadId = fixture.createMultipartUpload(b -> b.bucket(bucket).key("mp")).uploadId();
        String etag = fixture.uploadPart(b -> b.bucket(bucket).key("mp").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part)).eTag();
        target.faults().add(Fault.onOperation("CompleteMultipartUpload")
                .respondOkWithError("InternalError", "We encountered an internal error. Please try again."));

        try (S3Client s3 = client(1)) {
            assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key("mp").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build()))))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("We encountered an internal error. Please try again.");
                    });
        }
        assertThat(get("mp")).as("the request was forwarded: the server completed the upload").isEqualTo(part);
        assertThat(target.requestLog().forBucket(bucket)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.fault()).contains("respond 200 with error InternalError");
        });
    }

    @Test
    void respondOkWithError_onCopyObject_copyHappensButSdkSeesTheError() {
        target.fixtureClient().putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("source"));
        target.faults().add(Fault.onOperation("CopyObject").respondOkWithError("InternalError", null));

        try (S3Client s3 = client(1)) {
            assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src")
                    .destinationBucket(bucket).destinationKey("dst")))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError"));
        }
        assertThat(get("dst")).isEqualTo("source".getBytes(UTF_8));
    }

    @Test
    void respondOkWithError_rawResponse_hasCorrectLengthAndKeepsConnectionUsable() throws Exception {
        target.fixtureClient().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("real content"));
        target.faults().add(Fault.onOperation("GetObject").respondOkWithError("InternalError", "late <failure>")
                .times(1));

        try (RawGet first = new RawGet(presignedGet("k"), presignedGet("k"))) {
            assertThat(first.head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
            String body = new String(first.body, UTF_8);
            assertThat(body).startsWith("<?xml").contains("<Error><Code>InternalError</Code>",
                    "<Message>late &lt;failure&gt;</Message>").doesNotContain("real content");
            assertThat(first.head).containsIgnoringCase("content-length: " + first.body.length + "\r\n");
            assertThat(first.secondHead).as("second request on the same connection").startsWith("HTTP/1.1 200");
            assertThat(new String(first.secondBody, UTF_8)).isEqualTo("real content");
        }
    }

    // ---- damaged bytes ----

    @Test
    void corruptRequestBody_unsignedPresignedPut_serverStoresTheFlippedByte() throws Exception {
        byte[] data = pseudoRandom(50_000);
        target.faults().add(Fault.onOperation("PutObject").corruptRequestBody(12_345));
        URL url;
        try (S3Presigner presigner = presigner()) {
            url = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(b -> b.bucket(bucket).key("damaged"))).url();
        }

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.toURI())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        byte[] expected = data.clone();
        expected[12_345] = (byte) ~expected[12_345];
        assertThat(get("damaged")).isEqualTo(expected);
    }

    @Test
    void corruptRequestBody_sdkSignedPayload_serverRejectsTheUpload() {
        byte[] data = pseudoRandom(50_000);
        target.faults().add(Fault.onOperation("PutObject").corruptRequestBody(100).times(1));

        try (S3Client s3 = client(1)) {
            Throwable failure = catchThrowable(() ->
                    s3.putObject(b -> b.bucket(bucket).key("signed"), RequestBody.fromBytes(data)));
            assertThat(failure).isInstanceOfSatisfying(S3Exception.class, e -> {
                // over http the SDK signs the payload's SHA-256, so S3Proxy sees a signature mismatch
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            });
        }
        assertThat(exists("signed")).isFalse();
        assertThat(target.requestLog().forBucket(bucket)).singleElement()
                .satisfies(r -> assertThat(r.fault()).contains("corrupt request body byte 100"));
    }

    @Test
    void corruptRequestBody_presignedPutWithContentMd5_serverAnswersBadDigest() throws Exception {
        byte[] data = pseudoRandom(50_000);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        target.faults().add(Fault.onOperation("PutObject").corruptRequestBody(100).times(1));
        URL url;
        try (S3Presigner presigner = presigner()) {
            url = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(b -> b.bucket(bucket).key("md5").contentMD5(md5))).url();
        }

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.toURI())
                .header("Content-MD5", md5)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>BadDigest</Code>");
        assertThat(exists("md5")).isFalse();
    }

    // ---- a server that never answers ----

    @Test
    void hang_sdkWithShortSocketTimeoutGivesUpAndTheProxyLetsGo() {
        target.fixtureClient().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        target.faults().add(Fault.onOperation("HeadObject").hang().times(1));
        try (S3Client s3 = client(1, Duration.ofMillis(800))) {
            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> s3.headObject(b -> b.bucket(bucket).key("k")));

            assertThat(failure).isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
            assertThat(s3.headObject(b -> b.bucket(bucket).key("k")).contentLength()).isEqualTo(1);
        }
        assertThat(target.requestLog().awaitIdle(Duration.ofSeconds(5)))
                .as("the hung exchange ends when the client closes its connection").isTrue();
        assertThat(target.requestLog().forBucket(bucket)).extracting(RecordedRequest::status, RecordedRequest::fault)
                .containsExactly(tuple(0, java.util.Optional.of("hang")), tuple(200, java.util.Optional.empty()));
    }

    @Test
    void hang_closingTheProxy_closesTheConnectionAndLeavesNoThreads() throws Exception {
        try (RecordingProxy proxy = RecordingProxy.start(target.serverEndpoint())) {
            proxy.faults().add(Fault.on(head -> true).hang());
            String prefix = "s3-recording-proxy-" + proxy.endpoint().getPort();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.endpoint().getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
                        .getBytes(ISO_8859_1));
                socket.getOutputStream().flush();
                socket.setSoTimeout(700);
                assertThatThrownBy(() -> socket.getInputStream().read()).as("nothing answers")
                        .isInstanceOf(SocketTimeoutException.class);
                assertThat(proxy.requestLog().awaitIdle(Duration.ofMillis(100))).as("the exchange is open").isFalse();
                assertThat(proxyThreads(prefix)).isNotEmpty();
                socket.setSoTimeout(10_000);

                proxy.close();

                Throwable closed = catchThrowable(() -> assertThat(socket.getInputStream().read()).isEqualTo(-1));
                assertThat(closed).satisfiesAnyOf(t -> assertThat(t).isNull(),
                        t -> assertThat(t).isInstanceOf(SocketException.class));
            }
            assertThat(proxyThreads(prefix)).isEmpty();
            assertThat(proxy.requestLog().all()).singleElement().satisfies(r -> {
                assertThat(r.status()).isZero();
                assertThat(r.requestBytes()).isEqualTo(5);
                assertThat(r.fault()).contains("hang");
            });
        }
    }

    // ---- descriptions ----

    @Test
    void everyAction_hasADescription() {
        Fault base = Fault.on(head -> true);
        assertThat(List.of(base.slowDown(), base.internalError(), base.respondOkWithError("InternalError", "m"),
                base.resetConnection(), base.resetAfterResponseBytes(7), base.resetAfterRequestBytes(8),
                base.truncateResponseBody(9), base.corruptResponseBody(10), base.corruptRequestBody(11),
                base.delay(Duration.ofMillis(12)), base.delayResponse(Duration.ofMillis(13)),
                base.limitBandwidth(14), base.hang()))
                .extracting(Fault::toString)
                .containsExactly("respond 503 SlowDown", "respond 500 InternalError",
                        "respond 200 with error InternalError", "reset connection",
                        "reset after 7 response body bytes", "reset after 8 request body bytes",
                        "truncate response body after 9 bytes", "corrupt response body byte 10",
                        "corrupt request body byte 11", "delay 12 ms", "delay response 13 ms",
                        "limit bandwidth to 14 bytes/s", "hang");
        assertThat(base.slowDown().times(2).skip(1)).satisfies(f -> {
            assertThat(f.action()).isEqualTo(Fault.Action.RESPOND);
            assertThat(f.times()).isEqualTo(2);
            assertThat(f.skip()).isEqualTo(1);
        });
        assertThatThrownBy(() -> base.limitBandwidth(0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----

    private static S3Client client(int attempts) {
        return client(attempts, Duration.ofSeconds(30));
    }

    private static S3Client client(int attempts, Duration socketTimeout) {
        return S3Client.builder().endpointOverride(target.endpoint()).region(target.region())
                .credentialsProvider(target.credentialsProvider()).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(attempts)))
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(socketTimeout))
                .build();
    }

    private static S3Presigner presigner() {
        return S3Presigner.builder().endpointOverride(target.endpoint()).region(target.region())
                .credentialsProvider(target.credentialsProvider())
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .build();
    }

    private URL presignedGet(String key) {
        try (S3Presigner presigner = presigner()) {
            return presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(b -> b.bucket(bucket).key(key))).url();
        }
    }

    private byte[] get(String key) {
        return target.fixtureClient().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    private boolean exists(String key) {
        try {
            target.fixtureClient().headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void awaitStored(String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!exists(key)) {
            assertThat(System.nanoTime()).as(key + " stored in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static List<Thread> proxyThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive()).toList();
    }

    static byte[] pseudoRandom(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    /**
     * GETs a presigned URL over a raw socket, reading the head and then the body until the end of the stream or a
     * failure; with a second URL it sends both requests on the same connection, reading the first response by its
     * {@code Content-Length}.
     */
    private static final class RawGet implements AutoCloseable {

        final Socket socket;
        final String head;
        byte[] body;
        Throwable failure;
        String secondHead;
        byte[] secondBody;

        RawGet(URL url) throws IOException {
            this(url, null);
        }

        RawGet(URL url, URL second) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), url.getPort());
            socket.setSoTimeout(10_000);
            send(url);
            InputStream in = socket.getInputStream();
            head = readHead(in);
            if (second == null) {
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        received.write(buffer, 0, n);
                    }
                } catch (IOException e) {
                    failure = e;
                }
                body = received.toByteArray();
            } else {
                body = in.readNBytes(contentLength(head));
                send(second);
                secondHead = readHead(in);
                secondBody = in.readNBytes(contentLength(secondHead));
            }
        }

        private void send(URL url) throws IOException {
            String request = "GET " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(ISO_8859_1));
            socket.getOutputStream().flush();
        }

        private static int contentLength(String head) {
            return head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                    .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElseThrow();
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed inside a head: " + head.toString(ISO_8859_1));
                }
                head.write(b);
            }
            return head.toString(ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
