package io.reactives3.core.internal;

import io.reactives3.core.spi.Pages;
import io.reactives3.core.spi.SdkRequests;
import io.reactives3.core.spi.Arguments;
import io.reactives3.core.ByteRange;
import io.reactives3.core.ClientSettings;
import io.reactives3.core.ListMultipartUploadsOptions;
import io.reactives3.core.ListPartsOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.UploadBody;
import io.reactives3.core.error.InvalidInputException;
import io.reactives3.core.model.CompleteMultipartUploadResult;
import io.reactives3.core.model.UploadedPart;
import io.reactives3.core.model.ListMultipartUploadsPage;
import io.reactives3.core.model.ListPartsPage;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.MultipartUploadSummary;
import io.reactives3.core.model.PartSummary;
import io.reactives3.core.model.UploadPartResult;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** Multipart primitives of {@link DefaultReactiveS3Client}: create, parts, part copies, complete, abort, lists. */
final class MultipartOperations {

    private final S3AsyncClient sdk;
    private final ClientSettings settings;

    MultipartOperations(S3AsyncClient sdk, ClientSettings settings) {
        this.sdk = sdk;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ create

    /**
     * Starts an upload with the headers of {@code options}. Its conditions ({@code ifMatch}, {@code ifNoneMatch})
     * belong to CompleteMultipartUpload, not to this request: options carrying them are rejected rather than ignored.
     */
    Mono<MultipartUploadHandle> createMultipartUpload(String bucket, String key, PutObjectOptions options) {
        return create(SdkRequests.createMultipartUpload(bucket, key, options).build());
    }

    Mono<MultipartUploadHandle> createMultipartUpload(CreateMultipartUploadRequest request) {
        Arguments.notNull(request, "request");
        Arguments.bucket(request.bucket());
        Arguments.key(request.key());
        return create(request);
    }

    private Mono<MultipartUploadHandle> create(CreateMultipartUploadRequest request) {
        return S3Calls.call(settings, "CreateMultipartUpload", request.bucket(), request.key(),
                        () -> sdk.createMultipartUpload(request))
                .map(r -> new MultipartUploadHandle(request.bucket(), request.key(), r.uploadId()));
    }

    // ------------------------------------------------------------------ parts

    Mono<UploadPartResult> uploadPart(MultipartUploadHandle upload, int partNumber, UploadBody body) {
        checked(upload);
        Arguments.partNumber(partNumber);
        Arguments.notNull(body, "body");
        return UploadBodies.prepare(body, "UploadPart",
                        "UploadPart " + partNumber + " of s3://" + upload.bucket() + "/" + upload.key(), null)
                .flatMap(prepared -> part(partRequest(upload, partNumber, prepared.length()), prepared.body()));
    }

    Mono<UploadPartResult> uploadPart(UploadPartRequest request, AsyncRequestBody body) {
        Arguments.notNull(request, "request");
        Arguments.notNull(body, "body");
        Arguments.bucket(request.bucket());
        Arguments.key(request.key());
        Arguments.notNull(request.uploadId(), "request.uploadId");
        Arguments.partNumber(Arguments.notNull(request.partNumber(), "request.partNumber"));
        return part(request, body);
    }

    private static UploadPartRequest partRequest(MultipartUploadHandle upload, int partNumber, long length) {
        return UploadPartRequest.builder().bucket(upload.bucket()).key(upload.key()).uploadId(upload.uploadId())
                .partNumber(partNumber).contentLength(length).build();
    }

    private Mono<UploadPartResult> part(UploadPartRequest request, AsyncRequestBody body) {
        long size = body.contentLength().orElse(request.contentLength() == null ? -1 : request.contentLength());
        return S3Calls.call(settings, "UploadPart", request.bucket(), request.key(), () -> sdk.uploadPart(request, body))
                .map(r -> partResult(request.partNumber(), r, size));
    }

    private static UploadPartResult partResult(int partNumber, UploadPartResponse r, long size) {
        return new UploadPartResult(partNumber, Responses.eTag(r.eTag()), Responses.checksum(r.checksumCRC32(),
                r.checksumCRC32C(), r.checksumCRC64NVME(), r.checksumSHA1(), r.checksumSHA256()), size);
    }

    /**
     * Copies {@code range} of the source (the whole source when {@code null}) as a part. UploadPartCopy needs a
     * closed range ({@code bytes=first-last}): open and suffix ranges are rejected.
     */
    Mono<UploadPartResult> uploadPartCopy(MultipartUploadHandle upload, int partNumber, String sourceBucket,
                                          String sourceKey, ByteRange range) {
        checked(upload);
        Arguments.partNumber(partNumber);
        Arguments.bucket(sourceBucket);
        Arguments.key(sourceKey);
        if (range != null && (range.first() < 0 || range.last() < 0)) {
            throw new InvalidInputException("UploadPartCopy needs a closed byte range (ByteRange.of(first, last)),"
                    + " got " + range.headerValue());
        }
        return copyPart(UploadPartCopyRequest.builder()
                .sourceBucket(sourceBucket).sourceKey(sourceKey)
                .destinationBucket(upload.bucket()).destinationKey(upload.key())
                .uploadId(upload.uploadId()).partNumber(partNumber)
                .copySourceRange(range == null ? null : range.headerValue())
                .build());
    }

    Mono<UploadPartResult> uploadPartCopy(UploadPartCopyRequest request) {
        Arguments.notNull(request, "request");
        checked(new MultipartUploadHandle(request.destinationBucket(), request.destinationKey(),
                Arguments.notNull(request.uploadId(), "uploadId")));
        Arguments.partNumber(Arguments.notNull(request.partNumber(), "partNumber"));
        Arguments.bucket(request.sourceBucket());
        Arguments.key(request.sourceKey());
        return copyPart(request);
    }

    private Mono<UploadPartResult> copyPart(UploadPartCopyRequest request) {
        int partNumber = request.partNumber();
        return S3Calls.call(settings, "UploadPartCopy", request.destinationBucket(), request.destinationKey(),
                        () -> sdk.uploadPartCopy(request))
                .map(r -> {
                    var copied = r.copyPartResult();
                    String checksum = copied == null ? null : Responses.checksum(copied.checksumCRC32(),
                            copied.checksumCRC32C(), copied.checksumCRC64NVME(), copied.checksumSHA1(),
                            copied.checksumSHA256());
                    return new UploadPartResult(partNumber, copied == null ? null : Responses.eTag(copied.eTag()),
                            checksum, -1);
                });
    }

    // ------------------------------------------------------------------ complete, abort

    /** Sends the parts sorted by part number; an empty list or a part number given twice is rejected. */
    Mono<CompleteMultipartUploadResult> completeMultipartUpload(MultipartUploadHandle upload,
                                                                List<UploadedPart> parts) {
        checked(upload);
        Arguments.notNull(parts, "parts");
        if (parts.isEmpty()) {
            throw new InvalidInputException("completing an upload needs at least one part");
        }
        Set<Integer> seen = new HashSet<>();
        for (UploadedPart part : parts) {
            Arguments.notNull(part, "part");
            if (!seen.add(part.partNumber())) {
                throw new InvalidInputException("part " + part.partNumber() + " is listed twice");
            }
        }
        CompletedMultipartUpload completed = CompletedMultipartUpload.builder()
                .parts(parts.stream().sorted(Comparator.comparingInt(UploadedPart::partNumber))
                        .map(MultipartOperations::sdkPart).toList())
                .build();
        return S3Calls.call(settings, "CompleteMultipartUpload", upload.bucket(), upload.key(),
                        () -> sdk.completeMultipartUpload(b -> b.bucket(upload.bucket()).key(upload.key())
                                .uploadId(upload.uploadId()).multipartUpload(completed)))
                // Ceph RGW 16.2 answers <ETag></ETag>: null, not ""
                .map(r -> new CompleteMultipartUploadResult(upload.bucket(), upload.key(),
                        Responses.emptyToNull(Responses.eTag(r.eTag())),
                        Responses.emptyToNull(r.versionId()), r.location()));
    }

    /** The SDK part, with the checksum the store confirmed for it when there is one ({@code ALGORITHM=value}). */
    private static software.amazon.awssdk.services.s3.model.CompletedPart sdkPart(UploadedPart part) {
        var b = software.amazon.awssdk.services.s3.model.CompletedPart.builder()
                .partNumber(part.partNumber()).eTag(part.eTag());
        String checksum = part.checksum();
        int eq = checksum == null ? -1 : checksum.indexOf('=');
        if (eq > 0) {
            String value = checksum.substring(eq + 1);
            switch (checksum.substring(0, eq)) {
                case "CRC32" -> b.checksumCRC32(value);
                case "CRC32C" -> b.checksumCRC32C(value);
                case "CRC64NVME" -> b.checksumCRC64NVME(value);
                case "SHA1" -> b.checksumSHA1(value);
                case "SHA256" -> b.checksumSHA256(value);
                default -> { } // unknown algorithm: the ETag identifies the part
            }
        }
        return b.build();
    }

    Mono<Void> abortMultipartUpload(MultipartUploadHandle upload) {
        checked(upload);
        return S3Calls.call(settings, "AbortMultipartUpload", upload.bucket(), upload.key(),
                        () -> sdk.abortMultipartUpload(b -> b.bucket(upload.bucket()).key(upload.key())
                                .uploadId(upload.uploadId())))
                .then();
    }

    // ------------------------------------------------------------------ lists

    Mono<ListPartsPage> listPartsPage(MultipartUploadHandle upload, ListPartsOptions options) {
        return partsPage(upload, partsRequest(upload, options));
    }

    Flux<ListPartsPage> listPartsPages(MultipartUploadHandle upload, ListPartsOptions options) {
        ListPartsRequest first = partsRequest(upload, options);
        return Pages.pages(partsPage(upload, first),
                page -> page.truncated() && page.nextPartNumberMarker() > 0
                        ? partsPage(upload, first.toBuilder().partNumberMarker(page.nextPartNumberMarker()).build())
                        : null);
    }

    Flux<PartSummary> listParts(MultipartUploadHandle upload, ListPartsOptions options) {
        return Pages.items(listPartsPages(upload, options), ListPartsPage::parts);
    }

    private static ListPartsRequest partsRequest(MultipartUploadHandle upload, ListPartsOptions options) {
        checked(upload);
        Arguments.notNull(options, "options");
        return ListPartsRequest.builder().bucket(upload.bucket()).key(upload.key()).uploadId(upload.uploadId())
                .partNumberMarker(options.partNumberMarker() == 0 ? null : options.partNumberMarker())
                .maxParts(options.pageSize()).build();
    }

    private Mono<ListPartsPage> partsPage(MultipartUploadHandle upload, ListPartsRequest request) {
        return S3Calls.call(settings, "ListParts", upload.bucket(), upload.key(), () -> sdk.listParts(request))
                .map(r -> toPartsPage(upload, r));
    }

    private static ListPartsPage toPartsPage(MultipartUploadHandle upload, ListPartsResponse r) {
        List<PartSummary> parts = r.parts().stream()
                .map(p -> new PartSummary(p.partNumber(), Responses.orElse(p.size(), -1), Responses.eTag(p.eTag()),
                        p.lastModified()))
                .toList();
        boolean truncated = Boolean.TRUE.equals(r.isTruncated());
        int next = r.nextPartNumberMarker() == null ? 0 : r.nextPartNumberMarker();
        return new ListPartsPage(upload, parts, truncated, truncated ? next : 0);
    }

    Mono<ListMultipartUploadsPage> listMultipartUploadsPage(String bucket, ListMultipartUploadsOptions options) {
        return uploadsPage(uploadsRequest(bucket, options));
    }

    Flux<ListMultipartUploadsPage> listMultipartUploadsPages(String bucket, ListMultipartUploadsOptions options) {
        ListMultipartUploadsRequest first = uploadsRequest(bucket, options);
        return Pages.pages(uploadsPage(first),
                page -> page.truncated() && (page.nextKeyMarker() != null || page.nextUploadIdMarker() != null)
                        ? uploadsPage(first.toBuilder().keyMarker(page.nextKeyMarker())
                        .uploadIdMarker(page.nextUploadIdMarker()).build())
                        : null);
    }

    Flux<MultipartUploadSummary> listMultipartUploads(String bucket, ListMultipartUploadsOptions options) {
        return Pages.items(listMultipartUploadsPages(bucket, options), ListMultipartUploadsPage::uploads);
    }

    private static ListMultipartUploadsRequest uploadsRequest(String bucket, ListMultipartUploadsOptions options) {
        Arguments.bucket(bucket);
        Arguments.notNull(options, "options");
        // no encoding-type=url here: Ceph RGW 16.2 and LocalS3 2.4 then encode the keys without saying so in the
        // response (no <EncodingType>), and the SDK only decodes what the response declares encoded
        return ListMultipartUploadsRequest.builder().bucket(bucket).prefix(options.prefix())
                .delimiter(options.delimiter()).keyMarker(options.keyMarker())
                .uploadIdMarker(options.uploadIdMarker()).maxUploads(options.pageSize()).build();
    }

    private Mono<ListMultipartUploadsPage> uploadsPage(ListMultipartUploadsRequest request) {
        return S3Calls.call(settings, "ListMultipartUploads", request.bucket(), null, () -> sdk.listMultipartUploads(request))
                .map(r -> toUploadsPage(request.bucket(), r));
    }

    private static ListMultipartUploadsPage toUploadsPage(String bucket, ListMultipartUploadsResponse r) {
        List<MultipartUploadSummary> uploads = r.uploads().stream()
                .map(u -> new MultipartUploadSummary(bucket, u.key(), u.uploadId(), u.initiated(),
                        u.storageClassAsString()))
                .toList();
        return new ListMultipartUploadsPage(bucket, uploads, Responses.prefixes(r.commonPrefixes()),
                Boolean.TRUE.equals(r.isTruncated()), emptyToNull(r.nextKeyMarker()),
                emptyToNull(r.nextUploadIdMarker()));
    }

    private static String emptyToNull(String s) {
        return Responses.emptyToNull(s);
    }

    private static MultipartUploadHandle checked(MultipartUploadHandle upload) {
        Arguments.notNull(upload, "upload");
        Arguments.bucket(upload.bucket());
        Arguments.key(upload.key());
        return upload;
    }
}
