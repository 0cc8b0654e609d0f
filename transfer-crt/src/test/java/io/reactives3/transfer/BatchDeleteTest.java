package io.reactives3.transfer;

import static io.reactives3.transfer.Engines.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.error.BucketNotFoundException;
import io.reactives3.core.model.DeleteError;
import io.reactives3.core.model.KeyVersion;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.Fault;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.StoreKind;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.model.BatchDeleteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Batched deletes: batches of at most 1,000, bounded parallel batches, per-key failures as data. */
class BatchDeleteTest {

    @S3Test
    void deleteObjects_2001Keys_threeBatchesAtMostTwoInFlightKeysRequestedAsNeeded(S3Target target,
                                                                                   TestBucket bucket) {
        List<String> present = bucket.seed(20, i -> "k/" + (i * 100));
        TransferSettings settings = Engines.settings(TransferBackend.REACTOR).withDeleteConcurrency(2);
        AtomicLong requestedKeys = new AtomicLong();
        Flux<String> keys = Flux.range(0, 2001).map(i -> "k/" + i).doOnRequest(requestedKeys::addAndGet);
        try (S3TransferEngine engine = S3TransferEngine.create(io.reactives3.core.testing.TargetClients.client(target),
                settings)) {
            target.requestLog().clear();
            target.faults().add(Fault.onOperation("DeleteObjects").delay(Duration.ofMillis(300)));
            List<TransferProgress<BatchDeleteResult>> progress = engine.deleteObjects(bucket.name(), keys).progress()
                    .collectList().block(TIMEOUT);
            assertThat(progress).isNotNull();
            TransferProgress<BatchDeleteResult> last = progress.get(progress.size() - 1);
            BatchDeleteResult result = last.result();
            assertThat(result.deleted()).isEqualTo(2001);
            assertThat(result.allDeleted()).isTrue();
            assertThat(result.requests()).isEqualTo(3);
            assertThat(last.itemsCompleted()).isEqualTo(2001);
            assertThat(last.itemsTotal()).isEqualTo(2001);
            assertThat(last.fraction()).isEqualTo(1.0);
        }
        List<RecordedRequest> requests = Engines.requests(target, bucket, "DeleteObjects");
        assertThat(requests).hasSize(3);
        assertThat(maxOverlap(requests)).isLessThanOrEqualTo(2);
        // quiet mode: the answers name no deleted key (a verbose answer to 1,000 keys is about 60 KB)
        assertThat(requests).allMatch(r -> r.responseBytes() > 0 && r.responseBytes() < 2_000,
                "answers under 2 KB");
        assertThat(bucket.keys()).doesNotContainAnyElementsOf(present).isEmpty();
    }

