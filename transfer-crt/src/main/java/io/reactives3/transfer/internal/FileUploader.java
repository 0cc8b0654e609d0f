package io.reactives3.transfer.internal;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.error.LocalFileException;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.spi.SdkRequests;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.MemoryBudget;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.UploadResult;
import java.io.IOException;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.util.List;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.FileRequestBodyConfiguration;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * File uploads of the Reactor backend. Below the threshold: one PutObject. Above: parts read with positional reads
 * (on bounded-elastic threads) into memory reserved from the engine's {@link MemoryBudget}, digested in the same
 * pass, sent {@link TransferSettings#partsInFlight()} at a time; memory is given back as each part ends (sent, failed
 * or cancelled). A part larger than the whole budget is streamed from the file instead. A file whose size or
 * modification time changes during the upload fails with {@link LocalFileException} and the upload is aborted.
 */
final class FileUploader {

    private final Uploads uploads;
    private final TransferSettings settings;
    private final int maxParts;

    FileUploader(Uploads uploads) {
        this(uploads, TransferSettings.MAX_PARTS);
    }

    /** With at most {@code maxParts} parts per file: below S3's 10,000, small files get grown parts (tests). */
    FileUploader(Uploads uploads, int maxParts) {
        this.uploads = uploads;
        this.settings = uploads.settings();
        this.maxParts = maxParts;
    }

    Mono<UploadResult> upload(Path file, String bucket, String key, PutObjectOptions options, TransferRun run) {
        String operation = "uploadFile " + file + " to s3://" + bucket + "/" + key;
        PutObjectOptions withType = options.contentType() != null ? options
                : options.toBuilder().contentType(URLConnection.guessContentTypeFromName(file.getFileName().toString()))
                .build();
        IntegrityMode mode = uploads.uploadMode();
        return Mono.fromCallable(() -> LocalFiles.stamp(file, operation))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(stamp -> {
                    if (!PartPlan.multipart(stamp.size(), settings.multipartThreshold())) {
                        run.plan(stamp.size(), 1);
                        return single(file, stamp, bucket, key, withType, mode, run, operation);
                    }
                    PartPlan plan = PartPlan.of(stamp.size(), settings.partSize(), maxParts);
                    run.plan(stamp.size(), plan.partCount());
                    return multipart(file, stamp, plan, bucket, key, withType, mode, run, operation);
                });
    }

    private Mono<UploadResult> single(Path file, LocalFiles.Stamp stamp, String bucket, String key,
                                      PutObjectOptions options, IntegrityMode mode, TransferRun run,
                                      String operation) {
        if (stamp.size() <= settings.partSize()) {
            return Reserved.holding(settings.memoryBudget(), stamp.size(),
                    reservation -> Mono.fromCallable(() -> {
                                try (FileChannel channel = FileChannel.open(file)) {
                                    List<ByteBuffer> buffers = LocalFiles.readBuffers(channel, 0, stamp.size());
                                    checkUnchanged(file, stamp, operation);
                                    return PartData.of(1, buffers, mode, reservation);
                                }
                            })
                            .subscribeOn(Schedulers.boundedElastic())
                            .onErrorMap(e -> LocalFiles.fileError(operation, file, e))
                            .flatMap(data -> uploads.putSingle(bucket, key, options, data, run)
                                    .doFinally(signal -> data.release())));
        }
        // between the part size and the threshold: digest first, then let the SDK stream the file
        return Mono.fromCallable(() -> LocalFiles.digest(file, stamp.size(), mode))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> LocalFiles.fileError(operation, file, e))
                .flatMap(digest -> {
                    PutObjectRequest request = SdkRequests.putObject(bucket, key, options)
                            .contentLength(stamp.size())
                            .contentMD5(digest.md5() == null ? null : Checksums.base64(digest.md5()))
                            .checksumCRC32(digest.crc32()).build();
                    return uploads.putSingle(request, () -> AsyncRequestBody.fromFile(FileRequestBodyConfiguration
                                    .builder().path(file).chunkSizeInBytes(256 * 1024).build()),
                            digest.md5(), digest.crc32(), stamp.size(), run);
                });
    }

    private Mono<UploadResult> multipart(Path file, LocalFiles.Stamp stamp, PartPlan plan, String bucket,
                                         String key, PutObjectOptions options, IntegrityMode mode, TransferRun run,
                                         String operation) {
        int inFlight = settings.partsInFlight();
        return Mono.usingWhen(
                Mono.fromCallable(() -> FileChannel.open(file)).subscribeOn(Schedulers.boundedElastic())
                        .onErrorMap(e -> LocalFiles.fileError(operation, file, e)),
                channel -> uploads.multipart(bucket, key, options,
                        upload -> Flux.range(1, plan.partCount())
                                .flatMap(n -> sendPart(upload, channel, plan, n, file, mode, operation, run), inFlight,
                                        1)
                                .concatWith(Mono.fromRunnable(() -> checkUnchanged(file, stamp, operation))
                                        .subscribeOn(Schedulers.boundedElastic()).then(Mono.empty())),
                        () -> Mono.fromCallable(() -> LocalFiles.digest(file, stamp.size(), IntegrityMode.MD5).md5())
                                .subscribeOn(Schedulers.boundedElastic()),
                        run),
                channel -> close(channel),
                (channel, error) -> close(channel),
                channel -> close(channel));
    }

    /**
     * Sends part {@code n}: read into memory reserved from the budget (one read, digested in the same pass), or, for
     * a part larger than the whole budget (a grown part of a very large file), digested in a first read of the file
     * and streamed from the file by the HTTP client in 256 KiB chunks.
     */
    private Mono<Uploads.SentPart> sendPart(MultipartUploadHandle upload, FileChannel channel, PartPlan plan, int n,
                                            Path file, IntegrityMode mode, String operation, TransferRun run) {
        long length = plan.length(n);
        if (length > settings.memoryBudget().capacity()) {
            return Mono.fromCallable(() -> LocalFiles.digest(file, plan.offset(n), length, mode))
                    .subscribeOn(Schedulers.boundedElastic())
                    .onErrorMap(e -> LocalFiles.fileError(operation, file, e))
                    .flatMap(digest -> uploads.uploadPart(upload, n, length, digest, () -> AsyncRequestBody.fromFile(
                            FileRequestBodyConfiguration.builder().path(file).position(plan.offset(n))
                                    .numBytesToRead(length).chunkSizeInBytes(256 * 1024).build()), run));
        }
        return Reserved.holding(settings.memoryBudget(), length,
                reservation -> Mono.fromCallable(() -> PartData.of(n, LocalFiles.readBuffers(channel, plan.offset(n),
                                length), mode, reservation))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorMap(e -> LocalFiles.fileError(operation, file, e))
                        .flatMap(data -> uploads.uploadPart(upload, data, run).doFinally(signal -> data.release())));
    }

    private static void checkUnchanged(Path file, LocalFiles.Stamp before, String operation) {
        LocalFiles.Stamp now = LocalFiles.stamp(file, operation);
        if (!now.equals(before)) {
            throw LocalFiles.changed(operation, before, now);
        }
    }

    private static Mono<Void> close(FileChannel channel) {
        return Mono.fromRunnable(() -> {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only channel: nothing was written that a failed close could lose
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
