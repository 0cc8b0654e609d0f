package io.reactives3.spring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.model.KeyVersion;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.transfer.DirectoryOptions;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.TransferProgress;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.BatchDeleteResult;
import io.reactives3.transfer.model.CopyResult;
import io.reactives3.transfer.model.DirectoryDownloadResult;
import io.reactives3.transfer.model.DirectoryUploadResult;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * An engine that times each transfer it runs ({@value ReactiveS3Metrics#TRANSFERS}, by {@code kind} and
 * {@code outcome}) and counts those running ({@value ReactiveS3Metrics#TRANSFERS_ACTIVE}, by {@code kind}); every
 * call goes to the wrapped engine unchanged. A transfer counts from subscription to its terminal signal or cancel;
 * a download stream from the subscription to its body until the body ends.
 */
final class MeteredTransferEngine implements S3TransferEngine {

    private final S3TransferEngine engine;
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();

    MeteredTransferEngine(S3TransferEngine engine, MeterRegistry registry) {
        this.engine = engine;
        this.registry = registry;
    }

    S3TransferEngine delegate() {
        return engine;
    }

    private AtomicInteger active(String kind) {
        return active.computeIfAbsent(kind, k -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(ReactiveS3Metrics.TRANSFERS_ACTIVE, count, AtomicInteger::get).tag("kind", k)
                    .description("Transfers running").register(registry);
            return count;
        });
    }

    private <R> Transfer<R> metered(String kind, Transfer<R> transfer) {
        return new Transfer<>() {
            @Override
            public Mono<R> result() {
                return Mono.defer(() -> {
                    Tracker t = new Tracker(kind);
                    return transfer.result().doFinally(t::end);
                });
            }

            @Override
            public Flux<TransferProgress<R>> progress() {
                return Flux.defer(() -> {
                    Tracker t = new Tracker(kind);
                    return transfer.progress().doFinally(t::end);
                });
            }
        };
    }

    /** One running transfer: counted from construction until its first terminal signal or cancel. */
    private final class Tracker {
        private final String kind;
        private final AtomicInteger count;
        private final Timer.Sample sample;
        private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

        Tracker(String kind) {
            this.kind = kind;
            this.count = active(kind);
            count.incrementAndGet();
            this.sample = Timer.start(registry);
        }

        void end(SignalType signal) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            count.decrementAndGet();
            String outcome = signal == SignalType.ON_COMPLETE ? "SUCCESS"
                    : signal == SignalType.ON_ERROR ? "ERROR" : "CANCELLED";
            sample.stop(Timer.builder(ReactiveS3Metrics.TRANSFERS).description("Transfers run")
                    .tags("kind", kind, "outcome", outcome).register(registry));
        }
    }

    @Override
    public TransferSettings settings() {
        return engine.settings();
    }

    @Override
    public TransferBackend uploadBackend() {
        return engine.uploadBackend();
    }

    @Override
    public TransferBackend downloadBackend() {
        return engine.downloadBackend();
    }

    @Override
    public Transfer<UploadResult> uploadFile(Path source, String bucket, String key) {
        return metered("upload-file", engine.uploadFile(source, bucket, key));
    }

    @Override
    public Transfer<UploadResult> uploadFile(Path source, String bucket, String key, PutObjectOptions options) {
        return metered("upload-file", engine.uploadFile(source, bucket, key, options));
    }

    @Override
    public Transfer<UploadResult> upload(Publisher<ByteBuffer> source, String bucket, String key,
                                         PutObjectOptions options) {
        return metered("upload", engine.upload(source, bucket, key, options));
    }

    @Override
    public Transfer<DownloadResult> downloadFile(String bucket, String key, Path destination) {
        return metered("download-file", engine.downloadFile(bucket, key, destination));
    }

    @Override
    public Mono<ObjectStream> downloadStream(String bucket, String key) {
        return engine.downloadStream(bucket, key).map(stream -> new ObjectStream(stream.head(), Flux.defer(() -> {
            Tracker t = new Tracker("download-stream");
            return stream.body().doFinally(t::end);
        })));
    }

    @Override
    public Transfer<CopyResult> copy(String sourceBucket, String sourceKey, String destinationBucket,
                                     String destinationKey, CopyObjectOptions options) {
        return metered("copy", engine.copy(sourceBucket, sourceKey, destinationBucket, destinationKey, options));
    }

    @Override
    public Transfer<DirectoryUploadResult> uploadDirectory(Path directory, String bucket, String prefix,
                                                           DirectoryOptions options) {
        return metered("upload-directory", engine.uploadDirectory(directory, bucket, prefix, options));
    }

    @Override
    public Transfer<DirectoryDownloadResult> downloadDirectory(String bucket, String prefix, Path directory,
                                                               DirectoryOptions options) {
        return metered("download-directory", engine.downloadDirectory(bucket, prefix, directory, options));
    }

    @Override
    public Transfer<BatchDeleteResult> deleteObjects(String bucket, Publisher<String> keys) {
        return metered("delete", engine.deleteObjects(bucket, keys));
    }

    @Override
    public Transfer<BatchDeleteResult> deleteVersions(String bucket, Publisher<KeyVersion> objects) {
        return metered("delete", engine.deleteVersions(bucket, objects));
    }

    @Override
    public Transfer<BatchDeleteResult> deletePrefix(String bucket, String prefix, boolean allVersions) {
        return metered("delete", engine.deletePrefix(bucket, prefix, allVersions));
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "Metered" + engine;
    }
}
