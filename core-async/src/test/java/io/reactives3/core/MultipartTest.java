package io.reactives3.core;

import io.reactives3.core.testing.TargetClients;
import static io.reactives3.core.TestData.MIB;
import static io.reactives3.core.TestData.TIMEOUT;
import static io.reactives3.core.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.error.BadRequestException;
import io.reactives3.core.error.S3ServiceException;
import io.reactives3.core.error.UnsupportedByStoreException;
import io.reactives3.core.error.UploadNotFoundException;
import io.reactives3.core.model.CompleteMultipartUploadResult;
import io.reactives3.core.model.UploadedPart;
import io.reactives3.core.model.ListMultipartUploadsPage;
import io.reactives3.core.model.UploadedPart;
import io.reactives3.core.model.ListPartsPage;
import io.reactives3.core.model.MultipartUploadHandle;
import io.reactives3.core.model.MultipartUploadSummary;
import io.reactives3.core.model.PartSummary;
import io.reactives3.core.model.UploadPartResult;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.io.ByteArrayOutputStream;
import java.util.List;
import reactor.test.StepVerifier;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** Multipart primitives: create, parts (bytes, stream, copy), list, complete, abort. */
class MultipartTest {

    private static final int PART = 5 * MIB; // the minimum size of every part but the last

    @S3Test
    void multipart_createUploadListComplete_storesTheConcatenation(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] part1 = bytes(PART);
        byte[] part2 = bytes(PART + 1);
        byte[] part3 = bytes(1234);

        MultipartUploadHandle upload = s3.createMultipartUpload(bucket.name(), "big",
                PutObjectOptions.builder().contentType("application/x-parts").metadata("kind", "mpu").build())
                .block(TIMEOUT);
        assertThat(upload.uploadId()).isNotBlank();
        assertThat(s3.listMultipartUploads(bucket.name()).map(MultipartUploadSummary::uploadId)
                .collectList().block(TIMEOUT)).containsExactly(upload.uploadId());

        UploadPartResult r1 = s3.uploadPart(upload, 1, UploadBody.ofBytes(part1)).block(TIMEOUT);
        UploadPartResult r2 = s3.uploadPart(upload, 2, UploadBody.ofPublisher(ObjectOperationsTest.chunks(part2, 256 * 1024), part2.length))
                .block(TIMEOUT);
        UploadPartResult r3 = s3.uploadPart(upload, 3, UploadBody.ofBytes(part3)).block(TIMEOUT);
        assertThat(List.of(r1, r2, r3)).allSatisfy(r -> assertThat(r.eTag()).isNotBlank().doesNotContain("\""));
        assertThat(r2.size()).isEqualTo(part2.length);

        List<PartSummary> parts = s3.listParts(upload).collectList().block(TIMEOUT);
        assertThat(parts).extracting(PartSummary::partNumber).containsExactly(1, 2, 3);
        assertThat(parts).extracting(PartSummary::size).containsExactly((long) PART, (long) PART + 1, 1234L);
        assertThat(parts).extracting(PartSummary::eTag).containsExactly(r1.eTag(), r2.eTag(), r3.eTag());

        // handed over out of order: the client sorts them
        CompleteMultipartUploadResult done = s3.completeMultipartUpload(upload,
                List.of(r3.toCompletedPart(), r1.toCompletedPart(), r2.toCompletedPart())).block(TIMEOUT);
        if (target.kind() == StoreKind.CEPH_RGW) { // RGW 16.2 completes with an empty <ETag/>
            assertThat(done.eTag()).isNull();
        } else {
            assertThat(done.eTag()).isNotBlank().doesNotContain("\"");
        }
        String storedETag = s3.headObject(bucket.name(), "big").block(TIMEOUT).eTag();
        if (target.kind() != StoreKind.LOCAL_S3) { // LocalS3 2.4 gives a plain MD5 as a multipart ETag
            assertThat(storedETag).endsWith("-3");
        }

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(part1);
        expected.writeBytes(part2);
        expected.writeBytes(part3);
        assertThat(bucket.get("big")).isEqualTo(expected.toByteArray());
        var head = s3.headObject(bucket.name(), "big").block(TIMEOUT);
        assertThat(head.contentType()).isEqualTo("application/x-parts");
        assertThat(head.metadata()).containsEntry("kind", "mpu");
        assertThat(s3.listMultipartUploads(bucket.name()).collectList().block(TIMEOUT)).isEmpty();

