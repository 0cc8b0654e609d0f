package io.reactives3.spring.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.ByteRange;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.UploadBody;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.spring.S3ProxyTarget;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Objects served through {@link S3ObjectResponses} from an annotated controller and a functional route, the object
 * stored on the testkit's S3Proxy; every status and header checked with WebTestClient.
 */
class S3ObjectResponsesTest {

    private static final String CONTENT = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ReactiveS3Client client;
    private static String bucket;
    private static ObjectHead head;

    @BeforeAll
    static void store() {
        client = S3ProxyTarget.newClient();
        bucket = S3ProxyTarget.newBucket();
        client.putObject(bucket, "doc.txt", UploadBody.ofString(CONTENT),
                PutObjectOptions.builder().contentType("text/plain;charset=UTF-8").cacheControl("max-age=60").build())
                .block(WAIT);
        head = client.headObject(bucket, "doc.txt").block(WAIT);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @RestController
    static class Objects {
        @GetMapping("/c/{key}")
        Mono<ResponseEntity<Flux<DataBuffer>>> get(@PathVariable("key") String key, ServerHttpRequest request) {
            return S3ObjectResponses.entity(client, bucket, key, request);
        }
    }

    private static WebTestClient controller() {
        return WebTestClient.bindToController(new Objects()).configureClient().responseTimeout(WAIT).build();
    }

    private static WebTestClient functional() {
        return WebTestClient.bindToRouterFunction(RouterFunctions.route(
                        RequestPredicates.GET("/c/{key}").or(RequestPredicates.HEAD("/c/{key}")),
                        request -> S3ObjectResponses.response(client, bucket, request.pathVariable("key"), request)))
                .configureClient().responseTimeout(WAIT).build();
    }

    private static String quotedETag() {
        return "\"" + head.eTag() + "\"";
    }

    @Test
    void get_wholeObject_withContentHeaders() {
        for (WebTestClient web : new WebTestClient[] {controller(), functional()}) {
            web.get().uri("/c/doc.txt").exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentLength(CONTENT.length())
                    .expectHeader().contentTypeCompatibleWith("text/plain")
                    .expectHeader().valueEquals(HttpHeaders.ETAG, quotedETag())
                    .expectHeader().lastModified(head.lastModified().toEpochMilli() / 1000 * 1000)
                    .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=60")
                    .expectBody(String.class).isEqualTo(CONTENT);
        }
    }

    @Test
    void get_singleRanges_206WithContentRange() {
        for (WebTestClient web : new WebTestClient[] {controller(), functional()}) {
            web.get().uri("/c/doc.txt").header(HttpHeaders.RANGE, "bytes=2-5").exchange()
                    .expectStatus().isEqualTo(HttpStatus.PARTIAL_CONTENT)
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 2-5/" + CONTENT.length())
                    .expectHeader().contentLength(4)
                    .expectBody(String.class).isEqualTo("2345");
            web.get().uri("/c/doc.txt").header(HttpHeaders.RANGE, "bytes=30-").exchange()
                    .expectStatus().isEqualTo(HttpStatus.PARTIAL_CONTENT)
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 30-35/36")
                    .expectBody(String.class).isEqualTo("uvwxyz");
            web.get().uri("/c/doc.txt").header(HttpHeaders.RANGE, "bytes=-3").exchange()
                    .expectStatus().isEqualTo(HttpStatus.PARTIAL_CONTENT)
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 33-35/36")
                    .expectBody(String.class).isEqualTo("xyz");
        }
    }

    @Test
    void get_multipleOrUnsatisfiableRanges_wholeObjectOr416() {
        WebTestClient web = controller();
        web.get().uri("/c/doc.txt").header(HttpHeaders.RANGE, "bytes=0-1,4-5").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo(CONTENT);
        web.get().uri("/c/doc.txt").header(HttpHeaders.RANGE, "bytes=100-200").exchange()
                .expectStatus().isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */36");
    }

    @Test
    void get_ifRange_rangeOnlyWhileETagMatches() {
        WebTestClient web = functional();
        web.get().uri("/c/doc.txt").header(HttpHeaders.RANGE, "bytes=0-2").header(HttpHeaders.IF_RANGE, quotedETag())
                .exchange().expectStatus().isEqualTo(HttpStatus.PARTIAL_CONTENT).expectBody(String.class).isEqualTo("012");
        web.get().uri("/c/doc.txt").header(HttpHeaders.RANGE, "bytes=0-2").header(HttpHeaders.IF_RANGE, "\"other\"")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo(CONTENT);
    }

    @Test
    void conditionalGet_matchingETagOrDate_304WithETag() {
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(head.lastModified(), ZoneOffset.UTC));
        for (WebTestClient web : new WebTestClient[] {controller(), functional()}) {
            web.get().uri("/c/doc.txt").header(HttpHeaders.IF_NONE_MATCH, quotedETag()).exchange()
                    .expectStatus().isNotModified()
                    .expectHeader().valueEquals(HttpHeaders.ETAG, quotedETag())
                    .expectBody().isEmpty();
            web.get().uri("/c/doc.txt").header(HttpHeaders.IF_NONE_MATCH, "\"x\", " + quotedETag()).exchange()
                    .expectStatus().isNotModified();
            web.get().uri("/c/doc.txt").header(HttpHeaders.IF_MODIFIED_SINCE, lastModified).exchange()
                    .expectStatus().isNotModified();
            web.get().uri("/c/doc.txt").header(HttpHeaders.IF_NONE_MATCH, "\"stale\"").exchange()
                    .expectStatus().isOk().expectBody(String.class).isEqualTo(CONTENT);
            web.get().uri("/c/doc.txt").header(HttpHeaders.IF_MODIFIED_SINCE, DateTimeFormatter.RFC_1123_DATE_TIME
                            .format(ZonedDateTime.ofInstant(head.lastModified().minusSeconds(3600), ZoneOffset.UTC)))
                    .exchange().expectStatus().isOk();
        }
    }

