package io.reactives3.core;

import io.reactives3.core.testing.TargetClients;
import static io.reactives3.core.TestData.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.model.ListObjectVersionsPage;
import io.reactives3.core.model.ListObjectsPage;
import io.reactives3.core.model.ListedObject;
import io.reactives3.core.model.ObjectVersionSummary;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.RecordedRequest;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * ListObjectsV2 and ListObjectVersions: single pages, page streams and item streams, proving at the server (the
 * testkit's request log) that pages are fetched only as demand asks.
 */
class ListingTest {

    private static final int SEEDED = 5000;
    private static final String LIST = "ListObjectsV2";
    /** One bucket of 5,000 keys per target, seeded once for the paging tests (they only read it). */
    private static final Map<S3Target, TestBucket> FIVE_THOUSAND = new ConcurrentHashMap<>();

    @AfterAll
    static void removeSeededBuckets() {
        FIVE_THOUSAND.values().forEach(TestBucket::close);
        FIVE_THOUSAND.clear();
    }

    /** The shared bucket holding k00000 .. k04999 on {@code target}. */
    private static TestBucket fiveThousandKeys(S3Target target) {
        return FIVE_THOUSAND.computeIfAbsent(target, t -> {
            TestBucket bucket = TestBucket.create(t, "listing-5000");
            bucket.seed(SEEDED, ListingTest::key);
            return bucket;
        });
    }

    private static String key(int i) {
        return String.format("k%05d", i);
    }

    private static long lists(S3Target target, String bucket) {
        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        return target.requestLog().count(bucket, LIST);
    }

    // ------------------------------------------------------------------ demand-driven paging (the must-show)

    @S3Test
    void listObjects_take5OverFiveThousandKeys_sendsExactlyOneRequest(S3Target target) {
        TestBucket bucket = fiveThousandKeys(target);
        long before = lists(target, bucket.name());

        List<String> first = TargetClients.client(target).listObjects(bucket.name()).take(5)
                .map(ListedObject::key).collectList().block(TIMEOUT);

        assertThat(first).containsExactly("k00000", "k00001", "k00002", "k00003", "k00004");
        assertThat(lists(target, bucket.name()) - before).as("ListObjectsV2 requests for take(5)").isEqualTo(1);
        RecordedRequest request = last(target, bucket.name());
        assertThat(request.head().queryParam("max-keys")).contains("1000");
        assertThat(request.head().hasQueryParam("continuation-token")).isFalse();
    }

    @S3Test
    void listObjectsV2Pages_requestedOneThenTwo_sendsOneRequestPerRequestedPage(S3Target target) {
        TestBucket bucket = fiveThousandKeys(target);
        String name = bucket.name();
        long before = lists(target, name);

        StepVerifier.create(TargetClients.client(target).listObjectsPages(name, ListObjectsOptions.defaults()), 0)
                .expectSubscription()
                .then(() -> assertThat(lists(target, name) - before).as("requests with no demand").isZero())
                .thenRequest(1)
                .assertNext(page -> {
                    assertThat(page.objects()).hasSize(1000);
                    assertThat(page.objects().get(0).key()).isEqualTo("k00000");
                    assertThat(page.truncated()).isTrue();
                    assertThat(page.nextContinuationToken()).isNotBlank();
                })
                .then(() -> assertThat(lists(target, name) - before).as("requests after demand for 1 page")
                        .isEqualTo(1))
                .thenRequest(1)
                .assertNext(page -> assertThat(page.objects().get(0).key()).isEqualTo("k01000"))
                .then(() -> assertThat(lists(target, name) - before).as("requests after demand for 2 pages")
                        .isEqualTo(2))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(lists(target, name) - before).as("requests after cancel").isEqualTo(2);
    }

    @S3Test
    void listObjectsV2Pages_cancelAfterFirstPage_sendsNoFurtherRequest(S3Target target, TestBucket bucket)
            throws InterruptedException {
        bucket.seed(50, ListingTest::key);
        ListObjectsOptions tens = ListObjectsOptions.builder().pageSize(10).build();

        StepVerifier.create(TargetClients.client(target).listObjectsPages(bucket.name(), tens))
                .expectNextCount(1)
                .thenCancel()
                .verify(TIMEOUT);
        Thread.sleep(300); // room for a (wrong) late request to show up
        assertThat(lists(target, bucket.name())).isEqualTo(1);

        // the item stream: 15 items need exactly the first two pages
        assertThat(TargetClients.client(target).listObjects(bucket.name(), tens).take(15).count()
                .block(TIMEOUT)).isEqualTo(15);
        assertThat(lists(target, bucket.name())).isEqualTo(1 + 2);
    }

    @S3Test
    void listObjectsV2Pages_toTheEnd_followsContinuationTokens(S3Target target, TestBucket bucket) {
        List<String> keys = bucket.seed(50, ListingTest::key);

        List<ListObjectsPage> pages = TargetClients.client(target)
                .listObjectsPages(bucket.name(), ListObjectsOptions.builder().pageSize(10).build())
                .collectList().block(TIMEOUT);

        assertThat(pages).hasSize(5);
        assertThat(pages.subList(0, 4)).allMatch(ListObjectsPage::truncated);
        assertThat(pages.get(4).truncated()).isFalse();
        assertThat(pages.get(4).nextContinuationToken()).isNull();
        assertThat(pages.stream().flatMap(p -> p.objects().stream()).map(ListedObject::key).toList())
                .isEqualTo(keys);
        List<RecordedRequest> requests = target.requestLog().forBucket(bucket.name());
        assertThat(requests).hasSize(5);
        assertThat(requests.get(0).head().hasQueryParam("continuation-token")).isFalse();
        assertThat(requests.subList(1, 5)).allSatisfy(r ->
                assertThat(r.head().queryParam("continuation-token")).isPresent());
    }

    @S3Test
    void listObjectsV2Pages_resumedFromContinuationToken_continuesWhereItLeftOff(S3Target target, TestBucket bucket) {
        bucket.seed(50, ListingTest::key);
        ReactiveS3Client s3 = TargetClients.client(target);
        ListObjectsOptions options = ListObjectsOptions.builder().pageSize(7).build();

        ListObjectsPage first = s3.listObjectsPage(bucket.name(), options).block(TIMEOUT);
        assertThat(first.objects()).hasSize(7);
        assertThat(first.objects().get(6).key()).isEqualTo("k00006");

        List<ListObjectsPage> rest = s3.listObjectsPages(bucket.name(),
                options.toBuilder().continuationToken(first.nextContinuationToken()).build()).take(2)
                .collectList().block(TIMEOUT);
        assertThat(rest.get(0).objects().get(0).key()).isEqualTo("k00007");
        assertThat(rest.get(1).objects().get(0).key()).isEqualTo("k00014");
        assertThat(lists(target, bucket.name())).isEqualTo(3);

        List<String> remaining = s3.listObjects(bucket.name(),
                options.toBuilder().continuationToken(first.nextContinuationToken()).build())
                .map(ListedObject::key).collectList().block(TIMEOUT);
        assertThat(remaining).hasSize(43).startsWith("k00007").endsWith("k00049");
    }

    // ------------------------------------------------------------------ listing features

    @S3Test
    void listObjectsV2_delimiter_rollsUpCommonPrefixes(S3Target target, TestBucket bucket) {
        List.of("a/1", "a/2", "a/x/y", "b/1", "c").forEach(k -> bucket.put(k, k));
        ReactiveS3Client s3 = TargetClients.client(target);

        ListObjectsPage root = s3.listObjectsPage(bucket.name(), ListObjectsOptions.builder().delimiter("/").build())
                .block(TIMEOUT);
        assertThat(root.objects()).extracting(ListedObject::key).containsExactly("c");
        assertThat(root.commonPrefixes()).containsExactly("a/", "b/");
        assertThat(root.delimiter()).isEqualTo("/");

        ListObjectsPage folder = s3.listObjectsPage(bucket.name(),
                ListObjectsOptions.builder().prefix("a/").delimiter("/").build()).block(TIMEOUT);
        assertThat(folder.objects()).extracting(ListedObject::key).containsExactly("a/1", "a/2");
        assertThat(folder.commonPrefixes()).containsExactly("a/x/");
        assertThat(folder.prefix()).isEqualTo("a/");
        assertThat(folder.truncated()).isFalse();
    }

    @S3Test
    void listObjects_prefixStartAfterAndSmallPages_selectAndPageCorrectly(S3Target target, TestBucket bucket) {
        bucket.seed(12, i -> (i % 2 == 0 ? "even/" : "odd/") + i);
        ReactiveS3Client s3 = TargetClients.client(target);

        List<ListedObject> evens = s3.listObjects(bucket.name(),
                ListObjectsOptions.builder().prefix("even/").pageSize(2).build()).collectList().block(TIMEOUT);
        assertThat(evens).extracting(ListedObject::key)
                .containsExactly("even/0", "even/10", "even/2", "even/4", "even/6", "even/8");
        assertThat(evens).allSatisfy(o -> {
            assertThat(o.size()).isEqualTo(o.key().length()); // the testkit stores each key as its content
            assertThat(o.eTag()).isNotBlank().doesNotContain("\"");
            assertThat(o.lastModified()).isNotNull();
        });
        assertThat(target.requestLog().forBucket(bucket.name())).filteredOn(r -> r.operation().equals(LIST))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.head().queryParam("max-keys")).contains("2"));

        List<String> afterOdd5 = s3.listObjects(bucket.name(), ListObjectsOptions.builder().startAfter("odd/5")
                .build()).map(ListedObject::key).collectList().block(TIMEOUT);
        assertThat(afterOdd5).containsExactly("odd/7", "odd/9");
    }

    @S3Test
    void listObjects_emptyBucket_completesEmptyAfterOneRequest(S3Target target, TestBucket bucket) {
        StepVerifier.create(TargetClients.client(target).listObjects(bucket.name()))
                .verifyComplete();
        assertThat(lists(target, bucket.name())).isEqualTo(1);
        ListObjectsPage page = TargetClients.client(target).listObjectsPage(bucket.name(), ListObjectsOptions.defaults())
                .block(TIMEOUT);
        assertThat(page.objects()).isEmpty();
        assertThat(page.truncated()).isFalse();
    }

    @S3Test
    void listObjectsPage_pageSize_oneRequestThenPagesResumeFromItsToken(S3Target target, TestBucket bucket) {
        bucket.seed(5, i -> "r" + i);
        ReactiveS3Client s3 = TargetClients.client(target);
        ListObjectsOptions request = ListObjectsOptions.builder().pageSize(2).build();

        ListObjectsPage one = s3.listObjectsPage(bucket.name(), request).block(TIMEOUT);
        assertThat(one.objects()).extracting(ListedObject::key).containsExactly("r0", "r1");
        assertThat(one.truncated()).isTrue();

        List<String> all = s3.listObjectsPages(bucket.name(), request).flatMapIterable(ListObjectsPage::objects)
                .map(ListedObject::key).collectList().block(TIMEOUT);
        assertThat(all).containsExactly("r0", "r1", "r2", "r3", "r4");

        List<String> rest = s3.listObjects(bucket.name(), o -> o.pageSize(2)
                        .continuationToken(one.nextContinuationToken()))
                .map(ListedObject::key).collectList().block(TIMEOUT);
        assertThat(rest).containsExactly("r2", "r3", "r4");
    }

    @S3Test
    void listObjects_isCold_andFetchOwnerIsSent(S3Target target, TestBucket bucket) {
        bucket.put("x", "x");
        ReactiveS3Client s3 = TargetClients.client(target);
        Flux<ListedObject> listing = s3.listObjects(bucket.name(), ListObjectsOptions.builder().fetchOwner(true)
                .build());
        assertThat(lists(target, bucket.name())).isZero();

        assertThat(listing.count().block(TIMEOUT)).isEqualTo(1);
        assertThat(listing.count().block(TIMEOUT)).isEqualTo(1);
        assertThat(lists(target, bucket.name())).isEqualTo(2);
        assertThat(last(target, bucket.name()).head().queryParam("fetch-owner")).contains("true");
    }

    // ------------------------------------------------------------------ versions

    @S3Test(requires = Capability.VERSIONING)
    void listObjectVersions_versionsAndDeleteMarkers_inListingOrder(S3Target target, TestBucket bucket) {
        ObjectOperationsTest.enableVersioning(target, bucket);
        ReactiveS3Client s3 = TargetClients.client(target);
        String a1 = s3.putObject(bucket.name(), "a", UploadBody.ofString("a-1")).block(TIMEOUT).versionId();
        String a2 = s3.putObject(bucket.name(), "a", UploadBody.ofString("a-22")).block(TIMEOUT).versionId();
        String b1 = s3.putObject(bucket.name(), "b", UploadBody.ofString("b")).block(TIMEOUT).versionId();
        String marker = s3.deleteObject(bucket.name(), "b").block(TIMEOUT).versionId();

        List<ObjectVersionSummary> versions = s3.listObjectVersions(bucket.name()).collectList()
                .block(TIMEOUT);

        assertThat(versions).extracting(ObjectVersionSummary::key, ObjectVersionSummary::versionId,
                        ObjectVersionSummary::latest, ObjectVersionSummary::deleteMarker)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", a2, true, false),
                        org.assertj.core.groups.Tuple.tuple("a", a1, false, false),
                        org.assertj.core.groups.Tuple.tuple("b", marker, true, true),
                        org.assertj.core.groups.Tuple.tuple("b", b1, false, false));
        assertThat(versions.get(0).size()).isEqualTo(4);
        assertThat(versions.get(0).eTag()).isNotBlank().doesNotContain("\"");
        assertThat(versions.get(2).eTag()).isNull();
    }

    @S3Test(requires = Capability.VERSIONING)
    void listObjectVersionsPages_smallPages_fetchedOnDemandAndResumable(S3Target target, TestBucket bucket) {
        ObjectOperationsTest.enableVersioning(target, bucket);
        ReactiveS3Client s3 = TargetClients.client(target);
        for (String key : List.of("p", "q", "r")) {
            s3.putObject(bucket.name(), key, UploadBody.ofString(key + "1")).block(TIMEOUT);
            s3.putObject(bucket.name(), key, UploadBody.ofString(key + "2")).block(TIMEOUT);
        }
        ListObjectVersionsOptions request = ListObjectVersionsOptions.builder().pageSize(2).build();
        String versionsOp = "ListObjectVersions";

        StepVerifier.create(s3.listObjectVersionsPages(bucket.name(), request), 0)
                .expectSubscription()
                .then(() -> assertThat(target.requestLog().count(bucket.name(), versionsOp)).isZero())
                .thenRequest(1)
                .assertNext(page -> {
                    assertThat(page.versions()).hasSize(2);
                    assertThat(page.truncated()).isTrue();
                })
                .then(() -> {
                    target.requestLog().awaitIdle(Duration.ofSeconds(5));
                    assertThat(target.requestLog().count(bucket.name(), versionsOp)).isEqualTo(1);
                })
                .thenCancel()
                .verify(TIMEOUT);

        List<ListObjectVersionsPage> pages = s3.listObjectVersionsPages(bucket.name(), request).collectList().block(TIMEOUT);
        assertThat(pages.stream().mapToInt(p -> p.versions().size()).sum()).isEqualTo(6);
        assertThat(pages.get(pages.size() - 1).truncated()).isFalse();

        // resume from the first page's markers: the rest of the listing
        ListObjectVersionsPage first = s3.listObjectVersionsPage(bucket.name(), request).block(TIMEOUT);
        List<ObjectVersionSummary> rest = s3.listObjectVersionsPages(bucket.name(), request.toBuilder()
                        .keyMarker(first.nextKeyMarker()).versionIdMarker(first.nextVersionIdMarker()).build())
                .flatMapIterable(ListObjectVersionsPage::versions).collectList().block(TIMEOUT);
        assertThat(rest).hasSize(4);
        assertThat(rest).extracting(ObjectVersionSummary::key).containsExactly("q", "q", "r", "r");
    }

    private static RecordedRequest last(S3Target target, String bucket) {
        target.requestLog().awaitIdle(Duration.ofSeconds(5));
        List<RecordedRequest> requests = target.requestLog().forBucket(bucket);
        return requests.get(requests.size() - 1);
    }
}
