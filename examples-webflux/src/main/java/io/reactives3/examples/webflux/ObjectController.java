package io.reactives3.examples.webflux;

import io.reactives3.core.PostPolicy;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.spring.webflux.PresignedPostForms;
import io.reactives3.spring.webflux.S3ObjectResponses;
import io.reactives3.spring.webflux.S3Uploads;
import io.reactives3.transfer.S3TransferEngine;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The example's endpoints, each a thin layer over the starter's beans and WebFlux helpers:
 * <ul>
 *   <li>{@code PUT /objects/{key}}: streams the request body into S3 (any length, with or without
 *       {@code Content-Length}) through the transfer engine; answers 201 with the stored object's summary;</li>
 *   <li>{@code GET|HEAD /objects/{key}}: streams the object out with backpressure, ranges and conditional requests;</li>
 *   <li>{@code GET /objects?prefix=p}: the keys under a prefix as NDJSON, one line per object, paged on demand;</li>
 *   <li>{@code GET /upload}: an HTML page from which a browser uploads a file straight to S3 (presigned POST).</li>
 * </ul>
 */
@RestController
public class ObjectController {

    private final ReactiveS3Client client;
    private final S3TransferEngine engine;
    private final String bucket;

    /** The controller over the starter's client and engine, serving {@code bucket}. */
    public ObjectController(ReactiveS3Client client, S3TransferEngine engine, @Value("${example.bucket}") String bucket) {
        this.client = client;
        this.engine = engine;
        this.bucket = bucket;
    }

    /** One line of the NDJSON listing. */
    public record Entry(String key, long size, Instant lastModified, String eTag) {
    }

    /** What an upload stored. */
    public record Stored(String key, long size, int parts, String eTag) {
    }

    @PutMapping("/objects/{key}")
    Mono<ResponseEntity<Stored>> upload(@PathVariable String key, ServerHttpRequest request) {
        Flux<DataBuffer> body = request.getBody();
        MediaType type = request.getHeaders().getContentType();
        PutObjectOptions options = PutObjectOptions.builder()
                .contentType(type != null ? type.toString() : MediaType.APPLICATION_OCTET_STREAM_VALUE).build();
        return S3Uploads.upload(engine, bucket, key, body, options).result()
                .map(r -> ResponseEntity.created(URI.create("/objects/" + key))
                        .body(new Stored(r.key(), r.size(), r.parts(), r.eTag())));
    }

    @GetMapping("/objects/{key}")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String key, ServerHttpRequest request) {
        return S3ObjectResponses.entity(client, bucket, key, request);
    }

    @GetMapping(path = "/objects", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<Entry> list(@RequestParam(defaultValue = "") String prefix) {
        return client.listObjects(bucket, o -> o.prefix(prefix))
                .map(o -> new Entry(o.key(), o.size(), o.lastModified(), o.eTag()));
    }

    @GetMapping(path = "/upload", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> uploadPage() {
        PostPolicy policy = PostPolicy.builder()
                .keyStartsWith("browser/")
                .contentLengthRange(1, 10 * 1024 * 1024)
                .successActionStatus(201)
                .expiresIn(Duration.ofMinutes(10))
                .build();
        return client.presigner().post(bucket, policy)
                .map(post -> ResponseEntity.ok()
                        .header(HttpHeaders.CACHE_CONTROL, "no-store") // the form carries a signature
                        .body("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Upload</title></head><body>\n"
                                + "<h1>Upload a file (up to 10 MiB) to S3</h1>\n"
                                + PresignedPostForms.form(post, "Upload")
                                + "</body></html>\n"));
    }
}