    @Test
    void conditionalGet_ifMatchMismatch_412() {
        controller().get().uri("/c/doc.txt").header(HttpHeaders.IF_MATCH, "\"other\"").exchange()
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
        functional().get().uri("/c/doc.txt").header(HttpHeaders.IF_MATCH, quotedETag()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void head_headersWithoutBody() {
        for (WebTestClient web : new WebTestClient[] {controller(), functional()}) {
            web.head().uri("/c/doc.txt").exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentLength(CONTENT.length())
                    .expectHeader().valueEquals(HttpHeaders.ETAG, quotedETag())
                    .expectBody().isEmpty();
            web.head().uri("/c/doc.txt").header(HttpHeaders.IF_NONE_MATCH, quotedETag()).exchange()
                    .expectStatus().isNotModified();
        }
    }

    @Test
    void get_unparsableStoredContentType_servedAsOctetStream() {
        client.putObject(bucket, "odd.bin", UploadBody.ofString("odd"),
                PutObjectOptions.builder().contentType("not a media type").build()).block(WAIT);
        controller().get().uri("/c/odd.bin").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/octet-stream")
                .expectBody(String.class).isEqualTo("odd");
    }

    @Test
    void missingObject_404() {
        controller().get().uri("/c/nothing-here").exchange().expectStatus().isNotFound();
        functional().head().uri("/c/nothing-here").exchange().expectStatus().isNotFound();
    }

    @Test
    void parseRange_acceptsOneRangeOnly() {
        assertThat(S3ObjectResponses.parseRange("bytes=0-9")).isEqualTo(ByteRange.of(0, 9));
        assertThat(S3ObjectResponses.parseRange("bytes=5-")).isEqualTo(ByteRange.from(5));
        assertThat(S3ObjectResponses.parseRange("bytes=-5")).isEqualTo(ByteRange.lastBytes(5));
        assertThat(S3ObjectResponses.parseRange("bytes=9-1")).isNull();
        assertThat(S3ObjectResponses.parseRange("bytes=0-1,3-4")).isNull();
        assertThat(S3ObjectResponses.parseRange("items=0-1")).isNull();
        assertThat(S3ObjectResponses.parseRange("bytes=-")).isNull();
        assertThat(S3ObjectResponses.parseRange(null)).isNull();
    }
}
