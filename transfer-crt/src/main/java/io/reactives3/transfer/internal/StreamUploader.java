package io.reactives3.transfer.internal;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Uploads of streams of unknown length. The source is cut into parts ({@link Chunker}: the part size doubles every
 * 1,000 parts so 10,000 parts hold about 5 TiB) and requested only as parts can be sent. A stream that ends within
 * its first part and below the threshold becomes one PutObject; anything else a multipart upload.
 *
 * <p>Memory ({@link BudgetedSender}): the parts in flight (at most {@code concurrency}) and the part being filled
 * stay within {@link TransferSettings#memoryBudget()} while parts are at most half of it (with the defaults: the
 * first 4,000 parts, about 117 GiB); beyond, one part is in flight and one filling, exceeding the budget. The
 * source is requested one buffer at a time as the part being filled needs bytes. Digests are computed on parallel
 * threads, not on the source's thread.
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
        return chunks(source, settings.partSize(), PartPlan.STREAM_PARTS_PER_SIZE)
                .switchOnFirst((first, chunks) -> {
                    if (!first.hasValue()) {
                        return chunks.thenMany(Flux.<UploadResult>empty());
                    }
                    Chunker.Chunk chunk = first.get();
                    if (chunk.last() && chunk.length() < settings.multipartThreshold()) {
                        return chunks.next().flatMap(c -> digest(c).flatMap(data -> {
                            run.plan(data.length(), 1);
                            return uploads.putSingle(bucket, key, options, data, run);
                        }));
                    }
                    long[] total = {0};
                    int[] parts = {0};
                    return uploads.multipart(bucket, key, options,
                            upload -> BudgetedSender.send(chunks, this::partSize, settings.memoryBudget(),
                                    settings.concurrency(),
                                    c -> digest(c).flatMap(data -> uploads.uploadPart(upload, data, run)))
                                    .doOnNext(sent -> {
                                        total[0] += sent.length();
                                        parts[0]++;
                                    })
                                    .doOnComplete(() -> run.plan(total[0], parts[0])),
                            Mono::empty, run);
                })
                .single();
    }

    /** The source cut into parts; a fresh chunker per subscription, one source buffer requested at a time. */
    static Flux<Chunker.Chunk> chunks(Publisher<ByteBuffer> source, long basePartSize, int partsPerSize) {
        return Flux.defer(() -> {
            Chunker chunker = new Chunker(basePartSize, partsPerSize);
            return Flux.from(source)
                    .concatMapIterable(chunker::accept, 1)
                    .concatWith(Mono.fromCallable(chunker::finish));
        });
    }

    /** The size of part {@code n} of a stream (0 past the last possible part). */
    private long partSize(int n) {
        return n > TransferSettings.MAX_PARTS ? 0 : Math.min(Integer.MAX_VALUE - 8,
                PartPlan.streamPartSize(settings.partSize(), n));
    }

    private Mono<PartData> digest(Chunker.Chunk chunk) {
        return Mono.fromCallable(() -> PartData.of(chunk.partNumber(), chunk.bytes(), chunk.length(),
                settings.integrity())).subscribeOn(Schedulers.parallel());
    }
}
