package io.reactives3.core;

import io.reactives3.core.testing.TargetClients;
import static io.reactives3.core.TestData.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.error.AccessDeniedException;
import io.reactives3.core.error.WaitTimeoutException;
import io.reactives3.core.model.BucketHead;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.time.Duration;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Waiters poll HeadBucket / HeadObject with backoff until the state is reached, an error occurs, or time runs out. */
class WaitersTest {

    /** The shared client, after one request: timing checks must not include the SDK's start-up on first use. */
    private static ReactiveS3Client warm(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        s3.headBucket(bucket.name()).block(TIMEOUT);
        return s3;
    }

    private static long heads(S3Target target, String bucket, String operation) {
        target.requestLog().awaitIdle(Duration.ofSeconds(2));
        return target.requestLog().count(bucket, operation);
    }

    @S3Test
    void waitUntilObjectExists_existingObject_emitsHeadAfterOneRequest(S3Target target, TestBucket bucket) {
        bucket.put("here", "x");
        Mono<ObjectHead> wait = TargetClients.client(target).waitUntilObjectExists(bucket.name(), "here",
                Duration.ofSeconds(10));
        assertThat(heads(target, bucket.name(), "HeadObject")).as("cold: nothing before subscribe").isZero();

        StepVerifier.create(wait)
                .assertNext(head -> assertThat(head.contentLength()).isEqualTo(1))
                .verifyComplete();
        assertThat(heads(target, bucket.name(), "HeadObject")).isEqualTo(1);
    }

    @S3Test
    void waitUntilObjectExists_objectAppearsLater_emitsItsHead(S3Target target, TestBucket bucket) {
        warm(target, bucket);
        // the object is written 700 ms after the first probe: the waiter must poll until it appears
        Mono.delay(Duration.ofMillis(700)).publishOn(Schedulers.boundedElastic())
                .subscribe(tick -> bucket.put("later", "late"));

        StepVerifier.create(TargetClients.client(target).waitUntilObjectExists(bucket.name(), "later",
                        Duration.ofSeconds(20)))
                .assertNext(head -> assertThat(head.contentLength()).isEqualTo(4))
                .verifyComplete();
        // probes at ~0, 200, 600 ms miss; one at ~1400 ms finds it (timing on a busy machine may add one)
        assertThat(heads(target, bucket.name(), "HeadObject")).isBetween(2L, 6L);
    }

    @S3Test
    void waitUntilObjectNotExists_afterDelete_completes(S3Target target, TestBucket bucket) {
        ReactiveS3Client s3 = TargetClients.client(target);
        bucket.put("doomed", "x");
        s3.deleteObject(bucket.name(), "doomed").block(TIMEOUT);

        StepVerifier.create(s3.waitUntilObjectNotExists(bucket.name(), "doomed", Duration.ofSeconds(10)))
                .verifyComplete();
        assertThat(heads(target, bucket.name(), "HeadObject")).isEqualTo(1);
    }

    @S3Test
    void waitUntilObjectExists_neverAppears_failsWithWaitTimeoutAfterPolling(S3Target target, TestBucket bucket) {
        warm(target, bucket);
        StepVerifier.create(TargetClients.client(target).waitUntilObjectExists(bucket.name(), "never",
                        Duration.ofMillis(1500)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(WaitTimeoutException.class)
                        .hasMessageContaining("s3://" + bucket.name() + "/never exists")
                        .hasMessageContaining("1500 ms"))
                .verify(TIMEOUT);
        // probes at ~0, 200, 600 and 1400 ms, then the 1.6 s backoff passes the deadline (a busy machine may lose one)
        assertThat(heads(target, bucket.name(), "HeadObject")).isBetween(2L, 5L);
    }

    @S3Test
    void waitUntilObjectExists_cancelled_stopsPolling(S3Target target, TestBucket bucket) throws InterruptedException {
        ReactiveS3Client s3 = warm(target, bucket);
        Disposable waiting = s3.waitUntilObjectExists(bucket.name(), "never", Duration.ofSeconds(30)).subscribe();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (target.requestLog().count(bucket.name(), "HeadObject") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        waiting.dispose();
        long atCancel = heads(target, bucket.name(), "HeadObject"); // after a probe cancelled in flight ended
        assertThat(atCancel).isPositive();

        Thread.sleep(1500); // at least two more probes would have been due
        assertThat(target.requestLog().count(bucket.name(), "HeadObject")).isEqualTo(atCancel);
    }

    @S3Test(requires = Capability.FAULT_INJECTION)
    void waitUntilObjectExists_errorOtherThanNotFound_stopsTheWait(S3Target target, TestBucket bucket) {
        target.faults().add(Fault.onOperation("HeadObject").respond(403, "AccessDenied"));

        StepVerifier.create(TargetClients.client(target).waitUntilObjectExists(bucket.name(), "x",
                        Duration.ofSeconds(10)))
                .expectError(AccessDeniedException.class)
                .verify(TIMEOUT);
        assertThat(heads(target, bucket.name(), "HeadObject")).isEqualTo(1);
    }

    @S3Test
    void waitUntilBucketExistsAndNotExists(S3Target target) {
        ReactiveS3Client s3 = TargetClients.client(target);
        String name = target.newBucketName("waiter");
        StepVerifier.create(s3.waitUntilBucketNotExists(name, Duration.ofSeconds(5))).verifyComplete();
        StepVerifier.create(s3.waitUntilBucketExists(name, Duration.ofMillis(500)))
                .expectError(WaitTimeoutException.class)
                .verify(TIMEOUT);

        target.fixtureClient().createBucket(b -> b.bucket(name));
        try {
            StepVerifier.create(s3.waitUntilBucketExists(name, Duration.ofSeconds(5)))
                    .assertNext(head -> assertThat(head).extracting(BucketHead::bucket).isEqualTo(name))
                    .verifyComplete();
        } finally {
            target.fixtureClient().deleteBucket(b -> b.bucket(name));
        }
        StepVerifier.create(s3.waitUntilBucketNotExists(name, Duration.ofSeconds(5))).verifyComplete();
    }
}
