package io.reactives3.resource;

import static io.reactives3.resource.ResourceTargets.TIMEOUT;
import static io.reactives3.resource.ResourceTargets.requests;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactives3.core.PutObjectOptions;
import io.reactives3.core.error.ObjectNotFoundException;
import io.reactives3.core.error.WaitTimeoutException;
import io.reactives3.core.model.CannedAcl;
import io.reactives3.core.model.ObjectHead;
import io.reactives3.core.model.PresignedRequest;
import io.reactives3.testkit.Capability;
import io.reactives3.testkit.S3Target;
import io.reactives3.testkit.TestBucket;
import io.reactives3.testkit.junit.S3Test;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import reactor.test.StepVerifier;

/** {@code s3.object(b, k)}: lazy attributes, reads, writes, copy, delete, waiters, presigning, its ACL. */
class ObjectResourceTest {

    @S3Test
    void load_calledTwice_sendsOneHeadObjectAndMetadataComesFromIt(S3Target target, TestBucket bucket) {
        ReactiveS3 s3 = ResourceTargets.s3(target);
        s3.object(bucket.name(), "doc.txt")
                .put("hello".getBytes(StandardCharsets.UTF_8), PutObjectOptions.builder()
                        .contentType("text/plain").metadata("owner", "team-a").build())
                .block(TIMEOUT);
        S3Object object = s3.object(bucket.name(), "doc.txt");
        target.requestLog().clear();

        ObjectHead head = object.load().block(TIMEOUT);
        Map<String, String> metadata = object.metadata().block(TIMEOUT);

        assertThat(head.contentLength()).isEqualTo(5);
        assertThat(head.contentType()).startsWith("text/plain");
        assertThat(metadata).containsEntry("owner", "team-a");
        assertThat(requests(target, bucket.name(), "HeadObject")).hasSize(1);
    }

    @S3Test
    void reload_afterTheObjectChanged_seesTheChangeWhileLoadKeepsTheCache(S3Target target, TestBucket bucket) {
        bucket.put("changing", "12345");
        S3Object object = ResourceTargets.s3(target).object(bucket.name(), "changing");
        assertThat(object.load().block(TIMEOUT).contentLength()).isEqualTo(5);

        bucket.put("changing", "1234567890");

        assertThat(object.load().block(TIMEOUT).contentLength()).isEqualTo(5);
        assertThat(object.reload().block(TIMEOUT).contentLength()).isEqualTo(10);
        assertThat(object.load().block(TIMEOUT).contentLength()).isEqualTo(10);
    }

    @S3Test
    void put_throughTheSameInstance_clearsTheCachedHead(S3Target target, TestBucket bucket) {
        S3Object object = ResourceTargets.s3(target).object(bucket.name(), "rewritten");
        object.put("abc").block(TIMEOUT);
        assertThat(object.load().block(TIMEOUT).contentLength()).isEqualTo(3);

        object.put("abcdef").block(TIMEOUT);

        assertThat(object.load().block(TIMEOUT).contentLength()).isEqualTo(6);
    }

    @S3Test
    void load_missingObject_failsWithObjectNotFound(S3Target target, TestBucket bucket) {
        StepVerifier.create(ResourceTargets.s3(target).object(bucket.name(), "absent").load())
                .expectError(ObjectNotFoundException.class)
                .verify(TIMEOUT);
    }

