package io.reactives3.transfer.internal;

import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.GetObjectOptions;
import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.error.UnsupportedByStoreException;
import io.reactives3.core.spi.SdkRequests;
import io.reactives3.core.model.CompleteMultipartUploadResult;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.UploadPartResult;
import io.reactives3.transfer.TransferSettings;
import io.reactives3.transfer.model.CopyResult;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

/**
 * Server-side copies. The source is read with HeadObject first; its ETag then pins the source for every request
 * ({@code x-amz-copy-source-if-match}), so a source replaced mid-copy fails with
 * {@link PreconditionFailedException} instead of mixing versions. Below the threshold (and up to
 * 5 GiB): one CopyObject. Above: a multipart upload of UploadPartCopy parts in parallel, each retried on its own,
 * aborted on error and cancel; the copy gets the source's content headers and metadata unless the options replace
 * them (object tags are not copied by multipart copies). A store without UploadPartCopy (LocalS3 answers 501)
 * gets one CopyObject instead, logged at WARN, when the object is at most 5 GiB.
 */
final class Copier {

    private static final Logger LOG = LoggerFactory.getLogger(Copier.class);

    private final ReactiveS3Client client;
    private final TransferSettings settings;
    private final Uploads uploads;

    Copier(ReactiveS3Client client, Uploads uploads) {
        this.client = client;
        this.uploads = uploads;
        this.settings = uploads.settings();
    }

    Mono<CopyResult> copy(String sourceBucket, String sourceKey, String bucket, String key, CopyObjectOptions options,
                          TransferRun run) {
        GetObjectOptions.Builder source = GetObjectOptions.builder().versionId(options.sourceVersionId())
                .ifMatch(options.sourceIfMatch());
        return PartRetry.withRetries(client.headObject(sourceBucket, sourceKey, source.build()), settings,
                "HeadObject s3://" + sourceBucket + "/" + sourceKey).flatMap(head -> {
            long size = ReadPlan.sizeOf(head);
            if (!PartPlan.multipart(size, settings.multipartThreshold())) {
                run.plan(size, 1);
                return single(head, bucket, key, options, run);
            }
            PartPlan plan = PartPlan.of(size, settings.partSize());
            run.plan(size, plan.partCount());
            return multipart(head, plan, bucket, key, options, run)
                    .onErrorResume(UnsupportedByStoreException.class, e -> {
                        if (size > PartPlan.MAX_SINGLE_REQUEST) {
                            return Mono.error(e);
                        }
                        LOG.warn("copy s3://{}/{} to s3://{}/{}: the store does not support UploadPartCopy ({}); "
                                + "falling back to one CopyObject", sourceBucket, sourceKey, bucket, key,
                                e.getMessage());
                        return single(head, bucket, key, options, run);
                    });
        });
    }

    private Mono<CopyResult> single(ObjectHead head, String bucket, String key, CopyObjectOptions options,
                                    TransferRun run) {
        Mono<CopyResult> attempt = client.copyObject(head.bucket(), head.key(), bucket, key, pinned(options, head))
                .map(r -> new CopyResult(bucket, key, r.eTag(), r.versionId(), ReadPlan.sizeOf(head), 1));
        return PartRetry.withRetries(attempt, settings, "CopyObject to s3://" + bucket + "/" + key)
                .doOnNext(r -> {
                    run.bytes(ReadPlan.sizeOf(head));
                    run.partDone();
                    run.itemsDone(1);
                });
    }

    private Mono<CopyResult> multipart(ObjectHead head, PartPlan plan, String bucket, String key,
                                       CopyObjectOptions options, TransferRun run) {
        PutObjectOptions target = targetOptions(head, options);
        Mono<CompleteMultipartUploadResult> lifecycle = Mono.usingWhen(
                client.createMultipartUpload(SdkRequests.createMultipartUpload(bucket, key, target).build()),
                upload -> Flux.range(1, plan.partCount())
                        .flatMap(n -> copyPart(upload, head, plan, n, run), settings.concurrency(), 1)
                        .collectSortedList(Comparator.comparingInt(UploadPartResult::partNumber))
                        .flatMap(parts -> client.completeMultipartUpload(upload,
                                parts.stream().map(UploadPartResult::toCompletedPart).toList())),
                upload -> Mono.empty(),
                (upload, error) -> uploads.abort(upload, error.toString()),
                upload -> uploads.abort(upload, "cancelled"));
        return lifecycle.flatMap(complete -> uploads.storedETag(complete).map(eTag -> {
            run.itemsDone(1);
            return new CopyResult(bucket, key, eTag, complete.versionId(), plan.objectSize(), plan.partCount());
        }));
    }

    private Mono<UploadPartResult> copyPart(MultipartUploadHandle upload, ObjectHead head, PartPlan plan, int n,
                                            TransferRun run) {
        UploadPartCopyRequest request = UploadPartCopyRequest.builder()
                .sourceBucket(head.bucket()).sourceKey(head.key()).sourceVersionId(head.versionId())
                .copySourceIfMatch(head.eTag() == null ? null : "\"" + head.eTag() + "\"")
                .destinationBucket(upload.bucket()).destinationKey(upload.key())
                .uploadId(upload.uploadId()).partNumber(n)
                .copySourceRange("bytes=" + plan.offset(n) + "-" + plan.last(n))
                .build();
        Mono<UploadPartResult> attempt = client.uploadPartCopy(request)
                .map(r -> new UploadPartResult(n, r.eTag(), r.checksum(), plan.length(n)));
        return PartRetry.withRetries(attempt, settings, "UploadPartCopy " + n + " to s3://" + upload.bucket() + "/"
                        + upload.key())
                .doOnNext(part -> {
                    run.bytes(plan.length(n));
                    run.partDone();
                });
    }

    /** The copy options with the source pinned to the ETag of the head (unless the caller pinned one). */
    private static CopyObjectOptions pinned(CopyObjectOptions o, ObjectHead head) {
        CopyObjectOptions.Builder b = CopyObjectOptions.builder().sourceVersionId(o.sourceVersionId())
                .sourceIfMatch(o.sourceIfMatch() != null ? o.sourceIfMatch()
                        : head.eTag() == null ? null : "\"" + head.eTag() + "\"")
                .acl(o.acl()).storageClass(o.storageClass());
        if (o.replaceMetadata()) {
            b.replaceMetadata(o.contentType(), o.metadata());
        }
        return b.build();
    }

    /** The source's headers and metadata: what CopyObject keeps by default, so a multipart copy keeps them too. */
    private static PutObjectOptions.Builder sourceHeaders(ObjectHead source) {
        PutObjectOptions.Builder b = PutObjectOptions.builder().contentType(source.contentType())
                .contentEncoding(source.contentEncoding()).cacheControl(source.cacheControl())
                .contentDisposition(source.contentDisposition());
        source.metadata().forEach(b::metadata);
        return b;
    }

    /** Headers of the destination of a multipart copy: the source's, or the replacement; plus ACL and class. */
    private static PutObjectOptions targetOptions(ObjectHead head, CopyObjectOptions o) {
        PutObjectOptions.Builder b = o.replaceMetadata()
                ? PutObjectOptions.builder().contentType(o.contentType()).metadata(o.metadata())
                : sourceHeaders(head);
        return b.acl(o.acl()).storageClass(o.storageClass()).build();
    }
}
