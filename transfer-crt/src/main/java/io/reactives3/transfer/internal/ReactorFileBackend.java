package io.reactives3.transfer.internal;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.transfer.TransferBackend;
import io.reactives3.transfer.model.DownloadResult;
import io.reactives3.transfer.model.UploadResult;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * {@link TransferBackend#REACTOR}: files through the engine's own code over the {@code ReactiveS3Client}, uploads
 * by {@link FileUploader} (parts within the memory budget), downloads by {@link RangedDownloader} (parallel ranged
 * GETs into a staged file). Holds nothing of its own: the engine closes the clients.
 */
final class ReactorFileBackend implements FileBackend {

    private final FileUploader uploader;
    private final RangedDownloader downloader;

    ReactorFileBackend(FileUploader uploader, RangedDownloader downloader) {
        this.uploader = uploader;
        this.downloader = downloader;
    }

    @Override
    public Mono<UploadResult> uploadFile(Path file, String bucket, String key, PutObjectOptions options,
                                         TransferRun run) {
        return uploader.upload(file, bucket, key, options, run);
    }

    @Override
    public Mono<DownloadResult> downloadFile(String bucket, String key, Path destination, TransferRun run) {
        return downloader.toFile(bucket, key, destination, run);
    }

    @Override
    public TransferBackend kind() {
        return TransferBackend.REACTOR;
    }
}
