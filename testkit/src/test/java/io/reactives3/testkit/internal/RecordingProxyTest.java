package io.reactives3.testkit.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.Faults;
import io.reactives3.testkit.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The recording proxy against a JDK HttpServer, raw sockets and a real S3Proxy driven by the AWS SDK. */
@Timeout(20) // a framing bug shows up as a hang: fail it instead
class RecordingProxyTest {

    private static final String ACCESS_KEY = "AKIDTEST";
    private static final String SECRET_KEY = "secretsecret";

    @TempDir
    static Path s3proxyFolder;
    private static S3Proxy s3proxy;
    private static URI s3proxyUri;

    private TestUpstream upstream;
    private RecordingProxy proxy;
    private HttpClient client;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        var store = new FilesystemNio2BlobStore(s3proxyFolder.toString());
        s3proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true).build();
        s3proxy.start();
        while (!"STARTED".equals(s3proxy.getState())) {
            Thread.sleep(10);
        }
        s3proxyUri = URI.create("http://127.0.0.1:" + s3proxy.getPort());
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        s3proxy.stop();
    }

    @BeforeEach
    void startUpstreamAndProxy() throws IOException {
        upstream = new TestUpstream();
        proxy = RecordingProxy.start(upstream.uri());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stopProxyAndUpstream() {
        proxy.close();
        upstream.close();
    }

    // ---- plain forwarding ----

    @Test
    void get_throughProxy_returnsUpstreamResponseAndRecordsExchange() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/blob/dir/key?size=1000&x=y"))
                .header("X-Custom", "Value").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(blob(1000));
        RecordedRequest recorded = single(proxy.requestLog().all());
        assertThat(recorded.method()).isEqualTo("GET");
        assertThat(recorded.path()).isEqualTo("/blob/dir/key");
        assertThat(recorded.head().query()).isEqualTo("size=1000&x=y");
        assertThat(recorded.head().header("x-custom")).contains("Value");
        assertThat(recorded.head().headers()).containsKey("host");
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.requestBytes()).isZero();
        assertThat(recorded.responseBytes()).isEqualTo(1000);
        assertThat(recorded.fault()).isEmpty();
        assertThat(recorded.duration()).isPositive();
    }

    @Test
    void requests_onOneKeepAliveClientConnection_shareOneUpstreamConnection() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(HttpRequest.newBuilder(uri("/blob/k?size=10")).build()).statusCode()).isEqualTo(200);
        }

        assertThat(upstream.remotePorts).hasSize(3);
        assertThat(upstream.remotePorts.stream().distinct()).hasSize(1);
        assertThat(proxy.requestLog().all()).extracting(RecordedRequest::status).containsExactly(200, 200, 200);
    }

    @Test
    void post_chunkedRequestAndChunkedResponse_roundTripsBody() throws Exception {
        byte[] payload = randomBytes(300_000);

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/echo-chunked"))
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(payload))).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("transfer-encoding")).contains("chunked");
        assertThat(response.body()).isEqualTo(payload);
        RecordedRequest recorded = single(proxy.requestLog().all());
        assertThat(recorded.head().header("transfer-encoding")).contains("chunked");
        // chunk framing counts as wire bytes
        assertThat(recorded.requestBytes()).isGreaterThan(payload.length);
        assertThat(recorded.responseBytes()).isGreaterThan(payload.length);
    }

    @Test
    void put_largeFixedLengthBody_arrivesIntact() throws Exception {
        byte[] payload = randomBytes(24 * 1024 * 1024 + 7);

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/echo"))
                .PUT(BodyPublishers.ofByteArray(payload)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(payload);
        RecordedRequest recorded = single(proxy.requestLog().all());
        assertThat(recorded.requestBytes()).isEqualTo(payload.length);
        assertThat(recorded.responseBytes()).isEqualTo(payload.length);
    }

    @Test
    void head_responseWithContentLength_hasNoBodyAndConnectionStaysUsable() throws Exception {
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri("/blob/k?size=5000"))
                .method("HEAD", BodyPublishers.noBody()).build());
        HttpResponse<byte[]> get = send(HttpRequest.newBuilder(uri("/blob/k?size=10")).build());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("content-length")).contains("5000");
        assertThat(head.body()).isEmpty();
        assertThat(get.body()).isEqualTo(blob(10));
        assertThat(upstream.remotePorts.stream().distinct()).hasSize(1);
        assertThat(proxy.requestLog().all()).extracting(RecordedRequest::method, RecordedRequest::responseBytes)
                .containsExactly(tuple("HEAD", 0L),
                        tuple("GET", 10L));
    }

    @Test
    void delete_204NoContent_connectionStaysUsable() throws Exception {
        HttpResponse<byte[]> deleted = send(HttpRequest.newBuilder(uri("/no-content")).DELETE().build());
        HttpResponse<byte[]> get = send(HttpRequest.newBuilder(uri("/blob/k?size=3")).build());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get.body()).isEqualTo(blob(3));
        assertThat(upstream.remotePorts.stream().distinct()).hasSize(1);
        assertThat(proxy.requestLog().all()).extracting(RecordedRequest::status).containsExactly(204, 200);
    }

    @Test
    void put_expectingContinue_getsInterimResponseBeforeSendingBody() throws Exception {
        try (RawClient raw = new RawClient(proxy.endpoint())) {
            raw.send("PUT /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");

            assertThat(raw.readHead()).startsWith("HTTP/1.1 100");
            raw.send("hello");
            String head = raw.readHead();
            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(new String(raw.readBytes(5), ISO_8859_1)).isEqualTo("hello");
        }
        assertThat(proxy.requestLog().awaitIdle(Duration.ofSeconds(5))).isTrue();
        RecordedRequest recorded = single(proxy.requestLog().all());
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.requestBytes()).isEqualTo(5);
    }

    @Test
    void put_expectContinueFromJdkClient_succeeds() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/echo")).expectContinue(true)
                .PUT(BodyPublishers.ofString("payload")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), UTF_8)).isEqualTo("payload");
        assertThat(single(proxy.requestLog().all()).head().header("expect"))
                .hasValueSatisfying(expect -> assertThat(expect).isEqualToIgnoringCase("100-continue"));
    }

    @Test
    void pipelinedRawRequests_areForwardedVerbatimAndAnsweredInOrder() throws Exception {
        String requests = ""
                + "POST /b/k?x=1 HTTP/1.1\r\nhOsT: example\r\nTransfer-Encoding: chunked\r\n"
                + "X-Dup: a\r\nx-dup: b\r\n\r\n"
                + "5;ext=1\r\nhello\r\n0\r\nx-amz-checksum-crc32: AAAAAA==\r\n\r\n"
                + "HEAD /b/k HTTP/1.1\r\nHost: example\r\n\r\n"
                + "GET /b/k HTTP/1.1\r\nHost: example\r\n\r\n";
        String responses = ""
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                + "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n"
                + "HTTP/1.1 206 Partial\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\n";
        try (ScriptedUpstream scripted = new ScriptedUpstream(requests.length(), responses);
             RecordingProxy rawProxy = RecordingProxy.start(scripted.uri());
             RawClient raw = new RawClient(rawProxy.endpoint())) {

            raw.send(requests);

            assertThat(new String(raw.readToEnd(), ISO_8859_1)).isEqualTo(responses);
            assertThat(scripted.received()).isEqualTo(requests);
            assertThat(rawProxy.requestLog().awaitIdle(Duration.ofSeconds(5))).isTrue();
            List<RecordedRequest> recorded = rawProxy.requestLog().all();
            assertThat(recorded).extracting(RecordedRequest::method, RecordedRequest::status)
                    .containsExactly(tuple("POST", 200),
                            tuple("HEAD", 200),
                            tuple("GET", 206));
            assertThat(recorded.get(0).head().headers())
                    .containsEntry("host", "example").containsEntry("x-dup", "a,b");
            assertThat(recorded.get(0).head().query()).isEqualTo("x=1");
            assertThat(recorded.get(0).requestBytes())
                    .isEqualTo("5;ext=1\r\nhello\r\n0\r\nx-amz-checksum-crc32: AAAAAA==\r\n\r\n".length());
            assertThat(recorded.get(2).responseBytes()).isEqualTo("3\r\nabc\r\n0\r\n\r\n".length());
        }
    }

    @Test
    void authorizationHeader_isRecordedRedactedButForwardedIntact() throws Exception {
        String authorization = "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef";

        send(HttpRequest.newBuilder(uri("/blob/k?size=1")).header("Authorization", authorization).build());

        assertThat(upstream.authorizations).containsExactly(authorization);
        assertThat(single(proxy.requestLog().all()).head().header("authorization")).contains(
                "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=<redacted>");
    }

    // ---- faults ----

    @Test
    void respondFault_onMatchingRequest_answersS3ErrorWithoutForwarding() throws Exception {
        Faults.Injected injected = proxy.faults().add(Fault.on(head -> head.path().equals("/echo")).respond(503, "SlowDown"));

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/echo"))
                .POST(BodyPublishers.ofString("abc")).build());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("content-type")).contains("application/xml");
        assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
        assertThat(new String(response.body(), UTF_8))
                .contains("<Code>SlowDown</Code>", "<Message>injected by reactive-s3 testkit</Message>",
                        "<RequestId>" + response.headers().firstValue("x-amz-request-id").orElseThrow());
        assertThat(upstream.requestCount.get()).isZero();
        assertThat(injected.applied()).isEqualTo(1);
        RecordedRequest recorded = single(proxy.requestLog().all());
        assertThat(recorded.status()).isEqualTo(503);
        assertThat(recorded.requestBytes()).isEqualTo(3);
        assertThat(recorded.responseBytes()).isEqualTo(response.body().length);
        assertThat(recorded.fault()).contains("respond 503 SlowDown");
    }

    @Test
    void respondFault_onRequestExpectingContinue_answersWithoutWaitingForBody() throws Exception {
        proxy.faults().add(Fault.on(head -> true).respond(500, "InternalError"));

        try (RawClient raw = new RawClient(proxy.endpoint())) {
            raw.send("PUT /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 1048576\r\n\r\n");

            String response = new String(raw.readToEnd(), ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 500 ")
                    .contains("Connection: close", "<Code>InternalError</Code>");
        }
        assertThat(proxy.requestLog().awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(single(proxy.requestLog().all()).requestBytes()).isZero();
        assertThat(upstream.requestCount.get()).isZero();
    }

    @Test
    void respondFault_onHeadRequest_sendsNoBody() throws Exception {
        proxy.faults().add(Fault.on(head -> true).respond(404, "NoSuchKey"));

        try (RawClient raw = new RawClient(proxy.endpoint())) {
            raw.send("HEAD /b/k HTTP/1.1\r\nHost: test\r\n\r\n");

            String response = new String(raw.readToEnd(), ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 404 ").endsWith("\r\n\r\n").doesNotContain("<Error>");
        }
    }

    @Test
    void resetFault_onMatchingRequest_resetsClientConnection() throws Exception {
        proxy.faults().add(Fault.onOperation("GetObject").resetConnection().times(1));

        try (RawClient raw = new RawClient(proxy.endpoint())) {
            raw.send("GET /bucket/key HTTP/1.1\r\nHost: test\r\n\r\n");

            assertThatThrownBy(raw::readToEnd).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
        assertThat(proxy.requestLog().awaitIdle(Duration.ofSeconds(5))).isTrue();
        RecordedRequest recorded = single(proxy.requestLog().all());
        assertThat(recorded.status()).isZero();
        assertThat(recorded.fault()).contains("reset connection");
        assertThat(recorded.operation()).isEqualTo("GetObject");
        assertThat(upstream.requestCount.get()).isZero();
    }

    @Test
    void truncateFault_onFixedLengthResponse_cutsBodyAfterBytes() throws Exception {
        proxy.faults().add(Fault.on(head -> true).truncateResponseBody(1000));

        try (RawClient raw = new RawClient(proxy.endpoint())) {
            raw.send("GET /blob/k?size=10000 HTTP/1.1\r\nHost: test\r\n\r\n");

            assertThat(raw.readHead()).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: 10000");
            assertThat(raw.readToEnd()).isEqualTo(blob(1000));
        }
        RecordedRequest recorded = single(proxy.requestLog().all());
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.responseBytes()).isEqualTo(1000);
        assertThat(recorded.fault()).contains("truncate response body after 1000 bytes");
    }

    @Test
    void truncateFault_seenByJdkClient_failsTheRequest() {
        proxy.faults().add(Fault.on(head -> true).truncateResponseBody(10));

        assertThatThrownBy(() -> send(HttpRequest.newBuilder(uri("/blob/k?size=100")).build()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void corruptFault_onChunkedResponse_flipsPayloadByteAtOffset() throws Exception {
        proxy.faults().add(Fault.on(head -> true).corruptResponseBody(70_000));

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/blob/k?size=100000&chunked")).build());

        byte[] expected = blob(100_000);
        expected[70_000] = (byte) ~expected[70_000];
        assertThat(response.headers().firstValue("transfer-encoding")).contains("chunked");
        assertThat(response.body()).isEqualTo(expected);
        assertThat(single(proxy.requestLog().all()).fault()).contains("corrupt response body byte 70000");
    }

    @Test
    void corruptFault_beyondBodyEnd_changesNothing() throws Exception {
        proxy.faults().add(Fault.on(head -> true).corruptResponseBody(500));

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/blob/k?size=500")).build());

        assertThat(response.body()).isEqualTo(blob(500));
    }

    @Test
    void delayFault_onRequest_holdsItBeforeForwarding() throws Exception {
        proxy.faults().add(Fault.on(head -> true).delay(Duration.ofMillis(300)));

        long start = System.nanoTime();
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/blob/k?size=1")).build());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.statusCode()).isEqualTo(200);
        RecordedRequest recorded = single(proxy.requestLog().all());
        assertThat(recorded.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(recorded.fault()).contains("delay 300 ms");
    }

    @Test
    void skipAndTimes_onRepeatedRequests_applyOnlyToTheSelectedOnes() throws Exception {
        Faults.Injected injected = proxy.faults().add(Fault.on(head -> head.path().startsWith("/blob"))
                .respond(500, "InternalError").skip(1).times(2));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(send(HttpRequest.newBuilder(uri("/blob/k?size=1")).build()).statusCode());
        }

        assertThat(statuses).containsExactly(200, 500, 500, 200, 200);
        assertThat(injected.applied()).isEqualTo(2);
        assertThat(proxy.requestLog().all()).extracting(r -> r.fault().isPresent())
                .containsExactly(false, true, true, false, false);
    }

    @Test
    void faultRules_checkedInInsertionOrder_firstApplicableOneWins() throws Exception {
        Faults.Injected first = proxy.faults().add(Fault.on(head -> true).respond(503, "SlowDown").times(1));
        Faults.Injected second = proxy.faults().add(Fault.on(head -> true).respond(500, "InternalError"));
        Faults.Injected neverMatches = proxy.faults().add(Fault.on(head -> false).respond(400, "BadRequest"));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(send(HttpRequest.newBuilder(uri("/blob/k?size=1")).build()).statusCode());
        }
        second.close();
        statuses.add(send(HttpRequest.newBuilder(uri("/blob/k?size=1")).build()).statusCode());

        assertThat(statuses).containsExactly(503, 500, 500, 200);
        assertThat(first.applied()).isEqualTo(1);
        assertThat(second.applied()).isEqualTo(2);
        assertThat(neverMatches.applied()).isZero();
    }

    @Test
    void throwingMatcher_isTreatedAsNoMatch() throws Exception {
        proxy.faults().add(Fault.on(head -> {
            throw new IllegalStateException("broken matcher");
        }).respond(500, "InternalError"));

        assertThat(send(HttpRequest.newBuilder(uri("/blob/k?size=1")).build()).statusCode()).isEqualTo(200);
    }

    @Test
    void clear_ofLogOrFaults_clearsOnlyItsOwnPart() throws Exception {
        proxy.faults().add(Fault.on(head -> true).respond(503, "SlowDown"));
        send(HttpRequest.newBuilder(uri("/blob/k?size=1")).build());

        proxy.requestLog().clear();
        assertThat(proxy.requestLog().all()).isEmpty();
        assertThat(send(HttpRequest.newBuilder(uri("/blob/k?size=1")).build()).statusCode()).isEqualTo(503);

        proxy.faults().clear();
        assertThat(proxy.requestLog().all()).hasSize(1);
        assertThat(send(HttpRequest.newBuilder(uri("/blob/k?size=1")).build()).statusCode()).isEqualTo(200);
    }

    // ---- log and lifecycle ----

    @Test
    void awaitIdle_whileResponseOutstanding_waitsUntilItEnds() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(HttpRequest.newBuilder(uri("/hold")).build(), BodyHandlers.ofByteArray());
        assertThat(upstream.holdArrived.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(proxy.requestLog().awaitIdle(Duration.ofMillis(100))).isFalse();
        assertThat(proxy.requestLog().all()).isEmpty();

        upstream.holdRelease.countDown();
        assertThat(proxy.requestLog().awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(single(proxy.requestLog().all()).status()).isEqualTo(200);
        assertThat(pending.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void log_rightAfterEachResponse_alreadyHoldsIt() throws Exception {
        for (int i = 1; i <= 300; i++) {
            send(HttpRequest.newBuilder(uri("/blob/k?size=" + (i % 3 == 0 ? 0 : 100))).build());

            assertThat(proxy.requestLog().all()).as("after response %d", i).hasSize(i);
        }
    }

    @Test
    void concurrentClients_manyRequests_allForwardedAndRecorded() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                int size = 1 + i * 1000;
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        HttpResponse<byte[]> response =
                                send(HttpRequest.newBuilder(uri("/blob/k?size=" + size)).build());
                        return response.body().length == size ? response.statusCode() : -1;
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }

            assertThat(results).extracting(CompletableFuture::join).hasSize(160).containsOnly(200);
        } finally {
            threads.shutdownNow();
        }
        assertThat(proxy.requestLog().awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(proxy.requestLog().all()).hasSize(160).extracting(RecordedRequest::status).containsOnly(200);
        assertThat(upstream.remotePorts.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void close_withOpenConnection_stopsThreadsRefusesConnectionsAndIsIdempotent() throws Exception {
        send(HttpRequest.newBuilder(uri("/blob/k?size=1")).build()); // leaves a keep-alive connection open
        String threadPrefix = "s3-recording-proxy-" + proxy.endpoint().getPort() + "-";
        assertThat(proxyThreads(threadPrefix)).isNotEmpty().allMatch(Thread::isDaemon);

        proxy.close();
        proxy.close();

        assertThat(proxyThreads(threadPrefix)).isEmpty();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), proxy.endpoint().getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void start_withNonHttpUpstream_isRejected() {
        assertThatThrownBy(() -> RecordingProxy.start(URI.create("https://127.0.0.1:9000")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- a real S3 server behind the proxy ----

    @Test
    void s3proxy_sdkOperationsThroughProxy_areSignedForwardedAndNamed() throws Exception {
        try (RecordingProxy s3 = RecordingProxy.start(s3proxyUri); S3Client sdk = sdkClient(s3, SECRET_KEY)) {
            String bucket = "rp-ops-" + System.nanoTime();
            byte[] small = randomBytes(100_000);
            byte[] part1 = randomBytes(5 * 1024 * 1024);
            byte[] part2 = randomBytes(1024 * 1024);

            sdk.createBucket(b -> b.bucket(bucket));
            sdk.putObject(b -> b.bucket(bucket).key("small.bin"), RequestBody.fromBytes(small));
            String uploadId = sdk.createMultipartUpload(b -> b.bucket(bucket).key("big.bin")).uploadId();
            String etag1 = sdk.uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId).partNumber(1),
                    RequestBody.fromBytes(part1)).eTag();
            String etag2 = sdk.uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId).partNumber(2),
                    RequestBody.fromBytes(part2)).eTag();
            sdk.completeMultipartUpload(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                            CompletedPart.builder().partNumber(2).eTag(etag2).build())));
            List<String> keys = sdk.listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                    .map(S3Object::key).toList();
            byte[] big = sdk.getObjectAsBytes(b -> b.bucket(bucket).key("big.bin")).asByteArray();
            sdk.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(
                    ObjectIdentifier.builder().key("small.bin").build(),
                    ObjectIdentifier.builder().key("big.bin").build()).build()));
            sdk.deleteBucket(b -> b.bucket(bucket));

            assertThat(keys).containsExactly("big.bin", "small.bin");
            assertThat(big).isEqualTo(concat(part1, part2));
            assertThat(s3.requestLog().awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(s3.requestLog().all()).extracting(RecordedRequest::operation, RecordedRequest::status).containsExactly(
                    tuple("CreateBucket", 200),
                    tuple("PutObject", 200),
                    tuple("CreateMultipartUpload", 200),
                    tuple("UploadPart", 200),
                    tuple("UploadPart", 200),
                    tuple("CompleteMultipartUpload", 200),
                    tuple("ListObjectsV2", 200),
                    tuple("GetObject", 200),
                    tuple("DeleteObjects", 200),
                    tuple("DeleteBucket", 204));
            RecordedRequest put = s3.requestLog().all().get(1);
            assertThat(put.head().header("content-encoding"))
                    .hasValueSatisfying(encoding -> assertThat(encoding).contains("aws-chunked"));
            assertThat(put.head().header("x-amz-trailer")).isPresent();
            assertThat(put.head().header("expect"))
                    .hasValueSatisfying(expect -> assertThat(expect).isEqualToIgnoringCase("100-continue"));
            assertThat(put.requestBytes()).isGreaterThan(small.length);
            assertThat(put.head().header("authorization")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/").endsWith("Signature=<redacted>"));
            assertThat(s3.requestLog().count(bucket, "UploadPart")).isEqualTo(2);
        }
    }

    @Test
    void s3proxy_wrongSecretThroughProxy_isRejectedBySignatureCheck() {
        try (RecordingProxy s3 = RecordingProxy.start(s3proxyUri); S3Client sdk = sdkClient(s3, "wrongsecret")) {
            assertThatThrownBy(sdk::listBuckets).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThat(s3.requestLog().all()).extracting(RecordedRequest::operation).containsOnly("ListBuckets");
        }
    }

    @Test
    void s3proxy_slowDownOnce_sdkRetriesAndSucceeds() {
        try (RecordingProxy s3 = RecordingProxy.start(s3proxyUri); S3Client sdk = sdkClient(s3, SECRET_KEY)) {
            String bucket = "rp-slowdown-" + System.nanoTime();
            sdk.createBucket(b -> b.bucket(bucket));
            Faults.Injected slowDown = s3.faults().add(Fault.onOperation("PutObject").respond(503, "SlowDown").times(1));

            sdk.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("retried"));

            assertThat(slowDown.applied()).isEqualTo(1);
            assertThat(s3.requestLog().forBucket(bucket)).filteredOn(r -> r.operation().equals("PutObject"))
                    .extracting(RecordedRequest::status, r -> r.fault().isPresent())
                    .containsExactly(tuple(503, true),
                            tuple(200, false));
            assertThat(sdk.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("retried");
        }
    }

    @Test
    void s3proxy_resetOnGetObjectOnce_sdkRetriesAndSucceeds() {
        try (RecordingProxy s3 = RecordingProxy.start(s3proxyUri); S3Client sdk = sdkClient(s3, SECRET_KEY)) {
            String bucket = "rp-reset-" + System.nanoTime();
            sdk.createBucket(b -> b.bucket(bucket));
            sdk.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("content"));
            s3.faults().add(Fault.onOperation("GetObject").resetConnection().times(1));

            String content = sdk.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String();

            assertThat(content).isEqualTo("content");
            assertThat(s3.requestLog().count(bucket, "GetObject")).isEqualTo(2);
            assertThat(s3.requestLog().forBucket(bucket)).filteredOn(r -> r.operation().equals("GetObject"))
                    .extracting(RecordedRequest::status).containsExactly(0, 200);
        }
    }

    // ---- helpers ----

    private URI uri(String pathAndQuery) {
        return proxy.endpoint().resolve(pathAndQuery);
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, BodyHandlers.ofByteArray());
    }

    private static RecordedRequest single(List<RecordedRequest> recorded) {
        assertThat(recorded).hasSize(1);
        return recorded.get(0);
    }

    private static S3Client sdkClient(RecordingProxy s3, String secretKey) {
        return S3Client.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    private static List<Thread> proxyThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive()).toList();
    }

    /** Deterministic content: byte {@code i} is {@code i % 251}. */
    static byte[] blob(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /**
     * A JDK HttpServer upstream. Paths: {@code /blob...?size=N[&chunked]} answers N deterministic bytes (HEAD: the
     * length only), {@code /echo} echoes the body, {@code /echo-chunked} echoes it chunked, {@code /no-content}
     * answers 204, {@code /hold} waits for {@link #holdRelease}.
     */
    private static final class TestUpstream implements AutoCloseable {

        static {
            // without TCP_NODELAY the JDK server answers small responses ~40 ms late (Nagle + delayed ACK);
            // read once per JVM when the first HttpServer starts
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }

        final HttpServer server;
        final ExecutorService executor = Executors.newCachedThreadPool();
        final AtomicInteger requestCount = new AtomicInteger();
        final List<Integer> remotePorts = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        final CountDownLatch holdArrived = new CountDownLatch(1);
        final CountDownLatch holdRelease = new CountDownLatch(1);

        TestUpstream() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void handle(HttpExchange exchange) throws IOException {
            requestCount.incrementAndGet();
            remotePorts.add(exchange.getRemoteAddress().getPort());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = queryOf(exchange.getRequestURI());
            try (exchange) {
                if (path.startsWith("/blob")) {
                    byte[] body = blob(Integer.parseInt(query.get("size")));
                    if (exchange.getRequestMethod().equals("HEAD")) {
                        exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                        exchange.sendResponseHeaders(200, -1);
                    } else {
                        respond(exchange, 200, body, query.containsKey("chunked"));
                    }
                } else if (path.equals("/echo")) {
                    respond(exchange, 200, requestBody, false);
                } else if (path.equals("/echo-chunked")) {
                    respond(exchange, 200, requestBody, true);
                } else if (path.equals("/no-content")) {
                    exchange.sendResponseHeaders(204, -1);
                } else if (path.equals("/hold")) {
                    holdArrived.countDown();
                    holdRelease.await(10, TimeUnit.SECONDS);
                    respond(exchange, 200, "released".getBytes(UTF_8), false);
                } else {
                    respond(exchange, 404, new byte[0], false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void respond(HttpExchange exchange, int status, byte[] body, boolean chunked)
                throws IOException {
            exchange.sendResponseHeaders(status, chunked ? 0 : (body.length == 0 ? -1 : body.length));
            try (OutputStream out = exchange.getResponseBody()) {
                // several writes, so a chunked response has several chunks
                for (int offset = 0; offset < body.length; offset += 16_384) {
                    out.write(body, offset, Math.min(16_384, body.length - offset));
                }
            }
        }

        private static Map<String, String> queryOf(URI uri) {
            Map<String, String> params = new java.util.HashMap<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
                }
            }
            return params;
        }

        @Override
        public void close() {
            holdRelease.countDown();
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /**
     * A raw upstream for one connection: reads exactly {@code expectedRequestBytes}, then writes {@code responses}
     * and keeps the connection open until closed itself, so only the proxy can end the client's connection.
     */
    private static final class ScriptedUpstream implements AutoCloseable {

        private final ServerSocket serverSocket;
        private final CompletableFuture<String> received = new CompletableFuture<>();
        private final CountDownLatch closed = new CountDownLatch(1);

        ScriptedUpstream(int expectedRequestBytes, String responses) throws IOException {
            serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> {
                try (Socket socket = serverSocket.accept()) {
                    byte[] request = socket.getInputStream().readNBytes(expectedRequestBytes);
                    received.complete(new String(request, ISO_8859_1));
                    socket.getOutputStream().write(responses.getBytes(ISO_8859_1));
                    socket.getOutputStream().flush();
                    closed.await();
                } catch (IOException e) {
                    received.completeExceptionally(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "scripted-upstream");
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort());
        }

        String received() throws Exception {
            return received.get(5, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            closed.countDown();
            serverSocket.close();
        }
    }

    /** A plain socket speaking hand-written HTTP to the proxy. */
    private static final class RawClient implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;

        RawClient(URI endpoint) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.getPort());
            socket.setSoTimeout(5_000);
            in = socket.getInputStream();
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(ISO_8859_1));
            socket.getOutputStream().flush();
        }

        /** Reads a message head up to and including the empty line. */
        String readHead() throws IOException {
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

        byte[] readBytes(int count) throws IOException {
            return in.readNBytes(count);
        }

        byte[] readToEnd() throws IOException {
            return in.readAllBytes();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
