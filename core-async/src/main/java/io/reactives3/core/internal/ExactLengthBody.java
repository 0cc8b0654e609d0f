package io.reactives3.core.internal;

import io.reactives3.core.error.DataIntegrityException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/**
 * A request body that must be exactly {@code length} bytes. A publisher that emits more or fewer bytes fails the
 * request with {@link DataIntegrityException} <em>before</em> the last announced byte reaches the connection, so the
 * store never receives a complete body and stores nothing.
 *
 * <p>Why this is needed: the SDK's Netty client stops reading a body once {@code Content-Length} bytes were written and
 * sends the request, silently dropping surplus bytes (the store would keep a truncated object). So the buffer that
 * completes the announced length is held back until the source proves it has nothing more: it completes (the buffer
 * is released and the body completes) or emits more bytes (the body fails). Empty buffers are skipped.
 *
 * <p>A source that emits exactly the length but then neither completes nor emits more within {@link #COMPLETION_GRACE}
 * fails the request the same way (nothing is stored) instead of hanging it.
 *
 * <p>Every subscription counts afresh, so SDK retries re-read a re-subscribable source correctly.
 */
final class ExactLengthBody implements AsyncRequestBody {

    /** How long a source that emitted the announced length may take to complete. */
    static final Duration COMPLETION_GRACE = Duration.ofSeconds(30);

    private final Publisher<ByteBuffer> source;
    private final long length;
    private final String contentType;
    private final String target;
    private final Duration grace;

    /**
     * @param target what the body is for, for messages, e.g. {@code PutObject s3://bucket/key}
     */
    ExactLengthBody(Publisher<ByteBuffer> source, long length, String contentType, String target) {
        this(source, length, contentType, target, COMPLETION_GRACE);
    }

    ExactLengthBody(Publisher<ByteBuffer> source, long length, String contentType, String target, Duration grace) {
        this.grace = grace;
        this.source = source;
        this.length = length;
        this.contentType = contentType;
        this.target = target;
    }

    @Override
    public Optional<Long> contentLength() {
        return Optional.of(length);
    }

    @Override
    public String contentType() {
        return contentType != null ? contentType : AsyncRequestBody.super.contentType();
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
        checked().subscribe(subscriber);
    }

    private Flux<ByteBuffer> checked() {
        return Flux.defer(() -> {
            long[] seen = {0};
            ByteBuffer[] held = {null};
            return Flux.from(source)
                    .timeout(Mono.never(), buffer -> seen[0] >= length ? Mono.delay(grace) : Mono.never())
                    .onErrorMap(TimeoutException.class, e -> new DataIntegrityException(target + " failed: the body "
                            + "reached the " + length + " bytes announced but did not complete within "
                            + grace + "; nothing was stored"))
                    .<ByteBuffer>handle((buffer, sink) -> {
                        int n = buffer.remaining();
                        if (n == 0) {
                            return;
                        }
                        seen[0] += n;
                        if (seen[0] > length) {
                            sink.error(tooLong());
                        } else if (seen[0] == length) {
                            held[0] = buffer; // released only when the source completes without more bytes
                        } else {
                            sink.next(buffer);
                        }
                    })
                    .concatWith(Mono.defer(() -> {
                        if (seen[0] < length) {
                            return Mono.error(new DataIntegrityException(target + " failed: the body ended after "
                                    + seen[0] + " bytes but " + length + " were announced; nothing was stored"));
                        }
                        return Mono.justOrEmpty(held[0]);
                    }));
        });
    }

    private DataIntegrityException tooLong() {
        return new DataIntegrityException(target + " failed: the body has more than the " + length
                + " bytes announced; nothing was stored");
    }
}
