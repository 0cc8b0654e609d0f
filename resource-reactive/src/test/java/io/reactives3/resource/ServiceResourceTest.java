package io.reactives3.resource;

import io.reactives3.core.testing.TargetClients;
import static io.reactives3.resource.Filter.prefix;
import static io.reactives3.resource.ResourceTargets.TIMEOUT;
import static io.reactives3.resource.ResourceTargets.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactives3.core.ReactiveS3Client;
import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.error.WaitTimeoutException;
import io.reactives3.core.model.BucketHead;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import reactor.test.StepVerifier;

/** The service resource: buckets(), createBucket, bucket(name) and the bucket's own attributes and waiters. */
class ServiceResourceTest {

    @S3Test
    void buckets_all_includesTheBucketWithItsCreationDate(S3Target target, TestBucket bucket) {
        target.requestLog().clear();

        List<Bucket> buckets = ResourceTargets.s3(target).buckets().all().collectList().block(TIMEOUT);

        assertThat(buckets).contains(ResourceTargets.s3(target).bucket(bucket.name()));
        Bucket listed = buckets.stream().filter(b -> b.name().equals(bucket.name())).findFirst().orElseThrow();
        StepVerifier.create(listed.creationDate())
                .assertNext(created -> assertThat(created).isBefore(java.time.Instant.now().plusSeconds(60)))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(target.requestLog().matching(r -> r.operation().equals("ListBuckets"))).hasSize(1);
        assertThat(ResourceTargets.s3(target).bucket(bucket.name()).creationDate().block(TIMEOUT))
                .as("a bucket made from its name finds its creation date with ListBuckets")
                .isEqualTo(listed.creationDate().block(TIMEOUT));
    }

    @S3Test
    void buckets_filterLimitPageSize_selectFromOneListBuckets(S3Target target) {
        String prefix = "rr-sel-" + UUID.randomUUID().toString().substring(0, 6);
        try (TestBucket a = TestBucket.create(target, prefix);
             TestBucket b = TestBucket.create(target, prefix);
             TestBucket c = TestBucket.create(target, prefix)) {
            BucketCollection selected = ResourceTargets.s3(target).buckets().filter(prefix(prefix));
            target.requestLog().clear();

            assertThat(selected.all().map(Bucket::name).collectList().block(TIMEOUT))
                    .containsExactlyInAnyOrder(a.name(), b.name(), c.name());
            assertThat(selected.limit(2).all().collectList().block(TIMEOUT)).hasSize(2);
            assertThat(selected.pageSize(2).pages().map(p -> p.items().size()).collectList().block(TIMEOUT))
                    .containsExactly(2, 1);
            assertThat(target.requestLog().matching(r -> r.operation().equals("ListBuckets"))).hasSize(3);
        }
    }

    @S3Test
    void createBucket_thenDelete_bucketAppearsAndGoes(S3Target target) {
        ReactiveS3 s3 = ResourceTargets.s3(target);
        String name = target.newBucketName("rr-create");

        Bucket created = s3.createBucket(name).block(TIMEOUT);

        assertThat(created).isEqualTo(s3.bucket(name));
        StepVerifier.create(created.waitUntilExists())
                .assertNext(head -> assertThat(head.bucket()).isEqualTo(name))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(created.exists().block(TIMEOUT)).isTrue();

        StepVerifier.create(s3.bucket(name).delete()).expectComplete().verify(TIMEOUT);
        StepVerifier.create(created.waitUntilNotExists()).expectComplete().verify(TIMEOUT);
        assertThat(created.exists().block(TIMEOUT)).isFalse();
    }

    @S3Test
    void waitUntilExists_bucketNeverCreated_timesOut(S3Target target) {
        StepVerifier.create(ResourceTargets.s3(target).bucket(target.newBucketName("rr-never"))
                        .waitUntilExists(Duration.ofSeconds(1)))
                .expectError(WaitTimeoutException.class)
                .verify(TIMEOUT);
    }

    @S3Test
    void load_calledTwice_sendsOneHeadBucketAndReloadAsksAgain(S3Target target, TestBucket bucket) {
        Bucket resource = ResourceTargets.s3(target).bucket(bucket.name());
        target.requestLog().clear();

        BucketHead first = resource.load().block(TIMEOUT);
        BucketHead second = resource.load().block(TIMEOUT);
        assertThat(second).isEqualTo(first);
        assertThat(requests(target, bucket.name(), "HeadBucket")).hasSize(1);

        assertThat(resource.reload().block(TIMEOUT).bucket()).isEqualTo(bucket.name());
        assertThat(requests(target, bucket.name(), "HeadBucket")).hasSize(2);
    }

    @S3Test
    void load_missingBucket_failsWithBucketNotFound(S3Target target) {
        StepVerifier.create(ResourceTargets.s3(target).bucket(target.newBucketName("rr-missing")).load())
                .expectError(BucketNotFoundException.class)
                .verify(TIMEOUT);
    }

    @S3Test
    void close_ownedEngine_closesTheEngineButNotTheClient(S3Target target) {
        try (ReactiveS3Client client = TargetClients.newClient(target, b -> { })) {
            ReactiveS3 s3 = ReactiveS3.create(client);
            s3.close();
            s3.close();

            assertThatThrownBy(s3::engine).isInstanceOf(IllegalStateException.class);
            StepVerifier.create(s3.buckets().all().then()).expectComplete().verify(TIMEOUT);
        }
    }
}
