package io.reactives3.core;

import io.reactives3.core.testing.TargetClients;
import static io.reactives3.core.TestData.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.model.BucketSummary;
import io.reactives3.core.model.CreateBucketResult;
import io.reactives3.core.model.ListBucketsResult;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Create, list, head, locate and delete buckets. */
class BucketOperationsTest {

    @S3Test
    void createBucket_thenListHeadLocateAndDelete(S3Target target) {
        ReactiveS3Client s3 = TargetClients.client(target);
        String name = target.newBucketName("bucket-ops");
        try {
            Mono<CreateBucketResult> create = s3.createBucket(name);
            assertThat(target.requestLog().forBucket(name)).as("cold").isEmpty();
            StepVerifier.create(create)
                    .assertNext(r -> assertThat(r.bucket()).isEqualTo(name))
                    .verifyComplete();
            // us-east-1: no CreateBucketConfiguration body
            RecordedRequest request = target.requestLog().forBucket(name).get(0);
            assertThat(request.operation()).isEqualTo("CreateBucket");
            assertThat(request.requestBytes()).isZero();

            ListBucketsResult listed = s3.listBucketsPage().block(TIMEOUT);
            BucketSummary summary = listed.buckets().stream().filter(b -> b.name().equals(name)).findFirst()
                    .orElseThrow();
            assertThat(summary.creationDate()).isNotNull()
                    .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(10, ChronoUnit.MINUTES));
            assertThat(s3.listBuckets().map(BucketSummary::name).collectList().block(TIMEOUT)).contains(name);

            StepVerifier.create(s3.headBucket(name))
                    .assertNext(head -> assertThat(head.bucket()).isEqualTo(name))
                    .verifyComplete();
            StepVerifier.create(s3.bucketExists(name)).expectNext(true).verifyComplete();

            String location = s3.getBucketLocation(name).block(TIMEOUT);
            switch (target.kind()) {
                case S3PROXY -> assertThat(location).isEqualTo("us-east-1"); // empty LocationConstraint
                case LOCAL_S3 -> assertThat(location).isEqualTo("local");    // LocalS3 names its region "local"
                case CEPH_RGW -> assertThat(location).isEqualTo("default");  // RGW answers its zonegroup
                default -> assertThat(location).isNotBlank();
            }

            StepVerifier.create(s3.deleteBucket(name)).verifyComplete();
            StepVerifier.create(s3.bucketExists(name)).expectNext(false).verifyComplete();
            assertThat(s3.listBucketsPage().block(TIMEOUT).buckets()).extracting(BucketSummary::name)
                    .doesNotContain(name);
        } finally {
            deleteQuietly(target, name);
        }
    }

    @S3Test(only = StoreKind.LOCAL_S3) // the only target here that accepts any location constraint
    void createBucket_outsideUsEast1_sendsTheLocationConstraint(S3Target target) {
        String name = target.newBucketName("bucket-eu");
        try (ReactiveS3Client eu = TargetClients.newClient(target, b -> b.region(Region.EU_WEST_1))) {
            eu.createBucket(name).block(TIMEOUT);
            RecordedRequest request = target.requestLog().forBucket(name).get(0);
            assertThat(request.operation()).isEqualTo("CreateBucket");
            assertThat(request.requestBytes()).as("a CreateBucketConfiguration body").isPositive();
        } finally {
            deleteQuietly(target, name);
        }
    }

    @S3Test
    void deleteBucket_isCold_andHeadBucketOfTestBucketWorks(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        Mono<Void> delete = s3.deleteBucket(bucket.name());
        assertThat(target.requestLog().forBucket(bucket.name())).isEmpty();
        StepVerifier.create(s3.headBucket(bucket.name())).expectNextCount(1).verifyComplete();
        StepVerifier.create(delete).verifyComplete();
        StepVerifier.create(s3.headBucket(bucket.name())).expectError(BucketNotFoundException.class).verify(TIMEOUT);
        assertThat(target.requestLog().forBucket(bucket.name())).extracting(RecordedRequest::operation)
                .isEqualTo(List.of("HeadBucket", "DeleteBucket", "HeadBucket"));
    }

    private static void deleteQuietly(S3Target target, String name) {
        try {
            target.fixtureClient().deleteBucket(b -> b.bucket(name));
        } catch (S3Exception e) {
            // already deleted by the test
        }
    }
}
