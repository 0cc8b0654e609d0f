package io.reactives3.spring.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.PooledByteBufAllocator;
import io.reactives3.core.PostPolicy;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.model.PresignedPost;
import io.reactives3.spring.S3ProxyTarget;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.model.UploadResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Request bodies into S3Proxy through {@link S3Uploads}, buffer release, and the presigned POST form. */
class S3UploadsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final NettyDataBufferFactory POOLED = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);

    private static ReactiveS3Client client;
    private static S3TransferEngine engine;
    private static String bucket;

    @BeforeAll
    static void start() {
        client = S3ProxyTarget.newClient();
        engine = S3TransferEngine.create(client);
        bucket = S3ProxyTarget.newBucket();
    }

    @AfterAll
    static void close() {
        engine.close();
        client.close();
    }

    /** Stores the request body: one PutObject with a Content-Length, the transfer engine without one. */
    @RestController
    static class Uploads {
        @PutMapping("/u/{key}")
        Mono<String> put(@PathVariable("key") String key, ServerHttpRequest request) {
            long length = request.getHeaders().getContentLength();
            PutObjectOptions options = PutObjectOptions.builder().contentType("application/octet-stream").build();
            return length >= 0
                    ? S3Uploads.putObject(client, bucket, key, request.getBody(), length, options)
                            .map(r -> "put " + r.eTag())
                    : S3Uploads.upload(engine, bucket, key, request.getBody(), options).result()
                            .map(r -> "upload " + r.parts() + " " + r.size());
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static Flux<DataBuffer> chunks(byte[] bytes, int chunk, List<NettyDataBuffer> emitted) {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            parts.add(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk)));
        }
        return Flux.fromIterable(parts).map(p -> {
            NettyDataBuffer b = POOLED.allocateBuffer(p.length);
            b.write(p);
            emitted.add(b);
            return (DataBuffer) b;
        });
    }

    @Test
    void controller_knownAndUnknownLength_storedByteForByte() {
        WebTestClient web = WebTestClient.bindToController(new Uploads()).configureClient().responseTimeout(WAIT)
                .build();
        byte[] small = random(100_000);
        String answer = web.put().uri("/u/known").contentLength(small.length).bodyValue(small).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).startsWith("put ");
        assertThat(client.getObject(bucket, "known").block(WAIT).content()).isEqualTo(small);

        // 17 MiB without a length: above the engine's 16 MiB threshold, so a multipart upload of 3 parts
        byte[] large = random(17 * 1024 * 1024);
        List<NettyDataBuffer> emitted = new ArrayList<>();
        web.put().uri("/u/unknown").body(chunks(large, 64 * 1024, emitted), DataBuffer.class).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("upload 3 " + large.length);
        assertThat(client.getObject(bucket, "unknown").block(WAIT).content()).isEqualTo(large);
    }

    @Test
    void buffers_releasedAfterSuccessAndFailure() {
        byte[] bytes = random(300_000);
        List<NettyDataBuffer> emitted = new ArrayList<>();
        S3Uploads.putObject(client, bucket, "released", chunks(bytes, 8192, emitted), bytes.length,
                PutObjectOptions.defaults()).block(WAIT);
        assertThat(emitted).hasSize(37).allSatisfy(b -> assertThat(b.getNativeBuffer().refCnt()).isZero());

        emitted.clear();
        UploadResult result = S3Uploads.upload(engine, bucket, "released-2", chunks(bytes, 8192, emitted),
                PutObjectOptions.defaults()).result().block(WAIT);
        assertThat(result.size()).isEqualTo(bytes.length);
        assertThat(emitted).isNotEmpty().allSatisfy(b -> assertThat(b.getNativeBuffer().refCnt()).isZero());

        // a body small enough to be sent whole before the store answers: a large one may be cut off by S3Proxy's
        // early 404 (the connection closes mid-body, a transport error instead of the store's answer)
        emitted.clear();
        byte[] small = random(8192);
        assertThatThrownBy(() -> S3Uploads.putObject(client, "no-such-bucket-up", "k",
                chunks(small, 1024, emitted), small.length, PutObjectOptions.defaults()).block(WAIT))
                .isInstanceOf(BucketNotFoundException.class);
        // the store's error can reach the caller before the HTTP client's last write of the body completes (and
        // releases its buffer on the event loop): wait for that, a buffer never released still fails
        assertReleasedWithin(emitted, Duration.ofSeconds(5));

        emitted.clear();
        Flux<DataBuffer> failing = Flux.concat(chunks(bytes, 8192, emitted),
                Flux.error(new IllegalStateException("client went away")));
        assertThatThrownBy(() -> S3Uploads.upload(engine, bucket, "failed", failing, PutObjectOptions.defaults())
                .result().block(WAIT)).hasStackTraceContaining("client went away");
        assertReleasedWithin(emitted, Duration.ofSeconds(5));
        assertThat(client.objectExists(bucket, "failed").block(WAIT)).isFalse();
    }

    /** Every buffer is released within {@code bound} (polled), else the assertion on their reference counts fails. */
    private static void assertReleasedWithin(List<NettyDataBuffer> buffers, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (buffers.stream().anyMatch(b -> b.getNativeBuffer().refCnt() != 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(buffers).isNotEmpty().allSatisfy(b -> assertThat(b.getNativeBuffer().refCnt()).isZero());
    }

    @Test
    void presignedPostForm_submittedAsRendered_storesTheFile() throws Exception {
        PresignedPost post = client.presigner().post(bucket, PostPolicy.builder().keyStartsWith("forms/")
                .contentLengthRange(1, 1024).expiresIn(Duration.ofMinutes(5)).build()).block(WAIT);
        String html = PresignedPostForms.form(post, "Upload <now>");
        assertThat(html).contains("enctype=\"multipart/form-data\"", "Upload &lt;now&gt;")
                .doesNotContain("<now>");
        assertThat(html.indexOf("type=\"file\"")).isGreaterThan(html.lastIndexOf("type=\"hidden\""));

        // submit what the page holds, as a browser would: the hidden fields in order, then the file
        Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(html);
        assertThat(action.find()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("name=\"([^\"]*)\" value=\"([^\"]*)\"").matcher(html);
        while (hidden.find()) {
            fields.put(HtmlUtils.htmlUnescape(hidden.group(1)), HtmlUtils.htmlUnescape(hidden.group(2)));
        }
        assertThat(fields).containsKeys("policy", "x-amz-signature");
        fields.put("key", "forms/hello.txt");
        // java.net.http as the browser: Spring's multipart writer draws its boundary from SecureRandom on a Netty
        // thread, which BlockHound rightly reports
        String boundary = "----form" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"hello.txt\"\r\n")
                .append("Content-Type: text/plain\r\n\r\nhello, form\r\n--").append(boundary).append("--\r\n");
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(HtmlUtils.htmlUnescape(action.group(1))))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString(),
                                StandardCharsets.UTF_8)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        HttpStatus status = HttpStatus.valueOf(response.statusCode());
        assertThat(status.is2xxSuccessful()).as("status %s: %s", status, response.body()).isTrue();
        assertThat(client.getObject(bucket, "forms/hello.txt").block(WAIT).asUtf8String()).isEqualTo("hello, form");
    }
}
