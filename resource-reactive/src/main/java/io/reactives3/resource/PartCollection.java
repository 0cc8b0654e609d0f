package io.reactives3.resource;

import io.reactives3.core.ListPartsOptions;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.resource.internal.Pager.Fetched;
import io.reactives3.resource.internal.Pager.Limits;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The uploaded parts of a multipart upload (boto3's {@code multipart_upload.parts}), by part number: an immutable
 * description of a ListParts listing; {@link #limit} and {@link #pageSize} ({@code max-parts}) return new
 * collections; pages are fetched only on demand; cancel stops requests. Errors:
 * {@link io.reactives3.core.error.UploadNotFoundException} when the upload is gone.
 */
public final class PartCollection extends ResourceCollection<PartCollection, MultipartUploadPart, Integer> {

    private final MultipartUpload upload;

    /** A part listing has no filters: copies keep selecting everything and change only the limits. */
    PartCollection(MultipartUpload upload, Limits limits) {
        super(upload, Selection.ALL, limits, (s, l) -> new PartCollection(upload, l));
        this.upload = upload;
    }

    /** The upload listed. */
    public MultipartUpload multipartUpload() {
        return upload;
    }

    /** One ListParts request after part {@code partNumberMarker} ({@code null} from the first part). */
    @Override
    Mono<Fetched<Integer, MultipartUploadPart>> fetch(Integer partNumberMarker, int maxParts) {
        MultipartUploadHandle handle = upload.handle();
        return upload.context().client().listPartsPage(handle, ListPartsOptions.builder()
                        .partNumberMarker(partNumberMarker == null ? 0 : partNumberMarker).pageSize(maxParts).build())
                .map(page -> new Fetched<>(
                        page.parts().stream().map(p -> new MultipartUploadPart(upload, p.partNumber(), p)).toList(),
                        List.of(),
                        page.truncated() ? page.nextPartNumberMarker() : null));
    }
}
