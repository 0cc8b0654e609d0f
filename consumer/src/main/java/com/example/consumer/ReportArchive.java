package com.example.consumer;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.UploadBody;
import io.reactives3.transfer.S3TransferEngine;
import io.reactives3.transfer.model.UploadResult;
import java.nio.file.Path;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What a user writes: a service on the auto-configured client and transfer engine. */
@Service
public class ReportArchive {

    private final ReactiveS3Client s3;
    private final S3TransferEngine transfers;

    public ReportArchive(ReactiveS3Client s3, S3TransferEngine transfers) {
        this.s3 = s3;
        this.transfers = transfers;
    }

    /** Stores a small report in one PutObject; emits its ETag. */
    public Mono<String> store(String bucket, String key, String report) {
        return s3.putObject(bucket, key, UploadBody.ofString(report)).map(put -> put.eTag());
    }

    /** Uploads a large report file through the engine (multipart above its threshold). */
    public Mono<UploadResult> archive(String bucket, String key, Path file) {
        return transfers.uploadFile(file, bucket, key).result();
    }

    /** Reads a report back as text. */
    public Mono<String> read(String bucket, String key) {
        return s3.getObject(bucket, key).map(object -> object.asUtf8String());
    }
}