        RecordedRequest complete = target.requestLog().forBucket(bucket.name()).stream()
                .filter(r -> r.operation().equals("CompleteMultipartUpload")).findFirst().orElseThrow();
        assertThat(complete.status()).isEqualTo(200);
    }

    @S3Test
    void uploadPartCopy_byteRanges_assembleTheSource(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        byte[] source = bytes(PART + 1000);
        bucket.put("source", source);

        MultipartUploadHandle upload = s3.createMultipartUpload(bucket.name(), "copied", PutObjectOptions.defaults())
                .block(TIMEOUT);
        if (target.kind() == StoreKind.LOCAL_S3) { // LocalS3 2.4 answers 501 to UploadPartCopy
            StepVerifier.create(s3.uploadPartCopy(upload, 1, bucket.name(), "source", ByteRange.of(0, PART - 1)))
                    .expectError(UnsupportedByStoreException.class)
                    .verify(TIMEOUT);
            return;
        }
        UploadPartResult p1 = s3.uploadPartCopy(upload, 1, bucket.name(), "source", ByteRange.of(0, PART - 1))
                .block(TIMEOUT);
        UploadPartResult p2 = s3.uploadPartCopy(upload, 2, bucket.name(), "source", ByteRange.of(PART, PART + 999))
                .block(TIMEOUT);
        assertThat(p1.eTag()).isNotBlank().doesNotContain("\"");
        assertThat(p1.size()).isEqualTo(-1);
        s3.completeMultipartUpload(upload, List.of(p1.toCompletedPart(), p2.toCompletedPart())).block(TIMEOUT);

        assertThat(bucket.get("copied")).isEqualTo(source);
        assertThat(target.requestLog().forBucket(bucket.name())).filteredOn(r -> r.operation().equals("UploadPartCopy"))
                .extracting(r -> r.head().header("x-amz-copy-source-range").orElse(null))
                .containsExactly("bytes=0-" + (PART - 1), "bytes=" + PART + "-" + (PART + 999));
    }

    @S3Test
    void abortMultipartUpload_removesTheUpload(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        MultipartUploadHandle upload = s3.createMultipartUpload(bucket.name(), "aborted", PutObjectOptions.defaults())
                .block(TIMEOUT);
        s3.uploadPart(upload, 1, UploadBody.ofBytes(bytes(1000))).block(TIMEOUT);

        StepVerifier.create(s3.abortMultipartUpload(upload)).verifyComplete();

        assertThat(s3.listMultipartUploads(bucket.name()).collectList().block(TIMEOUT)).isEmpty();
        assertThat(ObjectOperationsTest.existsAtServer(target, bucket, "aborted")).isFalse();
        if (target.kind() != StoreKind.LOCAL_S3) { // LocalS3 2.4 answers 204 to aborting an unknown upload
            StepVerifier.create(s3.abortMultipartUpload(upload))
                    .expectError(UploadNotFoundException.class)
                    .verify(TIMEOUT);
        }
        if (target.kind() != StoreKind.S3PROXY) { // S3Proxy lists no parts (200) for an unknown upload
            StepVerifier.create(s3.listPartsPage(upload, ListPartsOptions.builder().partNumberMarker(0).build()))
                    .expectError(UploadNotFoundException.class)
                    .verify(TIMEOUT);
        }
    }

    @S3Test
    void listParts_fromMarker_returnsTheLaterParts(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        MultipartUploadHandle upload = s3.createMultipartUpload(bucket.name(), "marked", PutObjectOptions.defaults())
                .block(TIMEOUT);
        for (int part = 1; part <= 3; part++) {
            s3.uploadPart(upload, part, UploadBody.ofBytes(bytes(100 * part))).block(TIMEOUT);
        }

        if (target.kind() == StoreKind.S3PROXY) { // S3Proxy 4.1 answers 501 to part-number-marker
            StepVerifier.create(s3.listPartsPage(upload, ListPartsOptions.builder().partNumberMarker(1).build()))
                    .expectError(UnsupportedByStoreException.class)
                    .verify(TIMEOUT);
        } else {
            ListPartsPage page = s3.listPartsPage(upload, ListPartsOptions.builder().partNumberMarker(1).build())
                    .block(TIMEOUT);
            assertThat(page.parts()).extracting(PartSummary::partNumber).containsExactly(2, 3);
            assertThat(page.truncated()).isFalse();
            assertThat(page.upload()).isEqualTo(upload);
        }
        ListPartsPage first = s3.listPartsPage(upload, ListPartsOptions.defaults()).block(TIMEOUT);
        assertThat(first.parts()).extracting(PartSummary::partNumber).containsExactly(1, 2, 3);
        assertThat(target.requestLog().forBucket(bucket.name())).filteredOn(r -> r.operation().equals("ListParts"))
                .extracting(r -> r.head().queryParam("part-number-marker").orElse(null))
                .containsExactly("1", null);
        s3.abortMultipartUpload(upload).block(TIMEOUT);
    }

    @S3Test
    void listMultipartUploadsPages_pageSizeOne_onePagePerUploadOnDemand(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        MultipartUploadHandle a = s3.createMultipartUpload(bucket.name(), "paged/a", o -> { }).block(TIMEOUT);
        MultipartUploadHandle b = s3.createMultipartUpload(bucket.name(), "paged/b", o -> { }).block(TIMEOUT);
        try {
            List<ListMultipartUploadsPage> pages = s3.listMultipartUploadsPages(bucket.name(),
                    ListMultipartUploadsOptions.builder().pageSize(1).build()).collectList().block(TIMEOUT);
            assertThat(pages).allSatisfy(page -> assertThat(page.uploads()).hasSizeLessThanOrEqualTo(1));
            assertThat(pages).flatExtracting(ListMultipartUploadsPage::uploads)
                    .extracting(MultipartUploadSummary::handle).containsExactlyInAnyOrder(a, b);
            assertThat(target.requestLog().count(bucket.name(), "ListMultipartUploads")).isEqualTo(pages.size());
        } finally {
            s3.abortMultipartUpload(a).block(TIMEOUT);
            s3.abortMultipartUpload(b).block(TIMEOUT);
        }
    }

    @S3Test
    void listMultipartUploads_pageAndPrefix_showUnfinishedUploads(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        MultipartUploadHandle a = s3.createMultipartUpload(bucket.name(), "logs/a", PutObjectOptions.defaults())
                .block(TIMEOUT);
        MultipartUploadHandle b = s3.createMultipartUpload(bucket.name(), "data/b c+", PutObjectOptions.defaults())
                .block(TIMEOUT);

        List<MultipartUploadSummary> all = s3.listMultipartUploads(bucket.name()).collectList().block(TIMEOUT);
        assertThat(all).extracting(MultipartUploadSummary::handle).containsExactlyInAnyOrder(a, b);

        var page = s3.listMultipartUploadsPage(bucket.name(), ListMultipartUploadsOptions.builder().prefix("logs/").build()).block(TIMEOUT);
        assertThat(page.uploads()).extracting(MultipartUploadSummary::key).containsExactly("logs/a");
        assertThat(page.truncated()).isFalse();
        assertThat(page.uploads().get(0).initiated()).isNotNull();
        s3.abortMultipartUpload(a).block(TIMEOUT);
        s3.abortMultipartUpload(b).block(TIMEOUT);
    }

    @S3Test
    void completeMultipartUpload_smallNonLastPart_isRejectedWhereTheStoreEnforcesTheMinimum(S3Target target,
                                                                                           TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        MultipartUploadHandle upload = s3.createMultipartUpload(bucket.name(), "small", PutObjectOptions.defaults())
                .block(TIMEOUT);
        List<UploadedPart> parts = List.of(s3.uploadPart(upload, 1, UploadBody.ofBytes(bytes(1000))).block(TIMEOUT).toCompletedPart(),
                s3.uploadPart(upload, 2, UploadBody.ofBytes(bytes(1000))).block(TIMEOUT).toCompletedPart());

        if (target.kind() == StoreKind.LOCAL_S3) { // LocalS3 2.4 does not enforce the 5 MiB minimum
            assertThat(s3.completeMultipartUpload(upload, parts).block(TIMEOUT).eTag()).isNotBlank();
            assertThat(bucket.get("small")).hasSize(2000);
        } else {
            StepVerifier.create(s3.completeMultipartUpload(upload, parts))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BadRequestException.class)
                            .satisfies(x -> assertThat(((S3ServiceException) x).errorCode())
                                    .isEqualTo("EntityTooSmall")))
                    .verify(TIMEOUT);
            s3.abortMultipartUpload(upload).block(TIMEOUT);
        }
    }

    @S3Test
    void multipart_sdkRequests_work(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        MultipartUploadHandle upload = s3.createMultipartUpload(bucket.name(), "sdk", o -> o.contentType("text/plain"))
                .block(TIMEOUT);
        UploadPartResult part = s3.uploadPart(UploadPartRequest.builder().bucket(bucket.name()).key("sdk")
                        .uploadId(upload.uploadId()).partNumber(1).build(), AsyncRequestBody.fromString("only part"))
                .block(TIMEOUT);
        assertThat(part.partNumber()).isEqualTo(1);
        s3.completeMultipartUpload(upload, List.of(part.toCompletedPart())).block(TIMEOUT);
        assertThat(new String(bucket.get("sdk"))).isEqualTo("only part");
    }

    @S3Test
    void multipart_isCold(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        var create = s3.createMultipartUpload(bucket.name(), "cold", PutObjectOptions.defaults());
        assertThat(target.requestLog().forBucket(bucket.name())).isEmpty();
        MultipartUploadHandle first = create.block(TIMEOUT);
        MultipartUploadHandle second = create.block(TIMEOUT);
        assertThat(first.uploadId()).isNotEqualTo(second.uploadId());
        assertThat(target.requestLog().count(bucket.name(), "CreateMultipartUpload")).isEqualTo(2);
        s3.abortMultipartUpload(first).block(TIMEOUT);
        s3.abortMultipartUpload(second).block(TIMEOUT);
    }
}
