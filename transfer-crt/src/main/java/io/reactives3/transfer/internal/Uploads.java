package io.reactives3.transfer.internal;

import io.reactives3.core.ChecksumPolicy;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.GetObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.StoreProfile;
import io.reactives3.core.ListPartsOptions;
import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.error.UploadNotFoundException;
import io.reactives3.core.spi.SdkRequests;
import io.reactives3.core.model.CompleteMultipartUploadResult;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.PutObjectResult;
import io.reactives3.core.model.UploadPartResult;
import io.reactives3.core.model.UploadedPart;
import io.reactives3.core.spi.SdkErrors;
import io.reactives3.transfer.IntegrityMode;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.UploadResult;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * What file and stream uploads share: a single PutObject, and the multipart lifecycle (create; parts in parallel,
 * each retried on its own; complete; abort on error and on cancel), with the integrity checks of each mode.
 *
 * <p>What is verified ({@link IntegrityMode}; {@link IntegrityMode#AUTO} is resolved per upload by
 * {@link #uploadMode}):
 * <ul>
 *   <li>MD5: every part and single PutObject carries {@code Content-MD5} (S3Proxy, Ceph RGW and AWS reject a
 *       mismatch; LocalS3 checks it on PutObject only). After completion the object's ETag must equal
 *       {@code md5(part md5s)-N} (S3Proxy, RGW, AWS, MinIO); a store that answers with a whole-object MD5 instead
 *       (LocalS3) is checked against the file's MD5 (one extra read of the file), or, for streams whose bytes are
 *       gone, logged once as not verifiable. A single PutObject's ETag must equal the body's MD5 when it is an MD5.</li>
 *   <li>CRC32: every part and single PutObject carries {@code x-amz-checksum-crc32}; the checksum the store
 *       confirms must equal it. Stores that ignore the header (Ceph RGW 16.2, LocalS3) confirm nothing: logged once
 *       as not verified by the store. A multipart object's ETag must equal {@code md5(part ETags)-N} of the parts
 *       the store acknowledged, when they are MD5s.</li>
 *   <li>NONE: part lengths only.</li>
 * </ul>
 */
final class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

    /** A part the store accepted, with its MD5 (MD5 mode) for the ETag check. */
    record SentPart(UploadPartResult result, byte[] md5, long length) {
    }

    private final ReactiveS3Client client;
    private final TransferSettings settings;
    private final Scheduler work;
    private final AtomicBoolean crcUnconfirmedLogged = new AtomicBoolean();
    private final AtomicBoolean streamETagLogged = new AtomicBoolean();

    Uploads(ReactiveS3Client client, TransferSettings settings, Scheduler work) {
        this.client = client;
        this.settings = settings;
        this.work = work;
    }

    /** The integrity mode of this engine's uploads through its client (see {@link #uploadMode}). */
    IntegrityMode uploadMode() {
        return uploadMode(settings.integrity(), client.settings());
    }

    /** The integrity mode of an upload through a client with {@code client} settings. */
    static IntegrityMode uploadMode(IntegrityMode mode, ClientSettings client) {
        return uploadMode(mode, client.profile(), client.checksumMode());
    }

    /**
     * The mode an upload uses: {@code mode} itself, or for {@link IntegrityMode#AUTO} the check the store verifies:
     * CRC32 on a profile whose store verifies flexible checksums (AWS, MinIO, S3Proxy) when the client sends them;
     * MD5 elsewhere.
     */
    static IntegrityMode uploadMode(IntegrityMode mode, StoreProfile profile, ChecksumPolicy checksums) {
        if (mode != IntegrityMode.AUTO) {
            return mode;
        }
        boolean verifiesCrc = switch (profile) {
            case AWS, MINIO, S3PROXY -> true;
            case CEPH, GENERIC -> false;
        };
        return verifiesCrc && checksums == ChecksumPolicy.WHEN_SUPPORTED ? IntegrityMode.CRC32 : IntegrityMode.MD5;
    }

    /** The engine's threads for copying and digesting, so that the HTTP client's threads only move bytes. */
    Scheduler work() {
        return work;
    }

    TransferSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ single request

    /** One PutObject of {@code data}, retried as a part is, verified as the mode says. */
    Mono<UploadResult> putSingle(String bucket, String key, PutObjectOptions options, PartData data,
                                 TransferRun run) {
        PutObjectRequest request = SdkRequests.putObject(bucket, key, options).contentLength(data.length())
                .contentMD5(data.contentMd5()).checksumCRC32(data.crc32()).build();
        return putSingle(request, data::body, data.md5(), data.crc32(), data.length(), run);
    }

    /** One PutObject of a body made per attempt, with digests computed beforehand. */
    Mono<UploadResult> putSingle(PutObjectRequest request, Supplier<AsyncRequestBody> body, byte[] md5, String crc32,
                                 long length, TransferRun run) {
        String bucket = request.bucket();
        String key = request.key();
        Mono<PutObjectResult> attempt = Mono.defer(() -> client.putObject(request, body.get()));
        return PartRetry.withRetries(attempt, settings, "PutObject s3://" + bucket + "/" + key)
                .onErrorResume(PreconditionFailedException.class, e -> ownWrite(client, request,
                        md5 != null ? Mono.just(md5) : Mono.defer(() -> md5Of(body.get())), length, e))
                .flatMap(put -> {
                    if (md5 != null && Checksums.isMd5ETag(put.eTag())
                            && !put.eTag().equalsIgnoreCase(Checksums.hex(md5))) {
                        return Mono.error(new DataIntegrityException("PutObject s3://" + bucket + "/" + key
                                + ": the store answered ETag " + put.eTag() + " but the bytes sent have MD5 "
                                + Checksums.hex(md5) + "; the object was left in place"));
                    }
                    return checkCrc(crc32, put.checksum(), "PutObject s3://" + bucket + "/" + key).thenReturn(put);
                })
                .map(put -> {
                    run.bytes(length);
                    run.partDone();
                    run.itemsDone(1);
                    return new UploadResult(bucket, key, put.eTag(), put.versionId(), length, 1,
                            TransferBackend.REACTOR);
                });
    }

    /**
     * A conditional PutObject ({@code If-None-Match}, {@code If-Match}) answered 412 may be a retry (by the SDK or
     * the engine) of an attempt whose write succeeded but whose answer was lost: the retry then fails the condition
     * that the first attempt itself broke. HeadObject tells, in every integrity mode: an object whose ETag is the MD5
     * of the bytes sent ({@code md5}: known in MD5 mode, otherwise computed on this path only, from a new body of the
     * same bytes) holds exactly those bytes, and the write is reported as done (with the head's ETag and version id).
     * Otherwise (another ETag, an ETag that is no MD5 as with SSE-KMS, HeadObject failing) the 412 is delivered as it
     * came. A write of the same bytes by someone else in between cannot be told apart, and is equivalent for the
     * caller.
     */
    static Mono<PutObjectResult> ownWrite(ReactiveS3Client client, PutObjectRequest request, Mono<byte[]> md5,
                                          long length, PreconditionFailedException failed) {
        if (request.ifNoneMatch() == null && request.ifMatch() == null) {
            return Mono.error(failed);
        }
        return client.headObject(request.bucket(), request.key())
                .onErrorMap(e -> failed)
                .flatMap(head -> {
                    String eTag = Checksums.unquote(head.eTag());
                    if (eTag == null || !Checksums.isMd5ETag(eTag)) {
                        return Mono.<PutObjectResult>error(failed);
                    }
                    return md5.onErrorMap(e -> failed).flatMap(sent -> {
                        if (!Checksums.hex(sent).equalsIgnoreCase(eTag)) {
                            return Mono.<PutObjectResult>error(failed);
                        }
                        LOG.info("PutObject s3://{}/{}: a retry failed its condition ({}), but the object holds the "
                                + "bytes sent: an earlier attempt wrote it", request.bucket(), request.key(),
                                failed.errorCode());
                        return Mono.just(new PutObjectResult(head.eTag(), head.versionId(), null, length));
                    });
                });
    }

    /** The MD5 of a request body's bytes (one more pass over them, digested on the engine's threads). */
    Mono<byte[]> md5Of(AsyncRequestBody body) {
        return Flux.from(body)
                .publishOn(work)
                .reduceWith(Checksums::md5, (digest, buffer) -> {
                    digest.update(buffer);
                    return digest;
                })
                .map(java.security.MessageDigest::digest);
    }

    // ------------------------------------------------------------------ multipart

    /**
     * Runs a multipart upload: {@code parts} gets the started upload and emits the sent parts (in any order); the
     * upload is completed with them, or aborted when they fail or the subscriber cancels. Then the result is
     * verified; {@code wholeObjectMd5} supplies the object's MD5 for stores that answer with one (or empty when it
     * cannot be had).
     */
    Mono<UploadResult> multipart(String bucket, String key, PutObjectOptions options,
                                 Function<MultipartUploadHandle, Flux<SentPart>> parts,
                                 Supplier<Mono<byte[]>> wholeObjectMd5, TransferRun run) {
        IntegrityMode mode = uploadMode();
        boolean crc32 = mode == IntegrityMode.CRC32;
        record Done(CompleteMultipartUploadResult complete, List<SentPart> parts) {
        }
        AtomicBoolean completing = new AtomicBoolean();
        Mono<Done> lifecycle = Mono.usingWhen(
                create(createRequest(bucket, key, options, crc32)),
                upload -> parts.apply(upload)
                        .collectSortedList(Comparator.comparingInt(p -> p.result().partNumber()))
                        .flatMap(sent -> Mono.defer(() -> {
                                    completing.set(true);
                                    return complete(upload, sent, options);
                                })
                                .onErrorResume(e -> outcomeUnknown(e, options), e -> completeOutcome(upload, e,
                                        expectedETag(mode, sent)))
                                .map(complete -> new Done(complete, sent))),
                upload -> Mono.empty(),
                (upload, error) -> abort(upload, error.toString()),
                upload -> completing.get() ? abortAfterCompleting(upload) : abort(upload, "cancelled"));
        return lifecycle.flatMap(done -> verifyMultipart(bucket, key, mode, done.complete(), done.parts(),
                        wholeObjectMd5)
                .map(eTag -> {
                    run.itemsDone(1);
                    long size = done.parts().stream().mapToLong(SentPart::length).sum();
                    return new UploadResult(bucket, key, eTag, done.complete().versionId(), size,
                            done.parts().size(), TransferBackend.REACTOR);
                }));
    }

    /**
     * The ETag the sent parts give: from their MD5s in MD5 mode, otherwise from the part ETags the store answered
     * when each is an MD5 (every store here without SSE-KMS/SSE-C); null when it cannot be known.
     */
    private static String expectedETag(IntegrityMode mode, List<SentPart> sent) {
        if (mode == IntegrityMode.MD5) {
            return Checksums.multipartETag(sent.stream().map(SentPart::md5).toList());
        }
        List<String> eTags = sent.stream().map(p -> Checksums.unquote(p.result().eTag())).toList();
        if (eTags.isEmpty() || !eTags.stream().allMatch(Checksums::isMd5ETag)) {
            return null;
        }
        return Checksums.multipartETag(eTags.stream().map(java.util.HexFormat.of()::parseHex).toList());
    }

    /**
     * CreateMultipartUpload that a cancel does not interrupt: the request, once sent, is left to finish (the store
     * may create the upload although the client gave up on the answer), and an upload created after the cancel is
     * aborted at once, so a cancel before the create completed leaves nothing in ListMultipartUploads either. The
     * request sees the subscriber's context (an operation decorator may read it, e.g. for the parent observation).
     */
    Mono<MultipartUploadHandle> create(CreateMultipartUploadRequest request) {
        return Mono.deferContextual(context -> {
            CompletableFuture<MultipartUploadHandle> created = client.createMultipartUpload(request)
                    .contextWrite(context).toFuture();
            return Mono.fromFuture(created, true)
                    .doOnCancel(() -> created.thenAccept(upload ->
                            abort(upload, "cancelled while it was being created").subscribe()));
        });
    }

    /**
     * Whether a failed CompleteMultipartUpload may have been carried out by the store: no answer (transport error,
     * timeout), a 5xx (including a {@code 200} with an {@code <Error>} body, which the SDK maps to the error's
     * status), or {@code NoSuchUpload} (a retry of a Complete that the store had done while its answer was lost).
     */
    private static boolean outcomeUnknown(Throwable error, PutObjectOptions options) {
        return error instanceof S3TransportException || error instanceof UploadNotFoundException
                || (error instanceof S3ServiceException service && service.isRetryable())
                || (error instanceof PreconditionFailedException && conditional(options));
    }

    private static boolean conditional(PutObjectOptions options) {
        return options.ifNoneMatch() != null || options.ifMatch() != null;
    }

    /**
     * CompleteMultipartUpload of the sent parts; the options' {@code If-None-Match}/{@code If-Match} go on it (as
     * S3 defines conditional multipart writes, and as the CRT client sends them), through the SDK client since the
     * toolkit's call has no conditions. A condition that fails gives {@link PreconditionFailedException} (the upload
     * is then aborted); a store that ignores conditions on Complete (Ceph RGW 16.2) completes regardless.
     */
    private Mono<CompleteMultipartUploadResult> complete(MultipartUploadHandle upload, List<SentPart> sent,
                                                         PutObjectOptions options) {
        List<UploadedPart> parts = sent.stream().map(p -> p.result().toCompletedPart()).toList();
        if (!conditional(options)) {
            return client.completeMultipartUpload(upload, parts);
        }
        CompleteMultipartUploadRequest request = CompleteMultipartUploadRequest.builder()
                .bucket(upload.bucket()).key(upload.key()).uploadId(upload.uploadId())
                .ifNoneMatch(quoted(options.ifNoneMatch())).ifMatch(quoted(options.ifMatch()))
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts.stream().map(p -> {
                    CompletedPart.Builder part = CompletedPart.builder().partNumber(p.partNumber()).eTag(p.eTag());
                    if (p.checksum() != null && p.checksum().startsWith("CRC32=")) {
                        part.checksumCRC32(p.checksum().substring("CRC32=".length()));
                    }
                    return part.build();
                }).toList()).build())
                .build();
        return Mono.fromFuture(() -> client.sdkClient().completeMultipartUpload(request))
                .onErrorMap(e -> SdkErrors.translate(e, "CompleteMultipartUpload", upload.bucket(), upload.key()))
                .map(r -> new CompleteMultipartUploadResult(upload.bucket(), upload.key(),
                        emptyToNull(Checksums.unquote(r.eTag())), emptyToNull(r.versionId()), r.location()));
    }

    /** {@code *} as is, an ETag quoted unless it already is. */
    private static String quoted(String eTag) {
        if (eTag == null || eTag.equals("*") || eTag.startsWith("\"") || eTag.startsWith("W/")) {
            return eTag;
        }
        return "\"" + eTag + "\"";
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Finds out what a CompleteMultipartUpload that failed with {@code error} did. ListParts still listing the
     * upload's parts means it was not completed: {@code error} is delivered and the upload aborted. {@code NoSuchUpload}
     * (or, as S3Proxy answers for a completed upload, an empty part list) means the store completed it (nothing else
     * aborts an upload this engine started): the object's HeadObject stands in for the lost answer, and is verified
     * as usual; in MD5 mode an object whose ETag is not the one the parts give ({@code expectedETag}) is not taken
     * for ours ({@code error} is delivered). When ListParts or HeadObject fail, {@code error} is delivered: the
     * outcome stays unknown, logged at WARN with the upload id.
     */
    private Mono<CompleteMultipartUploadResult> completeOutcome(MultipartUploadHandle upload, Throwable error,
                                                                String expectedETag) {
        String target = "s3://" + upload.bucket() + "/" + upload.key() + " (upload " + upload.uploadId() + ")";
        return client.listPartsPage(upload, ListPartsOptions.builder().pageSize(1).build())
                .map(page -> !page.parts().isEmpty())
                .onErrorResume(UploadNotFoundException.class, gone -> Mono.just(false))
                .flatMap(open -> open ? Mono.<CompleteMultipartUploadResult>error(error)
                        : client.headObject(upload.bucket(), upload.key()).flatMap(head -> {
                            String eTag = Checksums.unquote(head.eTag());
                            if (expectedETag != null && eTag != null && !Checksums.isMd5ETag(eTag)
                                    && !expectedETag.equalsIgnoreCase(eTag)) {
                                return Mono.error(error); // another object than ours
                            }
                            LOG.info("CompleteMultipartUpload of {} failed ({}) but the store had completed it",
                                    target, error.toString());
                            return Mono.just(new CompleteMultipartUploadResult(upload.bucket(), upload.key(),
                                    eTag, head.versionId(), null));
                        }))
                .onErrorMap(e -> e != error, e -> {
                    LOG.warn("CompleteMultipartUpload of {} failed ({}); whether the store completed it is unknown "
                            + "({})", target, error, e.toString());
                    return error;
                });
    }

    /**
     * The cancel path once CompleteMultipartUpload was sent: the store may have completed the upload (a cancel
     * cannot take that back). Aborts, and logs which it was: an abort answered {@code NoSuchUpload} means the object
     * was committed.
     */
    private Mono<Void> abortAfterCompleting(MultipartUploadHandle upload) {
        String target = "s3://" + upload.bucket() + "/" + upload.key() + " (upload " + upload.uploadId() + ")";
        return client.abortMultipartUpload(upload)
                .doOnSuccess(v -> LOG.warn("cancelled during CompleteMultipartUpload of {}: aborted, not committed",
                        target))
                .onErrorResume(e -> {
                    if (e instanceof UploadNotFoundException) {
                        LOG.warn("cancelled during CompleteMultipartUpload of {}: the store had already completed "
                                + "it, the object is committed", target);
                    } else {
                        LOG.warn("cancelled during CompleteMultipartUpload of {}: whether it was committed is "
                                + "unknown (the abort failed: {})", target, e.toString());
                    }
                    return Mono.empty();
                });
    }

    /** Sends one part held in memory (retried on its own), checks what the store confirmed, counts it. */
    Mono<SentPart> uploadPart(MultipartUploadHandle upload, PartData data, TransferRun run) {
        return uploadPart(upload, data.partNumber(), data.length(), new PartData.Digest(data.md5(), data.crc32()),
                data::body, run);
    }

    /** Sends one part whose body is made per attempt, with digests computed beforehand. */
    Mono<SentPart> uploadPart(MultipartUploadHandle upload, int partNumber, long length, PartData.Digest digest,
                              Supplier<AsyncRequestBody> body, TransferRun run) {
        UploadPartRequest request = UploadPartRequest.builder().bucket(upload.bucket()).key(upload.key())
                .uploadId(upload.uploadId()).partNumber(partNumber).contentLength(length)
                .contentMD5(digest.md5() == null ? null : Checksums.base64(digest.md5()))
                .checksumCRC32(digest.crc32()).build();
        String what = "UploadPart " + partNumber + " of s3://" + upload.bucket() + "/" + upload.key();
        Mono<UploadPartResult> attempt = Mono.defer(() -> client.uploadPart(request, body.get()));
        return PartRetry.withRetries(attempt, settings, what)
                .flatMap(result -> checkCrc(digest.crc32(), result.checksum(), what)
                        .thenReturn(new SentPart(result, digest.md5(), length)))
                .doOnNext(sent -> {
                    run.bytes(length);
                    run.partDone();
                });
    }

    private Mono<String> verifyMultipart(String bucket, String key, IntegrityMode mode,
                                         CompleteMultipartUploadResult complete, List<SentPart> parts,
                                         Supplier<Mono<byte[]>> wholeObjectMd5) {
        Mono<String> stored = storedETag(complete);
        String target = "multipart upload s3://" + bucket + "/" + key;
        if (mode == IntegrityMode.CRC32) {
            // the store checked each part's CRC32; the object must then be assembled from the parts it acknowledged
            String assembled = expectedETag(mode, parts);
            return assembled == null ? stored : stored.flatMap(eTag -> Checksums.multipartPartCount(eTag) > 0
                    && !assembled.equalsIgnoreCase(Checksums.unquote(eTag))
                    ? Mono.error(new DataIntegrityException(target + ": the stored object's ETag is " + eTag
                    + " but the parts the store acknowledged give " + assembled + "; the object was left in place"))
                    : Mono.just(eTag));
        }
        if (mode != IntegrityMode.MD5) {
            return stored;
        }
        String expected = Checksums.multipartETag(parts.stream().map(SentPart::md5).toList());
        return stored.flatMap(eTag -> {
            if (expected.equalsIgnoreCase(Checksums.unquote(eTag))) {
                return Mono.just(eTag);
            }
            if (Checksums.isMd5ETag(eTag)) {
                // the store (LocalS3) gives multipart objects the MD5 of the whole object
                return wholeObjectMd5.get()
                        .flatMap(md5 -> Checksums.hex(md5).equalsIgnoreCase(eTag) ? Mono.just(eTag)
                                : Mono.error(mismatch(target, eTag, Checksums.hex(md5))))
                        .switchIfEmpty(Mono.fromSupplier(() -> {
                            if (streamETagLogged.compareAndSet(false, true)) {
                                LOG.warn("{}: the store answered a multipart upload with a whole-object ETag; streamed "
                                        + "uploads cannot be checked against it (their bytes are gone), parts were "
                                        + "sent with Content-MD5", target);
                            }
                            return eTag;
                        }));
            }
            return Mono.error(mismatch(target, eTag, expected));
        });
    }

    /**
     * The completed object's ETag: as CompleteMultipartUpload answered, or read back with HeadObject when the answer
     * had none (Ceph RGW 16.2 answers with an empty ETag).
     */
    Mono<String> storedETag(CompleteMultipartUploadResult complete) {
        if (complete.eTag() != null && !complete.eTag().isBlank()) {
            return Mono.just(complete.eTag());
        }
        return client.headObject(complete.bucket(), complete.key(), complete.versionId() == null
                ? GetObjectOptions.defaults() : GetObjectOptions.builder().versionId(complete.versionId()).build())
                .map(ObjectHead::eTag);
    }

    private static DataIntegrityException mismatch(String target, String stored, String expected) {
        return new DataIntegrityException(target + ": the stored object's ETag is " + stored
                + " but the bytes sent give " + expected + "; the object was left in place");
    }

    private Mono<Void> checkCrc(String sent, String confirmed, String what) {
        if (sent == null) {
            return Mono.empty();
        }
        if (confirmed == null || !confirmed.startsWith("CRC32=")) {
            if (crcUnconfirmedLogged.compareAndSet(false, true)) {
                LOG.warn("{}: the store did not confirm x-amz-checksum-crc32 (it ignores flexible checksums); CRC32 "
                        + "integrity is not verified by this store ({} profile)", what,
                        client.settings().profile());
            }
            return Mono.empty();
        }
        String value = confirmed.substring("CRC32=".length());
        return value.equals(sent) ? Mono.empty() : Mono.error(new DataIntegrityException(what
                + ": the store confirmed CRC32 " + value + " but the bytes sent have " + sent));
    }

    /** Aborts, never failing: the upload may already be gone (completed, or aborted by the store). */
    Mono<Void> abort(MultipartUploadHandle upload, String reason) {
        return client.abortMultipartUpload(upload)
                .doOnSuccess(v -> LOG.debug("aborted multipart upload {} of s3://{}/{} ({})", upload.uploadId(),
                        upload.bucket(), upload.key(), reason))
                .onErrorResume(e -> {
                    LOG.warn("could not abort multipart upload {} of s3://{}/{} ({}): {}", upload.uploadId(),
                            upload.bucket(), upload.key(), reason, e.toString());
                    return Mono.empty();
                });
    }

    /** CreateMultipartUpload with the options' headers, announcing CRC32 part checksums in {@link IntegrityMode#CRC32}. */
    static CreateMultipartUploadRequest createRequest(String bucket, String key, PutObjectOptions options,
                                                              boolean crc32) {
        // conditions belong to CompleteMultipartUpload (see complete)
        PutObjectOptions unconditional = conditional(options)
                ? options.toBuilder().ifNoneMatch(null).ifMatch(null).build() : options;
        CreateMultipartUploadRequest.Builder request = SdkRequests.createMultipartUpload(bucket, key, unconditional);
        if (crc32) {
            request.checksumAlgorithm(ChecksumAlgorithm.CRC32);
        }
        return request.build();
    }
}
