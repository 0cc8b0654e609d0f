package io.reactives3.transfer.internal;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.transfer.MemoryBudget;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploads of streams of unknown length. The source is cut into parts ({@link PartAssembler}: the part size doubles
 * every 1,000 parts so 10,000 parts hold about 5 TiB at the most) and read only as memory for its bytes can be
 * reserved. A stream that ends within its first part and below the threshold becomes one PutObject; anything else a
 * multipart upload with {@code concurrency} parts in flight.
 *
 * <p>Memory: every byte copied from the source is reserved from the engine's {@link MemoryBudget} first and given
 * back when its part has been sent, failed or was cancelled; an upload of N bytes holds about N bytes (at most
 * {@code concurrency} parts in flight, one handed out and one being filled). Digests are computed and the source is requested on the engine's own threads, not
 * on the HTTP client's.
 */
final class StreamUploader {

    private final Uploads uploads;
    private final TransferSettings settings;

    StreamUploader(Uploads uploads) {
        this.uploads = uploads;
        this.settings = uploads.settings();
    }

    Mono<UploadResult> upload(Publisher<ByteBuffer> source, String bucket, String key, PutObjectOptions options,
                              TransferRun run) {
        IntegrityMode mode = uploads.uploadMode();
        return PartAssembler.parts(Flux.from(source), settings.memoryBudget(), settings.partSize(),
                        PartPlan.STREAM_PARTS_PER_SIZE, uploads.work())
                .switchOnFirst((first, parts) -> {
                    if (!first.hasValue()) {
                        return parts.thenMany(Flux.<UploadResult>empty());
                    }
                    PartAssembler.Sealed head = first.get();
                    if (head.last() && head.length() < settings.multipartThreshold()) {
                        return parts.next().flatMap(part -> {
                            run.plan(part.length(), 1);
                            return send(part, mode, data -> uploads.putSingle(bucket, key, options, data, run));
                        });
                    }
                    long[] total = {0};
                    int[] count = {0};
                    return uploads.multipart(bucket, key, options,
                            upload -> parts
                                    .flatMap(part -> send(part, mode, data -> uploads.uploadPart(upload, data, run)),
                                            settings.concurrency(), 1)
                                    .doOnNext(sent -> {
                                        total[0] += sent.length();
                                        count[0]++;
                                    })
                                    .doOnComplete(() -> run.plan(total[0], count[0])),
                            Mono::empty, run);
                })
                .single();
    }

    /** Digests {@code part} on the engine's threads, sends it, and releases its memory however that ends. */
    private <R> Mono<R> send(PartAssembler.Sealed part, IntegrityMode mode, Function<PartData, Mono<R>> sender) {
        return Mono.fromCallable(() -> PartData.of(part.partNumber(), part.buffers(), mode,
                        part.reservation()))
                .subscribeOn(uploads.work())
                .flatMap(data -> sender.apply(data).doFinally(signal -> data.release()))
                .doFinally(signal -> part.release());
    }
}
