package io.reactives3.resource;

import static io.reactives3.resource.Filter.initiatedBefore;
import static io.reactives3.resource.Filter.prefix;
import static io.reactives3.resource.ResourceTargets.TIMEOUT;
import static io.reactives3.resource.ResourceTargets.param;
import static io.reactives3.resource.ResourceTargets.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reactives3.core.ByteRange;
import io.reactives3.core.GetObjectOptions;
import io.reactives3.core.model.MultipartUploadSummary;
import io.reactives3.resource.model.MultipartAbortResult;
import io.reactives3.resource.model.Page;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Multipart uploads as resources: initiate, parts, complete, abort, the uploads collection and the janitor. */
class MultipartUploadTest {

    private static final int FIVE_MIB = 5 * 1024 * 1024;

    @S3Test
    void initiateUploadPartsListComplete_createsTheObject(S3Target target, TestBucket bucket) {
        S3Object object = ResourceTargets.s3(target).object(bucket.name(), "big.bin");
        MultipartUpload upload = object.initiateMultipartUpload().block(TIMEOUT);
        byte[] first = new byte[FIVE_MIB];
        Arrays.fill(first, (byte) 'a');
        upload.part(1).upload(first).block(TIMEOUT);
        upload.part(2).upload("tail".getBytes()).block(TIMEOUT);
        target.requestLog().clear();

        List<Page<MultipartUploadPart>> pages = upload.parts().pageSize(1).pages().collectList().block(TIMEOUT);

        List<MultipartUploadPart> parts = pages.stream().flatMap(p -> p.items().stream()).toList();
        assertThat(parts).extracting(MultipartUploadPart::partNumber).containsExactly(1, 2);
        assertThat(parts).extracting(p -> p.summary().orElseThrow().size()).containsExactly((long) FIVE_MIB, 4L);
        assertThat(parts.get(0)).isEqualTo(upload.part(1));
        // one ListParts per page, each asking for one part (S3Proxy ignores max-parts and answers both at once)
        assertThat(param(requests(target, bucket.name(), "ListParts"), "max-parts"))
                .hasSize(pages.size()).containsOnly("1");
        if (target.kind() != StoreKind.S3PROXY) {
            assertThat(pages).hasSize(2);
        }

        StepVerifier.create(upload.complete())
                .assertNext(r -> assertThat(r.key()).isEqualTo("big.bin"))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(object.load().block(TIMEOUT).contentLength()).isEqualTo(FIVE_MIB + 4L);
    }

    @S3Test
    void partCopyFrom_rangeOfAnotherObject_becomesThatPart(S3Target target, TestBucket bucket) {
        assumeTrue(target.kind() != StoreKind.LOCAL_S3, "LocalS3 answers UploadPartCopy with 501 NotImplemented");
        bucket.put("source.txt", "0123456789");
        S3Object object = ResourceTargets.s3(target).object(bucket.name(), "assembled.bin");
        MultipartUpload upload = object.initiateMultipartUpload().block(TIMEOUT);
        byte[] first = new byte[FIVE_MIB];
        Arrays.fill(first, (byte) 'a');
        upload.part(1).upload(first).block(TIMEOUT);

        StepVerifier.create(upload.part(2).copyFrom(CopySource.of(bucket.name(), "source.txt"), ByteRange.of(6, 9)))
                .assertNext(part -> assertThat(part.partNumber()).isEqualTo(2))
                .expectComplete()
                .verify(TIMEOUT);

        upload.complete().block(TIMEOUT);
        assertThat(object.get(GetObjectOptions.builder().range(ByteRange.from(FIVE_MIB)).build()).block(TIMEOUT)
                .asUtf8String()).isEqualTo("6789");
    }

    @S3Test
    void multipartUploads_collection_listsFiltersLimitsAndAborts(S3Target target, TestBucket bucket) {
        Bucket resource = ResourceTargets.s3(target).bucket(bucket.name());
        List<MultipartUpload> started = Flux.just("a/1", "b/1", "b/2")
                .concatMap(key -> resource.object(key).initiateMultipartUpload())
                .collectList().block(TIMEOUT);

        assertThat(resource.multipartUploads().all().collectList().block(TIMEOUT))
                .containsExactlyInAnyOrderElementsOf(started);
        assertThat(resource.multipartUploads().filter(prefix("b/")).all().map(MultipartUpload::key)
                .collectList().block(TIMEOUT)).containsExactly("b/1", "b/2");
        target.requestLog().clear();
        assertThat(resource.multipartUploads().pageSize(1).limit(2).all().collectList().block(TIMEOUT)).hasSize(2);
        assertThat(param(requests(target, bucket.name(), "ListMultipartUploads"), "max-uploads"))
                .containsExactly("1", "1");

        StepVerifier.create(started.get(0).abort()).expectComplete().verify(TIMEOUT);
        assertThat(resource.multipartUploads().all().collectList().block(TIMEOUT))
                .containsExactlyInAnyOrder(started.get(1), started.get(2));
    }

    @S3Test
    void janitor_initiatedBeforeCutoff_abortsOnlyOlderUploads(S3Target target, TestBucket bucket)
            throws InterruptedException {
        Bucket resource = ResourceTargets.s3(target).bucket(bucket.name());
        List<MultipartUpload> old = start(resource, "old/1", "old/2");
        Thread.sleep(1_100); // stores record initiation times to the second
        Instant cutoff = Instant.now();
        Thread.sleep(1_100);
        List<MultipartUpload> recent = start(resource, "new/1", "new/2", "new/3");
        target.requestLog().clear();

        MultipartAbortResult result = resource.multipartUploads().filter(initiatedBefore(cutoff)).abort()
                .block(TIMEOUT);

        assertThat(result.failures()).isEmpty();
        assertThat(result.aborted()).extracting(MultipartUploadSummary::uploadId)
                .containsExactlyInAnyOrderElementsOf(old.stream().map(MultipartUpload::uploadId).toList());
        assertThat(requests(target, bucket.name(), "AbortMultipartUpload")).hasSize(2);
        assertThat(target.fixtureClient().listMultipartUploads(b -> b.bucket(bucket.name())).uploads())
                .extracting(u -> u.uploadId())
                .containsExactlyInAnyOrderElementsOf(recent.stream().map(MultipartUpload::uploadId).toList());
    }

    private static List<MultipartUpload> start(Bucket bucket, String... keys) {
        return Flux.just(keys).concatMap(k -> bucket.object(k).initiateMultipartUpload()).collectList().block(TIMEOUT);
    }
}
