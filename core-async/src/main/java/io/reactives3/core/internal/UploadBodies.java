package io.reactives3.core.internal;

import io.reactives3.core.UploadBody;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.LocalFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/** Turns an {@link UploadBody} into an SDK request body of known length, per subscription. */
final class UploadBodies {

    /** An SDK body with its length and the content type the body implies (null when none). */
    record Prepared(AsyncRequestBody body, long length, String contentType) {
    }

    private UploadBodies() {
    }

    /**
     * @param operation e.g. {@code PutObject}, for messages
     * @param target    what the body is for, e.g. {@code PutObject s3://bucket/key}
     * @param requestContentType the content type the request sets (the options'), or null: a streamed body announces
     *                  it too, so the SDK does not fall back to its default
     */
    static Mono<Prepared> prepare(UploadBody body, String operation, String target, String requestContentType) {
        if (body.file().isPresent()) {
            Path file = body.file().get();
            // sizing the file and guessing its type are file-system calls: off the subscribing thread
            return Mono.fromCallable(() -> {
                        AsyncRequestBody sdkBody = AsyncRequestBody.fromFile(file);
                        return new Prepared(sdkBody, sdkBody.contentLength().orElseThrow(), sdkBody.contentType());
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .onErrorMap(e -> e instanceof UncheckedIOException || e instanceof IOException,
                            e -> localFile(target, file, e));
        }
        String type = body.contentType().orElse(null);
        if (body.inMemory().isPresent()) {
            ByteBuffer bytes = body.inMemory().get();
            // the buffer is a private copy nobody writes to: the SDK may read it without copying again
            return Mono.fromSupplier(() -> new Prepared(
                    AsyncRequestBody.fromRemainingByteBufferUnsafe(bytes.duplicate()), bytes.remaining(), type));
        }
        if (body.contentLength().isPresent()) {
            long length = body.contentLength().getAsLong();
            String announced = requestContentType != null ? requestContentType : type;
            return Mono.fromSupplier(() -> new Prepared(new ExactLengthBody(body.content(), length, announced,
                    target), length, type));
        }
        return collect(body, target).map(bytes -> new Prepared(AsyncRequestBody.fromBytes(bytes), bytes.length, type));
    }

    private static Mono<byte[]> collect(UploadBody body, String target) {
        return Mono.defer(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            return body.content().handle((ByteBuffer buffer, reactor.core.publisher.SynchronousSink<byte[]> sink) -> {
                if (out.size() + (long) buffer.remaining() > UploadBody.MAX_UNKNOWN_LENGTH) {
                    sink.error(new InvalidInputException(target + " failed: a body of unknown length is collected "
                            + "into memory, at most " + UploadBody.MAX_UNKNOWN_LENGTH + " bytes, and this one is "
                            + "longer; nothing was sent. Use UploadBody.ofPublisher(body, length) or the transfer "
                            + "engine's streaming upload"));
                    return;
                }
                ByteBuffer copy = buffer.duplicate();
                byte[] chunk = new byte[copy.remaining()];
                copy.get(chunk);
                out.write(chunk, 0, chunk.length);
            }).then(Mono.fromSupplier(out::toByteArray));
        });
    }

    private static LocalFileException localFile(String target, Path file, Throwable e) {
        Throwable cause = e instanceof UncheckedIOException io ? io.getCause() : e;
        return new LocalFileException(target + " failed: local file " + file + ": " + cause, cause);
    }
}
