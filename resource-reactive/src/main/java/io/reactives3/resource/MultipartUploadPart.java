package io.reactives3.resource;

import io.reactives3.core.ByteRange;
import io.reactives3.core.UploadBody;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.model.PartSummary;
import io.reactives3.core.model.UploadPartResult;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * One part of a multipart upload, identified by the upload's identifiers and a part number (boto3's
 * {@code MultipartUploadPart}). Equal to any other part with the same identifiers. Parts emitted by
 * {@link MultipartUpload#parts()} also carry what the listing said ({@link #summary()}).
 */
public final class MultipartUploadPart extends Resource {

    private final MultipartUpload upload;
    private final int partNumber;
    private final PartSummary listed;

    MultipartUploadPart(MultipartUpload upload, int partNumber, PartSummary listed) {
        super(Objects.requireNonNull(upload, "upload").bucketName() + "/" + upload.key() + ", uploadId="
                + upload.uploadId() + ", part " + partNumber, upload, Arguments.partNumber(partNumber));
        this.upload = upload;
        this.partNumber = partNumber;
        this.listed = listed;
    }

    /** The upload this part belongs to (its identifiers are this part's too). */
    public MultipartUpload multipartUpload() {
        return upload;
    }

    /** The part number, 1..10,000 (an identifier). */
    public int partNumber() {
        return partNumber;
    }

    /** What ListParts said (size, ETag, upload time), or empty when made from identifiers. */
    public Optional<PartSummary> summary() {
        return Optional.ofNullable(listed);
    }

    /** Uploads this part from memory (UploadPart); emits what the completion needs. */
    public Mono<UploadPartResult> upload(byte[] content) {
        return upload.context().client().uploadPart(upload.handle(), partNumber, UploadBody.ofBytes(content));
    }

    /** Uploads this part from a stream of exactly {@code contentLength} bytes. */
    public Mono<UploadPartResult> upload(Publisher<ByteBuffer> body, long contentLength) {
        return upload.context().client().uploadPart(upload.handle(), partNumber, UploadBody.ofPublisher(body, contentLength));
    }

    /**
     * Copies bytes {@code range} of {@code source} (latest version only) as this part (UploadPartCopy; boto3's
     * {@code copy_from}).
     *
     * @throws InvalidInputException when {@code source} names a version
     */
    public Mono<UploadPartResult> copyFrom(CopySource source, ByteRange range) {
        if (source.versionId() != null) {
            throw new InvalidInputException("UploadPartCopy from a specific version is not supported here; "
                    + "copy the latest version or use S3Object.copy");
        }
        return upload.context().client().uploadPartCopy(upload.handle(), partNumber, source.bucket(), source.key(),
                range);
    }
}
