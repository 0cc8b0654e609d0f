package io.reactives3.transfer.internal;

import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.model.KeyVersion;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.transfer.DirectoryOptions;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.Transfer;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.MemoryBudget;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.BatchDeleteResult;
import io.reactives3.transfer.model.CopyResult;
import io.reactives3.transfer.model.DirectoryDownloadResult;
import io.reactives3.transfer.model.DirectoryUploadResult;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The {@link S3TransferEngine}: checks arguments, wires the pieces, picks the file backend once. */
public final class DefaultTransferEngine implements S3TransferEngine {

    private static final Logger LOG = LoggerFactory.getLogger(S3TransferEngine.class);

    private final ReactiveS3Client client;
    private final TransferSettings settings;
    /** File uploads and downloads (single files and directory items), each on the backend chosen for it. */
    private final FileBackend fileUploads;
    private final FileBackend fileDownloads;
    /** The clients of the Reactor engine's downloads (a CRT HTTP one built on first use); closed with the engine. */
    private final RangedGetClients rangedGets;
    private final StreamUploader streamUploader;
    private final RangedDownloader downloader;
    private final Copier copier;
    private final DirectoryTransfers directories;
    private final BatchDeleter deleter;

    /** Copying and digesting of part buffers, so that the HTTP clients' threads only move bytes. */
    private final Scheduler work;

    private DefaultTransferEngine(ReactiveS3Client client, TransferSettings settings) {
        MemoryBudget budget = settings.memoryBudget();
        if (settings.partSize() > budget.capacity()) {
            throw new InvalidInputException("TransferSettings.partSize (" + settings.partSize() + " bytes) does "
                    + "not fit the memory budget (" + budget.capacity() + " bytes): lower partSize or give the engine "
                    + "a larger TransferSettings.memoryBudget (the default is a quarter of -Xmx, here "
                    + MemoryBudget.jvmDefault().capacity() + " bytes)");
        }
        this.client = client;
        this.settings = settings;
        this.work = Schedulers.newParallel("reactive-s3-transfer", Math.max(2,
                Runtime.getRuntime().availableProcessors()), true);
        BackendChoice choice = BackendChoice.resolve(settings.backend(), client.settings().profile(),
                budget.capacity());
        Uploads uploads = new Uploads(client, settings, work);
        if (choice.warn()) {
            LOG.warn(choice.message());
        } else {
            LOG.info(choice.message());
        }
        this.streamUploader = new StreamUploader(uploads);
        // AUTO with Reactor downloads: ranged GETs over the CRT HTTP client, built on the first download of several
        // ranges (RangedGetClients)
        this.rangedGets = new RangedGetClients(client, choice.download() == TransferBackend.REACTOR
                && settings.backend() == TransferBackend.AUTO);
        this.downloader = new RangedDownloader(rangedGets, settings, work);
        FileBackend reactor = new ReactorFileBackend(new FileUploader(uploads), downloader);
        // the CRT S3 client, when chosen, is built by the first file transfer that uses it (LazyCrtBackend)
        FileBackend crt = choice.needsCrt()
                ? new LazyCrtBackend(() -> CrtFileBackend.create(client, settings, uploads), reactor) : null;
        this.fileUploads = BackendChoice.pick(choice.upload(), reactor, crt);
        this.fileDownloads = BackendChoice.pick(choice.download(), reactor, crt);
        this.copier = new Copier(client, uploads);
        this.directories = new DirectoryTransfers(client, settings, fileUploads, fileDownloads);
        this.deleter = new BatchDeleter(client, settings);
    }

    /**
     * Creates the engine without any I/O or native code: a CRT client, if the backend needs one, is created by the
     * first transfer that uses it and closed by {@link #close()} only if it was.
     */
    public static S3TransferEngine create(ReactiveS3Client client, TransferSettings settings) {
        Objects.requireNonNull(client, "client must not be null");
        Objects.requireNonNull(settings, "settings must not be null");
        return new DefaultTransferEngine(client, settings);
    }

    @Override
    public TransferSettings settings() {
        return settings;
    }

    @Override
    public TransferBackend uploadBackend() {
        return fileUploads.kind();
    }

    @Override
    public TransferBackend downloadBackend() {
        return fileDownloads.kind();
    }

    // ------------------------------------------------------------------ files

    @Override
    public Transfer<UploadResult> uploadFile(Path source, String bucket, String key) {
        return uploadFile(source, bucket, key, PutObjectOptions.defaults());
    }

