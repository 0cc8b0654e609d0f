package io.reactives3.resource;

import static io.reactives3.resource.Filter.prefix;
import static io.reactives3.resource.ResourceTargets.TIMEOUT;
import static io.reactives3.resource.ResourceTargets.param;
import static io.reactives3.resource.ResourceTargets.requests;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import io.reactives3.transfer.TransferProgress;
import io.reactives3.transfer.model.BatchDeleteResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.test.StepVerifier;

/**
 * Demand, limit, page size and batch delete counted at the server on a bucket of 10,000 keys ({@code x/00000} ..
 * {@code x/09999}, plus three {@code keep/} keys), seeded once per target and shared by the tests of this class:
 * the listing tests only read it, the batch delete (ordered last) empties its {@code x/} prefix.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenThousandKeysTest {

    private static final int KEYS = 10_000;
    private static final List<String> KEEP = List.of("keep/1", "keep/2", "keep/3");
    private static final Map<S3Target, TestBucket> BUCKETS = new ConcurrentHashMap<>();

    /** The shared bucket on {@code target}, seeded on first use. */
    private static TestBucket seeded(S3Target target) {
        return BUCKETS.computeIfAbsent(target, t -> {
            TestBucket bucket = TestBucket.create(t, "rr-10k");
            bucket.seed(KEYS, i -> String.format("x/%05d", i));
            KEEP.forEach(k -> bucket.put(k, k));
            return bucket;
        });
    }

    @AfterAll
    static void removeBuckets() {
        BUCKETS.values().forEach(TestBucket::close);
        BUCKETS.clear();
    }

    @S3Test
    @Order(1)
    void all_take5_sendsOneListObjectsV2(S3Target target) {
        TestBucket bucket = seeded(target);
        target.requestLog().clear();

        StepVerifier.create(ResourceTargets.s3(target).bucket(bucket.name()).objects().all().take(5)
                        .map(ObjectSummary::key))
                .expectNext("keep/1", "keep/2", "keep/3", "x/00000", "x/00001")
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(param(requests(target, bucket.name(), "ListObjectsV2"), "max-keys")).containsExactly("1000");
    }

    @S3Test
    @Order(2)
    void limit_belowPageSize_sendsOneRequestAskingForTheLimit(S3Target target) {
        TestBucket bucket = seeded(target);
        target.requestLog().clear();

        StepVerifier.create(ResourceTargets.s3(target).bucket(bucket.name()).objects().filter(prefix("x/")).limit(5)
                        .all().map(ObjectSummary::key))
                .expectNext("x/00000", "x/00001", "x/00002", "x/00003", "x/00004")
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(param(requests(target, bucket.name(), "ListObjectsV2"), "max-keys")).containsExactly("5");
    }

    @S3Test
    @Order(3)
    void limit_acrossPages_stopsAtTheLimitAndShrinksTheLastRequest(S3Target target) {
        TestBucket bucket = seeded(target);
        target.requestLog().clear();

        List<ObjectSummary> objects = ResourceTargets.s3(target).bucket(bucket.name()).objects()
                .filter(prefix("x/")).limit(2_500).all().collectList().block(TIMEOUT);

        assertThat(objects).hasSize(2_500);
        assertThat(objects.get(2_499).key()).isEqualTo("x/02499");
        assertThat(param(requests(target, bucket.name(), "ListObjectsV2"), "max-keys"))
                .containsExactly("1000", "1000", "500");
    }

    @S3Test
    @Order(4)
    void pageSizeAndLimit_pages_oneRequestPerPageOfThatSize(S3Target target) {
        TestBucket bucket = seeded(target);
        target.requestLog().clear();

        StepVerifier.create(ResourceTargets.s3(target).bucket(bucket.name()).objects().pageSize(300).limit(700)
                        .pages().map(p -> p.items().size()))
                .expectNext(300, 300, 100)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(param(requests(target, bucket.name(), "ListObjectsV2"), "max-keys"))
                .containsExactly("300", "300", "100");
    }

    @S3Test
    @Order(5)
    void pages_take2_sendsTwoRequests(S3Target target) {
        TestBucket bucket = seeded(target);
        target.requestLog().clear();

        StepVerifier.create(ResourceTargets.s3(target).bucket(bucket.name()).objects().pages().take(2))
                .expectNextCount(2)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(requests(target, bucket.name(), "ListObjectsV2")).hasSize(2);
    }

    @S3Test
    @Order(10)
    void filterPrefixDelete_tenThousandKeys_atMostTenDeleteObjectsAndNoKeyLeft(S3Target target) {
        TestBucket bucket = seeded(target);
        target.requestLog().clear();

        List<TransferProgress<BatchDeleteResult>> progress = ResourceTargets.s3(target).bucket(bucket.name())
                .objects().filter(prefix("x/")).delete().progress().collectList().block(TIMEOUT);

        BatchDeleteResult result = progress.get(progress.size() - 1).result();
        assertThat(result.errors()).isEmpty();
        assertThat(result.deleted()).isEqualTo(KEYS);
        long deleteRequests = requests(target, bucket.name(), "DeleteObjects").size();
        assertThat(deleteRequests).isLessThanOrEqualTo(10).isEqualTo(result.requests());
        // ten pages of 1,000 (an eleventh, empty one if a store calls the exact end "truncated")
        assertThat(requests(target, bucket.name(), "ListObjectsV2")).hasSizeBetween(10, 11);
        assertThat(bucket.keys()).containsExactlyElementsOf(KEEP);
    }
}
