package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.PART;
import static io.reactives3.transfer.Engines.THRESHOLD;
import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.CopyObjectOptions;
import io.reactives3.core.testing.TargetClients;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.PreconditionFailedException;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.CopyResult;
import java.util.Map;
import reactor.test.StepVerifier;
import software.amazon.awssdk.core.sync.RequestBody;

/** Server-side copies: one CopyObject below the threshold, UploadPartCopy parts above, across buckets. */
class CopyTest {

    @S3Test
    void copy_belowTheThreshold_isOneCopyObject(S3Target target, TestBucket bucket) {
        byte[] content = TestData.bytes(THRESHOLD - 1, 1);
        bucket.put("src", content);
        try (S3TransferEngine engine = Engines.reactor(target)) {
            target.requestLog().clear();
            CopyResult result = engine.copy(bucket.name(), "src", bucket.name(), "dst", CopyObjectOptions.defaults())
                    .result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.parts()).isEqualTo(1);
            assertThat(result.size()).isEqualTo(THRESHOLD - 1);
            assertThat(result.eTag()).isEqualTo(Engines.md5Hex(content));
        }
        assertThat(Engines.requests(target, bucket, "CopyObject")).hasSize(1);
        assertThat(bucket.get("dst")).isEqualTo(content);
    }

    @S3Test
    void copy_aboveTheThresholdToAnotherBucket_copiesPartsServerSideWithTheSourceMetadata(S3Target target,
                                                                                         TestBucket bucket) {
        long size = 3 * PART + 5;
        byte[] content = TestData.bytes(size, 2);
        target.fixtureClient().putObject(b -> b.bucket(bucket.name()).key("src").contentType("text/x-test")
                .metadata(Map.of("colour", "blue")), RequestBody.fromBytes(content));
        try (TestBucket other = TestBucket.create(target, "copy-dest");
             S3TransferEngine engine = Engines.reactor(target)) {
            target.requestLog().clear();
            CopyResult result = engine.copy(bucket.name(), "src", other.name(), "dst", CopyObjectOptions.defaults())
                    .result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.bucket()).isEqualTo(other.name());
            assertThat(result.size()).isEqualTo(size);
            assertThat(other.get("dst")).isEqualTo(content);
            ObjectHead head = TargetClients.client(target).headObject(other.name(), "dst").block(TIMEOUT);
            assertThat(head).isNotNull();
            assertThat(head.contentType()).isEqualTo("text/x-test");
            assertThat(head.metadata()).containsEntry("colour", "blue");
            if (target.kind() == StoreKind.LOCAL_S3) {
                // LocalS3 has no UploadPartCopy (501): one CopyObject instead, logged
                assertThat(result.parts()).isEqualTo(1);
                assertThat(Engines.requests(target, other, "CopyObject")).hasSize(1);
            } else {
                assertThat(result.parts()).isEqualTo(4);
                assertThat(Engines.requests(target, other, "UploadPartCopy")).hasSize(4)
                        .allMatch(r -> r.head().header("x-amz-copy-source-if-match").isPresent());
                assertThat(result.eTag()).isEqualTo(Engines.multipartETag(content, PART));
            }
        }
    }

    @S3Test
    void copy_replacingMetadata_givesTheCopyTheNewHeaders(S3Target target, TestBucket bucket) {
        bucket.put("src", TestData.bytes(2 * PART, 3));
        try (S3TransferEngine engine = Engines.reactor(target)) {
            engine.copy(bucket.name(), "src", bucket.name(), "dst", CopyObjectOptions.builder()
                    .replaceMetadata("application/x-new", Map.of("k", "v")).build()).result().block(TIMEOUT);
            ObjectHead head = TargetClients.client(target).headObject(bucket.name(), "dst").block(TIMEOUT);
            assertThat(head).isNotNull();
            assertThat(head.metadata()).containsEntry("k", "v");
            if (target.kind() != StoreKind.LOCAL_S3) {
                // LocalS3 keeps application/octet-stream on a REPLACE copy (measured with the SDK directly too)
                assertThat(head.contentType()).isEqualTo("application/x-new");
            }
        }
    }

    @S3Test
    void copy_sourceETagNotMatching_failsWithPreconditionFailed(S3Target target, TestBucket bucket) {
        if (target.kind() == StoreKind.LOCAL_S3) {
            return; // LocalS3 ignores conditions (measured): nothing to fail
        }
        bucket.put("src", TestData.bytes(10, 4));
        try (S3TransferEngine engine = Engines.reactor(target)) {
            StepVerifier.create(engine.copy(bucket.name(), "src", bucket.name(), "dst",
                            CopyObjectOptions.builder().sourceIfMatch("\"00000000000000000000000000000000\"").build())
                            .result())
                    .expectError(PreconditionFailedException.class)
                    .verify(TIMEOUT);
        }
    }

    @S3Test
    void copy_missingSource_failsWithObjectNotFound(S3Target target, TestBucket bucket) {
        try (S3TransferEngine engine = Engines.reactor(target)) {
            StepVerifier.create(engine.copy(bucket.name(), "missing", bucket.name(), "dst",
                            CopyObjectOptions.defaults()).result())
                    .expectError(ObjectNotFoundException.class)
                    .verify(TIMEOUT);
        }
    }
}
