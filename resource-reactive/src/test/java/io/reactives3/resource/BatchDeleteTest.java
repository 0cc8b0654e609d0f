package io.reactives3.resource;

import static io.reactives3.resource.Filter.prefix;
import static io.reactives3.resource.ResourceTargets.TIMEOUT;
import static io.reactives3.resource.ResourceTargets.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reactives3.core.model.DeleteError;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.BatchDeleteResult;

/** Batch delete of object collections through the engine (the 10,000-key case is in {@link TenThousandKeysTest}). */
class BatchDeleteTest {

    @S3Test
    void limitDelete_deletesOnlyTheFirstObjects(S3Target target, TestBucket bucket) {
        bucket.seed(30, i -> String.format("k/%02d", i));

        BatchDeleteResult result = ResourceTargets.s3(target).bucket(bucket.name()).objects().limit(10).delete()
                .result().block(TIMEOUT);

        assertThat(result.deleted()).isEqualTo(10);
        assertThat(result.allDeleted()).isTrue();
        assertThat(bucket.keys()).hasSize(20).first().isEqualTo("k/10");
    }

    @S3Test
    void delete_emptySelection_sendsNoDeleteObjects(S3Target target, TestBucket bucket) {
        bucket.put("kept", "x");
        target.requestLog().clear();

        BatchDeleteResult result = ResourceTargets.s3(target).bucket(bucket.name()).objects()
                .filter(prefix("nothing/")).delete().result().block(TIMEOUT);

        assertThat(result.deleted()).isZero();
        assertThat(requests(target, bucket.name(), "DeleteObjects")).isEmpty();
        assertThat(bucket.keys()).containsExactly("kept");
    }

    @S3Test(requires = Capability.BUCKET_POLICY)
    void delete_keysTheStoreRefuses_reportsThemPerKeyAndDeletesTheRest(S3Target target, TestBucket bucket) {
        assumeTrue(target.kind() != StoreKind.LOCAL_S3, "LocalS3 stores bucket policies without enforcing them");
        bucket.seed(1_500, i -> String.format("d/%04d", i));
        BucketPolicy policy = ResourceTargets.s3(target).bucketPolicy(bucket.name());
        policy.put("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject",\
                "Resource":["arn:aws:s3:::%1$s/d/0007","arn:aws:s3:::%1$s/d/1234"]}]}""".formatted(bucket.name()))
                .block(TIMEOUT);
        try {
            target.requestLog().clear();

            BatchDeleteResult result = ResourceTargets.s3(target).bucket(bucket.name()).objects()
                    .filter(prefix("d/")).delete().result().block(TIMEOUT);

            assertThat(result.errors()).extracting(DeleteError::key).containsExactlyInAnyOrder("d/0007", "d/1234");
            assertThat(result.errors()).extracting(DeleteError::code).containsOnly("AccessDenied");
            assertThat(result.deleted()).isEqualTo(1_498);
            assertThat(result.requests()).isEqualTo(2);
            assertThat(requests(target, bucket.name(), "DeleteObjects")).hasSize(2);
            assertThat(bucket.keys()).containsExactly("d/0007", "d/1234");
        } finally {
            policy.delete().block(TIMEOUT);
        }
    }
}
