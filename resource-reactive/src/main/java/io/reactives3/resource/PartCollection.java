package io.reactives3.resource;

import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.resource.internal.Pager;
import io.reactives3.resource.model.Page;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;

/**
 * The uploaded parts of a multipart upload (boto3's {@code multipart_upload.parts}): an immutable description of a
 * ListParts listing; {@link #limit} and {@link #pageSize} return new collections; pages are fetched only on demand;
 * cancel stops requests. Errors: {@link io.reactives3.core.error.UploadNotFoundException} when the upload is gone.
 */
public final class PartCollection {

    private final MultipartUpload upload;
    private final Limits limits;

    PartCollection(MultipartUpload upload) {
        this(upload, Limits.DEFAULT);
    }

    private PartCollection(MultipartUpload upload, Limits limits) {
        this.upload = upload;
        this.limits = limits;
    }

    /** A collection emitting at most {@code count} parts; the last request asks only for those still missing. */
    public PartCollection limit(long count) {
        return new PartCollection(upload, limits.withLimit(count));
    }

    /** A collection asking for {@code size} parts per request ({@code max-parts}, 1..1,000; default 1,000). */
    public PartCollection pageSize(int size) {
        return new PartCollection(upload, limits.withPageSize(size));
    }

    /** Emits the uploaded parts by part number, fetching pages on demand. */
    public Flux<MultipartUploadPart> all() {
        return Pager.items(pages());
    }

    /** Emits the parts page by page, one ListParts request per page, on demand. */
    public Flux<Page<MultipartUploadPart>> pages() {
        return Pager.pages(0, limits, this::fetch);
    }

    /** The upload listed. */
    public MultipartUpload multipartUpload() {
        return upload;
    }

    private Mono<Fetched<Integer, MultipartUploadPart>> fetch(Integer partNumberMarker, int maxParts) {
        MultipartUploadHandle handle = upload.handle();
        return upload.service().client().listParts(ListPartsRequest.builder().bucket(handle.bucket())
                        .key(handle.key()).uploadId(handle.uploadId())
                        .partNumberMarker(partNumberMarker == 0 ? null : partNumberMarker).maxParts(maxParts).build())
                .map(page -> new Fetched<>(
                        page.parts().stream().map(p -> new MultipartUploadPart(upload, p.partNumber(), p)).toList(),
                        List.of(),
                        page.truncated() ? page.nextPartNumberMarker() : null));
    }

    @Override
    public String toString() {
        return "PartCollection[" + upload + ", " + limits + "]";
    }
}
