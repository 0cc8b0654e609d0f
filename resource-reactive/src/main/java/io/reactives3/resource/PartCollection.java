package io.reactives3.resource;

import io.reactives3.core.ListPartsOptions;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.resource.internal.Pager;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import io.reactives3.resource.model.Page;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The uploaded parts of a multipart upload (boto3's {@code multipart_upload.parts}), by part number: an immutable
 * description of a ListParts listing; {@link #limit} and {@link #pageSize} ({@code max-parts}) return new
 * collections; pages are fetched only on demand; cancel stops requests. Errors:
 * {@link io.reactives3.core.error.UploadNotFoundException} when the upload is gone.
 */
public final class PartCollection extends ResourceCollection<PartCollection, MultipartUploadPart> {

    private final MultipartUpload upload;

    PartCollection(MultipartUpload upload, Limits limits) {
        super(Selection.ALL, limits);
        this.upload = upload;
    }

    /** Emits the parts page by page, one ListParts request per page, on demand. */
    @Override
    public Flux<Page<MultipartUploadPart>> pages() {
        return Pager.pages(0, limits(), this::fetch);
    }

    /** The upload listed. */
    public MultipartUpload multipartUpload() {
        return upload;
    }

    private Mono<Fetched<Integer, MultipartUploadPart>> fetch(Integer partNumberMarker, int maxParts) {
        MultipartUploadHandle handle = upload.handle();
        return upload.context().client().listPartsPage(handle, ListPartsOptions.builder()
                        .partNumberMarker(partNumberMarker).pageSize(maxParts).build())
                .map(page -> new Fetched<>(
                        page.parts().stream().map(p -> new MultipartUploadPart(upload, p.partNumber(), p)).toList(),
                        List.of(),
                        page.truncated() ? page.nextPartNumberMarker() : null));
    }

    /** A copy with {@code limits}; a part listing has no filters, so {@code selection} is always everything. */
    @Override
    PartCollection with(Selection selection, Limits limits) {
        return new PartCollection(upload, limits);
    }

    @Override
    Object scope() {
        return upload;
    }
}
