package io.reactives3.resource;

import static io.reactives3.resource.Filter.delimiter;
import static io.reactives3.resource.Filter.prefix;
import static io.reactives3.resource.Filter.startAfter;
import static io.reactives3.resource.ResourceTargets.TIMEOUT;
import static io.reactives3.resource.ResourceTargets.param;
import static io.reactives3.resource.ResourceTargets.requests;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.resource.model.Page;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.time.Duration;
import java.util.List;
import reactor.test.StepVerifier;

/** {@code bucket.objects()}: listing, filters, and the requests demand, limit and pageSize send. */
class ObjectCollectionTest {

    @S3Test
    void all_smallBucket_emitsEveryObjectInKeyOrderWithListedAttributes(S3Target target, TestBucket bucket) {
        bucket.put("b.txt", "bb");
        bucket.put("a.txt", "a");
        bucket.put("c/d.txt", "ddd");

        List<ObjectSummary> objects = ResourceTargets.s3(target).bucket(bucket.name()).objects().all()
                .collectList().block(TIMEOUT);

        assertThat(objects).extracting(ObjectSummary::key).containsExactly("a.txt", "b.txt", "c/d.txt");
        assertThat(objects).extracting(ObjectSummary::size).containsExactly(1L, 2L, 3L);
        assertThat(objects).allSatisfy(o -> {
            assertThat(o.bucketName()).isEqualTo(bucket.name());
            assertThat(o.eTag()).isNotBlank();
            assertThat(o.lastModified()).isNotNull();
        });
    }

    @S3Test
    void filter_prefix_emitsOnlyPrefixedKeysAndLeavesOriginalUnchanged(S3Target target, TestBucket bucket) {
        bucket.seed(6, i -> (i % 2 == 0 ? "folder/" : "other/") + i);
        ObjectCollection all = ResourceTargets.s3(target).bucket(bucket.name()).objects();

        ObjectCollection folder = all.filter(prefix("folder/"));

        StepVerifier.create(folder.all().map(ObjectSummary::key))
                .expectNext("folder/0", "folder/2", "folder/4")
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(all.all()).expectNextCount(6).expectComplete().verify(TIMEOUT);
        assertThat(param(requests(target, bucket.name(), "ListObjectsV2"), "prefix"))
                .containsExactly("folder/", "<none>");
    }

    @S3Test
    void filter_delimiter_pagesCarryCommonPrefixes(S3Target target, TestBucket bucket) {
        bucket.put("top.txt", "t");
        bucket.put("dir1/a", "a");
        bucket.put("dir2/b", "b");

        List<Page<ObjectSummary>> pages = ResourceTargets.s3(target).bucket(bucket.name()).objects()
                .filter(delimiter("/")).pages().collectList().block(TIMEOUT);

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).items()).extracting(ObjectSummary::key).containsExactly("top.txt");
        assertThat(pages.get(0).commonPrefixes()).containsExactly("dir1/", "dir2/");
    }

    @S3Test
    void filter_startAfter_skipsKeysUpToIt(S3Target target, TestBucket bucket) {
        bucket.seed(5, i -> "k" + i);

        StepVerifier.create(ResourceTargets.s3(target).bucket(bucket.name()).objects().filter(startAfter("k2"))
                        .all().map(ObjectSummary::key))
                .expectNext("k3", "k4")
                .expectComplete()
                .verify(TIMEOUT);
    }

    @S3Test
    void pageSize_smallPages_oneRequestPerPageWithThatMaxKeys(S3Target target, TestBucket bucket) {
        bucket.seed(25, i -> String.format("p/%02d", i));
        ObjectCollection objects = ResourceTargets.s3(target).bucket(bucket.name()).objects().pageSize(10);
        target.requestLog().clear();

        List<Page<ObjectSummary>> pages = objects.pages().collectList().block(TIMEOUT);

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(10, 10, 5);
        assertThat(param(requests(target, bucket.name(), "ListObjectsV2"), "max-keys"))
                .containsExactly("10", "10", "10");
    }

    @S3Test
    void all_demandOfOnePage_sendsNoRequestBeyondIt(S3Target target, TestBucket bucket) {
        bucket.seed(25, i -> String.format("d/%02d", i));
        ObjectCollection objects = ResourceTargets.s3(target).bucket(bucket.name()).objects().pageSize(10);
        target.requestLog().clear();

        StepVerifier.create(objects.all(), 0)
                .thenRequest(10)
                .expectNextCount(10)
                .then(() -> assertThat(requests(target, bucket.name(), "ListObjectsV2")).hasSize(1))
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(requests(target, bucket.name(), "ListObjectsV2")).hasSize(2))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(requests(target, bucket.name(), "ListObjectsV2")).hasSize(2);
    }

    @S3Test
    void all_cancelledMidListing_sendsNoFurtherRequest(S3Target target, TestBucket bucket) {
        bucket.seed(30, i -> String.format("c/%02d", i));
        ObjectCollection objects = ResourceTargets.s3(target).bucket(bucket.name()).objects().pageSize(10);
        target.requestLog().clear();

        StepVerifier.create(objects.all(), 0)
                .thenRequest(15)
                .expectNextCount(15)
                .thenCancel()
                .verify(TIMEOUT);

        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        assertThat(requests(target, bucket.name(), "ListObjectsV2")).hasSize(2);
    }

    @S3Test
    void all_missingBucket_failsWithBucketNotFound(S3Target target) {
        StepVerifier.create(ResourceTargets.s3(target).bucket(target.newBucketName("rr-missing")).objects().all())
                .expectError(io.reactives3.core.error.BucketNotFoundException.class)
                .verify(TIMEOUT);
    }
}
