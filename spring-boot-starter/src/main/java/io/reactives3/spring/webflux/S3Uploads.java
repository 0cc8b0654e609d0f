package io.reactives3.spring.webflux;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.UploadBody;
import io.reactives3.core.model.PutObjectResult;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request bodies ({@code Flux<DataBuffer>}, e.g. {@code ServerHttpRequest.getBody()} or
 * {@code ServerRequest.bodyToFlux(DataBuffer.class)}) into S3 objects.
 *
 * <p>Every {@link DataBuffer} is copied into a heap {@link ByteBuffer} as it arrives and released at once, so no
 * pooled Netty buffer outlives its signal; buffers still queued when the upload fails or is cancelled are released
 * too (Reactor's discard hook). The body is read on demand: the upload's own backpressure (the SDK's request body,
 * the engine's memory budget) paces the client that sends it. Nothing is read before the returned publisher is
 * subscribed.
 */
public final class S3Uploads {

    private S3Uploads() {
    }

    /**
     * Uploads a body whose length is known (the request's {@code Content-Length}) with one PutObject (up to 5 GiB).
     * Emits the result; a body that ends short of or runs past {@code contentLength} fails the upload; store errors
     * arrive as the client's typed errors. Cancelling aborts the request.
     *
     * @throws io.reactives3.core.error.InvalidInputException for a bad bucket, key or negative length
     */
    public static Mono<PutObjectResult> putObject(ReactiveS3Client client, String bucket, String key,
                                                  Publisher<DataBuffer> body, long contentLength,
                                                  PutObjectOptions options) {
        Objects.requireNonNull(client, "client");
        return client.putObject(bucket, key, UploadBody.ofPublisher(toByteBuffers(body), contentLength), options);
    }

    /**
     * Uploads a body of unknown length (chunked transfer encoding, a multipart form part) with the transfer engine:
     * one PutObject when it ends within the engine's multipart threshold, a multipart upload otherwise, every part
     * reserved from the engine's memory budget before it is read (so many concurrent uploads cannot exhaust the
     * heap: they wait instead, and stop reading their clients). An error from the body or a cancel aborts the
     * multipart upload.
     */
    public static Transfer<UploadResult> upload(S3TransferEngine engine, String bucket, String key,
                                                Publisher<DataBuffer> body, PutObjectOptions options) {
        Objects.requireNonNull(engine, "engine");
        return engine.upload(toByteBuffers(body), bucket, key, options);
    }

    /**
     * The body as heap {@link ByteBuffer}s: each {@link DataBuffer} copied and released when it arrives; buffers
     * discarded by an operator (on error or cancel) released.
     */
    public static Flux<ByteBuffer> toByteBuffers(Publisher<DataBuffer> body) {
        Objects.requireNonNull(body, "body");
        return Flux.from(body)
                .map(S3Uploads::copyAndRelease)
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
    }

    private static ByteBuffer copyAndRelease(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return ByteBuffer.wrap(bytes);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
