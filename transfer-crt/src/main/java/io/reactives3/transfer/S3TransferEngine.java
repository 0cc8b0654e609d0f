package io.reactives3.transfer;

import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.DataIntegrityException;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.error.LocalFileException;
import io.reactives3.core.error.S3TimeoutException;
import io.reactives3.core.error.S3ToolkitException;
import io.reactives3.core.error.S3TransportException;
import io.reactives3.core.model.KeyVersion;
import io.reactives3.core.model.ObjectStream;
import io.reactives3.transfer.internal.DefaultTransferEngine;
import io.reactives3.transfer.model.BatchDeleteResult;
import io.reactives3.transfer.model.CopyResult;
import io.reactives3.transfer.model.DirectoryDownloadResult;
import io.reactives3.transfer.model.DirectoryUploadResult;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The transfer engine: large uploads, downloads, copies, directories and batched deletes, in parallel parts, with
 * progress, bounded memory, retries per part, end-to-end verification, and abort on cancel.
 *
 * <p>Every method checks its arguments when called (bad bucket names, empty keys, nulls throw
 * {@link InvalidInputException} / {@link NullPointerException}) and returns a cold {@link Transfer} (or
 * {@link Mono}): nothing happens before subscription. Failures arrive through {@code onError} as
 * {@link S3ToolkitException}s: the store's typed errors, {@link DataIntegrityException} for bytes that do not check
 * out, {@link S3TransportException} / {@link S3TimeoutException} when no usable answer came, and local file-system
 * errors (a missing source file, an unwritable destination, a file changed during its upload) as
 * {@link LocalFileException} naming the file, with the {@link java.io.IOException} as the cause. Cancelling
 * stops the parts in flight and aborts an unfinished multipart upload (see {@link Transfer} for a cancel during
 * CompleteMultipartUpload).
 *
 * <p>Unknown outcomes are found out, not guessed: a CompleteMultipartUpload that fails without a usable answer
 * (transport error, timeout, 5xx, or {@code NoSuchUpload} to a retry of a Complete the store had done) is followed
 * by ListParts; an upload still listing parts was not completed (the error is delivered, the upload aborted), an
 * upload gone was completed (HeadObject stands in for the lost answer and is verified as usual). A conditional upload
 * ({@code ifNoneMatch}/{@code ifMatch}, sent with PutObject or, for multipart uploads, with CompleteMultipartUpload
 * on both backends) answered 412 after a retry is checked with HeadObject, in every {@link IntegrityMode}: an
 * object whose ETag is the one the bytes sent give (their MD5, or for a multipart upload the MD5 of the parts' MD5s
 * and the part count; digested as they are sent in MD5 mode and by CRT uploads; otherwise computed once more from
 * the source on the 412 only for a single PutObject, and taken from the part ETags the store answered for a
 * multipart upload) was written by this upload, which then succeeds with that ETag; otherwise the
 * {@link io.reactives3.core.error.PreconditionFailedException} stands. What the caller can know: a success means the
 * object holds exactly the bytes sent (written by this upload, or by another writer of the same bytes in between,
 * which cannot be told apart); a 412 means the object holds other bytes, or that the store's ETag is not an MD5 (an
 * SSE-KMS or SSE-C object), where a lost write of ours cannot be told from a conflict.
 *
 * <p>File uploads and downloads use the backends {@link #uploadBackend()} and {@link #downloadBackend()} name
 * ({@link TransferBackend}: by default the CRT S3 client for uploads where the store's
 * {@link io.reactives3.core.StoreProfile} accepts it, the engine's Reactor orchestration otherwise); the choice is
 * logged when the engine is created. Streams, copies, listings and deletes always use the Reactor orchestration over
 * the client's SDK client, which honours backpressure.
 *
 * <pre>{@code
 * try (S3TransferEngine engine = S3TransferEngine.create(client)) {
 *     engine.uploadFile(Path.of("video.mp4"), "bucket", "videos/video.mp4").progress()
 *           .doOnNext(p -> System.out.printf("%.0f%%%n", p.fraction() * 100))
 *           .blockLast();
 * }
 * }</pre>
 */
public interface S3TransferEngine extends AutoCloseable {

    /** An engine with {@link TransferSettings#defaults()} over {@code client} (which the caller keeps owning). */
    static S3TransferEngine create(ReactiveS3Client client) {
        return create(client, TransferSettings.defaults());
    }

    /** An engine with {@code settings} over {@code client} (which the caller keeps owning). */
    static S3TransferEngine create(ReactiveS3Client client, TransferSettings settings) {
        return DefaultTransferEngine.create(client, settings);
    }

    /** The settings in effect. */
    TransferSettings settings();

    /**
     * The backend of file uploads against this client's store, {@link TransferBackend#AUTO} resolved. A CRT client is
     * built by the first transfer that uses it, not by {@code create}: should it fail to load then, the engine falls
     * back to {@link TransferBackend#REACTOR} (logged) and this reports it from then on.
     */
    TransferBackend uploadBackend();

    /** The backend of file downloads against this client's store, {@link TransferBackend#AUTO} resolved. */
    TransferBackend downloadBackend();

    /**
     * Uploads a file: one PutObject below {@link TransferSettings#multipartThreshold()}, parallel parts above it
     * (at most {@link TransferSettings#partsInFlight()} parts in memory, each reserved from the engine's
     * {@link MemoryBudget} before it is read and given back when it was sent, failed or cancelled). The content type
     * is guessed from the file name. A file that changes during the upload fails it with {@link LocalFileException}.
     */
    Transfer<UploadResult> uploadFile(Path source, String bucket, String key);

    /** Uploads a file with headers (content type, metadata, ACL, tags, conditions) applied to the object. */
    Transfer<UploadResult> uploadFile(Path source, String bucket, String key, PutObjectOptions options);

    /**
     * Uploads a stream of unknown length: cut into parts (the part size doubles every 1,000 parts so 10,000 parts
     * hold about 5 TiB); a stream that ends within its first part and below the threshold becomes one PutObject.
     * Every byte is copied into buffers sized by the data (a 1-byte upload holds a few KiB, not a part) that are
     * reserved from the engine's {@link MemoryBudget} first: when the budget is spent the upload waits, in order of
     * arrival, and stops reading its source. The source is requested one buffer at a time, only as memory and
     * {@link TransferSettings#concurrency()} allow (backpressure); its buffers are copied, not kept. An error from
     * the source or a cancel aborts the multipart upload; memory is given back on every path.
     */
    Transfer<UploadResult> upload(Publisher<ByteBuffer> source, String bucket, String key, PutObjectOptions options);

    /**
     * Downloads an object to a file atomically: HeadObject first, then ranged GETs (one below the threshold) written
     * with positional writes into a temporary file in the destination's folder (created if missing), which is
     * renamed over the destination only when every byte arrived and was checked ({@link IntegrityMode}). A failed or
     * cancelled download leaves no partial file and an existing destination untouched. Every GET carries
     * {@code If-Match} with the head's ETag, so an object replaced mid-download fails with
     * {@link io.reactives3.core.error.PreconditionFailedException} instead of mixing bytes. A range that fails (5xx,
     * reset, truncated, silent for {@link TransferSettings#partIdleTimeout()}) is retried on its own. The file gets
     * the permissions of any new file of the process ({@code 0666} less the umask) on both backends, also when it
     * replaces one; a local I/O error (a full disk, a path too long) is a
     * {@link io.reactives3.core.error.LocalFileException}.
     */
    Transfer<DownloadResult> downloadFile(String bucket, String key, Path destination);

    /**
     * Opens a download as a demand-driven stream built from parallel ranged GETs reassembled in order: emits the
     * object's head (HeadObject) with the body. Ranges of 2 MiB are read ahead of the subscriber (two GETs at once,
     * at most five ranges held per stream), each reserved from the engine's {@link MemoryBudget} before it is asked
     * for and given back once the subscriber took its last buffer (or on cancel and error): a slow or paused
     * subscriber costs at most those ranges, and since each range is read whole as soon as it is reserved, a pause
     * never runs into a read timeout. Each range carries {@code If-Match} with the head's ETag (a replaced
     * object fails with {@link io.reactives3.core.error.PreconditionFailedException}) and is retried on its own; in
     * {@link IntegrityMode#MD5} and {@link IntegrityMode#AUTO} a content that does not give the ETag fails after the last byte when the ETag can only
     * be given one way (a plain MD5, a one-part multipart ETag); a multipart object whose parts are in a layout none
     * of the engine's candidate part sizes gives completes unverified (logged), since a stream cannot be read again
     * to tell that from a corrupted read. The body may be
     * subscribed to more than once (each subscription reads the object again); cancelling it stops the reads.
     */
    Mono<ObjectStream> downloadStream(String bucket, String key);

    /**
     * Server-side copy: one CopyObject below the multipart threshold, parallel UploadPartCopy above it (objects
     * over 5 GiB included; the copy gets the source's content headers and metadata unless the options replace them);
     * buckets may differ. The source is pinned to the ETag HeadObject saw. A store without UploadPartCopy (LocalS3)
     * gets one CopyObject instead (logged) when the object is at most 5 GiB.
     */
    Transfer<CopyResult> copy(String sourceBucket, String sourceKey, String destinationBucket, String destinationKey,
                              CopyObjectOptions options);

    /**
     * Uploads the regular files under {@code directory} (symbolic links are neither followed nor uploaded) whose
     * relative paths the options select, to {@code prefix/relative/path} ({@code /} separators; no separator added
     * for an empty prefix), {@link TransferSettings#fileConcurrency()} files at a time, the directory walked only as
     * files can start. Per-file failures are reported in the result; a missing directory or a failing walk fails the
     * job. Progress adds up over the files.
     */
    Transfer<DirectoryUploadResult> uploadDirectory(Path directory, String bucket, String prefix,
                                                    DirectoryOptions options);

    /**
     * Downloads the objects under {@code prefix} (a prefix without a trailing {@code /} gets one) that the options
     * select into {@code directory}, keeping the key structure below the prefix, each file written atomically.
     * Never writes outside {@code directory}: keys like {@code ../x}, {@code a/../../x}, {@code /abs}, {@code ..},
     * {@code prefix/..}, and keys with {@code .} or empty segments or backslashes are skipped and reported, and a
     * key that would pass through (or land on) a symbolic link in the destination is skipped too. Folder markers
     * (empty keys ending in {@code /}) are ignored. Per-key failures and skips are reported in the result; a missing
     * bucket or a failing listing fails the job.
     */
    Transfer<DirectoryDownloadResult> downloadDirectory(String bucket, String prefix, Path directory,
                                                        DirectoryOptions options);

    /**
     * Deletes the given keys in DeleteObjects batches of at most 1,000, {@link TransferSettings#deleteConcurrency()}
     * batches in flight; keys are consumed as batches can be sent. Per-key failures are data: the store's per-key
     * errors, keys S3 would reject (empty, over 1,024 bytes), and every key of a batch whose request failed after
     * its retries (with that error's code). Only a missing bucket fails the job.
     */
    Transfer<BatchDeleteResult> deleteObjects(String bucket, Publisher<String> keys);

    /** Deletes the given versions (or latest versions when a version id is null) in batches of at most 1,000. */
    Transfer<BatchDeleteResult> deleteVersions(String bucket, Publisher<KeyVersion> objects);

    /**
     * Deletes everything under {@code prefix} ({@code ""} for the whole bucket) as it is listed, one page ahead at
     * most; with {@code allVersions}, every version and delete marker (ListObjectVersions: not on S3Proxy, which
     * answers {@link io.reactives3.core.error.UnsupportedByStoreException}).
     */
    Transfer<BatchDeleteResult> deletePrefix(String bucket, String prefix, boolean allVersions);

    /** Releases what the engine created (the CRT S3 client, if any); the {@link ReactiveS3Client} stays open. */
    @Override
    void close();
}