    @Override
    public Transfer<UploadResult> uploadFile(Path source, String bucket, String key, PutObjectOptions options) {
        Arguments.notNull(source, "source");
        checkObject(bucket, key);
        Arguments.notNull(options, "options");
        return single(run -> fileUploads.uploadFile(source, bucket, key, options, run));
    }

    @Override
    public Transfer<UploadResult> upload(Publisher<ByteBuffer> source, String bucket, String key,
                                         PutObjectOptions options) {
        Arguments.notNull(source, "source");
        checkObject(bucket, key);
        Arguments.notNull(options, "options");
        return single(run -> streamUploader.upload(source, bucket, key, options, run));
    }

    @Override
    public Transfer<DownloadResult> downloadFile(String bucket, String key, Path destination) {
        checkObject(bucket, key);
        Arguments.notNull(destination, "destination");
        return single(run -> fileDownloads.downloadFile(bucket, key, destination, run));
    }

    @Override
    public Mono<ObjectStream> downloadStream(String bucket, String key) {
        checkObject(bucket, key);
        return Mono.defer(() -> downloader.toStream(bucket, key));
    }

    @Override
    public Transfer<CopyResult> copy(String sourceBucket, String sourceKey, String destinationBucket,
                                     String destinationKey, CopyObjectOptions options) {
        checkObject(sourceBucket, sourceKey);
        checkObject(destinationBucket, destinationKey);
        Arguments.notNull(options, "options");
        return single(run -> copier.copy(sourceBucket, sourceKey, destinationBucket, destinationKey, options, run));
    }

    // ------------------------------------------------------------------ directories

    @Override
    public Transfer<DirectoryUploadResult> uploadDirectory(Path directory, String bucket, String prefix,
                                                           DirectoryOptions options) {
        Arguments.notNull(directory, "directory");
        Arguments.bucket(bucket);
        Arguments.notNull(prefix, "prefix");
        Arguments.notNull(options, "options");
        return job(run -> directories.upload(directory, bucket, prefix, options, run));
    }

    @Override
    public Transfer<DirectoryDownloadResult> downloadDirectory(String bucket, String prefix, Path directory,
                                                               DirectoryOptions options) {
        Arguments.bucket(bucket);
        Arguments.notNull(prefix, "prefix");
        Arguments.notNull(directory, "directory");
        Arguments.notNull(options, "options");
        return job(run -> directories.download(bucket, prefix, directory, options, run));
    }

    // ------------------------------------------------------------------ deletes

    @Override
    public Transfer<BatchDeleteResult> deleteObjects(String bucket, Publisher<String> keys) {
        Arguments.bucket(bucket);
        Arguments.notNull(keys, "keys");
        return job(run -> deleter.delete(bucket, Flux.from(keys).map(KeyVersion::of), run));
    }

    @Override
    public Transfer<BatchDeleteResult> deleteVersions(String bucket, Publisher<KeyVersion> objects) {
        Arguments.bucket(bucket);
        Arguments.notNull(objects, "objects");
        return job(run -> deleter.delete(bucket, Flux.from(objects), run));
    }

    @Override
    public Transfer<BatchDeleteResult> deletePrefix(String bucket, String prefix, boolean allVersions) {
        Arguments.bucket(bucket);
        Arguments.notNull(prefix, "prefix");
        String listPrefix = prefix.isEmpty() ? null : prefix;
        return job(run -> deleter.delete(bucket, allVersions
                ? client.listObjectVersions(bucket, options -> options.prefix(listPrefix))
                        .map(v -> KeyVersion.of(v.key(), v.versionId()))
                : client.listObjects(bucket, options -> options.prefix(listPrefix))
                        .map(o -> KeyVersion.of(o.key())), run));
    }

    /** Whether the engine has built a CRT client (the CRT S3 client or the CRT HTTP client of ranged GETs). */
    boolean holdsCrtClient() {
        return rangedGets.builtOwnClient() || fileUploads instanceof LazyCrtBackend up && up.builtCrt()
                || fileDownloads instanceof LazyCrtBackend down && down.builtCrt();
    }

    @Override
    public void close() {
        rangedGets.close();
        fileUploads.close();
        if (fileDownloads != fileUploads) {
            fileDownloads.close();
        }
        downloader.close();
        work.dispose();
    }

    private <R> Transfer<R> single(java.util.function.Function<TransferRun, Mono<R>> body) {
        return DefaultTransfer.single(body, settings.progressInterval());
    }

    private <R> Transfer<R> job(java.util.function.Function<TransferRun, Mono<R>> body) {
        return DefaultTransfer.job(body, settings.progressInterval());
    }

    private static void checkObject(String bucket, String key) {
        Arguments.bucket(bucket);
        Arguments.key(key);
    }
}
