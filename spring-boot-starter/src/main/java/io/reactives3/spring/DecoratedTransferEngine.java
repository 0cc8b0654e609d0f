package io.reactives3.spring;

import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.model.KeyVersion;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.transfer.DirectoryOptions;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.BatchDeleteResult;
import io.reactives3.transfer.model.CopyResult;
import io.reactives3.transfer.model.DirectoryDownloadResult;
import io.reactives3.transfer.model.DirectoryUploadResult;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * An engine that hands every call to the wrapped engine and passes each {@link Transfer} it returns through
 * {@link #decorate}, with the transfer's kind ({@code upload}, {@code upload-file}, {@code download-file}, {@code copy},
 * {@code upload-directory}, {@code download-directory}, {@code delete}) and target; {@link #downloadStream} is passed
 * on as is unless a subclass overrides it. Closing it closes the wrapped engine.
 */
abstract class DecoratedTransferEngine implements S3TransferEngine {

    private final S3TransferEngine engine;

    DecoratedTransferEngine(S3TransferEngine engine) {
        this.engine = engine;
    }

    S3TransferEngine delegate() {
        return engine;
    }

    /**
     * The transfer to hand out instead of {@code transfer}.
     *
     * @param kind   what the transfer does
     * @param bucket the bucket written to (a copy's destination), read from, or deleted in
     * @param key    the key, or the prefix of a directory transfer or prefix delete; {@code null} for a delete of
     *               given keys
     */
    abstract <R> Transfer<R> decorate(String kind, String bucket, @Nullable String key, Transfer<R> transfer);

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
        return decorate("upload-file", bucket, key, engine.uploadFile(source, bucket, key));
    }

    @Override
    public Transfer<UploadResult> uploadFile(Path source, String bucket, String key, PutObjectOptions options) {
        return decorate("upload-file", bucket, key, engine.uploadFile(source, bucket, key, options));
    }

    @Override
    public Transfer<UploadResult> upload(Publisher<ByteBuffer> source, String bucket, String key,
                                         PutObjectOptions options) {
        return decorate("upload", bucket, key, engine.upload(source, bucket, key, options));
    }

    @Override
    public Transfer<DownloadResult> downloadFile(String bucket, String key, Path destination) {
        return decorate("download-file", bucket, key, engine.downloadFile(bucket, key, destination));
    }

    @Override
    public Mono<ObjectStream> downloadStream(String bucket, String key) {
        return engine.downloadStream(bucket, key);
    }

    @Override
    public Transfer<CopyResult> copy(String sourceBucket, String sourceKey, String destinationBucket,
                                     String destinationKey, CopyObjectOptions options) {
        return decorate("copy", destinationBucket, destinationKey,
                engine.copy(sourceBucket, sourceKey, destinationBucket, destinationKey, options));
    }

    @Override
    public Transfer<DirectoryUploadResult> uploadDirectory(Path directory, String bucket, String prefix,
                                                           DirectoryOptions options) {
        return decorate("upload-directory", bucket, prefix, engine.uploadDirectory(directory, bucket, prefix, options));
    }

    @Override
    public Transfer<DirectoryDownloadResult> downloadDirectory(String bucket, String prefix, Path directory,
                                                               DirectoryOptions options) {
        return decorate("download-directory", bucket, prefix,
                engine.downloadDirectory(bucket, prefix, directory, options));
    }

    @Override
    public Transfer<BatchDeleteResult> deleteObjects(String bucket, Publisher<String> keys) {
        return decorate("delete", bucket, null, engine.deleteObjects(bucket, keys));
    }

    @Override
    public Transfer<BatchDeleteResult> deleteVersions(String bucket, Publisher<KeyVersion> objects) {
        return decorate("delete", bucket, null, engine.deleteVersions(bucket, objects));
    }

    @Override
    public Transfer<BatchDeleteResult> deletePrefix(String bucket, String prefix, boolean allVersions) {
        return decorate("delete", bucket, prefix, engine.deletePrefix(bucket, prefix, allVersions));
    }

    @Override
    public void close() {
        engine.close();
    }
}
