package io.reactives3.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.S3Targets;
import io.reactives3.testkit.StoreKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.reactives3.spring.observation.S3OperationObservationContext;
import io.reactives3.spring.observation.S3TransferObservationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The example service end to end: a real Netty server on a random port, the starter pointed at the testkit's
 * S3Proxy, every endpoint driven over HTTP with WebTestClient.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "example.bucket=webflux-example-test")
class WebFluxExampleTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final S3Target STORE = S3Targets.start(StoreKind.S3PROXY);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("reactive-s3.endpoint", () -> STORE.endpoint().toString());
        registry.add("reactive-s3.region", () -> STORE.region().id());
        registry.add("reactive-s3.profile", () -> "s3proxy");
        registry.add("reactive-s3.credentials.access-key-id", STORE::accessKey);
        registry.add("reactive-s3.credentials.secret-access-key", STORE::secretKey);
    }

    @AfterAll
    static void stop() {
        STORE.close();
    }

    @Autowired
    private WebTestClient web;

    @Autowired
    private ReactiveS3Client client;

    @Autowired
    private S3Observations observations;

    @LocalServerPort
    private int port;

    /** Records each S3 request and transfer observation when it stops, with its parent's name. */
    static final class S3Observations implements ObservationHandler<Observation.Context> {
        final List<String> stopped = new CopyOnWriteArrayList<>();

        @Override
        public void onStop(Observation.Context context) {
            Observation.ContextView parent = context.getParentObservation() == null ? null
                    : context.getParentObservation().getContextView();
            String what = context instanceof S3OperationObservationContext request
                    ? request.operation().name() + " " + request.operation().key()
                    : context instanceof S3TransferObservationContext transfer ? transfer.kind() + " " + transfer.key()
                    : context.getName();
            stopped.add(what + " in " + (parent == null ? "-" : parent.getName()));
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof S3OperationObservationContext || context instanceof S3TransferObservationContext;
        }
    }

    @TestConfiguration
    static class Observations {
        @Bean
        S3Observations s3Observations() {
            return new S3Observations();
        }
    }

    private WebTestClient http() {
        // the test reads whole 20 MiB bodies into arrays to compare them
        return web.mutate().responseTimeout(WAIT)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
    }

    @Test
    void upload_unknownLength_thenDownloadRangeAndConditional() {
        byte[] bytes = new byte[20 * 1024 * 1024 + 123];
        ThreadLocalRandom.current().nextBytes(bytes);
        // chunked: no Content-Length, 20 MiB so the engine goes multipart
        Flux<DataBuffer> body = Flux.range(0, (bytes.length + 65535) / 65536).map(i -> DefaultDataBufferFactory
                .sharedInstance.wrap(java.nio.ByteBuffer.wrap(bytes, i * 65536, Math.min(65536, bytes.length - i * 65536))));
        http().put().uri("/objects/video.bin").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(body, DataBuffer.class).exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/objects/video.bin")
                .expectBody()
                .jsonPath("$.size").isEqualTo(bytes.length)
                .jsonPath("$.parts").isEqualTo(3);

        byte[] downloaded = http().get().uri("/objects/video.bin").exchange()
                .expectStatus().isOk()
                .expectHeader().contentLength(bytes.length)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(bytes);

        String eTag = http().head().uri("/objects/video.bin").exchange().expectStatus().isOk()
                .returnResult(Void.class).getResponseHeaders().getETag();
        http().get().uri("/objects/video.bin").header(HttpHeaders.IF_NONE_MATCH, eTag).exchange()
                .expectStatus().isNotModified();
        byte[] range = http().get().uri("/objects/video.bin").header(HttpHeaders.RANGE, "bytes=1000-1999").exchange()
                .expectStatus().isEqualTo(HttpStatus.PARTIAL_CONTENT)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 1000-1999/" + bytes.length)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(range).isEqualTo(java.util.Arrays.copyOfRange(bytes, 1000, 2000));
    }

    @Test
    void download_slowReader_getsEveryByteInOrder() {
        byte[] bytes = new byte[4 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(bytes);
        http().put().uri("/objects/slow.bin").bodyValue(bytes).exchange().expectStatus().isCreated();
        // a reader that takes one buffer at a time: the response follows its demand
        Flux<DataBuffer> stream = http().get().uri("/objects/slow.bin").exchange().expectStatus().isOk()
                .returnResult(DataBuffer.class).getResponseBody();
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        StepVerifier.create(stream.limitRate(1).delayElements(Duration.ofMillis(1)).doOnNext(b -> {
                    byte[] chunk = new byte[b.readableByteCount()];
                    b.read(chunk);
                    received.writeBytes(chunk);
                    org.springframework.core.io.buffer.DataBufferUtils.release(b);
                }).then())
                .expectComplete().verify(WAIT);
        assertThat(received.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void list_prefixAsNdjson() {
        for (String key : List.of("report-1", "report-2", "other")) {
            http().put().uri("/objects/" + key).bodyValue(key.getBytes(StandardCharsets.UTF_8)).exchange()
                    .expectStatus().isCreated();
        }
        List<ObjectController.Entry> entries = http().get().uri("/objects?prefix=report-")
                .accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .returnResult(ObjectController.Entry.class).getResponseBody().collectList().block(WAIT);
        assertThat(entries).extracting(ObjectController.Entry::key).containsExactly("report-1", "report-2");
        assertThat(entries).extracting(ObjectController.Entry::size).containsExactly(8L, 8L);
    }

    @Test
    void uploadPage_formPostsStraightToTheStore() throws Exception {
        String html = http().get().uri("/upload").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(html);
        assertThat(action.find()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("name=\"([^\"]*)\" value=\"([^\"]*)\"").matcher(html);
        while (hidden.find()) {
            fields.put(HtmlUtils.htmlUnescape(hidden.group(1)), HtmlUtils.htmlUnescape(hidden.group(2)));
        }
        assertThat(fields).containsEntry("key", "browser/${filename}");

        // what a browser sends for the form with the file "photo.txt" chosen
        String boundary = "----browser" + System.nanoTime();
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        form.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"photo.txt\"\r\n")
                .append("Content-Type: text/plain\r\n\r\nfrom the browser\r\n--").append(boundary).append("--\r\n");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(HtmlUtils.htmlUnescape(action.group(1))))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

        http().get().uri("/objects?prefix=browser/").accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectBody(String.class).value(v -> assertThat(v).contains("\"key\":\"browser/photo.txt\""));
        assertThat(client.getObject("webflux-example-test", "browser/photo.txt").block(WAIT).asUtf8String())
                .isEqualTo("from the browser");
    }

    @Test
    void actuator_healthUpAndMetricsListed() {
        http().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.reactiveS3.status").isEqualTo("UP");
        http().put().uri("/objects/metered").bodyValue("m".getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isCreated();
        http().get().uri("/actuator/metrics/reactive.s3.requests?tag=operation:PutObject").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.measurements[?(@.statistic=='COUNT')].value").value(v ->
                        assertThat(((List<?>) v).get(0)).asString().isNotEqualTo("0.0"));
    }

    @Test
    void s3Requests_observedAsChildrenOfTheHttpRequest() {
        http().put().uri("/objects/traced").bodyValue("t".getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isCreated();
        http().get().uri("/objects/traced").exchange().expectStatus().isOk();
        // the server observation stops after the response is written: the S3 ones stopped before it; the upload
        // goes through the engine, whose transfer observation is the parent of its request
        assertThat(observations.stopped).contains("upload traced in http.server.requests",
                "PutObject traced in s3.transfer", "GetObject traced in http.server.requests");
    }

    /**
     * The upload page in a real browser, when Debian's {@code chromium} and {@code python3} are installed
     * ({@code scripts/browser-check.sh} installs chromium and runs the same check against a started example).
     */
    @Test
    void uploadPage_inHeadlessChromium_postsTheChosenFileStraightToTheStore(@TempDir Path dir) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Path script = Path.of("..", "scripts", "browser-check.py").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(Path.of("/usr/bin/python3")),
                "chromium or python3 is not installed");
        byte[] bytes = new byte[200_000];
        ThreadLocalRandom.current().nextBytes(bytes);
        Path file = Files.write(dir.resolve("chosen.bin"), bytes);
        String name = "chromium-" + System.nanoTime() + ".bin";
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), chromium.toString(),
                "http://127.0.0.1:" + port + "/upload", name, file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(answer).isZero();
        assertThat(answer.lines()).contains("Bucket=webflux-example-test", "Key=browser/" + name, "Code=");
        assertThat(client.getObject("webflux-example-test", "browser/" + name).block(WAIT).content())
                .isEqualTo(bytes);
    }
}