    @S3Test
    void deleteObjects_aBatchRequestRefused_reportsItsKeysWithTheErrorCodeAndDeletesTheRest(S3Target target,
                                                                                            TestBucket bucket) {
        bucket.seed(5, i -> "x/" + (1000 + i));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1005; i++) {
            keys.add("x/" + i);
        }
        try (S3TransferEngine engine = Engines.engine(target, TransferBackend.REACTOR)) {
            // the first batch (1,000 keys) is refused; AccessDenied is not retried
            target.faults().add(Fault.onOperation("DeleteObjects").respond(403, "AccessDenied").times(1));
            BatchDeleteResult result = engine.deleteObjects(bucket.name(), Flux.fromIterable(keys)
                            .delayElements(Duration.ZERO).take(1005)).result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.allDeleted()).isFalse();
            assertThat(result.requests()).isEqualTo(2);
            assertThat(result.errors().size() + result.deleted()).isEqualTo(1005);
            assertThat(result.errors().size()).isIn(1000, 5);
            assertThat(result.errors()).allMatch(e -> e.code().equals("AccessDenied"));
        }
    }

    @S3Test(only = StoreKind.S3PROXY)
    void deleteObjects_manyRefusedKeys_countsEveryOneAndKeepsASampleOfAThousand(S3Target target, TestBucket bucket) {
        try (S3TransferEngine engine = Engines.engine(target, TransferBackend.REACTOR)) {
            // every batch refused: 5,000 failed keys, of which the result keeps 1,000 (bounded, whatever the job)
            target.faults().add(Fault.onOperation("DeleteObjects").respond(403, "AccessDenied"));
            BatchDeleteResult result = engine.deleteObjects(bucket.name(),
                    Flux.range(0, 5000).map(i -> "denied/" + i)).result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.requests()).isEqualTo(5);
            assertThat(result.deleted()).isZero();
            assertThat(result.failed()).isEqualTo(5000);
            assertThat(result.errors()).hasSize(1000).allMatch(e -> e.code().equals("AccessDenied"))
                    .extracting(DeleteError::key).doesNotHaveDuplicates();
        } finally {
            target.faults().clear();
        }
    }

    @S3Test(only = StoreKind.CEPH_RGW)
    void deleteObjects_keysTheBucketPolicyProtects_reportedPerKeyByTheStore(S3Target target, TestBucket bucket) {
        bucket.seed(3, i -> "protected/" + i);
        bucket.seed(3, i -> "free/" + i);
        target.fixtureClient().putBucketPolicy(b -> b.bucket(bucket.name()).policy("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket.name() + "/protected/*\"}]}"));
        try (S3TransferEngine engine = Engines.reactor(target)) {
            BatchDeleteResult result = engine.deletePrefix(bucket.name(), "", false).result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.deleted()).isEqualTo(3);
            assertThat(result.errors()).extracting(DeleteError::key)
                    .containsExactlyInAnyOrder("protected/0", "protected/1", "protected/2");
            assertThat(result.errors()).allMatch(e -> e.code().equals("AccessDenied"));
        } finally {
            target.fixtureClient().deleteBucketPolicy(b -> b.bucket(bucket.name()));
        }
        assertThat(bucket.keys()).containsExactlyInAnyOrder("protected/0", "protected/1", "protected/2");
    }

    @S3Test(only = StoreKind.LOCAL_S3)
    void deleteVersions_unknownVersionIds_reportedPerKeyByTheStore(S3Target target, TestBucket bucket) {
        bucket.seed(3, i -> "v/" + i);
        try (S3TransferEngine engine = Engines.reactor(target)) {
            BatchDeleteResult result = engine.deleteVersions(bucket.name(), Flux.just(
                    KeyVersion.of("v/0"), KeyVersion.of("v/1", "no-such-version"),
                    KeyVersion.of("v/2"))).result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.deleted()).isEqualTo(2);
            assertThat(result.errors()).extracting(DeleteError::key, DeleteError::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("v/1", "InvalidArgument"));
        }
        assertThat(bucket.keys()).containsExactly("v/1");
    }

    @S3Test
    void deleteObjects_emptyKey_reportedWithoutBeingSent(S3Target target, TestBucket bucket) {
        bucket.put("real", "x");
        try (S3TransferEngine engine = Engines.reactor(target)) {
            BatchDeleteResult result = engine.deleteObjects(bucket.name(), Flux.just("real", ""))
                    .result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.deleted()).isEqualTo(1);
            assertThat(result.errors()).extracting(DeleteError::code).containsExactly("InvalidArgument");
        }
        assertThat(bucket.keys()).isEmpty();
    }

    @S3Test
    void deletePrefix_deletesOnlyUnderThePrefix(S3Target target, TestBucket bucket) {
        bucket.seed(30, i -> "logs/" + i);
        bucket.seed(3, i -> "keep/" + i);
        try (S3TransferEngine engine = Engines.reactor(target)) {
            BatchDeleteResult result = engine.deletePrefix(bucket.name(), "logs/", false).result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.deleted()).isEqualTo(30);
        }
        assertThat(bucket.keys()).containsExactlyInAnyOrder("keep/0", "keep/1", "keep/2");
    }

    @S3Test(requires = Capability.VERSIONING)
    void deletePrefix_allVersions_removesEveryVersionAndDeleteMarker(S3Target target, TestBucket bucket) {
        target.fixtureClient().putBucketVersioning(b -> b.bucket(bucket.name())
                .versioningConfiguration(v -> v.status("Enabled")));
        bucket.put("v/a", "1");
        bucket.put("v/a", "2");
        bucket.put("v/b", "1");
        target.fixtureClient().deleteObject(b -> b.bucket(bucket.name()).key("v/b"));
        bucket.put("other", "stays");
        try (S3TransferEngine engine = Engines.reactor(target)) {
            BatchDeleteResult result = engine.deletePrefix(bucket.name(), "v/", true).result().block(TIMEOUT);
            assertThat(result).isNotNull();
            assertThat(result.deleted()).isEqualTo(4);
            assertThat(result.allDeleted()).isTrue();
        }
        assertThat(target.fixtureClient().listObjectVersions(b -> b.bucket(bucket.name()).prefix("v/"))
                .versions()).isEmpty();
        assertThat(target.fixtureClient().listObjectVersions(b -> b.bucket(bucket.name()).prefix("v/"))
                .deleteMarkers()).isEmpty();
        assertThat(bucket.keys()).containsExactly("other");
    }

    @S3Test
    void deletePrefix_missingBucket_failsTheJob(S3Target target) {
        try (S3TransferEngine engine = Engines.reactor(target)) {
            StepVerifier.create(engine.deletePrefix("no-such-bucket-" + System.nanoTime(), "", false).result())
                    .expectError(BucketNotFoundException.class)
                    .verify(TIMEOUT);
        }
    }

    /** The most requests whose [start, end] intervals overlap at one instant. */
    private static int maxOverlap(List<RecordedRequest> requests) {
        int max = 0;
        for (RecordedRequest r : requests) {
            Instant t = r.startedAt().plusMillis(1);
            int overlapping = (int) requests.stream()
                    .filter(o -> !o.startedAt().isAfter(t) && o.startedAt().plus(o.duration()).isAfter(t)).count();
            max = Math.max(max, overlapping);
        }
        return max;
    }
}
