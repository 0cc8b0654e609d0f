package io.reactives3.transfer.internal;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * What moves one file between the local disk and S3: the seam between the engine's orchestration (single files,
 * directories, progress) and the client that carries the bytes. {@link ReactorFileBackend} uses the engine's own
 * multipart code over the {@code ReactiveS3Client}; {@link CrtFileBackend} the AWS CRT-based S3 client. The engine
 * picks one for uploads and one for downloads once ({@link BackendChoice#pick}); nothing above this interface asks
 * which one it has.
 *
 * <p>Both honour the same contract: the source file is stamped (size, modification time) before the upload and a
 * change seen before the object is committed fails the upload with a {@code LocalFileException}, leaving the previous
 * object in place; a download lands in a temporary file that replaces the destination only when every byte arrived
 * and was checked ({@link Staging}), created with the permissions of any new file of the process; each method
 * reports to {@code run} (plan, bytes, parts, the item) and emits the result once the transfer is complete.
 * Cancelling the returned {@code Mono} stops the transfer and aborts a started multipart upload.
 */
interface FileBackend extends AutoCloseable {

    /** Uploads {@code file} to {@code s3://bucket/key}. */
    Mono<UploadResult> uploadFile(Path file, String bucket, String key, PutObjectOptions options, TransferRun run);

    /** Downloads {@code s3://bucket/key} to {@code destination}. */
    Mono<DownloadResult> downloadFile(String bucket, String key, Path destination, TransferRun run);

    /** Which backend this is (as {@code S3TransferEngine.uploadBackend()} reports it). */
    TransferBackend kind();

    /** Releases what the backend holds (a native client); never fails. Nothing by default. */
    @Override
    default void close() {
    }
}
