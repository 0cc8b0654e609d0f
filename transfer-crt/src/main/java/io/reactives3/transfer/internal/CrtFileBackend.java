package io.reactives3.transfer.internal;

import io.reactives3.core.ChecksumPolicy;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.error.UploadNotFoundException;
import io.reactives3.core.spi.SdkErrors;
import io.reactives3.core.spi.SdkRequests;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import io.reactives3.core.error.LocalFileException;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.SdkInternalExecutionAttribute;
import software.amazon.awssdk.crt.s3.ResumeToken;
import software.amazon.awssdk.http.SdkHttpExecutionAttributes;
import software.amazon.awssdk.services.s3.internal.crt.S3InternalSdkHttpExecutionAttribute;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3CrtAsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * {@link TransferBackend#CRT}: file transfers through the AWS CRT-based S3 client (native multipart uploads and
 * ranged downloads), built from the {@link ReactiveS3Client}'s settings: endpoint, region, credentials, path style,
 * checksum mode; {@link TransferSettings#partSize()}, {@link TransferSettings#multipartThreshold()} and
 * {@link TransferSettings#concurrency()} map to its minimum part size, threshold and connection count; it retries
 * parts itself ({@link TransferSettings#maxPartAttempts()} - 1 retries) and aborts its multipart upload when it
 * fails or is cancelled. Its native memory is managed by the CRT, outside the Java heap and the memory budget.
 *
 * <p>Uploads: the engine reads the file for the CRT ({@link StampedFileBody}), so that a file that changes during the
 * upload fails it before the object is committed, as on the Reactor backend. Integrity: in MD5 mode the object's
 * ETag is checked after the upload against MD5s of the bytes handed to the CRT (digested as they are read, with the
 * CRT's part size); the CRT sends no {@code Content-MD5}, so a mismatch (bytes corrupted on the way) is found only
 * after the object was committed and is reported as a {@link io.reactives3.core.error.DataIntegrityException}.
 * Downloads land in a temporary file whose digests are checked as in {@link RangedDownloader} before it is renamed.
 * In CRC32 mode the CRT sends a CRC32 per part where the profile allows flexible checksums. Progress: downloads
 * report bytes as the temporary file grows; uploads report their bytes when they complete.
 */
final class CrtFileBackend implements FileBackend {

    private static final Logger LOG = LoggerFactory.getLogger(CrtFileBackend.class);

    private final ReactiveS3Client client;
    private final TransferSettings settings;
    private final S3AsyncClient crt;
    private final Uploads uploads;
    private final AtomicBoolean crcSkippedLogged = new AtomicBoolean();
    private final AtomicBoolean unverifiedLogged = new AtomicBoolean();

    private CrtFileBackend(ReactiveS3Client client, TransferSettings settings, S3AsyncClient crt, Uploads uploads) {
        this.client = client;
        this.settings = settings;
        this.crt = crt;
        this.uploads = uploads;
    }

    /**
     * Builds the CRT client for {@code client}'s store; throws when the native library cannot be loaded here.
     * {@code uploads} creates and aborts the multipart uploads handed to the CRT.
     */
    static CrtFileBackend create(ReactiveS3Client client, TransferSettings settings, Uploads uploads) {
        ClientSettings s = client.settings();
        boolean whenRequired = s.checksumMode() == ChecksumPolicy.WHEN_REQUIRED;
        S3CrtAsyncClientBuilder builder = S3AsyncClient.crtBuilder()
                .region(s.region())
                .credentialsProvider(s.credentialsProvider())
                .forcePathStyle(s.pathStyle())
                .requestChecksumCalculation(whenRequired ? RequestChecksumCalculation.WHEN_REQUIRED
                        : RequestChecksumCalculation.WHEN_SUPPORTED)
                .responseChecksumValidation(whenRequired ? ResponseChecksumValidation.WHEN_REQUIRED
                        : ResponseChecksumValidation.WHEN_SUPPORTED)
                .minimumPartSizeInBytes(settings.partSize())
                // the CRT goes multipart above its threshold, the engine at or above it
                .thresholdInBytes(settings.multipartThreshold() - 1)
                .maxConcurrency(settings.concurrency())
                // the CRT's own buffer pool (native memory) is capped at the engine's memory budget, or at the
                // smallest limit the CRT accepts (BackendChoice says so when that is above the budget)
                .maxNativeMemoryLimitInBytes(Math.max(Math.max(settings.memoryBudget().capacity(),
                        BackendChoice.CRT_MIN_MEMORY), 4 * settings.partSize()))
                .retryConfiguration(r -> r.numRetries(settings.maxPartAttempts() - 1))
                .httpConfiguration(h -> h.connectionTimeout(s.connectionTimeout()));
        if (s.endpoint() != null) {
            builder.endpointOverride(s.endpoint());
        }
        return new CrtFileBackend(client, settings, builder.build(), uploads);
    }

    @Override
    public Mono<UploadResult> uploadFile(Path file, String bucket, String key, PutObjectOptions options,
                                         TransferRun run) {
        String operation = "uploadFile " + file + " to s3://" + bucket + "/" + key;
        return Mono.fromCallable(() -> LocalFiles.stamp(file, operation))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(stamp -> {
                    long size = stamp.size();
                    boolean multipart = PartPlan.multipart(size, settings.multipartThreshold());
                    PartPlan layout = multipart ? PartPlan.of(size, settings.partSize()) : PartPlan.exact(size, 1);
                    int parts = multipart ? layout.partCount() : 1;
                    run.plan(size, parts);
                    PutObjectOptions sent = options.contentType() != null ? options : options.toBuilder()
                            .contentType(URLConnection.guessContentTypeFromName(file.getFileName().toString())).build();
                    PutObjectRequest.Builder request = SdkRequests.putObject(bucket, key, sent).contentLength(size);
                    IntegrityMode mode = Uploads.uploadMode(settings.integrity(), client.settings());
                    if (mode == IntegrityMode.CRC32) {
                        crc32(request);
                    }
                    boolean md5 = mode == IntegrityMode.MD5;
                    // a conditional upload digests what it sends in every mode: a 412 may be its own lost write
                    boolean conditional = options.ifNoneMatch() != null || options.ifMatch() != null;
                    StampedFileBody body = new StampedFileBody(file, stamp, operation,
                            md5 || conditional ? (multipart ? layout.partSize() : Math.max(1, size)) : 0);
                    // a whole new attempt when the CRT gives up (e.g. on a SlowDown storm), as its downloads get
                    PutObjectRequest built = request.build();
                    Mono<PutObjectResponse> attempt = multipart ? handedOver(built, sent, layout, body)
                            : Mono.fromFuture(() -> crt.putObject(built, body));
                    Mono<UploadResult> put = PartRetry.withRetries(attempt
                                    .onErrorMap(e -> body.failure() != null ? body.failure()
                                            : SdkErrors.translate(e, "PutObject", bucket, key)),
                                    settings, operation)
                            .flatMap(r -> storedETag(bucket, key, r.eTag(), r.versionId())
                                    .map(eTag -> new UploadResult(bucket, key, eTag, r.versionId(), size, parts,
                                            TransferBackend.CRT)));
                    if (!md5 && !conditional) {
                        return put;
                    }
                    // the expected ETag is that of the bytes the CRT was given, digested as they were read; a 412
                    // after a retried attempt whose answer was lost may be our own write (ownWrite finds out)
                    Supplier<String> expected = () -> multipart
                            ? Checksums.multipartETag(body.partMd5s()) : Checksums.hex(body.partMd5s().get(0));
                    Mono<UploadResult> resolved = put.onErrorResume(PreconditionFailedException.class,
                            e -> Mono.fromSupplier(expected)
                                    .onErrorMap(IllegalStateException.class, unread -> e) // never sent whole: not ours
                                    .flatMap(eTag -> ownWrite(bucket, key, options, eTag, size, parts, e)));
                    if (!md5) {
                        return resolved;
                    }
                    return resolved.flatMap(result -> check(result, expected.get(), file, operation))
                            .onErrorResume(UploadNotFoundException.class, e -> committedAnyway(bucket, key, size,
                                    parts, expected, file, operation, e));
                })
                .doOnNext(result -> {
                    run.bytes(result.size());
                    for (int i = 0; i < result.parts(); i++) {
                        run.partDone();
                    }
                    run.itemsDone(1);
                });
    }

    /**
     * One attempt of a multipart upload by the CRT, on an upload the engine creates and hands over: the CRT is given
     * the upload id as a resume token of no completed parts (it lists the parts, finds none, sends them all and
     * completes). Left to the CRT, the CreateMultipartUpload was its own: a cancel while the store was answering it
     * left an upload no one knew the id of. Here the create is {@link Uploads#create}'s, whose upload, when it is
     * created after a cancel, is aborted as soon as its id arrives; an upload that the CRT did not complete is
     * aborted on error and on cancel (the CRT aborts it too; a second abort is answered {@code NoSuchUpload} and
     * ignored). Each attempt has an upload of its own: a failed CRT upload is aborted by the CRT.
     */
    private Mono<PutObjectResponse> handedOver(PutObjectRequest request, PutObjectOptions options, PartPlan layout,
                                               StampedFileBody body) {
        return Mono.usingWhen(
                uploads.create(Uploads.createRequest(request.bucket(), request.key(), options,
                        request.checksumAlgorithm() != null)),
                upload -> Mono.fromFuture(() -> crt.putObject(resuming(request, upload.uploadId(), layout), body)),
                upload -> Mono.empty(),
                (upload, error) -> uploads.abort(upload, error.toString()),
                upload -> uploads.abort(upload, "cancelled"));
    }

    /**
     * {@code request} resuming {@code uploadId} at its first part: the CRT takes a resume token through the SDK's
     * HTTP execution attributes (as the SDK's transfer manager passes one in {@code resumeUploadFile}).
     */
    private static PutObjectRequest resuming(PutObjectRequest request, String uploadId, PartPlan layout) {
        ResumeToken token = new ResumeToken(new ResumeToken.PutResumeTokenBuilder()
                .withUploadId(uploadId)
                .withPartSize(layout.partSize())
                .withTotalNumParts(layout.partCount())
                .withNumPartsCompleted(0));
        AwsRequestOverrideConfiguration.Builder override = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder).orElseGet(AwsRequestOverrideConfiguration::builder);
        override.putExecutionAttribute(SdkInternalExecutionAttribute.SDK_HTTP_EXECUTION_ATTRIBUTES,
                SdkHttpExecutionAttributes.builder()
                        .put(S3InternalSdkHttpExecutionAttribute.CRT_PAUSE_RESUME_TOKEN, token).build());
        return request.toBuilder().overrideConfiguration(override.build()).build();
    }

    /**
     * As the Reactor backend does ({@link Uploads}' Complete outcome): {@code NoSuchUpload} from the CRT's multipart
     * upload is what a store that does not repeat a Complete (LocalS3) answers when the CRT retried a
     * CompleteMultipartUpload whose answer was lost. HeadObject then finds whether the object stored is the file's
     * (its ETag, checked as every upload is); if so the upload is reported done, otherwise {@code failed} stands.
     */
    private Mono<UploadResult> committedAnyway(String bucket, String key, long size, int parts,
                                               Supplier<String> expected, Path file, String operation,
                                               UploadNotFoundException failed) {
        return Mono.fromSupplier(expected)
                .flatMap(eTag -> client.headObject(bucket, key)
                        .map(head -> new UploadResult(bucket, key, Checksums.unquote(head.eTag()), head.versionId(),
                                size, parts, TransferBackend.CRT))
                        .flatMap(found -> check(found, eTag, file, operation)))
                .doOnNext(found -> LOG.info("{} of s3://{}/{}: NoSuchUpload after a retry, but the store holds the "
                        + "file's object (ETag {}): done", operation, bucket, key, found.eTag()))
                .onErrorMap(e -> failed);
    }

    /**
     * As the Reactor backend does ({@link Uploads#ownWrite}): a conditional upload answered 412 after the CRT
     * retried an attempt whose answer was lost finds, with HeadObject, the object it wrote itself (the ETag the bytes
     * handed to the CRT give, digested in every integrity mode for a conditional upload); it is then reported as
     * uploaded. Otherwise the 412 stands.
     */
    private Mono<UploadResult> ownWrite(String bucket, String key, PutObjectOptions options, String expected,
                                        long size, int parts, PreconditionFailedException failed) {
        if (options.ifNoneMatch() == null && options.ifMatch() == null) {
            return Mono.error(failed);
        }
        return client.headObject(bucket, key).onErrorMap(e -> failed).flatMap(head -> {
            String eTag = Checksums.unquote(head.eTag());
            return expected.equalsIgnoreCase(eTag)
                    ? Mono.just(new UploadResult(bucket, key, eTag, head.versionId(), size, parts, TransferBackend.CRT))
                    : Mono.error(failed);
        });
    }

    /**
     * Compares the stored ETag with the one the file gives: equal is verified; a whole-object MD5 where parts were
     * expected (LocalS3) is compared with the file's MD5 (one more read); another part count means the CRT chose
     * another layout than assumed: not checkable, logged once.
     */
    private Mono<UploadResult> check(UploadResult result, String expected, Path file, String operation) {
        String actual = result.eTag();
        if (expected.equalsIgnoreCase(actual)) {
            return Mono.just(result);
        }
        if (Checksums.isMd5ETag(actual) && Checksums.multipartPartCount(expected) > 0) {
            return Mono.fromCallable(() -> Checksums.hex(LocalFiles.digest(file, result.size(), IntegrityMode.MD5)
                            .md5()))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(md5 -> md5.equalsIgnoreCase(actual) ? Mono.just(result)
                            : Mono.error(mismatch(operation, actual, md5)));
        }
        if (Checksums.multipartPartCount(actual) != Checksums.multipartPartCount(expected)) {
            if (unverifiedLogged.compareAndSet(false, true)) {
                LOG.warn("{}: the CRT's upload has ETag {}, another part layout than the expected {}; the ETag "
                        + "cannot be checked", operation, actual, expected);
            }
            return Mono.just(result);
        }
        return Mono.error(mismatch(operation, actual, expected));
    }

    private static DataIntegrityException mismatch(String operation, String actual, String expected) {
        return new DataIntegrityException(operation + ": the stored object's ETag is " + actual
                + " but the file gives " + expected + "; the object was left in place");
    }

    /** The ETag as answered, or read back when the answer had none (Ceph RGW 16.2 after a multipart upload). */
    private Mono<String> storedETag(String bucket, String key, String answered, String versionId) {
        String eTag = Checksums.unquote(answered);
        if (eTag != null && !eTag.isBlank()) {
            return Mono.just(eTag);
        }
        return client.headObject(bucket, key, versionId == null ? io.reactives3.core.GetObjectOptions.defaults()
                : io.reactives3.core.GetObjectOptions.builder().versionId(versionId).build()).map(ObjectHead::eTag);
    }

    private void crc32(PutObjectRequest.Builder request) {
        if (client.settings().checksumMode() == ChecksumPolicy.WHEN_SUPPORTED) {
            request.checksumAlgorithm(ChecksumAlgorithm.CRC32);
        } else if (crcSkippedLogged.compareAndSet(false, true)) {
            LOG.warn("CRC32 integrity: the {} profile does not accept the CRT client's flexible checksums (quirk 4); "
                    + "CRT uploads to it carry no CRC32", client.settings().profile());
        }
    }

    @Override
    public Mono<DownloadResult> downloadFile(String bucket, String key, Path destination, TransferRun run) {
        return RangedDownloader.head(client, bucket, key, settings).flatMap(head -> download(head, destination, run));
    }

    private Mono<DownloadResult> download(ObjectHead head, Path destination, TransferRun run) {
        ReadPlan plan = ReadPlan.forFile(head, settings);
        long size = plan.size();
        int parts = PartPlan.multipart(size, settings.multipartThreshold())
                ? PartPlan.of(size, settings.partSize()).partCount() : 1;
        run.plan(size, parts);
        String operation = "downloadFile s3://" + head.bucket() + "/" + head.key();
        return Staging.stageName(destination, operation, staged -> RangedDownloader.verified(plan,
                        staged.file(), () -> PartRetry.withRetries(get(head, staged.file(), run), settings,
                                "GetObject " + operation.substring("downloadFile ".length()) + " (CRT)")
                        .then(RangedDownloader.fileDigests(plan, staged.file()))))
                .map(verified -> {
                    for (int i = 0; i < parts; i++) {
                        run.partDone();
                    }
                    run.itemsDone(1);
                    return new DownloadResult(head.bucket(), head.key(), destination, size, head.eTag(),
                            head.versionId(), parts, TransferBackend.CRT, verified);
                });
    }

    /**
     * One CRT download into {@code file} (created by the CRT; removed first, so a re-read or a retry starts
     * clean). Cold: the download retries it whole when the CRT client gives up on an error a new attempt may fix
     * (e.g. its own retries spent on SlowDown answers). An empty object is not asked for: the CRT's first ranged GET
     * of it gets 416 from every store here.
     */
    private Mono<Void> get(ObjectHead head, Path file, TransferRun run) {
        if (ReadPlan.sizeOf(head) == 0) {
            return Mono.fromRunnable(() -> {
                try {
                    Files.deleteIfExists(file);
                    Files.createFile(file);
                } catch (java.io.IOException e) {
                    throw LocalFiles.ioError("downloadFile s3://" + head.bucket() + "/" + head.key(), file, e);
                }
            }).subscribeOn(Schedulers.boundedElastic()).then();
        }
        GetObjectRequest request = GetObjectRequest.builder().bucket(head.bucket()).key(head.key())
                .ifMatch(head.eTag() == null ? null : "\"" + head.eTag() + "\"").build();
        AtomicLong reported = new AtomicLong();
        return Mono.fromCallable(() -> Files.deleteIfExists(file)).subscribeOn(Schedulers.boundedElastic())
                .then(Mono.usingWhen(
                        Mono.fromSupplier(() -> watch(file, reported, run)),
                        watcher -> Mono.fromFuture(() -> crt.getObject(request, file))
                                .onErrorMap(e -> SdkErrors.translate(e, "GetObject", head.bucket(), head.key()))
                                .flatMap(response -> {
                                    String eTag = Checksums.unquote(response.eTag());
                                    if (head.eTag() != null && eTag != null && !head.eTag().equals(eTag)) {
                                        return Mono.error(RangedDownloader.changed(head, eTag));
                                    }
                                    return Mono.<Void>empty();
                                }),
                        watcher -> stop(watcher, reported, ReadPlan.sizeOf(head), run),
                        (watcher, error) -> stop(watcher, reported, 0, run),
                        watcher -> stop(watcher, reported, 0, run)));
    }

    /** Reports the temporary file's growth as progress, every progress interval. */
    private Disposable watch(Path file, AtomicLong reported, TransferRun run) {
        // ticks that come while a size is still being read are dropped (not an overflow error), and an error ends
        // the watch quietly: without a handler it would go to Hooks.onErrorDropped, logged at ERROR
        return Flux.interval(settings.progressInterval())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> Files.exists(file) ? Files.size(file) : 0L)
                        .subscribeOn(Schedulers.boundedElastic()).onErrorReturn(0L), 1)
                .subscribe(size -> run.bytes(size - reported.getAndSet(size)),
                        e -> LOG.debug("progress watch of {} ended: {}", file, e.toString()));
    }

    private static Mono<Void> stop(Disposable watcher, AtomicLong reported, long finalBytes, TransferRun run) {
        return Mono.fromRunnable(() -> {
            watcher.dispose();
            run.bytes(finalBytes - reported.getAndSet(finalBytes));
        });
    }

    @Override
    public TransferBackend kind() {
        return TransferBackend.CRT;
    }

    @Override
    public void close() {
        crt.close();
    }

    /**
     * The file as the CRT's request body, read by the engine (on bounded-elastic threads, as the CRT asks) rather than
     * by the CRT from the path, so that the upload can be stopped before it is committed: the file's stamp is checked
     * again after its last bytes are read and before they are handed over, and a change (size or modification time)
     * fails the body with a {@link LocalFileException}; the CRT then never sends the last bytes, so it neither
     * completes the multipart upload (it aborts it) nor finishes a single PutObject. In MD5 mode each part's MD5 is
     * computed from the very bytes handed over (slices of {@code md5PartSize}; 0: no digests).
     */
    static final class StampedFileBody implements AsyncRequestBody {

        private static final int CHUNK = 1024 * 1024;

        private final Path file;
        private final LocalFiles.Stamp stamp;
        private final String operation;
        private final long md5PartSize;
        private volatile @Nullable Throwable failure;
        private volatile List<byte[]> partMd5s;

        StampedFileBody(Path file, LocalFiles.Stamp stamp, String operation, long md5PartSize) {
            this.file = file;
            this.stamp = stamp;
            this.operation = operation;
            this.md5PartSize = md5PartSize;
            // an empty body is not read (the CRT may never subscribe to it)
            this.partMd5s = stamp.size() == 0 && md5PartSize > 0 ? List.of(Checksums.md5().digest()) : List.of();
        }

        /** The failure of the last read of the file (a change, an I/O error), or null. */
        @Nullable Throwable failure() {
            return failure;
        }

        /** The MD5 of each part of the last complete read (MD5 mode). */
        List<byte[]> partMd5s() {
            List<byte[]> md5s = partMd5s;
            if (md5s.isEmpty()) {
                throw new IllegalStateException(operation + ": the CRT completed without reading the whole file");
            }
            return md5s;
        }

        @Override
        public Optional<Long> contentLength() {
            return Optional.of(stamp.size());
        }

        @Override
        public String contentType() {
            return "application/octet-stream";
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            long size = stamp.size();
            Flux.using(() -> FileChannel.open(file), channel -> Flux.<ByteBuffer, Reading>generate(
                                    () -> new Reading(md5PartSize > 0 ? new SegmentDigester(md5PartSize) : null),
                                    (reading, sink) -> {
                                        if (reading.position == size) {
                                            sink.complete();
                                            return reading;
                                        }
                                        int n = (int) Math.min(CHUNK, size - reading.position);
                                        ByteBuffer bytes = ByteBuffer.wrap(LocalFiles.read(channel, reading.position,
                                                n));
                                        reading.position += n;
                                        if (reading.digester != null) {
                                            reading.digester.update(bytes);
                                        }
                                        if (reading.position == size) {
                                            checkUnchanged();
                                            partMd5s = reading.digester == null ? List.of()
                                                    : reading.digester.finish();
                                        }
                                        sink.next(bytes);
                                        return reading;
                                    }),
                            StampedFileBody::close)
                    .onErrorMap(e -> LocalFiles.fileError(operation, file, e))
                    .doOnError(e -> failure = e)
                    .subscribeOn(Schedulers.boundedElastic())
                    .subscribe(subscriber);
        }

        private static void close(FileChannel channel) {
            try {
                channel.close();
            } catch (java.io.IOException ignored) {
                // read-only channel: nothing was written that a failed close could lose
            }
        }

        private void checkUnchanged() {
            LocalFiles.Stamp now = LocalFiles.stamp(file, operation);
            if (!now.equals(stamp)) {
                throw LocalFiles.changed(operation, stamp, now);
            }
        }

        /** One read of the file: the position, and the part MD5s of the bytes read so far (MD5 mode). */
        private static final class Reading {
            long position;
            final @Nullable SegmentDigester digester;

            Reading(@Nullable SegmentDigester digester) {
                this.digester = digester;
            }
        }
    }

}