    @S3Test
    void putObjectThenGet_roundTripsTheBytes(S3Target target, TestBucket bucket) {
        ReactiveS3 s3 = ResourceTargets.s3(target);

        StepVerifier.create(s3.bucket(bucket.name()).putObject("file", "payload"))
                .assertNext(r -> assertThat(r.eTag()).isNotBlank())
                .expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(s3.object(bucket.name(), "file").get())
                .assertNext(content -> assertThat(content.asUtf8String()).isEqualTo("payload"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @S3Test
    void copyFrom_copySource_createsTheCopyInOneCopyObject(S3Target target, TestBucket bucket) {
        bucket.put("source", "to be copied");
        S3Object copy = ResourceTargets.s3(target).object(bucket.name(), "copies/new");
        target.requestLog().clear();

        StepVerifier.create(copy.copyFrom(CopySource.of(bucket.name(), "source")))
                .assertNext(r -> assertThat(r.eTag()).isNotBlank())
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(new String(bucket.get("copies/new"), StandardCharsets.UTF_8)).isEqualTo("to be copied");
        assertThat(requests(target, bucket.name(), "CopyObject")).hasSize(1);
    }

    @S3Test
    void delete_existingObject_removesIt(S3Target target, TestBucket bucket) {
        bucket.put("gone", "x");
        S3Object object = ResourceTargets.s3(target).object(bucket.name(), "gone");
        assertThat(object.exists().block(TIMEOUT)).isTrue();

        StepVerifier.create(object.delete()).expectNextCount(1).expectComplete().verify(TIMEOUT);

        assertThat(object.exists().block(TIMEOUT)).isFalse();
        assertThat(bucket.keys()).isEmpty();
    }

    @S3Test
    void objectSummary_fromListing_readsAndDeletesItsObject(S3Target target, TestBucket bucket) {
        bucket.put("listed", "content");
        ObjectSummary summary = ResourceTargets.s3(target).bucket(bucket.name()).objects().all().blockFirst(TIMEOUT);

        assertThat(summary.object()).isEqualTo(ResourceTargets.s3(target).object(bucket.name(), "listed"));
        assertThat(summary.get().block(TIMEOUT).asUtf8String()).isEqualTo("content");
        summary.delete().block(TIMEOUT);
        assertThat(bucket.keys()).isEmpty();
    }

    @S3Test
    void waitUntilExists_objectWrittenWhileWaiting_emitsItsHead(S3Target target, TestBucket bucket) {
        S3Object object = ResourceTargets.s3(target).object(bucket.name(), "later");

        StepVerifier.create(object.waitUntilExists(Duration.ofSeconds(20)))
                .then(() -> bucket.put("later", "now"))
                .assertNext(head -> assertThat(head.contentLength()).isEqualTo(3))
                .expectComplete()
                .verify(TIMEOUT);

        target.requestLog().clear();
        assertThat(object.load().block(TIMEOUT).contentLength()).isEqualTo(3);
        assertThat(requests(target, bucket.name(), "HeadObject")).as("the waiter's head is cached").isEmpty();
    }

    @S3Test
    void waitUntilNotExists_deletedObject_completes(S3Target target, TestBucket bucket) {
        bucket.put("doomed", "x");
        S3Object object = ResourceTargets.s3(target).object(bucket.name(), "doomed");
        object.delete().block(TIMEOUT);

        StepVerifier.create(object.waitUntilNotExists(Duration.ofSeconds(20))).expectComplete().verify(TIMEOUT);
        StepVerifier.create(ResourceTargets.s3(target).object(bucket.name(), "absent")
                        .waitUntilExists(Duration.ofSeconds(1)))
                .expectError(WaitTimeoutException.class)
                .verify(TIMEOUT);
    }

    @S3Test
    void presignedGet_usedByAPlainHttpClient_readsTheObject(S3Target target, TestBucket bucket) throws Exception {
        bucket.put("shared/report.txt", "secret report");

        PresignedRequest url = ResourceTargets.s3(target).object(bucket.name(), "shared/report.txt")
                .presignedGet(Duration.ofMinutes(5)).block(TIMEOUT);

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(url.url()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("secret report");
        assertThat(url.method()).isEqualTo("GET");
    }

    @S3Test
    void presignedPut_usedByAPlainHttpClient_storesTheObject(S3Target target, TestBucket bucket) throws Exception {
        PresignedRequest url = ResourceTargets.s3(target).object(bucket.name(), "uploaded.bin")
                .presignedPut(Duration.ofMinutes(5)).block(TIMEOUT);

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(url.url()).PUT(HttpRequest.BodyPublishers.ofString("via url")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(new String(bucket.get("uploaded.bin"), StandardCharsets.UTF_8)).isEqualTo("via url");
    }

    @S3Test(requires = Capability.ACL)
    void objectAcl_putPublicRead_grantsEveryoneRead(S3Target target, TestBucket bucket) {
        bucket.put("public.txt", "for all");
        ObjectAcl acl = ResourceTargets.s3(target).objectAcl(bucket.name(), "public.txt");
        assertThat(acl.load().block(TIMEOUT).publicRead()).isFalse();

        StepVerifier.create(acl.put(CannedAcl.PUBLIC_READ)).expectComplete().verify(TIMEOUT);

        assertThat(acl.load().block(TIMEOUT).publicRead()).as("put cleared the cached ACL").isTrue();
        assertThat(ResourceTargets.s3(target).object(bucket.name(), "public.txt").acl().grants().block(TIMEOUT))
                .anySatisfy(g -> assertThat(g.isPublic("READ")).isTrue());
    }
}
